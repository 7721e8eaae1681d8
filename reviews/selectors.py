"""Reads of the review flow: the queue, the review page's data, the task timeline.

Reviewers and admins only ever get scrubbed data from here: scrubbed texts, scrubbed files that
passed verification (`TaskFile.is_clean`), findings without their original text, and neutral file
labels (a contractor's file name can hold a client's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from portal.audit import AuditVerb
from portal.models import AuditEvent, User
from scrubbing import selectors as scrub_selectors
from submissions.models import Task, TaskFile

from .models import Review

TaskStatus = Task.Status
#: a reviewer can open a task (and its scrubbed files) in these states; drafts never
REVIEWABLE = (
    TaskStatus.IN_REVIEW,
    TaskStatus.APPROVED,
    TaskStatus.REJECTED,
    TaskStatus.CHANGES_REQUESTED,
)

SORTS = {
    "oldest": ("submitted_at", "id"),
    "newest": ("-submitted_at", "-id"),
    "revision": ("-revision", "submitted_at", "id"),
    "occupation": ("occupation", "submitted_at", "id"),
}


# ---- queue ----------------------------------------------------------------------------------


# ---- claims ----------------------------------------------------------------------------------


def claim_cutoff(now: datetime | None = None) -> datetime:
    """Claims taken before this moment have expired."""
    return (now or timezone.now()) - timedelta(minutes=settings.REVIEW_CLAIM_MINUTES)


def claim_is_live(task: Task, now: datetime | None = None) -> bool:
    return bool(task.claimed_by_id and task.claimed_at and task.claimed_at > claim_cutoff(now))


def claim_expires(task: Task) -> datetime | None:
    if not task.claimed_at:
        return None
    return task.claimed_at + timedelta(minutes=settings.REVIEW_CLAIM_MINUTES)


def claim_is_mine(task: Task, user: User, now: datetime | None = None) -> bool:
    return claim_is_live(task, now) and task.claimed_by_id == user.pk


# ---- the queue ---------------------------------------------------------------------------------


def review_queue(filters: dict[str, str]) -> QuerySet[Task]:
    """Tasks in review, filtered and sorted; one query per page whatever the page size."""
    qs = Task.objects.filter(status=TaskStatus.IN_REVIEW)
    for key in ("occupation", "sector", "provenance"):
        if filters.get(key):
            qs = qs.filter(**{key: filters[key]})
    now = timezone.now()
    age = filters.get("age")
    if age == "lt1":
        qs = qs.filter(submitted_at__gt=now - timedelta(days=1))
    elif age == "1to7":
        qs = qs.filter(
            submitted_at__lte=now - timedelta(days=1), submitted_at__gt=now - timedelta(days=7)
        )
    elif age == "gt7":
        qs = qs.filter(submitted_at__lte=now - timedelta(days=7))
    revision = filters.get("revision")
    if revision == "first":
        qs = qs.filter(revision=1)
    elif revision == "resubmitted":
        qs = qs.filter(revision__gt=1)
    return (
        qs.select_related("claimed_by")
        .annotate(file_count=Count("files", filter=Q(files__text_field="")))
        # only what the page shows, and only scrubbed free text (Task.public_* properties)
        .only(
            "id",
            "title_scrubbed",
            "occupation",
            "occupation_other_scrubbed",
            "sector",
            "sector_other_scrubbed",
            "provenance",
            "revision",
            "submitted_at",
            "minutes_spent",
            "claimed_at",
            "claimed_by__id",
            "claimed_by__email",
        )
        .order_by(*SORTS.get(filters.get("sort", ""), SORTS["oldest"]))
    )


def queue_counts(user: User) -> dict[str, int]:
    """Counts for the top of the queue, in one aggregate query."""
    cutoff = claim_cutoff()
    live = Q(claimed_by__isnull=False, claimed_at__gt=cutoff)
    return Task.objects.filter(status=TaskStatus.IN_REVIEW).aggregate(
        total=Count("id"),
        available=Count("id", filter=~live),
        claimed=Count("id", filter=live),
        mine=Count("id", filter=live & Q(claimed_by=user)),
        resubmitted=Count("id", filter=Q(revision__gt=1)),
    )


# ---- one task --------------------------------------------------------------------------------


def task_for_review(task_id: int) -> Task:
    """A task a reviewer may look at; drafts, scrubbing and check states are a 404."""
    task = (
        Task.objects.select_related("claimed_by").filter(pk=task_id, status__in=REVIEWABLE).first()
    )
    if task is None:
        raise Http404("No such task in review.")
    return task


def file_for_reviewer(file_id: int) -> TaskFile:
    """A verified scrubbed file of a reviewable task; anything else is a 404."""
    f = (
        TaskFile.objects.select_related("task")
        .filter(pk=file_id, task__status__in=REVIEWABLE)
        .first()
    )
    if f is None or not f.is_clean:
        raise Http404("No such file.")
    return f


_EXT = re.compile(r"\.[A-Za-z0-9]{1,10}$")
_KIND_EXT = {"text": ".txt", "jpeg": ".jpg"}


def neutral_name(f: TaskFile, number: int) -> str:
    """ "deliverable-2.docx": the contractor's own file name never reaches a reviewer."""
    match = _EXT.search(f.original_name or "")
    ext = match.group(0).lower() if match else _KIND_EXT.get(f.detected_type, f".{f.detected_type}")
    return f"{f.part}-{number}{ext}"


