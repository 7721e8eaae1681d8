"""Every write of the review flow: claims (row lock), decisions, their audit events and e-mails.

A claim is `Task.claimed_by/claimed_at`; it is live for settings.REVIEW_CLAIM_MINUTES. Every
claim change happens under `select_for_update` on the task row, so two reviewers clicking at
once are serialised by the database and exactly one of them gets the task.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from portal.audit import AuditVerb, audit_record
from portal.models import User
from submissions.models import Task
from submissions.workflow import task_transition

from .models import Review, ReviewComment
from .selectors import (
    claim_cutoff,
    claim_is_live,
    claim_is_mine,
    file_label,
    preview_lines,
    scrubbed_lines,
)

logger = logging.getLogger(__name__)
TaskStatus = Task.Status

DECISION_STATUS: dict[str, str] = {
    Review.Decision.APPROVE: TaskStatus.APPROVED,
    Review.Decision.REJECT: TaskStatus.REJECTED,
    Review.Decision.CHANGES_REQUESTED: TaskStatus.CHANGES_REQUESTED,
}
NEEDS_REASON = {Review.Decision.REJECT, Review.Decision.CHANGES_REQUESTED}


class ClaimError(Exception):
    """A claim, release or take-over that cannot be done; the message says why."""


class DecisionRefused(Exception):
    """A decision that cannot be recorded; the message says why."""


def _locked(task_id: int) -> Task:
    return Task.objects.select_for_update().get(pk=task_id)


def _set_claim(task: Task, user: User | None) -> None:
    task.claimed_by = user
    task.claimed_at = timezone.now() if user else None
    task.save(update_fields=["claimed_by", "claimed_at", "updated_at"])


def _claim_for(task: Task, reviewer: User, request: HttpRequest | None, **details: Any) -> None:
    """Give the (locked) task to the reviewer and record it."""
    _set_claim(task, reviewer)
    audit_record(
        actor=reviewer,
        verb=AuditVerb.REVIEW_CLAIM,
        obj=task,
        task_id=task.pk,
        request=request,
        revision=task.revision,
        **details,
    )


def review_claim(task_id: int, *, reviewer: User, request: HttpRequest | None = None) -> Task:
    """Claim a task in review (or renew one's own claim); refused while another claim is live."""
    with transaction.atomic():
        task = _locked(task_id)
        if task.status != TaskStatus.IN_REVIEW:
            raise ClaimError("This task is not waiting for review any more.")
        if claim_is_live(task) and task.claimed_by_id != reviewer.pk:
            raise ClaimError("Another reviewer has just claimed this task.")
        previous = task.claimed_by_id if task.claimed_by_id != reviewer.pk else None
        _claim_for(task, reviewer, request, expired_claim_of=previous)
    return task


def review_claim_next(
    *, reviewer: User, request: HttpRequest | None = None, exclude: Sequence[int] = ()
) -> Task | None:
    """Claim the oldest task in review nobody holds (or whose claim expired); None if none.

    `exclude`: tasks the reviewer skipped, passed over this time."""
    with transaction.atomic():
        free = Q(claimed_by__isnull=True) | Q(claimed_at__lte=claim_cutoff())
        # skip_locked: a row another reviewer is claiming right now is passed over, not waited on
        # (ignored on SQLite, which serialises writers anyway).
        task = (
            Task.objects.select_for_update(skip_locked=True)
            .filter(free, status=TaskStatus.IN_REVIEW)
            .exclude(pk__in=list(exclude))
            .order_by("submitted_at", "id")
            .first()
        )
        if task is None:
            return None
        _claim_for(task, reviewer, request, expired_claim_of=task.claimed_by_id, via="next")
    return task


def review_release(task_id: int, *, reviewer: User, request: HttpRequest | None = None) -> Task:
    """Give a claimed task back to the queue; only the holder can."""
    with transaction.atomic():
        task = _locked(task_id)
        if task.claimed_by_id != reviewer.pk:
            raise ClaimError("You do not hold this task.")
        _set_claim(task, None)
        audit_record(
            actor=reviewer,
            verb=AuditVerb.REVIEW_RELEASE,
            obj=task,
            task_id=task.pk,
            request=request,
        )
    return task


def review_takeover(task_id: int, *, admin: User, request: HttpRequest | None = None) -> Task:
    """An admin takes a task away from whoever holds it (live claim or not)."""
    if not admin.is_portal_admin:
        raise ClaimError("Only an admin can take over a claimed task.")
    with transaction.atomic():
        task = _locked(task_id)
        if task.status != TaskStatus.IN_REVIEW:
            raise ClaimError("This task is not waiting for review any more.")
        previous = task.claimed_by_id
        _set_claim(task, admin)
        audit_record(
            actor=admin,
            verb=AuditVerb.REVIEW_TAKEOVER,
            obj=task,
            task_id=task.pk,
            request=request,
            previous_reviewer=previous,
        )
    return task


#: scrubbed text kept per file in a decision's snapshot, for the next revision's diff
SNAPSHOT_TEXT_CHARS = 100_000


def _snapshot(task: Task) -> dict:
    """What this revision looked like to the reviewer (scrubbed data and hashes only), with each
    file's scrubbed text as lines: the next revision is compared with it word by word."""
    files = list(task.files.filter(text_field="").order_by("part", "id"))
    texts = scrubbed_lines(files, max_chars=SNAPSHOT_TEXT_CHARS)
    return {
        "revision": task.revision,
        "title": task.title_scrubbed,
        "request_text": task.request_text_scrubbed,
        "deliverable_text": task.deliverable_text_scrubbed,
        "files": [
            {
                "id": f.pk,
                "part": f.part,
                "type": f.detected_type,
                "sha256": f.sha256,
                "scrubbed_sha256": f.scrubbed_sha256,
                "size": f.size,
                "version": f.version,
                "lines": texts.get(f.pk, []),
            }
            for f in files
        ],
    }


def review_decide(
    task_id: int,
    *,
    reviewer: User,
    decision: str,
    reasons: Sequence[str] = (),
    comment: str = "",
    request: HttpRequest | None = None,
) -> Review:
    """Record a decision: needs a live claim; reject and request-changes need a reason.

    Writes the Review, moves the task through the state machine, clears the claim, then
    e-mails the contractor (after the commit: a mail server outage never loses a decision).
    """
    if decision not in DECISION_STATUS:
        raise DecisionRefused("Choose approve, reject or request changes.")
    reasons = list(dict.fromkeys(reasons))
    unknown = [r for r in reasons if r not in Review.Reason.values]
    if unknown:
        raise DecisionRefused("Unknown reason code.")
    if decision in NEEDS_REASON and not reasons:
        raise DecisionRefused("Give at least one reason to reject or to request changes.")
    comment = comment.strip()
    if Review.Reason.OTHER in reasons and not comment:
        raise DecisionRefused("Say in the comment what the “other” reason is.")
    with transaction.atomic():
        task = _locked(task_id)
        if task.status != TaskStatus.IN_REVIEW:
            raise DecisionRefused("This task is not waiting for review any more.")
        if not claim_is_mine(task, reviewer):
            if task.claimed_by_id == reviewer.pk:
                raise DecisionRefused("Your claim on this task expired: claim it again to decide.")
            raise DecisionRefused("Claim the task before deciding.")
        review = Review.objects.create(
            task=task,
            reviewer=reviewer,
            revision=task.revision,
            decision=decision,
            reason_codes=reasons,
            comment=comment,
            claimed_at=task.claimed_at,
            snapshot=_snapshot(task),
        )
        task_transition(
            task,
            DECISION_STATUS[decision],
            actor=reviewer,
            request=request,
            review=review.pk,
            decision=decision,
        )
        task.claimed_by = None
        task.claimed_at = None
        task.decided_at = timezone.now()
        task.save(update_fields=["claimed_by", "claimed_at", "decided_at", "updated_at"])
        sent = ReviewComment.objects.filter(
            task=task, author=reviewer, revision=task.revision, review__isnull=True
        ).update(review=review)
        audit_record(
            actor=reviewer,
            verb=AuditVerb.REVIEW_DECISION,
            obj=task,
            task_id=task.pk,
            request=request,
            review=review.pk,
            decision=decision,
            reasons=reasons,
            revision=task.revision,
            comments=sent,
        )
    from .emails import send_decision_email

    send_decision_email(review, request=request)
    return review


# ---- comments and skipping ---------------------------------------------------------------------

COMMENT_MAX = 2000


class CommentRefused(Exception):
    """A comment that cannot be added or removed; the message says why."""


def comment_add(
    task_id: int,
    *,
    reviewer: User,
    body: str,
    file_id: int | None = None,
    line: int | None = None,
    request: HttpRequest | None = None,
) -> ReviewComment:
    """A reviewer's note on the task, one of its files, or one line of a file's scrubbed text.

    It is sent to the contractor with the reviewer's decision (pending until then). Needs the
    reviewer's live claim, like the decision itself.
    """
    from scrubbing.selectors import split_parts

    body = body.strip()
    if not body:
        raise CommentRefused("Write the comment first.")
    if len(body) > COMMENT_MAX:
        raise CommentRefused(f"A comment can have at most {COMMENT_MAX} characters.")
    with transaction.atomic():
        task = _locked(task_id)
        if task.status != TaskStatus.IN_REVIEW:
            raise CommentRefused("This task is not waiting for review any more.")
        if not claim_is_mine(task, reviewer):
            raise CommentRefused("Claim the task before commenting.")
        f = None
        quote = ""
        if file_id is not None:
            f = task.files.filter(pk=file_id).first()
            if f is None or not f.is_clean:
                raise CommentRefused("That file is not part of this task.")
            if line is not None:
                lines = split_parts(preview_lines(f))[0]
                if not 0 <= line < len(lines):
                    raise CommentRefused("That line is not in the file's preview.")
                quote = lines[line][1][:300]
        elif line is not None:
            raise CommentRefused("A line comment needs its file.")
        comment = ReviewComment.objects.create(
            task=task,
            file=f,
            line=line if f is not None else None,
            quote=quote,
            file_label=file_label(f) if f is not None else "",
            author=reviewer,
            revision=task.revision,
            body=body,
        )
        audit_record(
            actor=reviewer,
            verb=AuditVerb.REVIEW_COMMENT,
            obj=comment,
            task_id=task.pk,
            request=request,
            file=f.pk if f is not None else None,
            line=comment.line,
            revision=task.revision,
        )
    return comment


def comment_delete(comment_id: int, *, reviewer: User, request: HttpRequest | None = None) -> int:
    """Take back a comment not sent yet; returns its task id."""
    with transaction.atomic():
        comment = (
            ReviewComment.objects.select_for_update()
            .filter(pk=comment_id, author=reviewer, review__isnull=True)
            .first()
        )
        if comment is None:
            raise CommentRefused("Only your own comments that are not sent yet can be removed.")
        task_id = comment.task_id
        audit_record(
            actor=reviewer,
            verb=AuditVerb.REVIEW_COMMENT_DELETE,
            obj=comment,
            task_id=task_id,
            request=request,
        )
        comment.delete()
    return task_id


def review_skip(task_id: int, *, reviewer: User, request: HttpRequest | None = None) -> bool:
    """Pass a task by for now: give the claim back if it is the reviewer's. True if released."""
    with transaction.atomic():
        task = _locked(task_id)
        released = task.claimed_by_id == reviewer.pk and task.status == TaskStatus.IN_REVIEW
        if released:
            _set_claim(task, None)
        audit_record(
            actor=reviewer,
            verb=AuditVerb.REVIEW_SKIP,
            obj=task,
            task_id=task.pk,
            request=request,
            released=released,
        )
    return released
