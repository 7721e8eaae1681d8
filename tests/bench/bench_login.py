"""Login under load: 30 concurrent contractors sign in against gunicorn with the production
settings (DEBUG off, PostgreSQL, Redis cache, PBKDF2 with Django's 1,000,000 iterations),
driven by Locust. A benchmark, not a test: it prints p50/p95 per configuration, measured in
this same run, for docs/security.md.

    .venv/bin/python tests/bench/bench_login.py [--users 30]   (make bench-login)

Configurations: gunicorn as it was (3 sync workers), gunicorn with portal/gunicorn_conf.py with
and without the per-process bound on concurrent hashes (portal/hashers.py), each twice, and the
former while every database connection is cut (pg_terminate_backend) three times.
Plain HTTP on loopback, so the cookies' Secure flag and the HTTPS redirect are off; everything
else is the production settings. Each client connects from its own loopback address (allauth
limits logins per address). Needs PostgreSQL (LOAD_PG_URL) and Redis (LOAD_REDIS_URL).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PG = os.environ.get("LOAD_PG_URL", "postgres://postgres@127.0.0.1:5432/portal_ops_load")
REDIS = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/5")
PASSWORD = "load-test-password-2026"
CONF = ["-c", "python:portal.gunicorn_conf"]
UNBOUNDED = {"PORTAL_HASHING_CONCURRENCY": "1000"}
CONFIGS = [  # label, gunicorn arguments, extra environment, cut connections
    ("3 sync workers (before)", ["--workers", "3", "--timeout", "120"], UNBOUNDED, False),
    ("gunicorn_conf.py (1 hash per process)", CONF, {}, False),
    ("gunicorn_conf.py, hashes not bounded", CONF, UNBOUNDED, False),
    ("gunicorn_conf.py (1 hash per process), again", CONF, {}, False),
    ("gunicorn_conf.py, hashes not bounded, again", CONF, UNBOUNDED, False),
    ("gunicorn_conf.py, every connection cut 3 times", CONF, {}, True),
]


def production_env(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=PG,
        CELERY_BROKER_URL=REDIS,
        CACHE_URL=REDIS,
        PORTAL_VAR_DIR=str(var_dir),
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        LOAD_PASSWORD=PASSWORD,
        LOG_LEVEL="WARNING",
    )
    return env


def _admin_connection():
    import psycopg

    url = urlparse(PG)
    return psycopg.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=url.username or "postgres",
        dbname="postgres",
        autocommit=True,
    )


def setup(env: dict[str, str], users: int) -> None:
    name = urlparse(PG).path.lstrip("/")
    with _admin_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    manage = [sys.executable, "manage.py"]
    for args in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([*manage, *args], cwd=ROOT, env=env, check=True)
    script = (
        "from allauth.account.models import EmailAddress\n"
        "from portal.models import User\n"
        f"for i in range({users}):\n"
        "    e = f'load{i}@example.com'\n"
        f"    u = User.objects.create_user(email=e, password={PASSWORD!r})\n"
        "    EmailAddress.objects.create(user=u, email=e, verified=True, primary=True)\n"
    )
    subprocess.run([*manage, "shell", "-c", script], cwd=ROOT, env=env, check=True)


def _flush_cache() -> None:
    import redis

    redis.Redis.from_url(REDIS).flushdb()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(args: list[str], env: dict[str, str], log: Path):
    port = free_port()
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                *args,
                "--bind",
                f"127.0.0.1:{port}",
                "portal.wsgi:application",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    break
                except OSError:
                    time.sleep(0.3)
            time.sleep(2)  # every worker booted
            yield port
        finally:
            proc.terminate()
            proc.wait(timeout=30)


@contextmanager
def cutting_connections(every: float, times: int):
    """Terminate every connection to the load database `times` times, `every` seconds apart
    (a database restart or failover while logins are in flight)."""
    stop = threading.Event()
    cuts = [0]
    name = urlparse(PG).path.lstrip("/")

    def cut() -> None:
        with _admin_connection() as conn:
            for _ in range(times):
                if stop.wait(every):
                    return
                rows = conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid()",
                    (name,),
                ).fetchall()
                cuts[0] += len(rows)

    thread = threading.Thread(target=cut, daemon=True)
    thread.start()
    try:
        yield cuts
    finally:
        stop.set()
        thread.join(timeout=10)


def burst(port: int, users: int, out: Path) -> dict:
    prefix = out / f"locust-{port}"
    subprocess.run(
        [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "tests" / "bench" / "locust_login.py"),
            "--headless",
            "-u",
            str(users),
            "-r",
            str(users),
            "-t",
            "45s",
            "--host",
            f"http://127.0.0.1:{port}",
            "--csv",
            str(prefix),
            "--only-summary",
            "--stop-timeout",
            "30",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env={**os.environ, "LOAD_PASSWORD": PASSWORD},
        check=False,
        stdout=subprocess.DEVNULL,
    )
    with open(f"{prefix}_stats.csv") as fh:
        row = next(r for r in csv.DictReader(fh) if r["Name"] == "POST login")
    errors: dict[str, int] = {}
    with open(f"{prefix}_failures.csv") as fh:
        for r in csv.DictReader(fh):
            errors[r["Error"]] = errors.get(r["Error"], 0) + int(r["Occurrences"])
    return {
        "logins": int(row["Request Count"]),
        "failed": int(row["Failure Count"]),
        "p50_s": float(row["50%"]) / 1000,
        "p95_s": float(row["95%"]) / 1000,
        "max_s": float(row["Max Response Time"]) / 1000,
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--json", default=str(ROOT / "test-artifacts" / "bench-login.json"))
    opts = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-login-") as tmp:
        out = Path(tmp)
        env = production_env(out / "var")
        setup(env, opts.users)
        for i, (label, args, extra, cut) in enumerate(CONFIGS):
            _flush_cache()  # allauth's login counters start from zero
            log = ROOT / "test-artifacts" / f"bench-login-gunicorn-{i}.log"
            with gunicorn(args, {**env, **extra}, log) as port:
                if cut:
                    with cutting_connections(1.5, 3) as cuts:
                        result = burst(port, opts.users, out)
                    result["connections_cut"] = cuts[0]
                else:
                    result = burst(port, opts.users, out)
            result["config"] = label
            results.append(result)
            print(json.dumps(result), flush=True)
    load = os.getloadavg()
    print(
        f"\nLogin under load: {opts.users} concurrent clients, {os.cpu_count()} CPUs, "
        f"load average at the end {load[0]:.1f}"
    )
    print("| gunicorn | logins | failed | p50 | p95 | max |")
    print("|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['config']} | {r['logins']} | {r['failed']} | {r['p50_s']:.1f} s | "
            f"{r['p95_s']:.1f} s | {r['max_s']:.1f} s |"
        )
    Path(opts.json).parent.mkdir(parents=True, exist_ok=True)
    Path(opts.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
