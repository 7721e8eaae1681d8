"""Autosave of the task form: what the contractor typed and uploaded survives a session that
ends (sign-out in another tab, expiry) and a closed tab.

The browser sends the form's fields every few seconds while the session lives; the server keeps
one row per owner and form (`FormAutosave`). Opening the form again brings it back. The row holds
original text, so it is read by its owner only and deleted as soon as the form is saved, the
autosave is discarded, or the task is deleted.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest

from portal.audit import AuditVerb, audit_record
from portal.models import User

from .forms import TaskForm
from .models import FormAutosave, StagedUpload, Task

#: the task form's fields an autosave keeps (files are kept as staged uploads, by id)
FIELDS = tuple(TaskForm.Meta.fields)
CHECKBOXES = ("attest_rights", "attest_confidential")
MAX_FIELD_CHARS = 100_000


class AutosaveRefused(Exception):
    """An autosave that cannot be kept; the message says why."""


def autosave_store(
    *,
    owner: User,
    task: Task | None,
    data: dict[str, Any],
    staged_ids: list[int],
    request: HttpRequest | None = None,
) -> FormAutosave:
    """Keep the form's current values (only the known fields, each cut to a sane length).

    The first save of a form is an audit event; the saves every few seconds after it are not
    (they would bury the trail), the discard is."""
    if task is not None and task.contractor_id != owner.pk:
        raise AutosaveRefused("This is not your task.")
    if task is not None and task.status != Task.Status.DRAFT:
        raise AutosaveRefused("Only a draft can be edited.")
    values: dict[str, Any] = {}
    for name in FIELDS:
        if name in CHECKBOXES:
            values[name] = bool(data.get(name))
        elif name in data:
            values[name] = str(data[name])[:MAX_FIELD_CHARS]
    mine = set(
        StagedUpload.objects.filter(owner=owner, pk__in=staged_ids).values_list("pk", flat=True)
    )
    with transaction.atomic():
        row, created = FormAutosave.objects.select_for_update().get_or_create(
            owner=owner, task=task
        )
        row.data = values
        row.staged_ids = sorted(mine)
        row.save()
        if created:
            audit_record(
                actor=owner,
                verb=AuditVerb.TASK_AUTOSAVE,
                obj=row,
                task_id=task.pk if task else None,
                request=request,
                files=len(mine),
            )
    return row


def autosave_discard(
    *, owner: User, task: Task | None, request: HttpRequest | None = None, saved: bool = False
) -> None:
    """Drop the autosave: the form was saved for real (`saved`) or the owner discarded it."""
    row = FormAutosave.objects.filter(owner=owner, task=task).first()
    if row is None:
        return
    if not saved:
        audit_record(
            actor=owner,
            verb=AuditVerb.TASK_AUTOSAVE_DISCARD,
            obj=row,
            task_id=task.pk if task else None,
            request=request,
        )
    row.delete()
