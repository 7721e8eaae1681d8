"""Writing audit events. The only writer of portal.AuditEvent; every event name is in AuditVerb."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.db import models
from django.http import HttpRequest

from .models import AuditEvent, User


class AuditVerb(StrEnum):
    """Every audit event name, in one place (as Zulip's AuditLogEventType): `object.action`.
    The stored value is the string; the timeline's sentences are in reviews/selectors.py."""

    ACCOUNT_VERIFICATION_RESENT = "account.verification_resent"
    TASK_CREATE = "task.create"
    TASK_EDIT = "task.edit"
    TASK_STATUS = "task.status"  # every move of the state machine (submissions/workflow.py)
    TASK_RESCRUB = "task.rescrub"
    TASK_INVENTORY_RESCRUB = "task.inventory_rescrub"
    TASK_DELETE = "task.delete"
    TASK_TERMS_ADD = "task.terms_add"
    TASK_AUTOSAVE = "task.autosave"
    TASK_AUTOSAVE_DISCARD = "task.autosave_discard"
    TASK_ORIGINALS_PURGED = "task.originals_purged"
    FILE_SCRUBBED = "file.scrubbed"
    FILE_REPLACE = "file.replace"
    FILE_REMOVE = "file.remove"
    FILE_PREVIEW = "file.preview"
    FILE_DOWNLOAD_ORIGINAL = "file.download.original"
    FILE_DOWNLOAD_SCRUBBED = "file.download.scrubbed"
    FILE_DOWNLOAD_REVIEW = "file.download.review"
    FINDING_KEEP = "finding.keep"
    FINDING_REDACT = "finding.redact"
    FINDING_UNDO = "finding.undo"
    TERM_ALLOW = "term.allow"  # a term on the contractor's allow-list (scrubbing.Term.ListKind)
    TERM_DENY = "term.deny"
    REVIEW_CLAIM = "review.claim"
    REVIEW_RELEASE = "review.release"
    REVIEW_TAKEOVER = "review.takeover"
    REVIEW_SKIP = "review.skip"
    REVIEW_COMMENT = "review.comment"
    REVIEW_COMMENT_DELETE = "review.comment_delete"
    REVIEW_DECISION = "review.decision"
    EXPORT_BATCH = "export.batch"
    EXPORT_DOWNLOAD = "export.download"


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    actor: User | None,
    verb: AuditVerb,
    obj: models.Model,
    task_id: int | None = None,
    request: HttpRequest | None = None,
    **details: Any,
) -> AuditEvent:
    """Append one event. `details` must never hold original (unscrubbed) text or secrets."""
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        verb=AuditVerb(verb).value,  # a name not in AuditVerb is refused
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        task_id=task_id,
        ip_address=client_ip(request),
        details=details,
    )
