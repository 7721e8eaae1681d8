"""Processes and responses the security tests drive: `manage.py` in a production environment
(a subprocess, as an operator runs it) and a download read to its end."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    for key in (
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_HSTS_SECONDS",
        "DATABASE_URL",
        "CELERY_BROKER_URL",
        "PORTAL_S3_BUCKET",
        "PORTAL_ENCRYPTION_KEY",
    ):
        env.pop(key, None)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        DEBUG="0",
        ALLOWED_HOSTS="portal.example.com",
        PORTAL_VAR_DIR=str(tmp_path / "var"),
    )
    env.update(extra)
    return env


def run_manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def drain(response) -> bytes:
    """Read a FileResponse and close its file (not response.close(): in tests that would fire
    request_finished and close the test's database connection)."""
    data = b"".join(response.streaming_content)
    for closer in response._resource_closers:
        closer()
    return data
