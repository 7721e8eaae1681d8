"""`make bench`: run the benchmarks and write docs/performance.md. Benchmarks, not tests: no
timing assertions anywhere; every ratio printed is measured in this same run.

    .venv/bin/python tests/bench/run.py [--quick] [--out docs/performance.md] [--skip latency,...]

This file measures; tests/bench/report.py renders what it measured into the page.

Sections:
  linear    tests/bench/bench_linear.py: seconds per MB of every recognizer on its worst-case
            adversarial string at 0.25, 0.5 and 1 MB (flat when linear), its output quoted;
  engine    tests/bench/bench_engine.py (words/s of ours vs stock Presidio vs spaCy NER alone,
            same ~20k-word document, one process), its output quoted;
  export    tests/bench/bench_export.py, if present, its output quoted;
  pdf       tests/bench/bench_pdf.py: share of text pages rasterized per PDF producer, a PDF
            against the same words as .docx, a scanned PDF (OCR), its output quoted;
  xlsx      a 100k-cell workbook (10,000 rows x 10 columns) through Scrubber.scrub;
  scaling   the same .docx generator at 1x, 4x, 16x size: seconds, words/s, per-stage times;
  rounds    what the verification rounds cost: a 20,000-word .docx and 1,000-row contact
            sheets (.csv, .xlsx) through Scrubber.scrub, verify time per round and its share;
  latency   upload-to-scrubbed for a 10-page .docx on a warm worker: a real
            `celery -A portal worker` (embedded defaults: SQLite + kombu filesystem broker in a
            temporary PORTAL_VAR_DIR), tasks created through submissions.services, timed from
            the task's submission (enqueue) to the file's `done` (p50/p95).

Over 500 lines because it is one command that writes one report: each section is a function
that runs one benchmark and formats its table; they share the report's header and machine facts.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "tests" / "bench"
PY = sys.executable
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from report import (  # noqa: E402 - tests/bench is on the path only now
    PRESIDIO_FLOOR,
    goals,
    keep_unmeasured,
    presidio_ratio,
    render,
    write_marked,
)


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ---------------------------------------------------------------------------- documents
def prose(words: int, seed: int) -> list[str]:
    """Business prose with names, e-mails, phones and clients (bench_engine's generator)."""
    from bench_engine import make_document

    return make_document(words, seed=seed)


def make_docx(words: int, seed: int, words_per_page: int = 500) -> tuple[bytes, int]:
    import docx
    from docx.enum.text import WD_BREAK

    paras = prose(words, seed)
    d = docx.Document()
    d.add_heading("Quarterly operations review", 0)
    on_page = 0
    total = 0
    for i, p in enumerate(paras):
        d.add_paragraph(p)
        n = len(p.split())
        on_page += n
        total += n
        if on_page >= words_per_page and i < len(paras) - 1:
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            on_page = 0
    d.core_properties.author = "Bench Author"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue(), total


# ---------------------------------------------------------------------------- sections
def section_script(script: str, args: list[str], timeout: int) -> tuple[str, float, int]:
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(
            [PY, str(BENCH / script), *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        out, rc = (
            proc.stdout + (("\n" + proc.stderr[-2000:]) if proc.returncode else ""),
            proc.returncode,
        )
    except subprocess.TimeoutExpired as exc:
        out, rc = f"(timed out after {timeout} s)\n{exc.stdout or ''}", -1
    return out.strip(), time.perf_counter() - t0, rc


def engine_scrubber():
    import logging

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    from scrubbing.engine.detect import get_detector
    from scrubbing.engine.pipeline import Scrubber

    get_detector()
    return Scrubber()


def section_xlsx(rows: int, columns: int = 10) -> dict:
    from scrubbing.engine.pipeline import TermLists
    from scrubbing.engine.pseudonyms import Pseudonymizer

    scrubber = engine_scrubber()
    from bench_engine import make_xlsx

    cells = rows * columns
    data = make_xlsx(cells, columns=columns)  # the ledger bench_engine.py --xlsx-cells scrubs
    t0 = time.perf_counter()
    r = scrubber.scrub("ledger.xlsx", data, TermLists(), Pseudonymizer())
    secs = time.perf_counter() - t0
    return {
        "cells": cells,
        "rows": rows,
        "columns": columns,
        "bytes": len(data),
        "seconds": secs,
        "status": r.status,
        "findings": len(r.findings),
        "timings": r.report.get("timings", {}),
        "rounds": len(r.report.get("rounds", [])),
        "segments": r.report.get("segments"),
        "error": r.error,
    }


def xlsx_child(rows: int, budget: int, columns: int = 10) -> dict:
    """section_xlsx in a child process, so a slow workbook cannot eat the whole bench."""
    import json

    t0 = time.perf_counter()
    try:
        proc = subprocess.run(
            [PY, __file__, "--xlsx-child", str(rows), "--xlsx-columns", str(columns)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=budget,
        )
    except subprocess.TimeoutExpired:
        return {
            "cells": rows * columns,
            "rows": rows,
            "timeout": budget,
            "seconds": time.perf_counter() - t0,
        }
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode or not lines:
        return {"cells": rows * columns, "rows": rows, "child_error": proc.stderr[-500:]}
    return json.loads(lines[-1])


def section_scaling(base_words: int, factors: list[int]) -> list[dict]:
    from scrubbing.engine.pipeline import TermLists
    from scrubbing.engine.pseudonyms import Pseudonymizer

    scrubber = engine_scrubber()
    out = []
    for k in factors:
        data, words = make_docx(base_words * k, seed=100 + k)
        t0 = time.perf_counter()
        r = scrubber.scrub(f"report_{k}x.docx", data, TermLists(), Pseudonymizer())
        secs = time.perf_counter() - t0
        out.append(
            {
                "factor": k,
                "words": words,
                "pages": round(words / 500, 1),
                "seconds": secs,
                "wps": words / secs,
                "status": r.status,
                "findings": len(r.findings),
                "timings": r.report.get("timings", {}),
                "rounds": len(r.report.get("rounds", [])),
            }
        )
        log(f"scaling {k}x: {words} words {secs:.1f}s")
    return out


def section_rounds(words: int, rows: int) -> list[dict]:
    """Verification rounds on the files that used to end residual: per round, verify seconds
    and their share of the whole scrub."""
    from scrubbing.engine.pipeline import TermLists
    from scrubbing.engine.pseudonyms import Pseudonymizer
    from tests.builders.verify import contacts_csv, contacts_xlsx

    scrubber = engine_scrubber()
    files = [
        (f"report ({words:,} words).docx", make_docx(words, seed=7)[0]),
        (f"contacts ({rows:,} rows).csv", contacts_csv(rows)[0]),
        (f"contacts ({rows:,} rows).xlsx", contacts_xlsx(rows)[0]),
    ]
    out = []
    for name, data in files:
        t0 = time.perf_counter()
        r = scrubber.scrub(name.replace(" ", "_"), data, TermLists(), Pseudonymizer())
        secs = time.perf_counter() - t0
        out.append(
            {"name": name, "seconds": secs, "status": r.status, "rounds": r.report["rounds"]}
        )
        log(f"rounds {name}: {secs:.1f}s {r.status}, {len(r.report['rounds'])} round(s)")
    return out


def section_latency(samples: int, pages: int = 10) -> dict:
    """A real worker process on the embedded defaults; tasks made through services."""
    var = tempfile.mkdtemp(prefix="scrub-bench-var-")
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in ("DATABASE_URL", "CELERY_BROKER_URL", "CELERY_TASK_ALWAYS_EAGER", "PORTAL_S3_BUCKET")
    }
    env.update(
        {
            "DEBUG": "1",
            "PORTAL_VAR_DIR": var,
            "DJANGO_SETTINGS_MODULE": "portal.settings.local",
            "PYTHONUNBUFFERED": "1",
        }
    )
    subprocess.run(
        [PY, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    celery = str(Path(PY).parent / "celery")
    worker_log = open(Path(var) / "worker.log", "w")  # noqa: SIM115
    worker = subprocess.Popen(
        [
            celery,
            "-A",
            "portal",
            "worker",
            "--loglevel",
            "WARNING",
            "--concurrency",
            "1",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
        stdout=worker_log,
        stderr=subprocess.STDOUT,
    )
    try:
        os.environ.update(
            {k: env[k] for k in ("DEBUG", "PORTAL_VAR_DIR", "DJANGO_SETTINGS_MODULE")}
        )
        for k in ("DATABASE_URL", "CELERY_BROKER_URL", "CELERY_TASK_ALWAYS_EAGER"):
            os.environ.pop(k, None)
        import django

        django.setup()
        from django.core.files.uploadedfile import SimpleUploadedFile

        from portal.models import User
        from submissions.models import TaskFile
        from submissions.occupations import GDPVAL_OCCUPATIONS
        from submissions.services import task_create
        from submissions.upload_services import upload_stage

        sector = next(iter(GDPVAL_OCCUPATIONS))
        occupation = GDPVAL_OCCUPATIONS[sector][0]
        user = User.objects.create_user(
            email="bench@example.com", password="bench-pass-123", role="contractor"
        )

        def one(data: bytes, name: str, timeout: float = 300) -> dict:
            staged = upload_stage(
                owner=user, part="deliverable", upload=SimpleUploadedFile(name, data)
            )
            t0 = time.perf_counter()
            task = task_create(
                contractor=user,
                fields={
                    "title": "Bench",
                    "sector": sector,
                    "occupation": occupation,
                    "request_text": "Summarise the quarter.",
                    "provenance": "fabricated",
                    "minutes_spent": 30,
                    "attest_rights": True,
                },
                staged=[staged],
                submit=True,
            )
            final = ("done", "residual", "failed")
            f = TaskFile.objects.get(task=task, part="deliverable", original_name=name)
            wall = task_wall = None
            while time.perf_counter() - t0 < timeout:
                f.refresh_from_db()
                if wall is None and f.scrub_status in final:
                    wall = time.perf_counter() - t0
                if (
                    wall is not None
                    and not TaskFile.objects.filter(task=task)
                    .exclude(scrub_status__in=final)
                    .exists()
                ):
                    task_wall = time.perf_counter() - t0
                    break
                time.sleep(0.05)
            wall = wall if wall is not None else time.perf_counter() - t0
            server = (
                (f.finished_at - f.enqueued_at).total_seconds()
                if f.finished_at and f.enqueued_at
                else None
            )
            pickup = (
                (f.started_at - f.enqueued_at).total_seconds()
                if f.started_at and f.enqueued_at
                else None
            )
            return {
                "wall": wall,
                "task_wall": task_wall or wall,
                "server": server,
                "pickup": pickup,
                "status": f.scrub_status,
                "timings": (f.report or {}).get("timings", {}),
            }

        words_total = 0
        warm_doc, _ = make_docx(pages * 500, seed=999)
        log("latency: warm-up job (worker loads the model)")
        warm = one(warm_doc, "warmup.docx")
        runs = []
        for i in range(samples):
            data, words = make_docx(pages * 500, seed=1000 + i)
            words_total = words
            runs.append(one(data, f"report-{i}.docx"))
            log(f"latency sample {i + 1}/{samples}: {runs[-1]['wall']:.2f}s {runs[-1]['status']}")
        walls = sorted(r["wall"] for r in runs)
        task_walls = sorted(r["task_wall"] for r in runs)
        servers = sorted(r["server"] for r in runs if r["server"] is not None)
        pickups = sorted(r["pickup"] for r in runs if r["pickup"] is not None)

        def p(xs: list[float], q: float) -> float:
            if not xs:
                return float("nan")
            idx = min(len(xs) - 1, max(0, round(q * (len(xs) - 1))))
            return xs[idx]

        return {
            "samples": len(runs),
            "pages": pages,
            "words": words_total,
            "warmup": warm["wall"],
            "p50": statistics.median(walls),
            "p95": p(walls, 0.95),
            "task_p50": statistics.median(task_walls),
            "task_p95": p(task_walls, 0.95),
            "max": walls[-1],
            "server_p50": statistics.median(servers) if servers else None,
            "server_p95": p(servers, 0.95),
            "pickup_p50": statistics.median(pickups) if pickups else None,
            "statuses": sorted({r["status"] for r in runs}),
            "stage_p50": {
                k: statistics.median(r["timings"].get(k, 0) for r in runs)
                for k in ("open", "detect", "render", "verify")
            },
        }
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
        worker_log.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Run the benchmarks, write docs/performance.md.")
    ap.add_argument("--out", default=str(ROOT / "docs" / "performance.md"))
    ap.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    ap.add_argument(
        "--skip",
        default="",
        help="comma list: engine,profile,linear,export,pdf,xlsx,rounds,scaling,latency",
    )
    ap.add_argument("--xlsx-budget", type=int, default=300, help="seconds for each big sheet")
    ap.add_argument("--engine-budget", type=int, default=1200, help="seconds for bench_engine")
    ap.add_argument("--xlsx-child", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--xlsx-columns", type=int, default=10, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.xlsx_child:
        import json

        warnings.simplefilter("ignore")
        print(json.dumps(section_xlsx(args.xlsx_child, args.xlsx_columns)))
        return 0
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    warnings.simplefilter("ignore")
    t_start = time.perf_counter()
    res: dict = {}
    if "engine" not in skip:
        eargs = [
            "--words",
            "5000" if args.quick else "20000",
            "--repeat",
            "1" if args.quick else "2",
        ]
        res["engine_args"] = eargs
        log("engine: bench_engine.py " + " ".join(eargs))
        res["engine"] = section_script("bench_engine.py", eargs, timeout=args.engine_budget)
        print(res["engine"][0], flush=True)
        ratio = presidio_ratio(res["engine"][0])
        if ratio is not None:
            verdict = "met" if ratio >= PRESIDIO_FLOOR else "BELOW THE FLOOR"
            log(f"ours / stock Presidio = {ratio:.2f}x (floor {PRESIDIO_FLOOR}x: {verdict})")
    if "profile" not in skip:
        log("profile: bench_profile.py")
        res["profile"] = section_script("bench_profile.py", [], timeout=600)
        print(res["profile"][0], flush=True)
    if "linear" not in skip:
        log("linear: bench_linear.py")
        res["linear_args"] = ["--quick"] if args.quick else []
        res["linear"] = section_script("bench_linear.py", res["linear_args"], timeout=900)
        print(res["linear"][0], flush=True)
    if "export" not in skip and (BENCH / "bench_export.py").exists():
        log("export: bench_export.py")
        eargs = ["--tasks", "500", "--big", "1", "--big-mb", "8"] if args.quick else []
        res["export_args"] = eargs
        res["export"] = section_script("bench_export.py", eargs, timeout=400)
        print(res["export"][0], flush=True)
    if "pdf" not in skip:
        log("pdf: bench_pdf.py")
        pargs = ["--tasks", "2", "--words", "3000", "--scan-pages", "1"] if args.quick else []
        res["pdf_args"] = pargs
        res["pdf"] = section_script("bench_pdf.py", pargs, timeout=900)
        print(res["pdf"][0], flush=True)
    if "xlsx" not in skip:
        res["xlsx"] = []
        for rows, columns, budget in (
            [(1_000, 10, 240), (2_000, 10, 240), (6_000, 5, 240)]
            if args.quick
            else [(1_000, 10, 240), (10_000, 10, args.xlsx_budget), (60_000, 5, args.xlsx_budget)]
        ):
            log(f"xlsx: {rows:,} rows x {columns} columns (budget {budget} s)")
            res["xlsx"].append(xlsx_child(rows, budget, columns))
            log(f"xlsx: {res['xlsx'][-1]}")
    if "rounds" not in skip:
        res["rounds"] = section_rounds(5000 if args.quick else 20_000, 200 if args.quick else 1000)
    if "scaling" not in skip:
        base = 1000 if args.quick else 2500
        res["scaling"] = section_scaling(base, [1, 4, 16] if not args.quick else [1, 4])
    if "latency" not in skip:
        try:
            res["latency"] = section_latency(samples=4 if args.quick else 15)
        except Exception as exc:  # noqa: BLE001 - report why, keep the rest of the page
            res["latency"] = f"{type(exc).__name__}: {exc}"
        log(f"latency: {res['latency'] if not isinstance(res['latency'], dict) else 'done'}")
    report = render(res, time.perf_counter() - t_start, args)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    report = keep_unmeasured(report, out.read_text(encoding="utf-8") if out.exists() else "")
    write_marked(out, report)
    print(report)
    for g, m, v in goals(res):
        log(f"goal: {g}: {m} -> {v.strip('*')}")
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
