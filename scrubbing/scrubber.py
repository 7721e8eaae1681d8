"""The engine objects a worker process keeps for its whole life (the analyzer loads once)."""

from __future__ import annotations

import functools

from django.conf import settings

from .engine.pipeline import Scrubber


@functools.cache
def get_scrubber() -> Scrubber:
    return Scrubber(mode=settings.SCRUB_MODE)