def numbered_files(files: list[TaskFile]) -> list[tuple[TaskFile, str]]:
    """Uploaded files (not the typed texts) with their neutral names, numbered per part."""
    counters: dict[str, int] = {}
    out = []
    for f in files:
        if f.text_field:
            continue
        counters[f.part] = counters.get(f.part, 0) + 1
        out.append((f, neutral_name(f, counters[f.part])))
    return out


def file_label(f: TaskFile) -> str:
    """The name a reviewer sees for one file: neutral for uploads, what it is for typed texts."""
    if f.text_field:
        return f.get_text_field_display()
    siblings = list(f.task.files.filter(text_field="").order_by("part", "id"))
    return dict((x.pk, n) for x, n in numbered_files(siblings)).get(f.pk, f"{f.part} file")


def preview_lines(f: TaskFile) -> list[tuple[str, str, str]]:
    """The scrubbed text (locator, kind, text) a reviewer sees for one file: the cached
    preview's, or read now. Line numbers of comments index into its own content."""
    from scrubbing.check_selectors import current_preview

    preview = current_preview(f)
    if preview is not None and preview.status != preview.Status.PENDING:
        return [tuple(t) for t in preview.segments]
    return scrub_selectors.cut(scrub_selectors.document_segments(f))


def scrubbed_lines(files: list[TaskFile], max_chars: int) -> dict[int, list[str]]:
    """file id -> its scrubbed text as lines (for a decision's snapshot); clean files only."""
    from .diff import lines_of

    out = {}
    for f in files:
        if f.is_clean:
            main, _ = scrub_selectors.split_parts(preview_lines(f))
            out[f.pk] = lines_of([text for _, text in scrub_selectors.cut(main, max_chars)])
    return out


def reviews_of(task: Task) -> list[Review]:
    return list(task.reviews.select_related("reviewer").order_by("-created_at"))


def latest_review(task: Task) -> Review | None:
    return task.reviews.order_by("-created_at").first()


# ---- timeline --------------------------------------------------------------------------------

VERBS = {
    AuditVerb.TASK_CREATE: "created the task",
    AuditVerb.TASK_EDIT: "edited the draft",
    AuditVerb.TASK_STATUS: "moved the task",
    AuditVerb.TASK_RESCRUB: "asked for a re-scrub",
    AuditVerb.TASK_DELETE: "deleted the draft",
    AuditVerb.TASK_TERMS_ADD: "added terms to the deny-list",
    AuditVerb.FILE_SCRUBBED: "scrubbed",
    AuditVerb.FILE_REPLACE: "replaced",
    AuditVerb.FILE_REMOVE: "removed",
    AuditVerb.FILE_DOWNLOAD_ORIGINAL: "downloaded the original of",
    AuditVerb.FILE_DOWNLOAD_SCRUBBED: "downloaded the scrubbed copy of",
    AuditVerb.FILE_DOWNLOAD_REVIEW: "downloaded for review the scrubbed copy of",
    AuditVerb.FINDING_KEEP: "kept findings (allow-list)",
    AuditVerb.FINDING_REDACT: "redacted findings",
    AuditVerb.FINDING_UNDO: "undid a decision on findings",
    AuditVerb.REVIEW_COMMENT: "commented",
    AuditVerb.REVIEW_COMMENT_DELETE: "took back a comment",
    AuditVerb.FILE_PREVIEW: "drew the pages of",
    AuditVerb.TASK_AUTOSAVE: "started an autosaved draft",
    AuditVerb.TASK_AUTOSAVE_DISCARD: "discarded the autosaved draft",
    AuditVerb.REVIEW_SKIP: "skipped the task",
    AuditVerb.REVIEW_CLAIM: "claimed the task for review",
    AuditVerb.REVIEW_RELEASE: "released the claim",
    AuditVerb.REVIEW_TAKEOVER: "took the task over",
    AuditVerb.REVIEW_DECISION: "decided",
}


