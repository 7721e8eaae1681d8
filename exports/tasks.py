"""Celery tasks of exports: thin wrappers around exports.services."""

from __future__ import annotations

from celery import shared_task

from reviews.models import ExportBatch

from . import services

EXPORT_TIME_LIMIT = 6 * 3600  # a large export outlives the scrubbing jobs' 10-minute limit


@shared_task(
    name="reviews.export_batch",
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=EXPORT_TIME_LIMIT - 60,
    time_limit=EXPORT_TIME_LIMIT,
    ignore_result=True,
)
def export_batch(batch_pk: int) -> str:
    """Write one batch. Redelivery after a lost worker simply reruns it (runs are idempotent)."""
    batch = ExportBatch.objects.get(pk=batch_pk)
    if batch.status == ExportBatch.Status.COMPLETE:
        return batch.status  # a duplicate delivery: nothing to do
    return services.batch_run(batch).status
