"""One row per exported task (GDPval-like column names), its scrubbed files copied beside it, and
the JSON Lines / Parquet writers of the table."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from portal.storage import iter_chunks, safe_display_name
from reviews.models import Review
from submissions.models import Task, TaskFile

from . import selectors as export_selectors
from .destinations import MIN_REDACT_LENGTH, PARQUET_ROWS_PER_GROUP, Destination, ExportError

# ---- rows --------------------------------------------------------------------------------------


def iso(value: datetime | None) -> str | None:
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


def tasks_chunk(ids: list[int]) -> QuerySet[Task]:
    latest = Review.objects.filter(task=OuterRef("pk")).order_by("-created_at", "-pk")
    return (
        export_selectors.exportable_tasks()
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


def redaction_pairs(ids: list[int]) -> dict[int, list[tuple[str, str]]]:
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


def task_export(
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
        row = {**row, "review_decided_at": iso(row["review_decided_at"])}
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
