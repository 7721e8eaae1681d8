"""Queues per kind of work: which Celery queue a job goes to, and how a worker on it is tuned.

Two queues (names and kinds in settings, "Queues per kind of work"):

- **scrub** (`PORTAL_SCRUB_QUEUE`): ordinary files (Word, Excel, PowerPoint, text, code, mail,
  the typed fields) and housekeeping (the sweeper, staged-upload expiry);
- **heavy** (`PORTAL_HEAVY_QUEUE`): files whose reading runs OCR, PDF parsing or a LibreOffice
  conversion (`PORTAL_HEAVY_KINDS`: PDFs, pictures, legacy Office/OpenDocument/RTF, archives),
  page previews (LibreOffice -> PDF -> poppler), and dataset exports unless
  `PORTAL_EXPORT_QUEUE` gives them their own queue (the Kubernetes manifests do).

The queue of a file's job is chosen when it is sent (`file_dispatch`, from the sniffed kind),
so a long PDF only ever occupies a heavy worker and a .docx behind it goes on. A worker started
with only heavy or export queues (`-Q heavy`) takes the heavy concurrency and prefetch (one
process each by default), any other worker the scrub ones
(`worker_tuning`); a worker without `-Q` consumes every queue (`make run` runs one per queue).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings


def queue_for_kind(kind: str) -> str:
    """The queue that scrubs a file of this sniffed kind (`TaskFile.detected_type`)."""
    if kind in settings.PORTAL_HEAVY_KINDS:
        return settings.PORTAL_HEAVY_QUEUE
    return settings.PORTAL_SCRUB_QUEUE


def queue_names() -> list[str]:
    """Every queue, scrub first (the sweeper asks the broker about each)."""
    names = [settings.PORTAL_SCRUB_QUEUE, settings.PORTAL_HEAVY_QUEUE, settings.PORTAL_EXPORT_QUEUE]
    return list(dict.fromkeys(names))


def worker_tuning(consumed: Iterable[str] | None) -> tuple[int, int]:
    """(concurrency, prefetch multiplier) for a worker consuming these queues (None: all)."""
    names = set(consumed or ())
    if names and names <= {settings.PORTAL_HEAVY_QUEUE, settings.PORTAL_EXPORT_QUEUE}:
        return settings.PORTAL_HEAVY_CONCURRENCY, settings.PORTAL_HEAVY_PREFETCH
    return settings.PORTAL_SCRUB_CONCURRENCY, settings.PORTAL_SCRUB_PREFETCH
