"""Reads of the contractor's check: findings grouped by entity, filters, previews.

Owner pages only (they show original text); reviewers get `reviews.selectors`, which never
loads a finding's original text or locator.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.urls import reverse

from submissions.models import Task, TaskFile

from .models import FilePreview, Finding, PreviewPage
from .selectors import place_anchor

#: places listed per entity before "and N more"
PLACES_SHOWN = 6


@dataclass(frozen=True)
class Place:
    file_name: str
    locator: str
    url: str  # the file's check page, at the preview line of this place


@dataclass
class FindingGroup:
    """One entity: every finding of the task (or file) with the same text, type and side."""

    key: int  # the first finding's id: what a checkbox posts
    entity_type: str
    text: str  # original text: owner only
    replacement: str
    leftover: bool  # a leftover or a sensitive sentence: the owner confirms it
    state: str  # "redacted", "kept" or "undecided" (one to confirm nobody decided on yet)
    count: int = 0
    sources: list[str] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    more_places: int = 0
    reasons: list[str] = field(default_factory=list)  # why the context model or a rule flagged it


def finding_state(finding: Finding) -> str:
    if finding.decision == Finding.Decision.KEEP:
        return "kept"
    if finding.to_confirm and finding.decided_at is None:
        return "undecided"
    return "redacted"


def task_findings(task: Task) -> list[Finding]:
    """Every finding of the task with its file (one query)."""
    return list(
        Finding.objects.filter(file__task=task)
        .select_related("file")
        .only(
            "id",
            "entity_type",
            "original_text",
            "replacement",
            "locator",
            "source",
            "decision",
            "decided_at",
            "reason",
            "file__id",
            "file__original_name",
            "file__part",
        )
        .order_by("file_id", "id")
    )


def filter_findings(
    findings: list[Finding], *, entity_type: str = "", source: str = "", file_id: int | None = None
) -> list[Finding]:
    return [
        f
        for f in findings
        if (not entity_type or f.entity_type == entity_type)
        and (not source or f.source == source)
        and (file_id is None or f.file_id == file_id)
    ]


def finding_groups(findings: list[Finding]) -> list[FindingGroup]:
    """One row per entity with its count and places; most frequent first, leftovers first."""
    groups: dict[tuple[bool, str, str], FindingGroup] = {}
    labels = dict(Finding.Source.choices)
    for f in findings:
        leftover = f.to_confirm
        key = (leftover, f.entity_type, " ".join(f.original_text.split()).casefold())
        group = groups.get(key)
        if group is None:
            group = groups[key] = FindingGroup(
                key=f.pk,
                entity_type=f.entity_type,
                text=f.original_text,
                replacement=f.replacement,
                leftover=leftover,
                state=finding_state(f),
            )
        group.count += 1
        label = labels.get(f.source, f.source)
        if label not in group.sources:
            group.sources.append(label)
        if f.reason and f.reason not in group.reasons:
            group.reasons.append(f.reason)
        if len(group.places) < PLACES_SHOWN:
            url = reverse("scrubbing:file_check", args=[f.file_id])
            group.places.append(
                Place(f.file.original_name, f.locator, f"{url}#{place_anchor(f.locator)}")
            )
        else:
            group.more_places += 1
    return sorted(
        groups.values(), key=lambda g: (not g.leftover, -g.count, g.entity_type, g.text.lower())
    )


def filter_choices(findings: list[Finding]) -> dict[str, list[tuple[str, str]]]:
    """The types, sources and files present, for the filter selects (with counts)."""
    types = Counter(f.entity_type for f in findings)
    sources = Counter(f.source for f in findings)
    files: dict[int, tuple[str, int]] = {}
    for f in findings:
        name, n = files.get(f.file_id, (f.file.original_name, 0))
        files[f.file_id] = (name, n + 1)
    labels = dict(Finding.Source.choices)
    return {
        "types": [(t, f"{t} ({n})") for t, n in sorted(types.items())],
        "sources": [(s, f"{labels.get(s, s)} ({n})") for s, n in sorted(sources.items())],
        "files": [(str(i), f"{name} ({n})") for i, (name, n) in files.items()],
    }


def context_run(file: TaskFile) -> dict | None:
    """How the context pass went for the file's last scrub (None: it was off, or the file
    is not scrubbed yet); the check page says when it did not run, and why."""
    run = (file.report or {}).get("context") or {}
    return run if run.get("status", "off") != "off" else None


def leftover_summary(findings: list[Finding]) -> dict[str, int]:
    leftovers = [f for f in findings if f.source == Finding.Source.LEFTOVER]
    undecided = sum(1 for f in leftovers if finding_state(f) == "undecided")
    return {"total": len(leftovers), "undecided": undecided, "decided": len(leftovers) - undecided}


# ---- previews ----------------------------------------------------------------------------------


def _previews() -> QuerySet[FilePreview]:
    return FilePreview.objects.prefetch_related(
        Prefetch("pages", queryset=PreviewPage.objects.order_by("number"))
    )


def current_preview(file: TaskFile) -> FilePreview | None:
    """The preview of the file's current scrubbed version, if one was asked for."""
    if not file.scrubbed_sha256:
        return None
    return _previews().filter(file=file, scrubbed_sha256=file.scrubbed_sha256).first()


def current_previews(files: list[TaskFile]) -> dict[int, FilePreview]:
    """file id -> preview of its current version, for many files in two queries."""
    wanted = {(f.pk, f.scrubbed_sha256) for f in files if f.scrubbed_sha256}
    if not wanted:
        return {}
    rows = _previews().filter(file_id__in=[pk for pk, _ in wanted])
    return {p.file_id: p for p in rows if (p.file_id, p.scrubbed_sha256) in wanted}


def page_for_owner(user, page_id: int) -> PreviewPage | None:
    return (
        PreviewPage.objects.select_related("preview__file")
        .filter(pk=page_id, preview__file__task__contractor=user)
        .first()
    )
