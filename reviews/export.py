"""Export of approved, cleanly scrubbed tasks as a dataset batch (local folder or S3).

Layout of one batch, `<destination>/<batch_id>/`:

    tasks.jsonl | tasks.parquet    one row per task (GDPval-like column names)
    files/<task id>/request/...     the task's scrubbed reference files
    files/<task id>/deliverable/... the task's scrubbed deliverable files
    README.md                       datasheet: contents, counts, how it was scrubbed, batch id/date
    SHA256SUMS                      `sha256sum -c SHA256SUMS` passes inside the batch folder
    _COMPLETE                       written last: readers must ignore a batch without it

Fail closed: only tasks from `export_selectors.exportable_tasks()` are read, each is checked again
here, and only scrubbed bytes (checked against their recorded sha256) and scrubbed texts are
written. Originals, the typed texts before scrubbing and Finding.original_text never are.

Atomic: a local batch is written to `.<batch_id>.partial/` and renamed; an S3 batch becomes valid
when `_COMPLETE` is written. Tasks record their batch in the same transaction that marks the batch
complete. A failed run can be rerun (`batch_rerun`); rerunning a complete batch writes
byte-identical files (ordering by task id, timestamps from the database, none from the clock).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Protocol

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from portal.audit import AuditVerb, audit_record
from portal.models import User
from portal.storage import CHUNK, iter_chunks, safe_display_name
from submissions.models import Task, TaskFile

from . import export_selectors as sel
from .models import ExportBatch, Review

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
COMPLETE_MARKER = "_COMPLETE"
SUMS_NAME = "SHA256SUMS"
README_NAME = "README.md"
TASKS_NAME = {"jsonl": "tasks.jsonl", "parquet": "tasks.parquet"}
PARQUET_ROWS_PER_GROUP = 1000
MIN_REDACT_LENGTH = 3


class ExportError(Exception):
    """The export cannot go on; the batch is marked failed and nothing is left visible."""


# ---- destinations ------------------------------------------------------------------------------


class HashingWriter:
    """Counts and hashes what passes through to `sink`."""

    def __init__(self, sink: IO[bytes]) -> None:
        self.sink = sink
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, chunk: bytes) -> None:
        self.digest.update(chunk)
        self.size += len(chunk)
        self.sink.write(chunk)


class Destination(Protocol):
    uri: str

    def begin(self, batch_id: str) -> None: ...

    def write(self, relpath: str, chunks: Iterable[bytes]) -> tuple[str, int]: ...

    def commit(self, marker: bytes) -> str: ...

    def abort(self) -> None: ...


class LocalDestination:
    """A folder. Written under `.<batch_id>.partial/`, renamed to `<batch_id>/` on commit."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root).expanduser().resolve()
        self.uri = str(self.root)
        self.batch_id = ""

    def _paths(self) -> tuple[Path, Path, Path]:
        b = self.batch_id
        return self.root / b, self.root / f".{b}.partial", self.root / f".{b}.old"

    def begin(self, batch_id: str) -> None:
        self.batch_id = batch_id
        _, partial, old = self._paths()
        self.root.mkdir(parents=True, exist_ok=True)
        # Leftovers of an interrupted run of this batch are discarded, never reused.
        for leftover in (partial, old):
            if leftover.exists():
                shutil.rmtree(leftover)
        partial.mkdir(mode=0o750)

    def write(self, relpath: str, chunks: Iterable[bytes]) -> tuple[str, int]:
        _, partial, _ = self._paths()
        path = partial / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "xb") as handle:  # "x": two entries can never share a path
            writer = HashingWriter(handle)
            for chunk in chunks:
                writer.write(chunk)
        return writer.digest.hexdigest(), writer.size

    def commit(self, marker: bytes) -> str:
        final, partial, old = self._paths()
        self.write(COMPLETE_MARKER, [marker])
        if final.exists():  # a rerun replaces the earlier copy of the same batch
            final.rename(old)
        partial.rename(final)
        if old.exists():
            shutil.rmtree(old)
        return str(final)

    def abort(self) -> None:
        _, partial, _ = self._paths()
        shutil.rmtree(partial, ignore_errors=True)


