"""What every environment shares (local.py, production.py and test.py start from here).

Embedded defaults (no server needed): SQLite, local private media, Celery over kombu's filesystem
transport. Give DATABASE_URL, CELERY_BROKER_URL, PORTAL_S3_BUCKET to use PostgreSQL, Redis or
RabbitMQ, and S3. Nothing here touches the disk: the folders named below are made by
PortalConfig.ready (portal/apps.py) when Django starts.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from scrubbing.engine import cache, convert  # the engine's defaults (pure Python, no Django)

from . import BASE_DIR, env, read_env_file

read_env_file()

# ==== core =======================================================================================

VAR_DIR = Path(env.str("PORTAL_VAR_DIR", default=str(BASE_DIR / "var")))
DEBUG = False  # local.py turns it on
# With DEBUG the branded 404/500 pages are shown too; 1 brings Django's technical pages back.
DEBUG_TECHNICAL_PAGES = env.bool("DEBUG_TECHNICAL_PAGES", default=False)
LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=LOCAL_HOSTS)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# ==== apps and requests ==========================================================================

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "allauth",
    "allauth.account",
    "axes",
    "portal",
    "submissions",
    "scrubbing",
    "reviews",
    "exports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.BrandedErrorPagesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

# ==== database and cache =========================================================================

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker write the same file: wait for locks instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 30, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend plus: a cut connection is reconnected and statements that are safe to
    # repeat are run again, so a database restart is not a 500 (portal/db.py).
    DATABASES["default"]["ENGINE"] = "portal.db_backends.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The cache holds rate-limit counters (uploads, allauth's logins): give several web processes a
# shared one in production, e.g. CACHE_URL=redis://host:6379/1. Default: per process memory.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# ==== accounts ===================================================================================

AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Django's PBKDF2 first (the same hashes), limited to PORTAL_HASHING_CONCURRENCY hashes at a time
# per process (portal/hashers.py): logins under load finish in turn instead of all late.
PASSWORD_HASHERS = [
    "portal.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
PORTAL_HASHING_CONCURRENCY = env.int("PORTAL_HASHING_CONCURRENCY", default=1)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-allauth: e-mail login, mandatory verification.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env.str("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Superstar Scrubbing] "
ACCOUNT_FORMS = {"signup": "portal.forms.SignupForm"}
LOGIN_REDIRECT_URL = "home"
LOGIN_URL = "account_login"

# django-axes: lock out after repeated failed logins (per user and address).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)

# ==== e-mail (the backend: local.py console, production.py SMTP, test.py locmem) =================

EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="portal@localhost")

# ==== language and static files ==================================================================

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# local.py serves static files straight from static/ (no collectstatic step needed).
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False

# ==== private storage ============================================================================
# Originals and scrubbed outputs are private. Local folder by default (never under MEDIA_URL:
# there is no public media URL at all); S3 when PORTAL_S3_BUCKET is given. Local files are
# written atomically (no half-written blob after a failed write); with PORTAL_ENCRYPTION_KEY set
# (comma-separated Fernet keys, the first encrypts) every original and scrubbed file is encrypted
# at rest, locally or in S3 (portal/encrypted_storage.py).
MEDIA_ROOT = Path(env.str("PORTAL_MEDIA_ROOT", default=str(VAR_DIR / "private")))
PORTAL_S3_BUCKET = env.str("PORTAL_S3_BUCKET", default="")
PORTAL_ENCRYPTION_KEY = env.str("PORTAL_ENCRYPTION_KEY", default="")
if PORTAL_ENCRYPTION_KEY:
    from cryptography.fernet import Fernet

    try:  # a malformed key stops start-up with a clear sentence
        [Fernet(k.strip().encode()) for k in PORTAL_ENCRYPTION_KEY.split(",") if k.strip()]
    except (ValueError, TypeError):
        raise ImproperlyConfigured(
            "PORTAL_ENCRYPTION_KEY must be comma-separated Fernet keys (32 bytes, url-safe base64)."
        ) from None
_PRIVATE_BACKENDS = {  # (S3?, encrypted?) -> backend
    (False, False): "portal.encrypted_storage.PrivateFileSystemStorage",
    (False, True): "portal.encrypted_storage.EncryptedFileSystemStorage",
    (True, False): "storages.backends.s3.S3Storage",
    (True, True): "portal.encrypted_storage.EncryptedS3Storage",
}
_private_backend = _PRIVATE_BACKENDS[bool(PORTAL_S3_BUCKET), bool(PORTAL_ENCRYPTION_KEY)]
if PORTAL_S3_BUCKET:
    _private_storage = {
        "BACKEND": _private_backend,
        "OPTIONS": {
            "bucket_name": PORTAL_S3_BUCKET,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
            "location": env.str("PORTAL_S3_PREFIX", default="private"),
        },
    }
else:
    _private_storage = {
        "BACKEND": _private_backend,
        "OPTIONS": {"location": str(MEDIA_ROOT), "base_url": None},
    }
STORAGES = {
    "default": _private_storage,
    # local.py and test.py serve from static/ instead of collectstatic's manifest
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# ==== exports ====================================================================================

# Where `export_tasks` and the admin export page write batches: a folder or s3://bucket/prefix.
PORTAL_EXPORT_DESTINATION = env.str("PORTAL_EXPORT_DESTINATION", default=str(VAR_DIR / "exports"))

# ==== uploads and reviews ========================================================================

# Upload limits (bytes).
PORTAL_MAX_FILE_BYTES = env.int("PORTAL_MAX_FILE_BYTES", default=50 * 1024 * 1024)
PORTAL_MAX_TASK_BYTES = env.int("PORTAL_MAX_TASK_BYTES", default=200 * 1024 * 1024)
PORTAL_MAX_FILES_PER_TASK = env.int("PORTAL_MAX_FILES_PER_TASK", default=50)
DATA_UPLOAD_MAX_NUMBER_FILES = PORTAL_MAX_FILES_PER_TASK + 10
# Uploads waiting to be saved in a task (drag-and-drop stages each file at once): bounded per
# user, discarded after PORTAL_STAGED_TTL_HOURS by beat (`expire_staged_uploads` does it too).
PORTAL_STAGED_MAX_FILES = env.int("PORTAL_STAGED_MAX_FILES", default=PORTAL_MAX_FILES_PER_TASK)
PORTAL_STAGED_MAX_BYTES = env.int("PORTAL_STAGED_MAX_BYTES", default=PORTAL_MAX_TASK_BYTES)
PORTAL_STAGED_TTL_HOURS = env.float("PORTAL_STAGED_TTL_HOURS", default=24.0)
# Drag-and-drop staging requests per user ("N/s", "N/m", "N/h"); over it the answer is a 429.
PORTAL_STAGE_RATE = env.str("PORTAL_STAGE_RATE", default="60/m")
REVIEW_CLAIM_MINUTES = env.int("REVIEW_CLAIM_MINUTES", default=30)  # a claim then expires
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# ==== Celery =====================================================================================

# The embedded default is kombu's filesystem transport: no broker server needed (its folders are
# made at start-up by PortalConfig.ready).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS: dict = {}
if CELERY_BROKER_URL.startswith("filesystem://"):
    _queue = VAR_DIR / "broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue / "out"),
        "data_folder_out": str(_queue / "out"),
        "processed_folder": str(_queue / "processed"),
        "control_folder": str(_queue / "control"),
        "store_processed": False,
    }
elif CELERY_BROKER_URL.startswith("redis"):
    # A job not acknowledged within this time is redelivered to another worker.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
        # Publishing while Redis is down gives up after ~1 s (not kombu's ~6 s per job), so an
        # upload of many files is not held up: the files stay queued and the sweeper sends them.
        "max_retries": 1,
        "interval_start": 0,
        "interval_step": 0.5,
        "interval_max": 1,
    }
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SOFT_TIME_LIMIT = env.int("SCRUB_SOFT_TIME_LIMIT", default=600)
CELERY_TASK_TIME_LIMIT = env.int("SCRUB_HARD_TIME_LIMIT", default=660)
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("SCRUB_MAX_MEMORY_KB", default=2_000_000)
# Hard cap (portal/celery.py): a worker child's address space may grow by at most this much
# beyond its size at start (RLIMIT_AS); past it an allocation fails and the file fails with
# "needed more memory than is allowed". 0 turns the cap off. Twice the recycle threshold above,
# so a child is normally recycled before it reaches the cap.
SCRUB_MEMORY_CAP_KB = env.int("SCRUB_MEMORY_CAP_KB", default=2 * CELERY_WORKER_MAX_MEMORY_PER_CHILD)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Stranded files (scrubbing/leases.py): a running file's lease lasts PORTAL_LEASE_SECONDS and is
# renewed every third of that while its job runs; the sweeper runs every PORTAL_SWEEP_SECONDS and
# re-sends a file whose lease lapsed or whose queued job no broker queue or worker holds. Any
# file still queued/running after PORTAL_STUCK_FILE_SECONDS is re-sent whatever the above says;
# a file interrupted SCRUB_MAX_ATTEMPTS times fails with a sentence.
PORTAL_LEASE_SECONDS = env.int("PORTAL_LEASE_SECONDS", default=60)
PORTAL_SWEEP_SECONDS = env.int("PORTAL_SWEEP_SECONDS", default=30)
PORTAL_STUCK_FILE_SECONDS = env.int("PORTAL_STUCK_FILE_SECONDS", default=900)
SCRUB_MAX_ATTEMPTS = env.int("SCRUB_MAX_ATTEMPTS", default=5)
CELERY_BEAT_SCHEDULE = {
    "requeue-stuck-files": {
        "task": "scrubbing.requeue_stuck_files",
        "schedule": float(PORTAL_SWEEP_SECONDS),
        "options": {"expires": float(PORTAL_SWEEP_SECONDS)},  # busy workers: no pile of sweeps
    },
    "expire-staged-uploads": {"task": "submissions.expire_staged_uploads", "schedule": 3600.0},
}

# ==== queues per kind of work ===================================================================

# Ordinary files go to the scrub queue; PDFs, pictures (OCR), files LibreOffice converts,
# archives and previews to the heavy queue, each with its own workers, so a long PDF
# never holds up a .docx. A worker started with `-Q <heavy queue>` takes the HEAVY concurrency
# and prefetch, every other worker the SCRUB ones (an explicit --concurrency still wins). A
# worker without -Q consumes both queues.
PORTAL_SCRUB_QUEUE = env.str("PORTAL_SCRUB_QUEUE", default="scrub")
PORTAL_HEAVY_QUEUE = env.str("PORTAL_HEAVY_QUEUE", default="heavy")
PORTAL_HEAVY_KINDS = env.list(
    "PORTAL_HEAVY_KINDS",
    default=[
        *("pdf", "png", "jpeg", "gif", "tiff", "webp", "heic", "avif", "bmp", "ppm", "svg"),
        *("doc", "xls", "ppt", "rtf", "odt", "ods", "odp", "zip", "tar"),
    ],
)
# Dataset exports (up to hours long) go heavy too unless given their own queue and worker (the
# Kubernetes manifests do: a fixed worker, so autoscaling never stops an export half-way).
PORTAL_EXPORT_QUEUE = env.str("PORTAL_EXPORT_QUEUE", default=PORTAL_HEAVY_QUEUE)
PORTAL_SCRUB_CONCURRENCY = env.int("PORTAL_SCRUB_CONCURRENCY", default=2)
PORTAL_SCRUB_PREFETCH = env.int("PORTAL_SCRUB_PREFETCH", default=1)
PORTAL_HEAVY_CONCURRENCY = env.int("PORTAL_HEAVY_CONCURRENCY", default=1)
PORTAL_HEAVY_PREFETCH = env.int("PORTAL_HEAVY_PREFETCH", default=1)
CELERY_TASK_DEFAULT_QUEUE = PORTAL_SCRUB_QUEUE
CELERY_TASK_QUEUES = {
    name: {"exchange": name, "routing_key": name}
    for name in (PORTAL_SCRUB_QUEUE, PORTAL_HEAVY_QUEUE, PORTAL_EXPORT_QUEUE)
}
CELERY_TASK_ROUTES = {
    "scrubbing.render_preview": {"queue": PORTAL_HEAVY_QUEUE},
    "reviews.export_batch": {"queue": PORTAL_EXPORT_QUEUE},
}
# ---- end of queues per kind of work ----------------------------------------------------------

# ==== scrubbing ==================================================================================

SCRUB_MODE = env.str("SCRUB_MODE", default="placeholder")  # or "fake"
# The spaCy package Presidio uses, handed to the engine by scrubbing/scrubber.py; empty: the
# engine's DEFAULT_MODEL (scrubbing/engine/detect.py). It must be installed (pip): nothing is
# downloaded at run time.
SCRUB_SPACY_MODEL = env.str("SCRUB_SPACY_MODEL", default="")
# Characters of text whose detection answers a process keeps (scrubbing/engine/cache.py; least
# recently used go first; 0: no cache).
SCRUB_DETECT_CACHE_CHARS = env.int("SCRUB_DETECT_CACHE_CHARS", default=cache.DEFAULT_CHARS)
# LibreOffice, run sandboxed by scrubbing/engine/convert.py for conversions, EMF/WMF pictures and
# previews: the program (on PATH or a path), the time limit of one run in seconds (its process
# group is killed), and the sandbox: auto (bubblewrap, else `unshare -rn`, else the profile
# settings only), bwrap, unshare or none. scrubbing/scrubber.py hands them to the engine.
SCRUB_SOFFICE = env.str("SCRUB_SOFFICE", default=convert.ConverterConfig.program)
SCRUB_CONVERT_SECONDS = env.float("SCRUB_CONVERT_SECONDS", default=convert.DEFAULT_SECONDS)
SCRUB_CONVERT_SANDBOX = env.str("SCRUB_CONVERT_SANDBOX", default=convert.ConverterConfig.sandbox)

# ---- Context pass (issue 17) -------------------------------------------------------------------
# A model that reads each file (its names already replaced by placeholders) and flags
# confidential business facts, over the OpenAI-compatible chat-completions protocol
# (POST {SCRUB_CONTEXT_URL}/chat/completions: OpenAI, vLLM, llama.cpp's server, Ollama). OFF while
# SCRUB_CONTEXT_URL is empty, the default: nothing leaves the deployment unless an operator sets
# it. Read by the web process, the Celery worker and `manage.py scrub` alike (scrubbing/scrubber.py
# passes them to the engine as one ContextConfig). Characters are of document text: at most
# SCRUB_CONTEXT_MAX_CHARS per request, SCRUB_CONTEXT_TASK_BUDGET per task (all its files and
# re-scrubs); a failed request is tried SCRUB_CONTEXT_RETRIES more times.
SCRUB_CONTEXT_URL = env.str("SCRUB_CONTEXT_URL", default="")
SCRUB_CONTEXT_MODEL = env.str("SCRUB_CONTEXT_MODEL", default="")
SCRUB_CONTEXT_API_KEY = env.str("SCRUB_CONTEXT_API_KEY", default="")
SCRUB_CONTEXT_TIMEOUT = env.float("SCRUB_CONTEXT_TIMEOUT", default=60.0)  # seconds per request
SCRUB_CONTEXT_MAX_CHARS = env.int("SCRUB_CONTEXT_MAX_CHARS", default=8_000)
SCRUB_CONTEXT_TASK_BUDGET = env.int("SCRUB_CONTEXT_TASK_BUDGET", default=200_000)
SCRUB_CONTEXT_RETRIES = env.int("SCRUB_CONTEXT_RETRIES", default=1)
# no new request for a file after this many seconds (within the job's SCRUB_SOFT_TIME_LIMIT)
SCRUB_CONTEXT_FILE_SECONDS = env.float("SCRUB_CONTEXT_FILE_SECONDS", default=300.0)
# ---- end of the context pass block -------------------------------------------------------------

# ==== previews ===================================================================================

# Page images of scrubbed files, rendered by a worker (LibreOffice -> PDF -> poppler). LibreOffice
# is the engine's sandboxed runner, with SCRUB_SOFFICE and SCRUB_CONVERT_SECONDS (above).
PORTAL_PREVIEW_MAX_PAGES = env.int("PORTAL_PREVIEW_MAX_PAGES", default=30)
PORTAL_PREVIEW_DPI = env.int("PORTAL_PREVIEW_DPI", default=80)
PORTAL_PREVIEW_TIMEOUT = env.int("PORTAL_PREVIEW_TIMEOUT", default=90)  # seconds per poppler call

# ==== security and retention (HTTPS and secure cookies: production.py) ===========================

# Originals (uploaded files, typed texts, findings' original text) are deleted this many days
# after the task was approved or rejected: run `manage.py purge_originals` daily (cron or a job).
PORTAL_RETENTION_DAYS = env.int("PORTAL_RETENTION_DAYS", default=30)
SESSION_ENGINE = "portal.sessions"  # database sessions, saved again after a cut connection
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}

# ==== logging ====================================================================================

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "presidio-analyzer": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
    },
}
