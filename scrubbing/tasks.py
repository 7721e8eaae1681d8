"""Celery tasks: thin wrappers around scrubbing.services."""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError

from . import leases, preview_services, services
from .jobs import RENDER_PREVIEW, REQUEUE_STUCK_FILES, SCRUB_FILE


@shared_task(
    name=SCRUB_FILE,
    acks_late=True,
    reject_on_worker_lost=True,
    # storage hiccups and a lost database connection: retried (file_start fences the attempt)
    autoretry_for=(OSError, OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=5,
)
def scrub_file(file_id: int, generation: int) -> str | None:
    with leases.keeper(file_id, generation):  # renewed while this job runs
        status = services.file_scrub(file_id, generation)
    if status in ("done", "residual"):
        preview_services.preview_schedule(file_id)  # page images, made by the next job
    return status


@shared_task(name=REQUEUE_STUCK_FILES, ignore_result=True)
def requeue_stuck_files() -> int:
    return services.files_requeue_stuck()


@shared_task(
    name=RENDER_PREVIEW,
    acks_late=True,
    reject_on_worker_lost=True,
    # LibreOffice and poppler have their own time limits (PORTAL_PREVIEW_TIMEOUT) per call
    soft_time_limit=600,
    time_limit=660,
    ignore_result=True,
)
def render_preview(file_id: int, scrubbed_sha256: str) -> str | None:
    return preview_services.preview_render(file_id, scrubbed_sha256)
