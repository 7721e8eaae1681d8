"""A finished scrub kept until its result is written.

Writing a result (the scrubbed bytes, the findings, the file's row) can fail on its own: the
database connection was cut, storage refused a write. The job is then retried; without this it
would scrub the whole file again (minutes for a large workbook). The result is kept in private
storage (encrypted like the originals when PORTAL_ENCRYPTION_KEY is set: it holds the findings'
original text) under the file's id and generation, so the retry of the same generation writes the
kept result, and a newer generation (a re-scrub with new terms) never uses an older one.
"""

from __future__ import annotations

import dataclasses
import json
import logging

from django.core.files.base import ContentFile

from portal.storage import private_storage
from submissions.models import TaskFile

from .engine.pipeline import Detection, FileResult
from .engine.verify import Residual

logger = logging.getLogger(__name__)
KEPT_DIR = "kept"


def _name(f: TaskFile, generation: int) -> str:
    # The row's creation time too: a reused id (a restored database) never meets an old result.
    return f"{KEPT_DIR}/{f.pk}/{generation}-{int(f.created_at.timestamp() * 1_000_000)}"


def result_keep(f: TaskFile, generation: int, result: FileResult, scrubbed_name: str) -> None:
    """Keep a finished result; a storage failure here only means the retry scrubs again."""
    head = {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
    head.pop("output")  # the bytes follow the header as they are
    head["findings"] = [dataclasses.asdict(f) for f in result.findings]
    head["leftovers"] = [dataclasses.asdict(r) for r in result.leftovers]
    head["flags"] = [dataclasses.asdict(f) for f in result.flags]
    head["scrubbed_name"] = scrubbed_name
    head["has_output"] = result.output is not None
    blob = json.dumps(head).encode("utf-8") + b"\n" + (result.output or b"")
    storage = private_storage()
    name = _name(f, generation)
    try:
        storage.delete(name)
        storage.save(name, ContentFile(blob))
    except OSError as exc:
        logger.warning("file %s: the result could not be kept (%s)", f.pk, type(exc).__name__)


def result_kept(f: TaskFile, generation: int) -> tuple[FileResult, str] | None:
    """The result kept for this generation, with the file's scrubbed name, or None."""
    storage = private_storage()
    name = _name(f, generation)
    try:
        if not storage.exists(name):
            return None
        with storage.open(name, "rb") as handle:
            blob = handle.read()
        head_bytes, _, output = blob.partition(b"\n")
        head = json.loads(head_bytes)
    except (OSError, ValueError) as exc:
        logger.warning("file %s: a kept result is unreadable (%s)", f.pk, type(exc).__name__)
        return None
    scrubbed_name = head.pop("scrubbed_name")
    has_output = head.pop("has_output")
    head["findings"] = [Detection(**f) for f in head["findings"]]
    head["leftovers"] = [Residual(**r) for r in head["leftovers"]]
    head["flags"] = [Detection(**f) for f in head.get("flags", [])]
    return FileResult(output=output if has_output else None, **head), scrubbed_name


def results_forget(file_ids: list[int]) -> None:
    """Delete every kept result of these files (once a result is written, or originals purged)."""
    storage = private_storage()
    for file_id in file_ids:
        try:
            _dirs, names = storage.listdir(f"{KEPT_DIR}/{file_id}")
        except (FileNotFoundError, NotADirectoryError):
            continue
        for base in names:
            storage.delete(f"{KEPT_DIR}/{file_id}/{base}")
