"""Celery tasks of submissions: thin wrappers around submissions.upload_services."""

from __future__ import annotations

from celery import shared_task

from . import upload_services


@shared_task(name="submissions.expire_staged_uploads", ignore_result=True)
def expire_staged_uploads() -> int:
    return upload_services.staged_expire()
