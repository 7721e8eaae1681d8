"""Celery tasks: thin wrappers around scrubbing.services."""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError

from . import leases, services


@shared_task(
    name="scrubbing.scrub_file",
    acks_late=True,
    reject_on_worker_lost=True,
    # storage hiccups and a lost database connection: retried (file_start fences the attempt)
    autoretry_for=(OSError, OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=5,
)
def scrub_file(file_id: int, generation: int) -> str | None:
    with leases.keeper(file_id, generation):  # renewed while this job runs
        return services.file_scrub(file_id, generation)


@shared_task(name="scrubbing.requeue_stuck_files", ignore_result=True)
def requeue_stuck_files() -> int:
    return services.files_requeue_stuck()
