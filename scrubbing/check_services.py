"""The contractor's check: decisions on findings, one or many at once, and their undo; terms
the scrubber missed, added to the deny-list.

Deciding is per entity: keeping "Acme" keeps every finding of the task whose text is "Acme"
(it goes on the contractor's allow-list, so the next re-scrub leaves it); redacting a kept
finding takes it off the allow-list again. A leftover (what verification found after
scrubbing) is redacted onto the deny-list or kept onto the allow-list. Each action writes one
audit event (counts and types, never the text) and returns what its undo needs: ids and earlier
decisions only, so the session that keeps it never holds original text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from portal.audit import AuditVerb, audit_record
from portal.models import User
from submissions.models import Task
from submissions.workflow import task_locked

from .models import TO_CONFIRM, Finding, Term
from .services import term_add

TaskStatus = Task.Status
KEEP, REDACT = Finding.Decision.KEEP, Finding.Decision.REDACT
#: the statuses in which findings can be decided (the contractor's check, before review)
DECIDABLE = (TaskStatus.CONTRACTOR_CHECK,)

# The verifier's entity types, as deny-list categories (placeholders read [CLIENT_1], ...).
LEFTOVER_CATEGORY = {
    "PERSON": Term.Category.PERSON,
    "ORGANIZATION": Term.Category.CLIENT,
    "ORG": Term.Category.CLIENT,
    "URL": Term.Category.DOMAIN,
    "DOMAIN": Term.Category.DOMAIN,
}


class DecisionRefused(Exception):
    """A decision that cannot be made; the message says why."""


@dataclass
class Decided:
    """What one action changed, and what undoing it needs (ids and earlier states only)."""

    task_id: int
    decision: str
    findings: int = 0
    entities: int = 0
    leftover: bool = False  # leftovers were among them (redact puts them on the deny-list)
    undo: dict[str, Any] = field(default_factory=dict)


def _term_kind(finding: Finding, decision: str) -> str | None:
    """The list a decision puts the finding's text on (None: it takes it off the allow-list)."""
    if decision == KEEP:
        return Term.ListKind.ALLOW
    return Term.ListKind.DENY if finding.to_confirm else None


def _norm(text: str) -> str:
    return " ".join(text.split())  # as term_add stores it


def _category(finding: Finding, kind: str) -> str:
    if kind == Term.ListKind.DENY:
        return LEFTOVER_CATEGORY.get(finding.entity_type, Term.Category.CONFIDENTIAL)
    return Term.Category.CONFIDENTIAL


def findings_decide(
    *,
    owner: User,
    task: Task,
    finding_ids: Iterable[int],
    decision: str,
    request: HttpRequest | None = None,
) -> Decided:
    """Keep or redact the entities of these findings across the whole task."""
    if decision not in (KEEP, REDACT):
        raise DecisionRefused("Choose keep or redact.")
    ids = {int(i) for i in finding_ids}
    if not ids:
        raise DecisionRefused("Select at least one finding.")
    now = timezone.now()
    with transaction.atomic():
        task = Task.objects.select_for_update().get(pk=task.pk, contractor=owner)
        if task.status not in DECIDABLE:
            raise DecisionRefused(
                "Findings can be decided only while you check the scrubbed files."
            )
        chosen = list(Finding.objects.filter(file__task=task, pk__in=ids))
        if not chosen:
            raise DecisionRefused("Those findings are not part of this task any more.")
        # every finding of the task with the same text and the same side (to confirm or not)
        same = Q()
        confirm = Q(source__in=TO_CONFIRM)
        for f in chosen:
            same |= Q(original_text=f.original_text) & (confirm if f.to_confirm else ~confirm)
        affected = list(Finding.objects.filter(same, file__task=task))
        created: list[int] = []
        removed: list[list] = []  # [finding id whose text it was, list kind, category]
        sides = {(f.original_text, f.to_confirm): f for f in affected}
        for (text, _), f in sides.items():
            target = _term_kind(f, decision)
            if len(text.strip()) > TERM_MAX_LENGTH:
                if f.source == Finding.Source.SENSITIVE and decision == KEEP:
                    continue  # a long sentence is kept for this scrub only
                raise DecisionRefused(
                    "This finding is too long to add to your lists: add the confidential part "
                    "of it to your deny-list instead."
                )
            # the text leaves the other list, so the two lists never disagree
            opposite = Term.ListKind.DENY if target == Term.ListKind.ALLOW else Term.ListKind.ALLOW
            for term in Term.objects.filter(owner=owner, list_kind=opposite, text=_norm(text)):
                removed.append([f.pk, term.list_kind, term.category])
                term.delete()
            if target is None:
                continue
            existed = Term.objects.filter(owner=owner, list_kind=target, text=_norm(text)).exists()
            try:
                term = term_add(
                    owner=owner,
                    text=text,
                    list_kind=target,
                    category=_category(f, target),
                    request=request,
                )
            except ValueError as exc:
                raise DecisionRefused(str(exc)) from None
            if not existed:
                created.append(term.pk)
        undo = {
            "task": task.pk,
            "decision": decision,
            "findings": [
                [f.pk, f.decision, f.decided_at.isoformat() if f.decided_at else ""]
                for f in affected
            ],
            "created": created,
            "removed": removed,
        }
        Finding.objects.filter(pk__in=[f.pk for f in affected]).update(
            decision=decision, decided_at=now
        )
        entities = len({f.original_text for f in affected})
        audit_record(
            actor=owner,
            verb=AuditVerb(f"finding.{decision}"),
            obj=chosen[0],
            task_id=task.pk,
            request=request,
            findings=len(affected),
            entities=entities,
            entity_types=dict(Counter(f.entity_type for f in affected)),
        )
    leftover = any(f.to_confirm for f in affected)
    return Decided(task.pk, decision, len(affected), entities, leftover, undo)


def findings_undo(*, owner: User, undo: dict[str, Any], request: HttpRequest | None = None) -> int:
    """Put the findings and lists of one action back as they were; returns findings restored."""
    states = {int(i): (d, parse_datetime(t) if t else None) for i, d, t in undo["findings"]}
    with transaction.atomic():
        task = Task.objects.select_for_update().filter(pk=undo["task"], contractor=owner).first()
        if task is None or task.status not in DECIDABLE:
            raise DecisionRefused("This can no longer be undone: the task has moved on.")
        findings = {f.pk: f for f in Finding.objects.filter(file__task=task, pk__in=list(states))}
        Term.objects.filter(owner=owner, pk__in=undo.get("created", [])).delete()
        for finding_id, kind, category in undo.get("removed", []):
            f = findings.get(int(finding_id))
            if f is not None:  # the text is read from the row, never kept in the session
                term_add(owner=owner, text=f.original_text, list_kind=kind, category=category)
        for f in findings.values():
            f.decision, f.decided_at = states[f.pk]
        Finding.objects.bulk_update(list(findings.values()), ["decision", "decided_at"])
        if findings:
            audit_record(
                actor=owner,
                verb=AuditVerb.FINDING_UNDO,
                obj=next(iter(findings.values())),
                task_id=task.pk,
                request=request,
                findings=len(findings),
                undid=undo.get("decision", ""),
            )
    return len(findings)


# ---- add missed terms -------------------------------------------------------------------------

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
        task = task_locked(task)
        if task.status not in (Task.Status.DRAFT, Task.Status.CONTRACTOR_CHECK):
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
            verb=AuditVerb.TASK_TERMS_ADD,
            obj=task,
            task_id=task.pk,
            request=request,
            count=len(cleaned),
            category=category,
        )
    return len(cleaned)