def export_s3_options() -> dict[str, Any]:
    """Connection options for S3 exports: PORTAL_EXPORT_S3_OPTIONS, else the private storage's
    endpoint/region when it is S3,
    else AWS_S3_ENDPOINT_URL / AWS_S3_REGION_NAME from the environment. Credentials come from
    the usual boto3 chain (environment, profile, role)."""
    # A settings-only override, e.g. {"endpoint_url": ..., "region_name": ...}.
    options: dict[str, Any] = dict(getattr(settings, "PORTAL_EXPORT_S3_OPTIONS", None) or {})
    private = settings.STORAGES.get("default", {})
    private_options = private.get("OPTIONS", {}) if "S3" in private.get("BACKEND", "") else {}
    for key, env_name in (
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
        ("region_name", "AWS_S3_REGION_NAME"),
    ):
        options[key] = (
            options.get(key) or private_options.get(key) or os.environ.get(env_name) or None
        )
    return options


class S3Destination:
    """`s3://bucket/prefix`, written through django-storages (boto3).

    Objects go under `<prefix>/<batch_id>/`; the batch is valid once `_COMPLETE` exists, which is
    written last. `begin` removes the marker first and then every object of an earlier attempt.
    """

    SPOOL_BYTES = 8 * 1024 * 1024

    def __init__(self, bucket: str, prefix: str) -> None:
        from storages.backends.s3 import S3Storage

        self.bucket_name = bucket
        self.prefix = prefix.strip("/")
        self.uri = f"s3://{bucket}/{self.prefix}" if self.prefix else f"s3://{bucket}"
        self.storage = S3Storage(
            bucket_name=bucket,
            location=self.prefix,
            file_overwrite=True,
            default_acl=None,
            querystring_auth=False,
            **export_s3_options(),
        )
        self.batch_id = ""

    def _key(self, relpath: str) -> str:
        return "/".join(p for p in (self.prefix, self.batch_id, relpath) if p)

    def _delete_batch_objects(self) -> None:
        bucket = self.storage.bucket
        bucket.Object(self._key(COMPLETE_MARKER)).delete()
        bucket.objects.filter(Prefix=self._key("")).delete()

    def begin(self, batch_id: str) -> None:
        self.batch_id = batch_id
        self._delete_batch_objects()

    def write(self, relpath: str, chunks: Iterable[bytes]) -> tuple[str, int]:
        with tempfile.SpooledTemporaryFile(max_size=self.SPOOL_BYTES) as spool:
            writer = HashingWriter(spool)  # type: ignore[arg-type]
            for chunk in chunks:
                writer.write(chunk)
            spool.seek(0)
            self.storage.save(f"{self.batch_id}/{relpath}", File(spool))
        return writer.digest.hexdigest(), writer.size

    def commit(self, marker: bytes) -> str:
        self.write(COMPLETE_MARKER, [marker])
        return f"{self.uri}/{self.batch_id}"

    def abort(self) -> None:
        try:
            self._delete_batch_objects()
        except Exception:  # best effort: without _COMPLETE the objects are ignored anyway
            logger.exception("export: could not clean up s3 objects of %s", self.batch_id)


def parse_destination(out: str) -> Destination:
    if out.startswith("s3://"):
        bucket, _, prefix = out[len("s3://") :].partition("/")
        if not bucket:
            raise ExportError("An S3 destination needs a bucket: s3://bucket/prefix")
        return S3Destination(bucket, prefix)
    if "://" in out:
        raise ExportError(f"Unsupported destination {out!r}: use a folder or s3://bucket/prefix.")
    return LocalDestination(Path(out))


def default_destination() -> str:
    return str(settings.PORTAL_EXPORT_DESTINATION)


