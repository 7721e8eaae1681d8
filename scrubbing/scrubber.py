"""The engine objects a worker process keeps for its whole life (the analyzer loads once)."""

from __future__ import annotations

import functools

from django.conf import settings

from .engine import detect
from .engine.context import ContextConfig
from .engine.pipeline import Scrubber


def context_config() -> ContextConfig:
    """The context pass's settings (off while SCRUB_CONTEXT_URL is empty)."""
    return ContextConfig(
        url=settings.SCRUB_CONTEXT_URL,
        model=settings.SCRUB_CONTEXT_MODEL,
        api_key=settings.SCRUB_CONTEXT_API_KEY,
        timeout=settings.SCRUB_CONTEXT_TIMEOUT,
        max_chars=settings.SCRUB_CONTEXT_MAX_CHARS,
        task_budget=settings.SCRUB_CONTEXT_TASK_BUDGET,
        retries=settings.SCRUB_CONTEXT_RETRIES,
        file_seconds=settings.SCRUB_CONTEXT_FILE_SECONDS,
    )


@functools.cache
def get_scrubber() -> Scrubber:
    if settings.SCRUB_SPACY_MODEL:  # else the engine's DEFAULT_MODEL (or what a script chose)
        detect.use_model(settings.SCRUB_SPACY_MODEL)
    return Scrubber(mode=settings.SCRUB_MODE, context=context_config())
