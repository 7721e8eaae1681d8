"""Celery tasks of submissions: thin wrappers around submissions.services."""

from __future__ import annotations

from celery import shared_task

from . import services


@shared_task(name="submissions.expire_staged_uploads", ignore_result=True)
def expire_staged_uploads() -> int:
    return services.staged_expire()
