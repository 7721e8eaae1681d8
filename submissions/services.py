"""Every write to tasks and their files (the state machine: submissions/workflow.py; queueing the
files' jobs: scrubbing/services.py)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.http import HttpRequest
from django.utils import timezone

from portal.audit import AuditVerb, audit_record
from portal.models import User
from portal.storage import delete_after_commit
from scrubbing.models import FilePreview, Finding
from scrubbing.preview_services import preview_blob_names
from scrubbing.services import files_enqueue

from .models import StagedUpload, Task, TaskFile
from .upload_services import UploadRefused, staged_attach, staged_check_limits
from .workflow import EDITABLE, IllegalTransition, task_transition
from .workflow import task_locked as _locked

TaskStatus = Task.Status


# ---- task lifecycle -----------------------------------------------------------------------


@transaction.atomic
def task_create(
    *,
    contractor: User,
    fields: dict[str, Any],
    staged: Sequence[StagedUpload],
    submit: bool,
    request: HttpRequest | None = None,
) -> Task:
    """Create a draft task from the form's fields and staged files; submit it for scrubbing."""
    staged_check_limits(None, staged)
    task = Task.objects.create(contractor=contractor, **fields)
    files = staged_attach(task, staged)
    audit_record(
        actor=contractor,
        verb=AuditVerb.TASK_CREATE,
        obj=task,
        task_id=task.pk,
        request=request,
        files=len(files),
    )
    if submit:
        task_submit_for_scrubbing(task, actor=contractor, request=request)
    return task


@transaction.atomic
def task_update(
    task: Task,
    *,
    actor: User,
    fields: dict[str, Any],
    staged: Sequence[StagedUpload],
    submit: bool,
    request: HttpRequest | None = None,
) -> Task:
    task = _locked(task)
    if task.status not in EDITABLE:
        raise IllegalTransition("Only a draft can be edited.")
    staged_check_limits(task, staged)
    for key, value in fields.items():
        setattr(task, key, value)
    task.save()
    staged_attach(task, staged)
    audit_record(
        actor=actor,
        verb=AuditVerb.TASK_EDIT,
        obj=task,
        task_id=task.pk,
        request=request,
        added_files=len(staged),
    )
    if submit:
        task_submit_for_scrubbing(task, actor=actor, request=request)
    return task


# Every typed field a reviewer or an export could see, and the part it belongs to.
TEXT_FIELDS = (
    (TaskFile.TextField.TITLE, TaskFile.Part.REQUEST),
    (TaskFile.TextField.REQUEST_TEXT, TaskFile.Part.REQUEST),
    (TaskFile.TextField.DELIVERABLE_TEXT, TaskFile.Part.DELIVERABLE),
    (TaskFile.TextField.SECTOR_OTHER, TaskFile.Part.REQUEST),
    (TaskFile.TextField.OCCUPATION_OTHER, TaskFile.Part.REQUEST),
)


def _sync_text_files(task: Task) -> None:
    """Keep one text TaskFile per non-empty typed field, so they are scrubbed like files."""
    for field, part in TEXT_FIELDS:
        text = getattr(task, field) or ""
        if (
            field in ("sector_other", "occupation_other")
            and getattr(task, field.replace("_other", "")) != "Other"
        ):
            text = ""
        current = task.files.filter(text_field=field).first()
        data = text.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        if not text.strip():
            if current:
                current.original.delete(save=False)
                current.scrubbed.delete(save=False)
                current.delete()
            setattr(task, f"{field}_scrubbed", "")
            task.save(update_fields=[f"{field}_scrubbed"])
            continue
        if current and current.sha256 == digest:
            continue
        if current is None:
            current = TaskFile(task=task, part=part, text_field=field)
        elif current.original:
            current.original.delete(save=False)
        current.original_name = f"{field.replace('_', '-')}.txt"
        current.sha256 = digest
        current.size = len(data)
        current.detected_type = "text"
        current.content_type = "text/plain"
        current.original.save("text", ContentFile(data), save=False)
        current.save()


def task_submit_for_scrubbing(
    task: Task, *, actor: User, request: HttpRequest | None = None
) -> Task:
    with transaction.atomic():
        task = _locked(task)
        if (
            not task.files.filter(part=TaskFile.Part.DELIVERABLE).exists()
            and not (task.deliverable_text or "").strip()
        ):
            raise IllegalTransition(
                "Add at least one deliverable file or a deliverable text before submitting."
            )
        _sync_text_files(task)
        task_transition(task, TaskStatus.SCRUBBING, actor=actor, request=request)
        files_enqueue(task.files.all())
    return task


