"""Settings as cookiecutter-django has them, read from environment variables with safe defaults.

- `base.py`: everything every environment shares, in sections (core, apps, database, accounts,
  storage, uploads, Celery, scrubbing, previews, exports, security, logging);
- `local.py`: development (`make run` writes DEBUG=1 into .env): console e-mail, a fixed
  development key, static files straight from static/;
- `production.py`: a server: DEBUG off, a required SECRET_KEY, HTTPS and secure cookies;
- `test.py`: the test suite: production's rules with test-safe defaults.

manage.py, wsgi.py, asgi.py and the Celery app call `select_module()`: DJANGO_SETTINGS_MODULE
when it is given, otherwise `local` when DEBUG is on (environment or .env) and `production`
when it is not, so a server is never in development mode by omission. Importing this package
does nothing else: no file read, no folder made (PortalConfig.ready makes the folders).
"""

from __future__ import annotations

import os
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
ENV_FILE = BASE_DIR / ".env"  # optional, never committed
env = environ.Env()  # the one reader of the environment, shared by every settings module


def read_env_file() -> None:
    """Fill what the environment leaves unset from .env (the environment wins)."""
    environ.Env.read_env(ENV_FILE, overwrite=False)


def select_module() -> str:
    """The settings module of this process (sets DJANGO_SETTINGS_MODULE when it is unset)."""
    if not os.environ.get("DJANGO_SETTINGS_MODULE"):
        read_env_file()
        kind = "local" if env.bool("DEBUG", default=False) else "production"
        os.environ["DJANGO_SETTINGS_MODULE"] = f"portal.settings.{kind}"
    return os.environ["DJANGO_SETTINGS_MODULE"]
