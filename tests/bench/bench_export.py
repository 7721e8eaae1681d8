"""Export benchmark: N approved, cleanly scrubbed tasks exported to a local folder.

A script, not a test (no assertions on timings). Run:

    .venv/bin/python tests/bench/bench_export.py [--tasks 10000] [--big 10] [--big-mb 32]

It builds a throw-away SQLite database and private storage in a temporary folder (nothing of the
project's own data is touched), seeds N approved tasks with 2 typed-text files, 1 reference file
and 2 deliverable files each (a few KB), plus `--big` tasks whose deliverable is `--big-mb` MB (to
show that files are streamed, not held in memory), and one finding per task. Then it runs
`manage.py export_tasks` in a child process, once as JSON Lines (`--batch new`) and once as
Parquet (`--since`), and prints the wall time and the child's peak RSS (goal: < 300 MB), and
checks each batch with the real `sha256sum -c`.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def seed(n_tasks: int, big: int, big_mb: int) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from portal.models import User
    from scrubbing.models import Finding
    from submissions.models import Task, TaskFile

    call_command("migrate", verbosity=0)
    media = Path(settings.MEDIA_ROOT)
    user = User.objects.create_user(email="bench@example.com", password="x" * 12)
    now = timezone.now()
    sectors = [
        ("Finance and Insurance", "Accountants and Auditors"),
        ("Health Care and Social Assistance", "Registered Nurses"),
        ("Professional, Scientific, and Technical Services", "Software Developers"),
        ("Retail Trade", "Buyers and Purchasing Agents"),
    ]

    def write(task_id: int, data: bytes) -> tuple[str, str]:
        name = f"scrubbed/{task_id}/{uuid.uuid4().hex}"
        path = media / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return name, hashlib.sha256(data).hexdigest()

    t0 = time.perf_counter()
    batch_size = 500
    for start in range(0, n_tasks, batch_size):
        with transaction.atomic():
            tasks = Task.objects.bulk_create(
                Task(
                    contractor=user,
                    title=f"Task {i}: quarterly plan",
                    title_scrubbed=f"Task {i}: quarterly plan",
                    sector=sectors[i % 4][0],
                    occupation=sectors[i % 4][1],
                    request_text=f"Original request {i}",
                    request_text_scrubbed=f"Scrubbed request {i} for [PERSON_1]",
                    deliverable_text=f"Original answer {i}",
                    deliverable_text_scrubbed=f"Scrubbed answer {i} [ORG_1]",
                    provenance="real" if i % 3 else "fabricated",
                    minutes_spent=30 + i % 200,
                    status=Task.Status.APPROVED,
                    submitted_at=now,
                    decided_at=now,
                )
                for i in range(start, min(start + batch_size, n_tasks))
            )
            files = []
            for task in tasks:
                big_task = task.pk <= big
                specs = [
                    (
                        "request",
                        "request_text",
                        "request-text.txt",
                        task.request_text_scrubbed.encode(),
                    ),
                    (
                        "deliverable",
                        "deliverable_text",
                        "deliverable-text.txt",
                        task.deliverable_text_scrubbed.encode(),
                    ),
                    ("request", "", "brief.docx", os.urandom(3000)),
                    (
                        "deliverable",
                        "",
                        "model.xlsx",
                        os.urandom(big_mb * 1024 * 1024 if big_task else 6000),
                    ),
                    ("deliverable", "", "notes.txt", b"notes [PERSON_1]\n" * 200),
                ]
                for part, text_field, name, data in specs:
                    stored, digest = write(task.pk, data)
                    files.append(
                        TaskFile(
                            task=task,
                            part=part,
                            text_field=text_field,
                            original=f"originals/{task.pk}/x",
                            original_name=name,
                            scrubbed=stored,
                            scrubbed_name=name,
                            sha256=digest,
                            scrubbed_sha256=digest,
                            size=len(data),
                            detected_type="text",
                            scrub_status=TaskFile.ScrubStatus.DONE,
                            report={"counts": {"PERSON": 2, "ORG": 1}, "engine_version": "bench"},
                        )
                    )
            TaskFile.objects.bulk_create(files)
            Finding.objects.bulk_create(
                Finding(
                    file=f,
                    entity_type="PERSON",
                    score=0.9,
                    locator="p1",
                    original_text="Jane Example",
                    replacement="[PERSON_1]",
                    source="model",
                )
                for f in files
                if f.text_field == "request_text"
            )
    print(f"seeded {n_tasks} tasks, {n_tasks * 5} files in {time.perf_counter() - t0:.1f} s")


def run_export(env: dict[str, str], out: Path, *args: str) -> tuple[float, float]:
    """Wall seconds and the child's own peak RSS in MB (os.wait4 gives that child's rusage)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "export_tasks", "--out", str(out), *args], cwd=ROOT, env=env
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"export_tasks failed with exit code {proc.returncode}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=10, help="tasks with one big deliverable")
    parser.add_argument("--big-mb", type=int, default=32)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        PORTAL_VAR_DIR=str(work / "var"),
        DATABASE_URL=f"sqlite:///{work / 'var' / 'bench.sqlite3'}",
        PORTAL_MEDIA_ROOT=str(work / "var" / "private"),
        PYTHONUNBUFFERED="1",
    )
    os.environ.update(env)
    try:
        seed(args.tasks, args.big, args.big_mb)
        # The seeding process is big; the export runs in a fresh child so its RSS is its own.
        results = []
        for fmt, selection in (
            ("jsonl", ["--batch", "new"]),
            ("parquet", ["--since", "2000-01-01"]),
        ):
            out = work / f"out-{fmt}"
            seconds, peak = run_export(env, out, "--format", fmt, *selection)
            (batch_dir,) = [p for p in out.iterdir() if not p.name.startswith(".")]
            t0 = time.perf_counter()
            check = subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=batch_dir)
            results.append((fmt, seconds, peak, check.returncode == 0, time.perf_counter() - t0))
        total_mb = sum(p.stat().st_size for p in (work / "out-jsonl").rglob("*") if p.is_file())
        print(
            f"\nexport of {args.tasks} tasks ({args.tasks * 3} files exported, "
            f"{total_mb / 1e6:.0f} MB per batch incl. {args.big} x {args.big_mb} MB files)"
        )
        for fmt, seconds, peak, ok, check_s in results:
            print(
                f"  {fmt:8s} {seconds:7.1f} s   peak RSS {peak:6.0f} MB   "
                f"sha256sum -c {'OK' if ok else 'FAILED'} ({check_s:.1f} s)"
            )
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
