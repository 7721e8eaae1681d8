"""`make bench-cluster`: files per minute with 1, 2 and 4 worker processes, on Redis and RabbitMQ.

A benchmark, not a test: no assertion on time. For each broker and each worker count it starts
that many real `celery -A portal worker --concurrency 1` nodes (each one like a machine or pod
consuming both queues), sends the project's generated corpus (tests/corpus/generator.py: per
task a .docx, .xlsx, .pptx, .pdf, .csv, .md, .env, .zip and a picture, plus the typed title and
request) through submissions.services on PostgreSQL, and times from the first submission to the
last file finished. Before the timed batch every node scrubs a few small files, so model loading
is not counted. The table goes into docs/performance.md between the cluster markers.

    .venv/bin/python tests/bench/bench_cluster.py [--tasks 6] [--workers 1,2,4]
        [--brokers redis,rabbitmq] [--out docs/performance.md]

Environment: BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/portal_infra_bench, created if
missing), BENCH_REDIS_URL (redis://127.0.0.1:6379/4), BENCH_AMQP_URL
(amqp://guest:guest@127.0.0.1:5672//). Queue names are this run's own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
BEGIN, END = "<!-- cluster:begin -->", "<!-- cluster:end -->"
BROKERS = {
    "redis": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/4"),
    "rabbitmq": os.environ.get("BENCH_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672//"),
}
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/portal_infra_bench")
FINAL = ("done", "residual", "failed")


def log(msg: str) -> None:
    print(f"[cluster {time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ---------------------------------------------------------------- one run (a subprocess)
def run_env(broker_url: str, var: str, tag: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "PORTAL_S3"))}
    env.update(
        DEBUG="1",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DATABASE_URL=PG_URL,
        CELERY_BROKER_URL=broker_url,
        PORTAL_VAR_DIR=var,
        PORTAL_SCRUB_QUEUE=f"bench-scrub-{tag}",
        PORTAL_HEAVY_QUEUE=f"bench-heavy-{tag}",
        PYTHONUNBUFFERED="1",
    )
    return env


@contextmanager
def worker_node(env: dict[str, str], name: str, log_path: Path):
    queues = f"{env['PORTAL_SCRUB_QUEUE']},{env['PORTAL_HEAVY_QUEUE']}"
    out = open(log_path, "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [str(Path(PY).parent / "celery"), "-A", "portal", "worker", "-Q", queues,
         "-n", f"{name}@%h", "--concurrency", "1", "--loglevel", "INFO",
         "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 180
        while " ready." not in log_path.read_text():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"worker {name} did not start:\n{log_path.read_text()[-2000:]}")
            time.sleep(0.3)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        out.close()


def one_run(broker: str, workers: int, tasks: int) -> dict:
    """In this process: Django on PG_URL and the broker; `workers` nodes; the timed batch."""
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile

    from portal.celery import app
    from portal.models import User
    from submissions.models import TaskFile
    from submissions.occupations import GDPVAL_OCCUPATIONS
    from submissions.services import task_create
    from submissions.upload_services import upload_stage
    from tests.corpus.generator import generate

    sector = next(iter(GDPVAL_OCCUPATIONS))
    user, _ = User.objects.get_or_create(
        email="cluster-bench@example.com", defaults={"role": "contractor"}
    )

    def submit(files: dict[str, bytes]) -> list[int]:
        staged = [
            upload_stage(owner=user, part="deliverable", upload=SimpleUploadedFile(n, d))
            for n, d in files.items()
        ]
        task = task_create(
            contractor=user,
            fields={
                "title": "Cluster bench",
                "sector": sector,
                "occupation": GDPVAL_OCCUPATIONS[sector][0],
                "request_text": "Summarise the quarter for the board.",
                "provenance": "fabricated",
                "minutes_spent": 30,
                "attest_rights": True,
            },
            staged=staged,
            submit=True,
        )
        return list(TaskFile.objects.filter(task=task).values_list("pk", flat=True))

    def wait(ids: list[int], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while TaskFile.objects.filter(pk__in=ids).exclude(scrub_status__in=FINAL).exists():
            if time.monotonic() > deadline:
                raise RuntimeError(f"{len(ids)} files not finished in {timeout:.0f} s")
            time.sleep(0.2)

    corpus = generate(tasks=tasks)
    by_task: dict[str, dict[str, bytes]] = {}
    for rel, blob in corpus.files.items():
        task_id, name = rel.split("/", 1)
        by_task.setdefault(task_id, {})[name] = blob
    logs = Path(os.environ["PORTAL_VAR_DIR"])

    def jobs_run(task: str) -> int:  # jobs finished so far, from the nodes' logs
        return sum(
            f"Task {task}[" in line and " succeeded in " in line
            for p in logs.glob("w*.log")
            for line in p.read_text().splitlines()
        )

    env = dict(os.environ)
    with ExitStack() as stack:
        for i in range(workers):
            stack.enter_context(worker_node(env, f"bench{i}-{os.getpid()}", logs / f"w{i}.log"))
        warm = [pk for _ in range(workers) for pk in submit({"warm.txt": b"Ring Jane Doe."})]
        wait(warm, 600)
        time.sleep(2)  # the warm-up files' previews
        before = jobs_run("scrubbing.scrub_file"), jobs_run("scrubbing.render_preview")
        t0 = time.perf_counter()
        ids = [pk for files in by_task.values() for pk in submit(files)]
        wait(ids, 3600)
        seconds = time.perf_counter() - t0
        scrubs = jobs_run("scrubbing.scrub_file") - before[0]
        previews = jobs_run("scrubbing.render_preview") - before[1]
    states = dict.fromkeys(FINAL, 0)
    for s in TaskFile.objects.filter(pk__in=ids).values_list("scrub_status", flat=True):
        states[s] += 1
    with app.connection_for_write() as conn:  # this run's queues go away
        for q in (env["PORTAL_SCRUB_QUEUE"], env["PORTAL_HEAVY_QUEUE"]):
            with suppress(*conn.channel_errors):
                conn.default_channel.queue_delete(q)
    return {
        "broker": broker,
        "workers": workers,
        "files": len(ids),
        "uploaded": len(corpus.files),
        "seconds": seconds,
        "scrub_jobs": scrubs,
        "previews": previews,
        "files_per_min": len(ids) / seconds * 60,
        "states": states,
        "load": os.getloadavg()[0],  # the machine is shared: how busy it was at the end
    }


# ---------------------------------------------------------------- the table
def table(rows: list[dict], args, load: tuple[float, float, float], wall: float) -> str:
    base = {r["broker"]: r["files_per_min"] for r in rows if r["workers"] == 1}
    lines = [
        "## Out across machines: files per minute by worker processes and broker",
        "",
        f"Generated by `make bench-cluster` (`tests/bench/bench_cluster.py --tasks {args.tasks}`) "
        f"on {os.cpu_count()} CPUs, Python {platform.python_version()}; whole run {wall:.0f} s; "
        f"load average at the start {load[0]:.1f} (the machine is shared). Each worker process is "
        "a `celery worker --concurrency 1` node consuming both queues, as one machine or pod "
        "would; PostgreSQL and local storage are shared. Per run: "
        f"{args.tasks} tasks of the generated corpus ({rows[0]['uploaded']} uploaded files: "
        ".docx, .xlsx, .pptx, .pdf, .csv, .md, .env, .zip, a picture per task) plus each "
        f"task's typed title and request = {rows[0]['files']} files, timed from the first "
        "submission to the last file finished, after every node has scrubbed a small warm-up "
        "file. Each file counts once in files/min; the work also holds what the pipeline adds in "
        "production, counted from the nodes' logs: the re-scrubs that the task-wide inventory "
        "asks for (a name found in one file is looked for again in the others: scrub jobs > "
        "files) and the preview jobs (previews finished by the time the last file was done). "
        "Speed-up is against 1 worker process on the same broker in this run.",
        "",
        "| broker | worker processes | files | scrub jobs | previews | seconds | files/min | "
        "speed-up | done / residual / failed | load avg after |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        s = r["states"]
        lines.append(
            f"| {r['broker']} | {r['workers']} | {r['files']} | {r['scrub_jobs']} | "
            f"{r['previews']} | {r['seconds']:.0f} | "
            f"{r['files_per_min']:.1f} | {r['files_per_min'] / base[r['broker']]:.2f}x | "
            f"{s['done']} / {s['residual']} / {s['failed']} | {r['load']:.1f} |"
        )
    lines += [
        "",
        f"With {os.cpu_count()} cores, more than {os.cpu_count()} worker processes cannot add "
        "speed here; on a cluster each process (pod) brings its own core, and throughput grows "
        "with processes until PostgreSQL or the broker is the limit (not measured here).",
    ]
    return "\n".join(lines)


def write_section(out: Path, text: str) -> None:
    doc = out.read_text() if out.exists() else ""
    block = f"{BEGIN}\n{text}\n{END}"
    if BEGIN in doc and END in doc:
        doc = doc[: doc.index(BEGIN)] + block + doc[doc.index(END) + len(END) :]
    else:
        doc = doc.rstrip("\n") + "\n\n" + block + "\n"
    out.write_text(doc)


def ensure_database() -> None:
    name = PG_URL.rsplit("/", 1)[1]
    server = PG_URL.rsplit("/", 1)[0] + "/postgres"
    found = subprocess.run(
        ["psql", server, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    if not found:
        subprocess.run(["psql", server, "-c", f'CREATE DATABASE "{name}"'], check=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tasks", type=int, default=6)
    ap.add_argument("--workers", default="1,2,4")
    ap.add_argument("--brokers", default="redis,rabbitmq")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    ap.add_argument("--one", nargs=2, metavar=("BROKER", "WORKERS"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print("RESULT " + json.dumps(one_run(args.one[0], int(args.one[1]), args.tasks)))
        return 0
    started, load = time.perf_counter(), os.getloadavg()
    ensure_database()
    rows = []
    # worker counts outside, brokers inside: both brokers are measured at nearly the same time
    for n in (int(w) for w in args.workers.split(",")):
        for broker in args.brokers.split(","):
            var = tempfile.mkdtemp(prefix=f"cluster-bench-{broker}-{n}-")
            env = run_env(BROKERS[broker], var, f"{os.getpid()}-{broker}-{n}")
            subprocess.run(
                [PY, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
            )
            log(f"{broker}, {n} worker process(es), {args.tasks} tasks ...")
            done = subprocess.run(
                [PY, __file__, "--tasks", str(args.tasks), "--one", broker, str(n)],
                cwd=ROOT, env=env, capture_output=True, text=True,
            )  # fmt: skip
            result = [ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")]
            if done.returncode or not result:
                print(done.stdout[-3000:], done.stderr[-3000:], sep="\n", file=sys.stderr)
                log(f"{broker} with {n} worker(s) failed (logs in {var})")
                return 1
            row = json.loads(result[0][len("RESULT ") :])
            log(f"  {row['files']} files in {row['seconds']:.0f} s: {row['files_per_min']:.1f}/min")
            rows.append(row)
    text = table(rows, args, load, time.perf_counter() - started)
    print(text)
    write_section(args.out, text)
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    sys.exit(main())
