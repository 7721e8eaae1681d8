"""The engine objects a worker process keeps for its whole life (the analyzer loads once)."""

from __future__ import annotations

import functools

from django.conf import settings

from .engine import detect
from .engine.pipeline import Scrubber


@functools.cache
def get_scrubber() -> Scrubber:
    if settings.SCRUB_SPACY_MODEL:  # else the engine's DEFAULT_MODEL (or what a script chose)
        detect.use_model(settings.SCRUB_SPACY_MODEL)
    return Scrubber(mode=settings.SCRUB_MODE)
