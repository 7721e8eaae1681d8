"""Export of approved, cleanly scrubbed tasks as a dataset batch (local folder or S3).

Layout of one batch, `<destination>/<batch_id>/`:

    tasks.jsonl | tasks.parquet    one row per task (GDPval-like column names)
    files/<task id>/request/...     the task's scrubbed reference files
    files/<task id>/deliverable/... the task's scrubbed deliverable files
    README.md                       datasheet: contents, counts, how it was scrubbed, batch id/date
    SHA256SUMS                      `sha256sum -c SHA256SUMS` passes inside the batch folder
    _COMPLETE                       written last: readers must ignore a batch without it

Fail closed: only tasks from `exports.selectors.exportable_tasks()` are read, each is checked again
here, and only scrubbed bytes (checked against their recorded sha256) and scrubbed texts are
written. Originals, the typed texts before scrubbing and Finding.original_text never are.

Atomic: a local batch is written to `.<batch_id>.partial/` and renamed; an S3 batch becomes valid
when `_COMPLETE` is written. Tasks record their batch in the same transaction that marks the batch
complete. A failed run can be rerun (`batch_rerun`); rerunning a complete batch writes
byte-identical files (ordering by task id, timestamps from the database, none from the clock).
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from portal.audit import AuditVerb, audit_record
from portal.models import User
from portal.storage import CHUNK
from reviews.models import ExportBatch
from submissions.models import Task

from . import selectors as export_selectors
from .datasheet import datasheet
from .destinations import (
    README_NAME,
    SUMS_NAME,
    TASKS_NAME,
    ExportError,
    parse_destination,
)
from .rows import (
    BatchStats,
    JsonlRows,
    ParquetRows,
    redaction_pairs,
    task_export,
    tasks_chunk,
)

logger = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


# ---- services ----------------------------------------------------------------------------------


def make_batch_id(batch: ExportBatch) -> str:
    return f"{batch.created_at.astimezone(UTC):%Y-%m-%dT%H%MZ}-{batch.uid.hex[:8]}"


def batch_create(
    *,
    destination: str,
    fmt: str = ExportBatch.Format.JSONL,
    mode: str = ExportBatch.Mode.NEW,
    since: datetime | None = None,
    task_ids: Iterable[int] | None = None,
    actor: User | None = None,
) -> ExportBatch:
    """Record a new batch (status running). The files are written by `batch_run`."""
    if fmt not in ExportBatch.Format.values:
        raise ExportError(f"Unknown format {fmt!r}.")
    if mode == ExportBatch.Mode.SINCE and since is None:
        raise ExportError("An export since a date needs the date.")
    if mode == ExportBatch.Mode.SELECTED and not task_ids:
        raise ExportError("Select at least one task to export.")
    parse_destination(destination)  # refuse a bad destination before anything is recorded
    with transaction.atomic():
        batch = ExportBatch.objects.create(
            destination=destination,
            format=fmt,
            mode=mode,
            since=since,
            task_ids=sorted(set(task_ids or [])),
            created_by=actor if actor is not None and actor.is_authenticated else None,
        )
        batch.batch_id = make_batch_id(batch)
        batch.save(update_fields=["batch_id"])
    return batch


def _ids_for(batch: ExportBatch) -> list[int]:
    if batch.task_ids:
        return [int(i) for i in batch.task_ids]
    return export_selectors.exportable_ids(export_selectors.tasks_for_mode(batch.mode, batch.since))


def _file_chunks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


def batch_run(
    batch: ExportBatch,
    *,
    destination: str | None = None,
    progress: Progress | None = None,
) -> ExportBatch:
    """Write the batch and commit it; on any error leave nothing visible and mark it failed."""
    # Once committed (it has a checksum) a batch must reproduce exactly the same tasks.
    strict = bool(batch.checksum and batch.task_ids)
    dest = parse_destination(destination or batch.destination)
    ids = _ids_for(batch)
    total = len(ids)
    ExportBatch.objects.filter(pk=batch.pk).update(
        status=ExportBatch.Status.RUNNING, progress_done=0, progress_total=total, error=""
    )
    step = max(1, min(100, total // 100))  # admin progress: at most ~100 writes
    exported: list[int] = []
    stats = BatchStats()
    tasks_name = TASKS_NAME[batch.format]
    try:
        dest.begin(batch.batch_id)
        with tempfile.TemporaryDirectory(prefix="export-") as work:
            work_dir = Path(work)
            sums_path = work_dir / SUMS_NAME
            rows_path = work_dir / tasks_name
            rows = ParquetRows(rows_path) if batch.format == "parquet" else JsonlRows(rows_path)
            with (
                contextlib.closing(rows),
                open(sums_path, "w", encoding="utf-8", newline="\n") as sums,
            ):
                start = 0
                for chunk in export_selectors.chunks(ids):
                    pairs = redaction_pairs(chunk)
                    position = {pk: start + i for i, pk in enumerate(chunk, start=1)}
                    for task in tasks_chunk(chunk).iterator(chunk_size=export_selectors.ID_CHUNK):
                        rows.write(
                            task_export(
                                batch.batch_id, task, pairs.get(task.pk, []), dest, sums, stats
                            )
                        )
                        exported.append(task.pk)
                        done = position[task.pk]
                        if done % step == 0:
                            ExportBatch.objects.filter(pk=batch.pk).update(progress_done=done)
                        if progress is not None:
                            progress(done, total)
                    start += len(chunk)
                rows.close()
                if strict and exported != [int(i) for i in batch.task_ids]:
                    raise ExportError(
                        "Some tasks of this batch are no longer exportable; the rerun cannot "
                        "reproduce it."
                    )
                digest, _ = dest.write(tasks_name, _file_chunks(rows_path))
                sums.write(f"{digest}  {tasks_name}\n")
                readme = datasheet(batch, stats, tasks_name).encode("utf-8")
                digest, _ = dest.write(README_NAME, [readme])
                sums.write(f"{digest}  {README_NAME}\n")
            checksum, _ = dest.write(SUMS_NAME, _file_chunks(sums_path))
        marker = f"batch_id {batch.batch_id}\nsha256 of {SUMS_NAME} {checksum}\n".encode()
        with transaction.atomic():
            batch = ExportBatch.objects.select_for_update().get(pk=batch.pk)
            rerun = batch.status == ExportBatch.Status.COMPLETE or bool(batch.finished_at)
            batch.status = ExportBatch.Status.COMPLETE
            batch.task_ids = exported
            batch.task_count = len(exported)
            batch.file_count = stats.files
            batch.checksum = checksum
            batch.progress_done = total
            batch.progress_total = total
            batch.destination = dest.uri
            batch.error = ""
            batch.finished_at = timezone.now()
            batch.save()
            for part in export_selectors.chunks(exported):
                Task.objects.filter(pk__in=part, export_batch__isnull=True).update(
                    export_batch=batch
                )
            audit_record(
                actor=batch.created_by,
                verb=AuditVerb.EXPORT_BATCH,
                obj=batch,
                status=batch.status,
                batch_id=batch.batch_id,
                destination=dest.uri,
                format=batch.format,
                mode=batch.mode,
                tasks=batch.task_count,
                files=batch.file_count,
                checksum=checksum,
                rerun=rerun,
            )
            # Last: if this fails the database rolls back too.
            location = dest.commit(marker)
        logger.info("export %s: %s tasks to %s", batch.batch_id, len(exported), location)
        return batch
    except BaseException as exc:
        dest.abort()
        message = str(exc) if isinstance(exc, ExportError) else f"{type(exc).__name__}: {exc}"
        ExportBatch.objects.filter(pk=batch.pk).update(
            status=ExportBatch.Status.FAILED, error=message[:2000], finished_at=timezone.now()
        )
        audit_record(
            actor=batch.created_by,
            verb=AuditVerb.EXPORT_BATCH,
            obj=batch,
            status=ExportBatch.Status.FAILED,
            batch_id=batch.batch_id,
            error=message[:500],
        )
        raise


def batch_rerun(
    batch_id: str, *, destination: str | None = None, progress: Progress | None = None
) -> ExportBatch:
    """Run a batch again (after a crash, or to reproduce a complete batch byte for byte)."""
    batch = ExportBatch.objects.filter(batch_id=batch_id).first()
    if batch is None:
        raise ExportError(f"No export batch {batch_id!r}.")
    return batch_run(batch, destination=destination, progress=progress)


def batch_location(batch: ExportBatch) -> str:
    return f"{batch.destination.rstrip('/')}/{batch.batch_id}"
