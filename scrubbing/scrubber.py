"""The engine's settings and the engine objects a process keeps for its whole life (the
analyzer loads once).

The engine reads no environment and imports no Django: `configure_engine` hands it the
settings it needs (ScrubbingConfig.ready calls it once per process, web and worker alike),
`context_config` and `get_scrubber` the rest.
"""

from __future__ import annotations

import functools

from django.conf import settings

from .engine import cache, convert, detect
from .engine.context import ContextConfig
from .engine.pipeline import Scrubber


def converter_config() -> convert.ConverterConfig:
    """How LibreOffice runs (conversions, EMF/WMF pictures, previews)."""
    return convert.ConverterConfig(
        program=settings.SCRUB_SOFFICE,
        seconds=settings.SCRUB_CONVERT_SECONDS,
        sandbox=settings.SCRUB_CONVERT_SANDBOX,
    )


def configure_engine() -> None:
    """Pass the engine's settings to it: the LibreOffice runner's and the detection cache's
    size (read when the detector is made, so before any file is scrubbed)."""
    convert.configure(converter_config())
    cache.configure(settings.SCRUB_DETECT_CACHE_CHARS)


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