@dataclass(frozen=True)
class TimelineEntry:
    when: datetime
    who: str
    what: str
    detail: str
    verb: str
    file: str = ""  # which file, as the viewer may see it (the owner: its name; others: neutral)


def _who(event: AuditEvent, viewer: User, task: Task) -> str:
    actor = event.actor
    if actor is None:
        return "the portal"
    if actor.pk == viewer.pk:
        return "you"
    if viewer.is_reviewer:
        return actor.email  # reviewers and admins see everyone's identity
    if actor.pk == task.contractor_id:
        return "you"
    # A contractor sees roles, never other people's addresses.
    return "an admin" if actor.is_portal_admin else "a reviewer"


def _detail(event: AuditEvent) -> str:
    d = event.details or {}
    if event.verb == AuditVerb.TASK_STATUS:
        parts = []
        for key in ("from", "to"):
            try:
                parts.append(str(Task.Status(d.get(key)).label))
            except ValueError:
                parts.append(str(d.get(key)))
        return " → ".join(parts)
    if event.verb == AuditVerb.FILE_SCRUBBED:
        return f"{d.get('status', '')}, {d.get('findings', 0)} findings"
    if event.verb == AuditVerb.REVIEW_DECISION:
        labels = [Review.Reason(r).label for r in d.get("reasons", []) if r in Review.Reason.values]
        decision = d.get("decision", "")
        text = Review.Decision(decision).label if decision in Review.Decision.values else decision
        return text + (f" ({', '.join(labels)})" if labels else "")
    if event.verb == AuditVerb.TASK_TERMS_ADD:
        return f"{d.get('count', 0)} term(s)"
    if event.verb in (AuditVerb.FINDING_KEEP, AuditVerb.FINDING_REDACT, AuditVerb.FINDING_UNDO):
        return f"{d.get('findings', 0)} finding(s)"
    if event.verb == AuditVerb.FILE_REPLACE:
        return f"now version {d.get('version', '?')}"
    return ""


def task_timeline(task: Task, viewer: User) -> list[TimelineEntry]:
    """The task's audit events, newest first; one query. Only for the owner or a reviewer."""
    if not (viewer.is_reviewer or viewer.pk == task.contractor_id):
        return []
    events = (
        AuditEvent.objects.filter(task_id=task.pk)
        .select_related("actor")
        .order_by("-created_at", "-id")
    )
    names = _file_labels(task, owner=viewer.pk == task.contractor_id)
    return [
        TimelineEntry(
            when=e.created_at,
            who=_who(e, viewer, task),
            what=VERBS.get(e.verb, e.verb),
            detail=_detail(e),
            verb=e.verb,
            file=_event_file(e, names),
        )
        for e in events[:500]
    ]


def _file_labels(task: Task, *, owner: bool) -> dict[str, str]:
    """file id -> how the viewer may name it: the owner sees the file's name, anyone else the
    neutral one ("deliverable-2.docx"; typed texts by what they are)."""
    files = list(
        task.files.order_by("part", "id").only(
            "id", "task_id", "part", "text_field", "original_name", "detected_type"
        )
    )
    labels = {str(f.pk): f.get_text_field_display() for f in files if f.text_field}
    if owner:
        labels.update({str(f.pk): f.original_name for f in files if not f.text_field})
    else:
        labels.update({str(f.pk): name for f, name in numbered_files(files)})
    return labels


def _event_file(event: AuditEvent, names: dict[str, str]) -> str:
    if event.object_type != "submissions.taskfile":
        return ""
    name = names.get(event.object_id)
    if name:
        return name
    part = (event.details or {}).get("part", "")
    return f"a {part} file, since removed" if part else "a file since removed"
