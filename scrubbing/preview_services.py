"""Previews of scrubbed files: made by a worker after a file is scrubbed, cached per version.

A preview is keyed by the scrubbed output's checksum, so it is made once per file version and a
re-scrub that writes the same bytes reuses it. It is made from the scrubbed output only; the
original is never read here. Page images come from `scrubbing.rendering` (LibreOffice ->
PDF -> poppler, or the picture itself) with boxes where replacements are; the text is the
scrubbed output read back with the engine's readers, as the check page shows it.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from portal.audit import AuditVerb, audit_record
from portal.storage import delete_after_commit, read_all, save_bytes
from submissions.models import TaskFile

from . import rendering
from . import selectors as scrub_selectors
from .jobs import RENDER_PREVIEW, job
from .models import FilePreview, Finding, PreviewPage

logger = logging.getLogger(__name__)
ScrubStatus = TaskFile.ScrubStatus
#: a preview still pending after this long lost its job (broker down, worker killed): resend
STALE_AFTER = timedelta(minutes=10)


def preview_request(file: TaskFile) -> FilePreview | None:
    """Make sure a preview of the file's current scrubbed version exists or is on its way.

    Returns None when the file has no scrubbed output to preview. Safe to call on every page
    view: the job is sent once per version (again only if it was lost).
    """
    if (
        file.scrub_status not in (ScrubStatus.DONE, ScrubStatus.RESIDUAL)
        or not file.scrubbed_sha256
    ):
        return None
    preview, created = FilePreview.objects.get_or_create(
        file=file, scrubbed_sha256=file.scrubbed_sha256
    )
    stale = (
        preview.status == FilePreview.Status.PENDING
        and preview.created_at < timezone.now() - STALE_AFTER
    )
    if stale:
        FilePreview.objects.filter(pk=preview.pk).update(created_at=timezone.now())
    if created or stale:
        file_id, digest = file.pk, file.scrubbed_sha256
        transaction.on_commit(lambda: _dispatch(file_id, digest))
    return preview


def preview_schedule(file_id: int) -> None:
    """After a scrub: queue the preview of the file's new version. Never fails the scrub job
    (a page view asks again for a preview that was not queued)."""
    try:
        f = TaskFile.objects.filter(pk=file_id).first()
        if f is not None:
            preview_request(f)
    except Exception as exc:  # the database or broker hiccuped: the scrub result stands
        logger.warning("preview of file %s not queued: %s", file_id, type(exc).__name__)


def _dispatch(file_id: int, digest: str) -> None:
    try:
        job(RENDER_PREVIEW).apply_async((file_id, digest), retry=False)
    except Exception as exc:  # broker down: the next page view sends it again (STALE_AFTER)
        logger.warning("preview of file %s not sent: %s", file_id, type(exc).__name__)


def preview_render(file_id: int, digest: str) -> str | None:
    """Make the preview of one file version (in a worker). Returns its status, None if stale."""
    f = TaskFile.objects.filter(pk=file_id).first()
    if f is None or f.scrubbed_sha256 != digest or not f.scrubbed:
        return None  # the file changed or went away since the job was sent
    preview, _ = FilePreview.objects.get_or_create(file=f, scrubbed_sha256=digest)
    if preview.status != FilePreview.Status.PENDING:
        return preview.status
    started = time.monotonic()
    data = read_all(f.scrubbed)
    triples = scrub_selectors.cut(scrub_selectors.document_segments(f))
    types = scrub_selectors.replacement_types(
        list(Finding.objects.filter(file=f).only("replacement", "entity_type", "decision"))
    )
    pattern = scrub_selectors.replacement_pattern(types)
    reason, pages, count = "", [], 0
    try:
        rendered = rendering.render(
            data,
            f.detected_type,
            max_pages=settings.PORTAL_PREVIEW_MAX_PAGES,
            dpi=settings.PORTAL_PREVIEW_DPI,
            timeout=settings.PORTAL_PREVIEW_TIMEOUT,
        )
        pages, count = rendered.pages, rendered.page_count
    except rendering.PreviewUnavailable as exc:
        reason = str(exc)
    with transaction.atomic():
        preview = FilePreview.objects.select_for_update().get(pk=preview.pk)
        if preview.status != FilePreview.Status.PENDING:
            return preview.status  # a duplicate job finished first
        for page in pages:
            row = PreviewPage(
                preview=preview,
                number=page.number,
                width=page.width,
                height=page.height,
                boxes=[
                    box.as_dict(scrub_selectors.placeholder_type(box.text, types))
                    for box in rendering.find_boxes(page, pattern)
                ],
            )
            save_bytes(row.image, page.png)
            row.save()
        preview.status = FilePreview.Status.READY if pages else FilePreview.Status.UNAVAILABLE
        preview.reason = reason[:300]
        preview.page_count = count
        preview.segments = [list(t) for t in triples]
        preview.seconds = round(time.monotonic() - started, 2)
        preview.finished_at = timezone.now()
        preview.save()
        audit_record(
            actor=None,
            verb=AuditVerb.FILE_PREVIEW,
            obj=f,
            task_id=f.task_id,
            status=preview.status,
            pages=len(pages),
            seconds=preview.seconds,
        )
        older = FilePreview.objects.filter(file=f).exclude(pk=preview.pk)
        names = list(PreviewPage.objects.filter(preview__in=older).values_list("image", flat=True))
        older.delete()
        delete_after_commit(names)
    return preview.status


def preview_blob_names(files) -> list[str]:
    """The stored page images of these files' previews (to delete with the files)."""
    return list(
        PreviewPage.objects.filter(preview__file__in=list(files)).values_list("image", flat=True)
    )
