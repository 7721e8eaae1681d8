"""Gunicorn settings for the web process (Procfile's `web-prod`, docker-compose's web).

    gunicorn -c python:portal.gunicorn_conf portal.wsgi:application

Sized for password hashing. A login spends most of its time in PBKDF2 (Django's 1,000,000
iterations: about 0.6-1 s of one core here), which runs in C without the GIL, so threads of one
process hash in parallel. The CPU, not the number of workers, bounds how many logins finish
per second; what the workers decide is whether everything else waits behind them. Sync workers
(the old `--workers 3`) hold one request each: 3 logins in progress and every page view queued
behind them. Threaded workers keep answering pages while logins hash; more concurrent hashes
than cores only make every login slower, so the thread count stays modest. Measured with 30
concurrent clients in docs/security.md ("Login under load").

Environment: WEB_CONCURRENCY (workers, default cores + 1), GUNICORN_THREADS (threads per
worker, default 4), PORT (8000), GUNICORN_TIMEOUT (120 s).
"""

from __future__ import annotations

import multiprocessing
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))  # an upload of 200 MB on a slow line
graceful_timeout = 30
keepalive = 5
# A long-lived worker slowly grows (parsers, caches): replace it now and then, not all at once.
max_requests = 2000
max_requests_jitter = 200
# Requests wait here (not refused) while every thread is busy.
backlog = 2048
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
