"""Password hashing that does not crowd out the CPU: Django's PBKDF2 (same algorithm, same
1,000,000 iterations, same stored hashes), at most PORTAL_HASHING_CONCURRENCY hashes at a time
per process.

A hash takes most of a second of one core and runs without the GIL, so a threaded web worker
would otherwise hash as many passwords at once as it has threads: with 30 logins at once every
one of them shares the 2 cores with all the others and they all finish late. With one hash per
process at a time (and as many processes as cores + 1, portal/gunicorn_conf.py) logins finish in
turn, the first ones early, and page views keep their threads.
"""

from __future__ import annotations

import threading
from typing import Any

from django.conf import settings
from django.contrib.auth import hashers

_slots: threading.BoundedSemaphore | None = None
_lock = threading.Lock()


def _hashing_slots() -> threading.BoundedSemaphore:
    global _slots
    with _lock:
        if _slots is None:
            _slots = threading.BoundedSemaphore(max(1, settings.PORTAL_HASHING_CONCURRENCY))
        return _slots


class PBKDF2PasswordHasher(hashers.PBKDF2PasswordHasher):
    def encode(self, password: str, salt: str, iterations: Any = None) -> str:
        with _hashing_slots():  # verify() hashes through encode() too
            return super().encode(password, salt, iterations)