# ---- rows --------------------------------------------------------------------------------------


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _redact_known(text: str, pairs: list[tuple[str, str]]) -> str:
    """Replace, in a field that was not run through the scrubber (title, file name, an "other"
    sector), every string the scrubber redacted elsewhere in the same task, by its replacement."""
    for original, replacement in pairs:
        text = re.sub(re.escape(original), lambda _m, r=replacement: r, text, flags=re.IGNORECASE)
    return text


def _unique_name(name: str, used: set[str]) -> str:
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    candidate, n = name, 1
    while candidate.casefold() in used:
        n += 1
        candidate = f"{stem} ({n}).{ext}" if ext else f"{stem} ({n})"
    used.add(candidate.casefold())
    return candidate


def _check_clean(task: Task, files: list[TaskFile]) -> None:
    """Second, independent check of the selector's rule, on the rows actually written."""
    if task.status != Task.Status.APPROVED:
        raise ExportError(f"Task #{task.pk} is not approved; export stopped.")
    for f in files:
        if not f.is_clean or not f.scrubbed_sha256:
            raise ExportError(f"Task #{task.pk} has a file that is not scrubbed cleanly.")


@dataclass
class BatchStats:
    tasks: int = 0
    files: int = 0
    bytes: int = 0
    sectors: Counter[str] = field(default_factory=Counter)
    occupations: Counter[tuple[str, str]] = field(default_factory=Counter)
    provenance: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)
    engine_versions: set[str] = field(default_factory=set)
    minutes: int = 0


def _chunk_queryset(ids: list[int]) -> QuerySet[Task]:
    latest = Review.objects.filter(task=OuterRef("pk")).order_by("-created_at", "-pk")
    return (
        sel.exportable_tasks()
        .filter(pk__in=ids)
        # The typed originals are never even loaded.
        .defer("request_text", "deliverable_text", "pseudonym_state")
        .annotate(
            review_decision=Subquery(latest.values("decision")[:1]),
            review_created_at=Subquery(latest.values("created_at")[:1]),
        )
        .prefetch_related(
            Prefetch(
                "files",
                queryset=TaskFile.objects.order_by("part", "pk").defer("original", "error"),
            )
        )
        .order_by("pk")
    )


