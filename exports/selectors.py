"""Reads for the export: which tasks may leave the portal, and the admin statistics.

Fail closed: a task is exportable only when it is approved, every one of its files (uploads and
the typed texts scrubbed as files) is `done` with a stored scrubbed output and checksum, and each
typed text that is not blank has its scrubbed copy. Anything queued, running, failed or residual
keeps the whole task out.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from reviews.models import ExportBatch
from submissions.models import Task, TaskFile

ID_CHUNK = 500


def _unclean_files() -> QuerySet[TaskFile]:
    return TaskFile.objects.filter(task=OuterRef("pk")).filter(
        ~Q(scrub_status=TaskFile.ScrubStatus.DONE)
        | Q(scrubbed="")
        | Q(scrubbed__isnull=True)
        | Q(scrubbed_sha256="")
    )


def exportable_tasks() -> QuerySet[Task]:
    """Approved tasks whose every file is scrubbed cleanly (the only tasks that may be exported)."""
    return (
        Task.objects.filter(status=Task.Status.APPROVED)
        .filter(~Exists(_unclean_files()))
        # A typed text without its scrubbed copy is never exported (nor is its original).
        .exclude(~Q(request_text="") & Q(request_text_scrubbed=""))
        .exclude(~Q(deliverable_text="") & Q(deliverable_text_scrubbed=""))
        .exclude(title_scrubbed="")
        .exclude(Q(sector="Other") & ~Q(sector_other="") & Q(sector_other_scrubbed=""))
        .exclude(Q(occupation="Other") & ~Q(occupation_other="") & Q(occupation_other_scrubbed=""))
        .order_by("pk")
    )


def tasks_for_mode(mode: str, since: datetime | None = None) -> QuerySet[Task]:
    qs = exportable_tasks()
    if mode == ExportBatch.Mode.NEW:
        return qs.filter(export_batch__isnull=True)
    if mode == ExportBatch.Mode.SINCE:
        if since is None:
            raise ValueError("An export since a date needs the date.")
        return qs.filter(decided_at__gte=since)
    raise ValueError(f"No automatic task selection for mode {mode!r}.")


def exportable_ids(qs: QuerySet[Task]) -> list[int]:
    """Ascending ids, streamed from the database (only the ids are held)."""
    return list(qs.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=2000))


def chunks(ids: list[int], size: int = ID_CHUNK) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def export_batches() -> QuerySet[ExportBatch]:
    return ExportBatch.objects.select_related("created_by").order_by("-created_at", "-pk")


def median_review_seconds() -> float | None:
    """Median time from submission for review to the decision, over decided tasks."""
    durations = [
        (decided - submitted).total_seconds()
        for submitted, decided in Task.objects.filter(
            submitted_at__isnull=False, decided_at__isnull=False, decided_at__gte=F("submitted_at")
        )
        .values_list("submitted_at", "decided_at")
        .iterator(chunk_size=5000)
    ]
    return statistics.median(durations) if durations else None


def portal_stats() -> dict[str, Any]:
    """Everything the admin stats page shows; a fixed number of queries."""
    from scrubbing.models import Finding

    status_labels = dict(Task.Status.choices)
    per_status = [
        {"status": status_labels.get(row["status"], row["status"]), "n": row["n"]}
        for row in Task.objects.values("status").annotate(n=Count("pk")).order_by("status")
    ]
    per_sector = list(
        Task.objects.values("sector")
        .annotate(
            n=Count("pk"),
            approved=Count("pk", filter=Q(status=Task.Status.APPROVED)),
            exported=Count("pk", filter=Q(export_batch__isnull=False)),
        )
        .order_by("-n", "sector")
    )
    per_occupation = list(
        Task.objects.values("sector", "occupation")
        .annotate(
            n=Count("pk"),
            approved=Count("pk", filter=Q(status=Task.Status.APPROVED)),
            exported=Count("pk", filter=Q(export_batch__isnull=False)),
        )
        .order_by("-n", "occupation")
    )
    findings = list(
        Finding.objects.values("entity_type")
        .annotate(
            n=Count("pk"),
            redacted=Count("pk", filter=Q(decision=Finding.Decision.REDACT)),
            kept=Count("pk", filter=Q(decision=Finding.Decision.KEEP)),
        )
        .order_by("-n", "entity_type")
    )
    batch_status_labels = dict(ExportBatch.Status.choices)
    batches = [
        {"status": batch_status_labels.get(row["status"], row["status"]), "n": row["n"]}
        for row in ExportBatch.objects.values("status").annotate(n=Count("pk")).order_by("status")
    ]
    approved = Task.objects.filter(status=Task.Status.APPROVED).count()
    exportable = exportable_tasks().count()
    median = median_review_seconds()
    return {
        "per_status": per_status,
        "total_tasks": sum(row["n"] for row in per_status),
        "per_sector": per_sector,
        "per_occupation": per_occupation,
        "median_review_seconds": median,
        "median_review_hours": None if median is None else round(median / 3600, 1),
        "findings": findings,
        "batches": batches,
        "approved": approved,
        "exportable": exportable,
        "exported": Task.objects.filter(export_batch__isnull=False).count(),
        "waiting_export": exportable_tasks().filter(export_batch__isnull=True).count(),
        "approved_unclean": approved - exportable,
        "recent_batches": list(export_batches()[:10]),
    }