def task_rescrub(task: Task, *, actor: User, request: HttpRequest | None = None) -> Task:
    """Scrub every file again (new terms, kept findings); replacements stay consistent."""
    with transaction.atomic():
        task = _locked(task)
        task_transition(task, TaskStatus.SCRUBBING, actor=actor, request=request, reason="re-scrub")
        audit_record(
            actor=actor, verb=AuditVerb.TASK_RESCRUB, obj=task, task_id=task.pk, request=request
        )
        files_enqueue(task.files.all())
    return task


def task_back_to_draft(task: Task, *, actor: User, request: HttpRequest | None = None) -> Task:
    """Reopen a task for editing (from the check, or after a reviewer asked for changes)."""
    with transaction.atomic():
        task = _locked(task)
        was = task.status
        task_transition(task, TaskStatus.DRAFT, actor=actor, request=request)
        if was == TaskStatus.CHANGES_REQUESTED:
            task.revision = F("revision") + 1
            task.contractor_confirmed_at = None
            task.save(update_fields=["revision", "contractor_confirmed_at", "updated_at"])
            task.refresh_from_db()
    return task


def task_submit_for_review(task: Task, *, actor: User, request: HttpRequest | None = None) -> Task:
    """The contractor confirms the scrubbed files; refused while any file is not clean."""
    with transaction.atomic():
        task = _locked(task)
        if task.status != TaskStatus.CONTRACTOR_CHECK:
            raise IllegalTransition(
                f"A task that is “{task.get_status_display()}” cannot be submitted for review."
            )
        problems = [
            f"“{f.original_name}” is {f.get_scrub_status_display().lower()}"
            + (f": {f.error.rstrip('.')}" if f.error else "")
            for f in task.files.all()
            if f.scrub_status != TaskFile.ScrubStatus.DONE
        ]
        if problems:
            raise IllegalTransition(
                "Submit for review is not possible until every file is scrubbed cleanly. "
                + "; ".join(problems)
                + "."
            )
        task.contractor_confirmed_at = timezone.now()
        task.submitted_at = timezone.now()
        task.save(update_fields=["contractor_confirmed_at", "submitted_at", "updated_at"])
        task_transition(
            task, TaskStatus.IN_REVIEW, actor=actor, request=request, revision=task.revision
        )
    return task


def _blob_names(file: TaskFile) -> list[str]:
    """Every stored blob of one file: its original, its scrubbed copy, its preview images."""
    return [n for n in (file.original.name, file.scrubbed.name) if n] + preview_blob_names([file])


