"""The audit trail: append-only, written for every step of the review flow, shown as a timeline
(contractors see their own task's events with reviewers anonymised; reviewers see all)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.db import transaction
from django.urls import reverse

from portal.models import AppendOnlyError, AuditEvent
from reviews import services as review_services
from reviews.selectors import task_timeline
from tests.builders.tasks import TaskStatus, add_file, in_review_task, make_task

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_events_cannot_be_changed_or_deleted(contractor):
    task = make_task(contractor)
    from portal.audit import audit_record

    event = audit_record(actor=contractor, verb="task.create", obj=task, task_id=task.pk)
    event.verb = "tampered"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(verb="tampered")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    with pytest.raises(AppendOnlyError), transaction.atomic():  # savepoint: bulk_update is atomic
        AuditEvent.objects.bulk_update([event], ["verb"])
    assert AuditEvent.objects.get(pk=event.pk).verb == "task.create"


def test_no_code_path_updates_or_deletes_audit_events():
    """Static guard: the only writer is portal.audit.audit_record, and it only creates."""
    offenders = []
    pattern = re.compile(r"AuditEvent\.objects[^\n]*\.(update|delete|bulk_update|raw)\(")
    for app in ("portal", "submissions", "scrubbing", "reviews"):
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            text = path.read_text()
            if pattern.search(text):
                offenders.append(str(path.relative_to(ROOT)))
            if "AuditEvent.objects.create" in text and path.name != "audit.py":
                offenders.append(f"{path.relative_to(ROOT)} (writes events outside audit.py)")
    assert offenders == []


def test_the_review_flow_leaves_a_complete_trail(client, contractor, reviewer, admin_user):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    f = add_file(task)
    client.force_login(contractor)
    client.post(reverse("submissions:task_submit_review", args=[task.pk]), REMOTE_ADDR="10.0.0.1")
    original = client.get(reverse("submissions:file_original", args=[f.pk]), REMOTE_ADDR="10.0.0.1")
    b"".join(original.streaming_content)
    client.force_login(reviewer)
    ip = {"REMOTE_ADDR": "10.0.0.2"}
    client.post(reverse("reviews:claim", args=[task.pk]), **ip)
    response = client.get(reverse("reviews:file_download", args=[f.pk]), **ip)
    b"".join(response.streaming_content)
    client.post(reverse("reviews:release", args=[task.pk]), **ip)
    client.post(reverse("reviews:claim", args=[task.pk]), **ip)
    client.force_login(admin_user)
    client.post(reverse("reviews:takeover", args=[task.pk]), REMOTE_ADDR="10.0.0.3")
    client.post(
        reverse("reviews:decide", args=[task.pk]),
        {"decision": "changes_requested", "reasons": ["pii_left"]},
        REMOTE_ADDR="10.0.0.3",
    )
    events = list(AuditEvent.objects.filter(task_id=task.pk).order_by("id"))
    trail = [(e.verb, e.actor.email if e.actor else None, e.ip_address) for e in events]
    assert trail == [
        ("task.status", contractor.email, "10.0.0.1"),
        ("file.download.original", contractor.email, "10.0.0.1"),
        ("review.claim", reviewer.email, "10.0.0.2"),
        ("file.download.review", reviewer.email, "10.0.0.2"),
        ("review.release", reviewer.email, "10.0.0.2"),
        ("review.claim", reviewer.email, "10.0.0.2"),
        ("review.takeover", admin_user.email, "10.0.0.3"),
        ("task.status", admin_user.email, "10.0.0.3"),
        ("review.decision", admin_user.email, "10.0.0.3"),
    ]
    assert events[-1].details["reasons"] == ["pii_left"]
    assert all(e.created_at for e in events)


def test_check_actions_are_audited_without_original_text(client, contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    f = add_file(task)
    client.force_login(contractor)
    client.post(reverse("scrubbing:finding_keep", args=[f.findings.first().pk]))
    client.post(
        reverse("scrubbing:terms_add", args=[task.pk]),
        {"terms": "Project Falcon", "category": "CODENAME"},
    )
    client.post(reverse("submissions:task_rescrub", args=[task.pk]))
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {"finding.keep", "term.allow", "task.terms_add", "term.deny", "task.rescrub"} <= verbs
    dump = json.dumps(list(AuditEvent.objects.values("details", "object_id")))
    for secret in ("Jane Doe", "Globex", "Project Falcon"):
        assert secret not in dump


def test_contractor_timeline_shows_own_task_with_reviewers_anonymised(
    client, contractor, reviewer, admin_user
):
    task = in_review_task(contractor)
    add_file(task)
    review_services.review_claim(task.pk, reviewer=reviewer)
    review_services.review_takeover(task.pk, admin=admin_user)
    review_services.review_decide(
        task.pk, reviewer=admin_user, decision="reject", reasons=["not_real_work"]
    )
    client.force_login(contractor)
    html = client.get(reverse("submissions:task_detail", args=[task.pk])).content.decode()
    assert "Timeline" in html
    assert "<strong>a reviewer</strong> claimed the task for review" in html
    assert "<strong>an admin</strong> took the task over" in html
    assert "Reject (Not real work)" in html
    assert reviewer.email not in html and admin_user.email not in html


def test_reviewers_see_everyone_on_the_timeline(client, contractor, reviewer):
    task = in_review_task(contractor)
    from portal.audit import audit_record

    audit_record(
        actor=contractor,
        verb="task.status",
        obj=task,
        task_id=task.pk,
        **{"from": "contractor_check", "to": "in_review"},
    )
    review_services.review_claim(task.pk, reviewer=reviewer)
    client.force_login(reviewer)
    html = client.get(reverse("reviews:review", args=[task.pk])).content.decode()
    assert f"<strong>{contractor.email}</strong> moved the task" in html
    assert "<strong>you</strong> claimed the task for review" in html
    assert "Waiting for your check → In review" in html


def test_timeline_is_empty_for_anyone_else(contractor, other_contractor):
    task = in_review_task(contractor)
    from portal.audit import audit_record

    audit_record(actor=contractor, verb="task.create", obj=task, task_id=task.pk)
    assert task_timeline(task, other_contractor) == []
    assert [e.who for e in task_timeline(task, contractor)] == ["you"]


def test_other_tasks_events_stay_out_of_the_timeline(contractor, other_contractor, reviewer):
    mine = in_review_task(contractor)
    theirs = in_review_task(other_contractor)
    review_services.review_claim(theirs.pk, reviewer=reviewer)
    assert task_timeline(mine, contractor) == []


def test_an_event_name_outside_the_enum_is_refused(contractor):
    from portal.audit import AuditVerb, audit_record

    task = make_task(contractor)
    with pytest.raises(ValueError, match="task.made_up"):
        audit_record(actor=contractor, verb="task.made_up", obj=task, task_id=task.pk)
    assert not AuditEvent.objects.filter(task_id=task.pk).exists()
    event = audit_record(actor=contractor, verb=AuditVerb.TASK_CREATE, obj=task, task_id=task.pk)
    assert AuditEvent.objects.get(pk=event.pk).verb == "task.create"


def test_every_event_written_by_the_code_names_an_enum_member():
    """audit_record is only ever called with AuditVerb.X, or AuditVerb(...) of a computed name."""
    import ast

    from portal.audit import AuditVerb

    calls = 0
    for app in ("portal", "submissions", "scrubbing", "reviews", "exports"):
        for path in (ROOT / app).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if not (
                    isinstance(node, ast.Call) and getattr(node.func, "id", "") == "audit_record"
                ):
                    continue
                calls += 1
                verb = next(k.value for k in node.keywords if k.arg == "verb")
                if isinstance(verb, ast.Attribute):
                    assert verb.value.id == "AuditVerb" and verb.attr in AuditVerb.__members__, path
                else:
                    assert isinstance(verb, ast.Call) and verb.func.id == "AuditVerb", path
    assert calls >= 30
