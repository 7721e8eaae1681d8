"""Reads of the review page: one item per typed text and file, with its preview, findings,
comments and what changed since the previous reviewed revision.

Scrubbed data only: files that passed verification, findings without original text or locator,
neutral names, previews drawn from scrubbed outputs, diffs of scrubbed texts. Revisions are
compared by the scrubbed output (its checksum and text), never by the original.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

from portal.models import User
from scrubbing import selectors as scrub_selectors
from scrubbing.check_selectors import current_previews
from scrubbing.models import FilePreview
from submissions.models import Task, TaskFile

from . import diff as difflib_words
from .models import Review, ReviewComment
from .selectors import numbered_files

#: typed texts shown as items of the task, and their part (the title and "other" labels sit in
#: the header)
TEXT_ITEMS = {
    TaskFile.TextField.REQUEST_TEXT: TaskFile.Part.REQUEST,
    TaskFile.TextField.DELIVERABLE_TEXT: TaskFile.Part.DELIVERABLE,
}


@dataclass
class Change:
    """How one item differs from the previous reviewed revision."""

    state: str  # "added", "changed", "unchanged"
    diff: difflib_words.Diff | None = None
    note: str = ""


@dataclass
class ReviewItem:
    number: int  # position in the j/k order
    label: str  # neutral name ("deliverable-2.pptx") or what a typed text is
    part: str
    file: TaskFile | None  # None: a typed text known only from the task's scrubbed field
    findings: list[Any]
    legend: list[tuple[str, int]]
    segments: list[scrub_selectors.PreviewSegment]
    other_segments: list[scrub_selectors.PreviewSegment]
    preview: FilePreview | None
    change: Change | None = None
    comments: list[ReviewComment] = field(default_factory=list)
    #: the typed field this item shows ("request_text", ...); empty for an uploaded file
    text_field: str = ""

    @property
    def is_text(self) -> bool:
        return bool(self.text_field)

    @property
    def clean(self) -> bool:
        return self.file is None or self.file.is_clean


@dataclass
class Overview:
    previous: int | None = None  # the revision compared with (None: first review)
    added: list[ReviewItem] = field(default_factory=list)
    changed: list[ReviewItem] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    #: comments on the task as a whole (not on one file), this revision
    task_comments: list[ReviewComment] = field(default_factory=list)

    @property
    def anything(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def _previous_snapshot(task: Task) -> tuple[int | None, dict]:
    previous = (
        Review.objects.filter(task=task, revision__lt=task.revision)
        .order_by("-revision", "-created_at")
        .only("revision", "snapshot")
        .first()
    )
    if previous is None or not previous.snapshot:
        return None, {}
    return previous.revision, previous.snapshot


def _text_of(item_segments: list[tuple[str, str]]) -> list[str]:
    return difflib_words.lines_of([text for _, text in item_segments])


def review_items(task: Task, viewer: User) -> tuple[list[ReviewItem], Overview, dict[str, str]]:
    """The page's items in j/k order, what changed, and the replacement -> type map.

    A constant number of queries whatever the number of files (files, findings, previews with
    their pages, the previous snapshot, comments); each item's text comes from its cached
    preview, or is read from the scrubbed file when the preview is not made yet.
    """
    files = list(task.files.order_by("part", "id"))
    findings = list(scrub_selectors.findings_public([f.pk for f in files]))
    types = scrub_selectors.replacement_types(findings)
    by_file: dict[int, list[Any]] = {}
    for finding in findings:
        by_file.setdefault(finding.file_id, []).append(finding)
    previews = current_previews([f for f in files if f.is_clean])
    revision, snapshot = _previous_snapshot(task)
    overview = Overview(previous=revision)
    before_files = {item["id"]: item for item in snapshot.get("files", [])}
    comments = _comments_by_file(task, viewer)
    overview.task_comments = comments.get(None, [])

    named = dict((f.pk, name) for f, name in numbered_files(files))
    ordered: list[TaskFile | str] = []
    for field_name, part in TEXT_ITEMS.items():
        text_file = next((f for f in files if f.text_field == field_name and f.is_clean), None)
        if text_file is not None:
            ordered.append(text_file)
        elif getattr(task, f"{field_name}_scrubbed"):
            ordered.append(field_name)  # the scrubbed text without its file row (older tasks)
        ordered += [f for f in files if f.part == part and not f.text_field]
    items: list[ReviewItem] = []
    for number, f in enumerate(ordered):
        if isinstance(f, str):
            item = _typed_text_item(task, f, number, types)
            if revision is not None:
                now = difflib_words.lines_of([getattr(task, f"{f}_scrubbed")])
                item.change = _change(item, now, snapshot, before_files)
                _count(overview, item)
            items.append(item)
            continue
        preview = previews.get(f.pk)
        if preview is not None and preview.status != preview.Status.PENDING:
            main, other = scrub_selectors.split_parts(preview.segments)
        elif f.is_clean:
            main, other = scrub_selectors.split_parts(scrub_selectors.document_segments(f))
            main, other = scrub_selectors.cut(main), scrub_selectors.cut(other)
        else:
            main, other = [], []
        own = by_file.get(f.pk, [])
        item = ReviewItem(
            number=number,
            label=f.get_text_field_display() if f.text_field else named.get(f.pk, f.part),
            part=f.part,
            file=f,
            findings=own,
            legend=scrub_selectors.legend(own),
            segments=scrub_selectors.preview(f, types, main),
            other_segments=scrub_selectors.preview(f, types, other),
            preview=preview,
            comments=comments.get(f.pk, []),
            text_field=f.text_field,
        )
        if revision is not None:
            item.change = _change(item, _text_of(main), snapshot, before_files)
            _count(overview, item)
        items.append(item)
    current_ids = {f.pk for f in files}
    current_outputs = {f.scrubbed_sha256 for f in files if f.scrubbed_sha256}
    overview.removed = [
        f"a {item['part']} file ({item.get('type', '?')})"
        for item in snapshot.get("files", [])
        if item["id"] not in current_ids and item.get("scrubbed_sha256") not in current_outputs
    ]
    return items, overview, types


def _typed_text_item(task: Task, field_name: str, number: int, types: dict) -> ReviewItem:
    text = getattr(task, f"{field_name}_scrubbed")
    pairs = [(f"line {i}", line) for i, line in enumerate(text.splitlines(), start=1) if line]
    return ReviewItem(
        number=number,
        label=TaskFile.TextField(field_name).label,
        part=TEXT_ITEMS[field_name],
        file=None,
        findings=[],
        legend=[],
        segments=scrub_selectors.preview(None, types, pairs),
        other_segments=[],
        preview=None,
        text_field=field_name,
    )


def _count(overview: Overview, item: ReviewItem) -> None:
    if item.change is None:
        return
    if item.change.state == "added":
        overview.added.append(item)
    elif item.change.state == "changed":
        overview.changed.append(item)
    else:
        overview.unchanged += 1


def _change(item: ReviewItem, now: list[str], snapshot: dict, before_files: dict) -> Change:
    f = item.file
    if item.is_text:
        before = difflib_words.lines_of([snapshot.get(item.text_field) or ""])
        if before == now:
            return Change("unchanged")
        if not before:
            return Change("added")
        return Change("changed", difflib_words.side_by_side(before, now))
    old = before_files.get(f.pk)
    if old is None:
        # removed and uploaded again: the same scrubbed output is no change
        same = [b for b in before_files.values() if b.get("scrubbed_sha256") == f.scrubbed_sha256]
        return Change("unchanged") if f.scrubbed_sha256 and same else Change("added")
    if old.get("scrubbed_sha256") == f.scrubbed_sha256 and f.scrubbed_sha256:
        return Change("unchanged")
    lines = old.get("lines")
    if lines is None:
        return Change("changed", note="The earlier revision's text was not kept for comparison.")
    result = difflib_words.side_by_side(lines, now)
    if not result.changed:
        return Change("changed", note="The text is the same; the file changed otherwise.")
    return Change("changed", result)


def _comments_by_file(task: Task, viewer: User) -> dict[int | None, list[ReviewComment]]:
    """This revision's comments: the ones sent with a decision, and the viewer's own pending
    ones (another reviewer's unsent notes stay theirs)."""
    rows = ReviewComment.objects.filter(task=task, revision=task.revision).filter(
        Q(review__isnull=False) | Q(author=viewer)
    )
    out: dict[int | None, list[ReviewComment]] = {}
    for comment in rows.select_related("author").order_by("created_at", "id"):
        out.setdefault(comment.file_id, []).append(comment)
    return out


def comments_of(task: Task, viewer: User, file_id: int | None) -> list[ReviewComment]:
    return _comments_by_file(task, viewer).get(file_id, [])


def earlier_comments(task: Task) -> list[ReviewComment]:
    """Comments sent with decisions on earlier revisions (what the contractor was asked)."""
    return list(
        ReviewComment.objects.filter(task=task, revision__lt=task.revision, review__isnull=False)
        .select_related("author")
        .order_by("-revision", "created_at")
    )


def decided_by(reviewer: User) -> QuerySet[Review]:
    """The reviewer's own decisions, newest first ("done by me"); one query per page."""
    return (
        Review.objects.filter(reviewer=reviewer)
        .select_related("task")
        .annotate(comment_count=Count("comments"))
        .only(
            "id",
            "revision",
            "decision",
            "reason_codes",
            "created_at",
            "task__id",
            "task__title_scrubbed",
            "task__status",
            "task__revision",
            "task__occupation",
            "task__occupation_other_scrubbed",
        )
        .order_by("-created_at", "-id")
    )


def page_for_reviewer(page_id: int):
    """A page image of a clean file's current scrubbed version in a reviewable task."""
    from scrubbing.models import PreviewPage

    from .selectors import REVIEWABLE

    page = (
        PreviewPage.objects.select_related("preview__file__task")
        .filter(pk=page_id, preview__file__task__status__in=REVIEWABLE)
        .first()
    )
    if page is None:
        return None
    f = page.preview.file
    if not f.is_clean or page.preview.scrubbed_sha256 != f.scrubbed_sha256:
        return None
    return page
