"""The test suite: production's rules with test-safe environment defaults."""

import os

from . import BASE_DIR

# set before the settings below read the environment (and before .env, which never wins here)
os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("PORTAL_VAR_DIR", str(BASE_DIR / "var" / "test"))
# Tests compare detection paths on the same texts (with and without a shortcut): a process-wide
# answer cache would answer the second from the first. The cache's own tests enable one.
os.environ.setdefault("SCRUB_DETECT_CACHE_CHARS", "0")

from .production import *  # noqa: E402,F403
from .production import DATABASES, STORAGES, VAR_DIR  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast test logins
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = True
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: the real worker process in e2e tests opens the same test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}
