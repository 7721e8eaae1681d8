"""The one state machine of a task: which status may follow which, and the move that writes its
audit row. Every service that changes a task's status calls `task_transition`."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from portal.audit import AuditVerb, audit_record
from portal.models import User

from .models import Task

TaskStatus = Task.Status


class IllegalTransition(Exception):
    """A task move the state machine does not allow; the message says why."""


# from-state -> to-states. Claims and re-queues do not change the status.
TRANSITIONS: dict[str, set[str]] = {
    TaskStatus.DRAFT: {TaskStatus.SCRUBBING},
    TaskStatus.SCRUBBING: {TaskStatus.CONTRACTOR_CHECK},
    TaskStatus.CONTRACTOR_CHECK: {TaskStatus.SCRUBBING, TaskStatus.IN_REVIEW, TaskStatus.DRAFT},
    TaskStatus.IN_REVIEW: {TaskStatus.APPROVED, TaskStatus.REJECTED, TaskStatus.CHANGES_REQUESTED},
    TaskStatus.CHANGES_REQUESTED: {TaskStatus.DRAFT},
    TaskStatus.APPROVED: set(),
    TaskStatus.REJECTED: set(),
}
EDITABLE = {TaskStatus.DRAFT}


def task_locked(task: Task) -> Task:
    """The task's row again, locked for the caller's transaction."""
    return Task.objects.select_for_update().get(pk=task.pk)


def task_transition(
    task: Task,
    to: str,
    *,
    actor: User | None,
    request: HttpRequest | None = None,
    **details: Any,
) -> Task:
    """Move a task (caller holds a transaction); raise IllegalTransition with a clear sentence."""
    current = task.status
    if to not in TRANSITIONS.get(current, set()):
        raise IllegalTransition(
            f"A task that is “{Task.Status(current).label}” cannot move to "
            f"“{Task.Status(to).label}”."
        )
    task.status = to
    task.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        verb=AuditVerb.TASK_STATUS,
        obj=task,
        task_id=task.pk,
        request=request,
        **{"from": current, "to": to},
        **details,
    )
    return task
