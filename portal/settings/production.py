"""A server: DEBUG off, a SECRET_KEY required, HTTPS only, secure cookies, SMTP e-mail."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, LOCAL_HOSTS, env

DEBUG = False

# A server must be given a key. A manage.py command on a local checkout (ALLOWED_HOSTS only
# local, not runserver) gets a random key for that run alone: nothing it signs outlives it
# (`manage.py scrub` right after `make test` just works). manage.py prints the sentence below
# instead of a traceback.
SECRET_KEY = env.str("SECRET_KEY", default="")
_COMMAND = env.str("PORTAL_MANAGE_COMMAND", default="")
if not SECRET_KEY and _COMMAND not in ("", "runserver") and set(ALLOWED_HOSTS) <= {*LOCAL_HOSTS}:
    import secrets

    SECRET_KEY = secrets.token_urlsafe(50)
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "Set SECRET_KEY (or DEBUG=1 for local development; `make run` writes both into .env)."
    )

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")

SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