def _redaction_pairs(ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    from scrubbing.models import Finding

    found: dict[int, dict[str, str]] = defaultdict(dict)
    rows = (
        Finding.objects.filter(file__task_id__in=ids, decision=Finding.Decision.REDACT)
        .values_list("file__task_id", "original_text", "replacement")
        .order_by("file__task_id", "pk")
        .iterator(chunk_size=2000)
    )
    for task_id, original, replacement in rows:
        original = (original or "").strip()
        if len(original) >= MIN_REDACT_LENGTH and replacement:
            found[task_id].setdefault(original, replacement)
    # Longest first, so "Acme Corp Ltd" wins over "Acme".
    return {
        task_id: sorted(pairs.items(), key=lambda kv: (-len(kv[0]), kv[0]))
        for task_id, pairs in found.items()
    }


def _export_task(
    batch_id: str,
    task: Task,
    pairs: list[tuple[str, str]],
    dest: Destination,
    sums: IO[str],
    stats: BatchStats,
) -> dict[str, Any]:
    files = list(task.files.all())
    _check_clean(task, files)
    lists: dict[str, tuple[list[str], list[str]]] = {
        TaskFile.Part.REQUEST: ([], []),
        TaskFile.Part.DELIVERABLE: ([], []),
    }
    used: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    versions: set[str] = set()
    for f in files:
        report = f.report if isinstance(f.report, dict) else {}
        counts.update({str(k): int(v) for k, v in (report.get("counts") or {}).items()})
        versions.add(str(report.get("engine_version") or "unknown"))
        if f.text_field:
            continue  # the typed texts are exported as the prompt / deliverable_text columns
        base = safe_display_name(_redact_known(f.scrubbed_name or f"file-{f.pk}", pairs))
        relpath = f"files/{task.pk}/{f.part}/{_unique_name(base, used[f.part])}"
        digest, size = dest.write(relpath, iter_chunks(f.scrubbed))
        if digest != f.scrubbed_sha256:
            raise ExportError(
                f"Task #{task.pk}: a scrubbed file does not match its recorded sha256; "
                "export stopped."
            )
        sums.write(f"{digest}  {relpath}\n")
        paths, hashes = lists[f.part]
        paths.append(relpath)
        hashes.append(digest)
        stats.files += 1
        stats.bytes += size

    sector = _redact_known(task.public_sector, pairs)
    occupation = _redact_known(task.public_occupation, pairs)
    stats.tasks += 1
    stats.sectors[sector] += 1
    stats.occupations[(sector, occupation)] += 1
    stats.provenance[task.provenance] += 1
    stats.findings.update(counts)
    stats.engine_versions |= versions
    stats.minutes += task.minutes_spent
    return {
        "batch_id": batch_id,
        "task_id": task.pk,
        "title": _redact_known(task.public_title, pairs),
        "sector": sector,
        "occupation": occupation,
        "provenance": task.provenance,
        "minutes_spent": task.minutes_spent,
        "revision": task.revision,
        "prompt": task.request_text_scrubbed,
        "deliverable_text": task.deliverable_text_scrubbed,
        "reference_files": lists[TaskFile.Part.REQUEST][0],
        "reference_file_sha256": lists[TaskFile.Part.REQUEST][1],
        "deliverable_files": lists[TaskFile.Part.DELIVERABLE][0],
        "deliverable_file_sha256": lists[TaskFile.Part.DELIVERABLE][1],
        "review_decision": task.review_decision or Review.Decision.APPROVE,  # type: ignore[attr-defined]
        "review_decided_at": task.decided_at or task.review_created_at,  # type: ignore[attr-defined]
        "scrub_counts": dict(sorted(counts.items())),
        "scrub_findings_total": sum(counts.values()),
        "scrub_engine_version": ",".join(sorted(versions)),
    }


# ---- row writers -------------------------------------------------------------------------------


class JsonlRows:
    def __init__(self, path: Path) -> None:
        self.handle = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, row: dict[str, Any]) -> None:
        row = {**row, "review_decided_at": _iso(row["review_decided_at"])}
        self.handle.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")

    def close(self) -> None:
        if not self.handle.closed:
            self.handle.close()


def parquet_schema() -> Any:
    import pyarrow as pa

    strings = pa.list_(pa.string())
    return pa.schema(
        [
            ("batch_id", pa.string()),
            ("task_id", pa.int64()),
            ("title", pa.string()),
            ("sector", pa.string()),
            ("occupation", pa.string()),
            ("provenance", pa.string()),
            ("minutes_spent", pa.int64()),
            ("revision", pa.int64()),
            ("prompt", pa.string()),
            ("deliverable_text", pa.string()),
            ("reference_files", strings),
            ("reference_file_sha256", strings),
            ("deliverable_files", strings),
            ("deliverable_file_sha256", strings),
            ("review_decision", pa.string()),
            ("review_decided_at", pa.timestamp("us", tz="UTC")),
            ("scrub_counts", pa.map_(pa.string(), pa.int64())),
            ("scrub_findings_total", pa.int64()),
            ("scrub_engine_version", pa.string()),
        ]
    )


class ParquetRows:
    """Row groups of PARQUET_ROWS_PER_GROUP rows: memory bounded by one group."""

    def __init__(self, path: Path) -> None:
        import pyarrow.parquet as pq

        self.schema = parquet_schema()
        self.writer = pq.ParquetWriter(str(path), self.schema, compression="zstd")
        self.buffer: list[dict[str, Any]] = []

    def write(self, row: dict[str, Any]) -> None:
        self.buffer.append({**row, "scrub_counts": list(row["scrub_counts"].items())})
        if len(self.buffer) >= PARQUET_ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.buffer:
            self.writer.write_table(pa.Table.from_pylist(self.buffer, schema=self.schema))
            self.buffer = []

    def close(self) -> None:
        if self.writer.is_open:
            self._flush()
            self.writer.close()


# ---- datasheet ---------------------------------------------------------------------------------