def task_delete_draft(task: Task, *, actor: User, request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        task = _locked(task)
        if task.status != TaskStatus.DRAFT:
            raise IllegalTransition("Only a draft task can be deleted.")
        audit_record(
            actor=actor,
            verb=AuditVerb.TASK_DELETE,
            obj=task,
            task_id=task.pk,
            request=request,
            title_length=len(task.title),
        )
        names = [n for f in task.files.all() for n in (f.original.name, f.scrubbed.name) if n]
        names += preview_blob_names(task.files.all())
        task.delete()
    _delete_blobs_after_commit(names)


def file_remove(file: TaskFile, *, actor: User, request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        task = _locked(file.task)
        if task.status not in EDITABLE:
            raise IllegalTransition("Files can only be removed while the task is a draft.")
        if file.text_field:
            raise IllegalTransition("Edit the task's text instead of removing it.")
        audit_record(
            actor=actor,
            verb=AuditVerb.FILE_REMOVE,
            obj=file,
            task_id=task.pk,
            request=request,
            part=file.part,
            version=file.version,
        )
        names = _blob_names(file)
        file.delete()
    _delete_blobs_after_commit(names)


def file_replace(
    file: TaskFile, *, staged: StagedUpload, actor: User, request: HttpRequest | None = None
) -> TaskFile:
    """Swap a file's bytes (draft or contractor check): same row, so it keeps its place in the
    task, its history (version + 1, audit trail) and what reviewers compare revisions by.
    It is scrubbed again (at once during the check; with the task's submit in a draft)."""
    with transaction.atomic():
        task = _locked(file.task)
        if task.status not in (TaskStatus.DRAFT, TaskStatus.CONTRACTOR_CHECK):
            raise IllegalTransition("Files can only be replaced before the task is in review.")
        if file.text_field:
            raise IllegalTransition("Edit the task's text instead of replacing it.")
        twin = (
            task.files.filter(part=file.part, sha256=staged.sha256, text_field="")
            .exclude(pk=file.pk)
            .first()
        )
        if twin is not None:
            raise UploadRefused(
                f"“{staged.original_name}” has the same content as “{twin.original_name}”, "
                "already in this task."
            )
        old = _blob_names(file)
        FilePreview.objects.filter(file=file).delete()
        file.original.name = staged.file.name
        file.original_name = staged.original_name
        file.sha256, file.size = staged.sha256, staged.size
        file.detected_type, file.content_type = staged.detected_type, staged.content_type
        file.scrubbed.name = ""
        file.scrubbed_name = ""
        file.scrubbed_sha256 = ""
        file.report, file.error = {}, ""
        file.scrub_status = TaskFile.ScrubStatus.QUEUED
        file.version += 1
        file.save()
        staged.delete()
        file.findings.all().delete()
        audit_record(
            actor=actor,
            verb=AuditVerb.FILE_REPLACE,
            obj=file,
            task_id=task.pk,
            request=request,
            part=file.part,
            version=file.version,
        )
        if task.status == TaskStatus.CONTRACTOR_CHECK:
            task_transition(
                task, TaskStatus.SCRUBBING, actor=actor, request=request, reason="file replaced"
            )
            files_enqueue([file])
    _delete_blobs_after_commit(old)
    return file


def _delete_blobs_after_commit(names: Sequence[str]) -> None:
    """Stored bytes go only once the rows that named them are gone for good."""
    delete_after_commit(names)


# ---- retention (issue 8) ----------------------------------------------------------------------


def originals_purge(*, days: int | None = None, dry_run: bool = False) -> list[int]:
    """Delete the originals of tasks approved or rejected more than `days` ago.

    Originals are the uploaded files, the typed request/deliverable texts and the findings'
    original text; the scrubbed files and texts, the findings' types and replacements, and the
    audit trail stay. Each task gets an `task.originals_purged` audit event (counts only).
    Returns the ids of the tasks purged (or that would be, with `dry_run`). Idempotent.
    """
    days = settings.PORTAL_RETENTION_DAYS if days is None else days
    cutoff = timezone.now() - timedelta(days=days)
    decided = Q(decided_at__lt=cutoff) | Q(decided_at__isnull=True, updated_at__lt=cutoff)
    pending = (
        Q(files__original__gt="")
        | Q(files__findings__original_text__gt="")
        | ~Q(request_text=F("request_text_scrubbed"))
        | (~Q(deliverable_text="") & ~Q(deliverable_text=F("deliverable_text_scrubbed")))
        | ~Q(title=F("title_scrubbed"))
        | ~Q(pseudonym_state={})
    )
    ids = list(
        Task.objects.filter(decided, status__in=[TaskStatus.APPROVED, TaskStatus.REJECTED])
        .filter(pending)
        .values_list("pk", flat=True)
        .distinct()
        .order_by("pk")
    )
    if dry_run:
        return ids
    for task_id in ids:
        with transaction.atomic():
            task = Task.objects.select_for_update().get(pk=task_id)
            files = list(task.files.exclude(original=""))
            names = [f.original.name for f in files]
            TaskFile.objects.filter(pk__in=[f.pk for f in files]).update(original="")
            findings = Finding.objects.filter(file__task=task).exclude(original_text="")
            # a finding's reason (the context model's words) may quote the original too
            finding_count = findings.update(original_text="", reason="")
            # Every typed field becomes its scrubbed copy; the replacement table (which maps
            # placeholders back to original text) goes too.
            purged = [
                "request_text",
                "deliverable_text",
                "title",
                "sector_other",
                "occupation_other",
            ]
            for field in purged:
                setattr(task, field, getattr(task, f"{field}_scrubbed"))
            task.pseudonym_state = {}
            task.save(update_fields=[*purged, "pseudonym_state", "updated_at"])
            audit_record(
                actor=None,
                verb=AuditVerb.TASK_ORIGINALS_PURGED,
                obj=task,
                task_id=task.pk,
                files=len(names),
                findings=finding_count,
                retention_days=days,
            )
            _delete_blobs_after_commit(names)
    return ids
