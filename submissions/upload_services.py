"""Uploads: each file checked and kept privately as it is dropped (a staged upload), bounded per
user, and attached to a task (within the task's limits) when its form is saved."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone

from portal.models import User
from portal.storage import delete_after_commit, private_storage, safe_display_name, save_upload
from scrubbing.engine.base import ScrubError
from scrubbing.engine.sniff import sniff

from .models import StagedUpload, Task, TaskFile

logger = logging.getLogger(__name__)


class UploadRefused(Exception):
    """One file refused at upload; the message names the file and the reason."""


STAGED_DIR = "staged"  # StagedUpload.file's upload_to


def upload_stage(*, owner: User, part: str, upload: UploadedFile) -> StagedUpload:
    """Validate one uploaded file (size, real type from its bytes) and keep it privately."""
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
        delete_after_commit([s.file.name for s in items if s.file.name])


def staged_expire(*, hours: float | None = None, dry_run: bool = False) -> int:
    """Discard staged uploads older than `hours` (PORTAL_STAGED_TTL_HOURS), and stored bytes
    under `staged/` that no row names (a crash between storing and saving). Returns how many
    uploads were (or, with `dry_run`, would be) discarded. Run by beat and `expire_staged_uploads`.
    """
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


def _staged_orphans(cutoff: datetime) -> list[str]:
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


def staged_check_limits(task: Task | None, staged: Sequence[StagedUpload]) -> None:
    """The same limits, checked again inside the saving transaction."""
    _kept, problems = _split_by_limits(task, staged)
    if problems:
        raise UploadRefused(" ".join(problems))


def staged_attach(task: Task, staged: Sequence[StagedUpload]) -> list[TaskFile]:
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