def _datasheet(batch: ExportBatch, stats: BatchStats, tasks_name: str) -> str:
    created = _iso(batch.created_at)
    lines = [
        f"# Superstar Scrubbing dataset, batch {batch.batch_id}",
        "",
        f"- Batch id: `{batch.batch_id}`",
        f"- Exported: {created} (the batch's creation time; a rerun keeps it)",
        f"- Selection: {batch.get_mode_display()}"
        + (f" (decided since {_iso(batch.since)})" if batch.since else ""),
        f"- Tasks: {stats.tasks}; files: {stats.files} ({stats.bytes} bytes)",
        f"- Minutes of work represented: {stats.minutes}",
        f"- Table: `{tasks_name}`, one row per task",
        "",
        "## What is inside",
        "",
        "Work tasks submitted by skilled contractors, each with the request they were given",
        "(`prompt`, plus `reference_files`) and what they produced (`deliverable_text`,",
        "`deliverable_files`). Every task was approved by a human reviewer. `provenance` says",
        "whether a task is real work or a realistic fabricated example.",
        "",
        "```",
        f"{tasks_name}",
        "files/<task_id>/request/<file>       reference files (scrubbed)",
        "files/<task_id>/deliverable/<file>   deliverable files (scrubbed)",
        "README.md                            this datasheet",
        "SHA256SUMS                           checksums of every file above",
        "_COMPLETE                            written last; ignore a batch without it",
        "```",
        "",
        "Columns: task_id, title, sector, occupation, provenance, minutes_spent, revision,",
        "prompt, deliverable_text, reference_files, reference_file_sha256, deliverable_files,",
        "deliverable_file_sha256, review_decision, review_decided_at, scrub_counts,",
        "scrub_findings_total, scrub_engine_version, batch_id. File paths are relative to this",
        "folder.",
        "",
        "## Counts per sector",
        "",
        "| Sector | Tasks |",
        "|---|---:|",
        *[f"| {name} | {n} |" for name, n in sorted(stats.sectors.items())],
        "",
        "## Counts per occupation",
        "",
        "| Sector | Occupation | Tasks |",
        "|---|---|---:|",
        *[f"| {s} | {o} | {n} |" for (s, o), n in sorted(stats.occupations.items())],
        "",
        "## Provenance",
        "",
        *[f"- {name}: {n}" for name, n in sorted(stats.provenance.items())],
        "",
        "## How it was scrubbed",
        "",
        "Every file and both typed texts went through the Superstar Scrubbing pipeline",
        "(Presidio-based detection with custom recognizers, deny- and allow-lists and secret",
        "detectors). Personal data and confidential information were replaced with consistent",
        "placeholders per task (the same entity gets the same replacement in every file), document",
        "metadata was removed, and each output was re-read and searched again for every finding;",
        "a file with anything left was never exported. Contractors checked the findings and a",
        "reviewer approved every task. Only the scrubbed outputs are in this batch. Titles and",
        "file names, which are not run through the scrubber, had every string the scrubber",
        "redacted in the same task replaced as well.",
        "",
        "Engine version(s): " + (", ".join(sorted(stats.engine_versions)) or "n/a"),
        "",
        "Findings replaced, per type:",
        "",
        "| Type | Count |",
        "|---|---:|",
        *[f"| {name} | {n} |" for name, n in sorted(stats.findings.items())],
        "",
        "## Verifying",
        "",
        "Inside this folder: `sha256sum -c SHA256SUMS`.",
        "",
    ]
    return "\n".join(lines)


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
    return sel.exportable_ids(sel.tasks_for_mode(batch.mode, batch.since))


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
                for chunk in sel.chunks(ids):
                    pairs = _redaction_pairs(chunk)
                    position = {pk: start + i for i, pk in enumerate(chunk, start=1)}
                    for task in _chunk_queryset(chunk).iterator(chunk_size=sel.ID_CHUNK):
                        rows.write(
                            _export_task(
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
                readme = _datasheet(batch, stats, tasks_name).encode("utf-8")
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
            for part in sel.chunks(exported):
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
