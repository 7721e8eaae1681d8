"""Every write to tasks and their files. The one state machine of a task lives here."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from portal.audit import audit_record
from portal.models import User
from portal.storage import delete_after_commit, private_storage, safe_display_name, save_upload

from .models import StagedUpload, Task, TaskFile

logger = logging.getLogger(__name__)
S = Task.Status


class IllegalTransition(Exception):
    """A task move the state machine does not allow; the message says why."""


class UploadRefused(Exception):
    """One file refused at upload; the message names the file and the reason."""


STAGED_DIR = "staged"  # StagedUpload.file's upload_to


# from-state -> to-states. Claims and re-queues do not change the status.
TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.SCRUBBING},
    S.SCRUBBING: {S.CONTRACTOR_CHECK},
    S.CONTRACTOR_CHECK: {S.SCRUBBING, S.IN_REVIEW, S.DRAFT},
    S.IN_REVIEW: {S.APPROVED, S.REJECTED, S.CHANGES_REQUESTED},
    S.CHANGES_REQUESTED: {S.DRAFT},
    S.APPROVED: set(),
    S.REJECTED: set(),
}
EDITABLE = {S.DRAFT}


def _locked(task: Task) -> Task:
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
        verb="task.status",
        obj=task,
        task_id=task.pk,
        request=request,
        **{"from": current, "to": to},
        **details,
    )
    return task


# ---- uploads -------------------------------------------------------------------------------


def upload_stage(*, owner: User, part: str, upload: UploadedFile) -> StagedUpload:
    """Validate one uploaded file (size, real type from its bytes) and keep it privately."""
    from scrubbing.engine.base import ScrubError
    from scrubbing.engine.sniff import sniff

    name = safe_display_name(upload.name or "file")
    limit = settings.PORTAL_MAX_FILE_BYTES
    if upload.size is not None and upload.size > limit:
        raise UploadRefused(
            f"“{name}” is {upload.size / 1_048_576:.1f} MB; the limit per file is "
            f"{limit / 1_048_576:.0f} MB."
        )
    if part not in TaskFile.Part.values:
        raise UploadRefused(f"“{name}”: unknown task part “{part}”.")
    digest = hashlib.sha256()
    chunks = []
    for chunk in upload.chunks():
        digest.update(chunk)
        chunks.append(chunk)
    data = b"".join(chunks)
    try:
        info = sniff(name, data)
    except ScrubError as exc:
        sentence = str(exc)
        # The engine's sentences usually name the file already; name it exactly once.
        raise UploadRefused(sentence if name in sentence else f"“{name}”: {sentence}") from None
    staged = StagedUpload(
        owner=owner,
        part=part,
        original_name=name,
        sha256=digest.hexdigest(),
        size=len(data),
        detected_type=info.kind,
        content_type=info.content_type,
    )
    _check_staged_quota(owner, name, staged.size)  # cheap refusal before the bytes are stored
    upload.seek(0)
    save_upload(staged.file, upload)
    try:
        with transaction.atomic():
            # One owner's concurrent uploads take turns here, so the quota holds under a burst.
            User.objects.select_for_update().filter(pk=owner.pk).first()
            _check_staged_quota(owner, name, staged.size)
            staged.save()
    except BaseException:
        staged.file.delete(save=False)
        raise
    return staged


def upload_duplicate_of(
    staged: StagedUpload, *, task: Task | None, others: Sequence[StagedUpload]
) -> str | None:
    """The name of a file with the same content in the same part, already in the form (`others`)
    or in the task; None when the upload is new. Warned about as soon as the file is dropped."""
    for other in others:
        if other.pk != staged.pk and other.part == staged.part and other.sha256 == staged.sha256:
            return other.original_name
    if task is not None:
        twin = task.files.filter(part=staged.part, sha256=staged.sha256, text_field="").first()
        if twin is not None:
            return twin.original_name
    return None


def _check_staged_quota(owner: User, name: str, size: int) -> None:
    """Uploads waiting to join a task are bounded per user (count and bytes)."""
    from django.db.models import Count, Sum

    held = StagedUpload.objects.filter(owner=owner).aggregate(n=Count("id"), total=Sum("size"))
    count, total = held["n"] or 0, held["total"] or 0
    max_files, max_bytes = settings.PORTAL_STAGED_MAX_FILES, settings.PORTAL_STAGED_MAX_BYTES
    if count + 1 > max_files or total + size > max_bytes:
        raise UploadRefused(
            f"“{name}” was not kept: you already have {count} uploaded file(s) "
            f"({total / 1_048_576:.1f} MB) not yet saved in a task, and at most {max_files} "
            f"files or {max_bytes / 1_048_576:.0f} MB may wait. Save the task or remove some "
            f"files first (unsaved uploads are discarded after "
            f"{settings.PORTAL_STAGED_TTL_HOURS:g} hours)."
        )


def staged_discard(staged: Iterable[StagedUpload]) -> None:
    """Forget staged uploads: the rows now, their bytes once that is committed."""
    items = list(staged)
    if not items:
        return
    with transaction.atomic():
        StagedUpload.objects.filter(pk__in=[s.pk for s in items]).delete()
        _delete_blobs_after_commit([s.file.name for s in items if s.file.name])


def staged_expire(*, hours: float | None = None, dry_run: bool = False) -> int:
    """Discard staged uploads older than `hours` (PORTAL_STAGED_TTL_HOURS), and stored bytes
    under `staged/` that no row names (a crash between storing and saving). Returns how many
    uploads were (or, with `dry_run`, would be) discarded. Run by beat and `expire_staged_uploads`.
    """
    from datetime import timedelta

    hours = settings.PORTAL_STAGED_TTL_HOURS if hours is None else hours
    cutoff = timezone.now() - timedelta(hours=hours)
    old = list(StagedUpload.objects.filter(created_at__lt=cutoff))
    orphans = _staged_orphans(cutoff)
    if dry_run:
        return len(old) + len(orphans)
    staged_discard(old)
    storage = private_storage()
    for name in orphans:
        storage.delete(name)
    if old or orphans:
        logger.info("expired %d staged upload(s), %d orphaned blob(s)", len(old), len(orphans))
    return len(old) + len(orphans)


def _staged_orphans(cutoff: Any) -> list[str]:
    storage = private_storage()
    try:
        _dirs, names = storage.listdir(STAGED_DIR)
    except (FileNotFoundError, NotADirectoryError):
        return []
    known = set(StagedUpload.objects.values_list("file", flat=True))
    orphans = []
    for base in names:
        name = f"{STAGED_DIR}/{base}"
        if name not in known and storage.get_modified_time(name) < cutoff:
            orphans.append(name)
    return orphans


def _split_by_limits(
    task: Task | None, staged: Sequence[StagedUpload]
) -> tuple[list[StagedUpload], list[str]]:
    """The staged files that fit the task's limits (count, total size, no duplicate content),
    in order, and one sentence per reason the others do not."""
    existing = list(task.files.filter(text_field="")) if task else []
    count, total = len(existing), sum(f.size for f in existing)
    seen: dict[tuple[str, str], str] = {(f.part, f.sha256): f.original_name for f in existing}
    kept: list[StagedUpload] = []
    too_many: list[StagedUpload] = []
    too_big: list[StagedUpload] = []
    problems: list[str] = []
    for item in staged:
        key = (item.part, item.sha256)
        if key in seen:
            problems.append(
                f"“{item.original_name}” has the same content as “{seen[key]}”; it was "
                "uploaded twice."
            )
        elif count + 1 > settings.PORTAL_MAX_FILES_PER_TASK:
            too_many.append(item)
        elif total + item.size > settings.PORTAL_MAX_TASK_BYTES:
            too_big.append(item)
        else:
            seen[key] = item.original_name
            count, total = count + 1, total + item.size
            kept.append(item)
    if too_many:
        problems.append(
            f"A task may hold at most {settings.PORTAL_MAX_FILES_PER_TASK} files; not kept: "
            + _names(too_many)
        )
    if too_big:
        wanted = total + sum(s.size for s in too_big)
        problems.append(
            f"These files add up to {wanted / 1_048_576:.1f} MB; a task may hold at most "
            f"{settings.PORTAL_MAX_TASK_BYTES / 1_048_576:.0f} MB; not kept: " + _names(too_big)
        )
    return kept, problems


def _names(items: Sequence[StagedUpload]) -> str:
    return ", ".join(f"“{s.original_name}”" for s in items) + "."


def staged_fit(
    task: Task | None, staged: Sequence[StagedUpload]
) -> tuple[list[StagedUpload], list[str]]:
    """Keep the staged files that fit the task's limits and discard the rest, so a form refused
    for its limits leaves nothing over them staged. Returns the kept files and the sentences."""
    kept, problems = _split_by_limits(task, staged)
    staged_discard([s for s in staged if s not in kept])
    return kept, problems


def _check_task_limits(task: Task | None, staged: Sequence[StagedUpload]) -> None:
    """The same limits, checked again inside the saving transaction."""
    _kept, problems = _split_by_limits(task, staged)
    if problems:
        raise UploadRefused(" ".join(problems))


def _attach_staged(task: Task, staged: Sequence[StagedUpload]) -> list[TaskFile]:
    files = []
    for item in staged:
        tf = TaskFile(
            task=task,
            part=item.part,
            original_name=item.original_name,
            sha256=item.sha256,
            size=item.size,
            detected_type=item.detected_type,
            content_type=item.content_type,
        )
        tf.original.name = item.file.name  # the stored bytes move to the task without a copy
        tf.save()
        files.append(tf)
    StagedUpload.objects.filter(pk__in=[s.pk for s in staged]).delete()
    return files


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
    _check_task_limits(None, staged)
    task = Task.objects.create(contractor=contractor, **fields)
    files = _attach_staged(task, staged)
    audit_record(
        actor=contractor,
        verb="task.create",
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
    _check_task_limits(task, staged)
    for key, value in fields.items():
        setattr(task, key, value)
    task.save()
    _attach_staged(task, staged)
    audit_record(
        actor=actor,
        verb="task.edit",
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
        task_transition(task, S.SCRUBBING, actor=actor, request=request)
        files_enqueue(task.files.all())
    return task


def task_rescrub(task: Task, *, actor: User, request: HttpRequest | None = None) -> Task:
    """Scrub every file again (new terms, kept findings); replacements stay consistent."""
    with transaction.atomic():
        task = _locked(task)
        task_transition(task, S.SCRUBBING, actor=actor, request=request, reason="re-scrub")
        audit_record(actor=actor, verb="task.rescrub", obj=task, task_id=task.pk, request=request)
        files_enqueue(task.files.all())
    return task


def task_back_to_draft(task: Task, *, actor: User, request: HttpRequest | None = None) -> Task:
    """Reopen a task for editing (from the check, or after a reviewer asked for changes)."""
    with transaction.atomic():
        task = _locked(task)
        was = task.status
        task_transition(task, S.DRAFT, actor=actor, request=request)
        if was == S.CHANGES_REQUESTED:
            task.revision = F("revision") + 1
            task.contractor_confirmed_at = None
            task.save(update_fields=["revision", "contractor_confirmed_at", "updated_at"])
            task.refresh_from_db()
    return task


def task_submit_for_review(task: Task, *, actor: User, request: HttpRequest | None = None) -> Task:
    """The contractor confirms the scrubbed files; refused while any file is not clean."""
    with transaction.atomic():
        task = _locked(task)
        if task.status != S.CONTRACTOR_CHECK:
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
        task_transition(task, S.IN_REVIEW, actor=actor, request=request, revision=task.revision)
    return task


def _preview_blob_names(files: Iterable[TaskFile]) -> list[str]:
    from scrubbing.preview_services import preview_blob_names

    return preview_blob_names(files)


def _blob_names(file: TaskFile) -> list[str]:
    """Every stored blob of one file: its original, its scrubbed copy, its preview images."""
    return [n for n in (file.original.name, file.scrubbed.name) if n] + _preview_blob_names([file])


def task_delete_draft(task: Task, *, actor: User, request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        task = _locked(task)
        if task.status != S.DRAFT:
            raise IllegalTransition("Only a draft task can be deleted.")
        audit_record(
            actor=actor,
            verb="task.delete",
            obj=task,
            task_id=task.pk,
            request=request,
            title_length=len(task.title),
        )
        names = [n for f in task.files.all() for n in (f.original.name, f.scrubbed.name) if n]
        names += _preview_blob_names(task.files.all())
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
            verb="file.remove",
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
    from scrubbing.models import FilePreview

    with transaction.atomic():
        task = _locked(file.task)
        if task.status not in (S.DRAFT, S.CONTRACTOR_CHECK):
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
            verb="file.replace",
            obj=file,
            task_id=task.pk,
            request=request,
            part=file.part,
            version=file.version,
        )
        if task.status == S.CONTRACTOR_CHECK:
            task_transition(task, S.SCRUBBING, actor=actor, request=request, reason="file replaced")
            files_enqueue([file])
    _delete_blobs_after_commit(old)
    return file


def _delete_blobs_after_commit(names: Sequence[str]) -> None:
    """Stored bytes go only once the rows that named them are gone for good."""
    delete_after_commit(names)


# ---- queueing -------------------------------------------------------------------------------


def files_enqueue(files: Iterable[TaskFile]) -> None:
    """Mark files queued (a new generation) and send one job each after the commit."""
    now = timezone.now()
    for f in files:
        f.scrub_status = TaskFile.ScrubStatus.QUEUED
        f.generation += 1
        f.error = ""
        f.enqueued_at = now
        f.dispatched_at = None
        f.started_at = f.finished_at = None
        f.save(
            update_fields=[
                "scrub_status",
                "generation",
                "error",
                "enqueued_at",
                "dispatched_at",
                "started_at",
                "finished_at",
                "updated_at",
            ]
        )
        file_id, generation, kind = f.pk, f.generation, f.detected_type
        transaction.on_commit(lambda i=file_id, g=generation, k=kind: file_dispatch(i, g, kind=k))


def file_dispatch(file_id: int, generation: int, *, kind: str) -> bool:
    """Send the job to the queue for the file's kind (portal/queues.py); if the broker is down
    the file stays queued and the sweeper resends it."""
    from portal.queues import queue_for_kind
    from scrubbing.leases import job_id
    from scrubbing.tasks import scrub_file

    try:
        scrub_file.apply_async(
            (file_id, generation),
            retry=False,
            task_id=job_id(file_id, generation),
            queue=queue_for_kind(kind),
        )
    except Exception as exc:  # kombu raises several connection error types
        logger.warning("broker unavailable, file %s stays queued: %s", file_id, type(exc).__name__)
        return False
    TaskFile.objects.filter(pk=file_id, generation=generation).update(dispatched_at=timezone.now())
    return True


# ---- contractor check: add missed terms (keep/redact: scrubbing.check_services) ---------------

TERM_MAX_LENGTH = 200  # scrubbing.Term.text


class CheckRefused(Exception):
    """A check-page action that cannot be done; the message says why."""


def task_terms_add(
    task: Task,
    *,
    actor: User,
    terms: Sequence[str],
    category: str,
    request: HttpRequest | None = None,
) -> int:
    """Terms the scrubber missed go on the contractor's deny-list; a re-scrub applies them."""
    from scrubbing.models import Term
    from scrubbing.services import term_add

    cleaned = [" ".join(t.split()) for t in terms if t.strip()]
    if not cleaned:
        raise CheckRefused("Enter at least one term.")
    if category not in Term.Category.values:
        raise CheckRefused("Choose what kind of term this is.")
    for text in cleaned:
        if len(text) < 2 or len(text) > TERM_MAX_LENGTH:
            raise CheckRefused(
                f"Each term needs 2 to {TERM_MAX_LENGTH} characters (one term per line)."
            )
    with transaction.atomic():
        task = _locked(task)
        if task.status not in (S.DRAFT, S.CONTRACTOR_CHECK):
            raise CheckRefused("Terms can be added while the task is a draft or being checked.")
        for text in cleaned:
            term_add(
                owner=actor,
                text=text,
                list_kind=Term.ListKind.DENY,
                category=category,
                request=request,
            )
        audit_record(
            actor=actor,
            verb="task.terms_add",
            obj=task,
            task_id=task.pk,
            request=request,
            count=len(cleaned),
            category=category,
        )
    return len(cleaned)


# ---- retention (issue 8) ----------------------------------------------------------------------


def originals_purge(*, days: int | None = None, dry_run: bool = False) -> list[int]:
    """Delete the originals of tasks approved or rejected more than `days` ago.

    Originals are the uploaded files, the typed request/deliverable texts and the findings'
    original text; the scrubbed files and texts, the findings' types and replacements, and the
    audit trail stay. Each task gets an `task.originals_purged` audit event (counts only).
    Returns the ids of the tasks purged (or that would be, with `dry_run`). Idempotent.
    """
    from datetime import timedelta

    from django.db.models import Q

    from scrubbing.models import Finding

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
        Task.objects.filter(decided, status__in=[S.APPROVED, S.REJECTED])
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
                verb="task.originals_purged",
                obj=task,
                task_id=task.pk,
                files=len(names),
                findings=finding_count,
                retention_days=days,
            )
            _delete_blobs_after_commit(names)
    return ids
