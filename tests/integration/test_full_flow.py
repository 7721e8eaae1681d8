"""The whole road on PostgreSQL with a real worker, through the views a person would use:
upload, scrub, check, add a missed term, re-scrub, submit, claim, request changes, resubmit,
approve; the audit timeline tells the same story."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from portal.models import AuditEvent
from submissions.models import Task, TaskFile
from tests.builders.files import make_docx, make_xlsx, task_form_data, wait_until

pytestmark = pytest.mark.django_db(transaction=True)

CODENAME = "Bluebird Nine"  # a code name no model knows: only the deny-list can catch it


def wait_for_check(task: Task, timeout: float = 180) -> Task:
    def ready():
        task.refresh_from_db()
        return (
            task.status == Task.Status.CONTRACTOR_CHECK
            and not task.files.exclude(scrub_status__in=TaskFile.FINISHED).exists()
        )

    wait_until(ready, timeout=timeout, what="the task to reach the contractor check")
    return task


def scrubbed_text(task: Task) -> str:
    import io
    import zipfile

    out = []
    for f in task.files.all():
        with f.scrubbed.open("rb") as fh:
            data = fh.read()
        if f.detected_type in ("docx", "xlsx"):
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                out += [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
        else:
            out.append(data.decode("utf-8", "replace"))
    return "\n".join(out)


def test_full_flow(worker, contractor, reviewer):
    owner = Client()
    owner.force_login(contractor)
    response = owner.post(
        reverse("submissions:task_create"),
        {
            **task_form_data(
                title="Supplier scorecard",
                request_text="Score the suppliers for the Bluebird Nine programme. Ask Priya Raman.",
                minutes_spent="180",
                provenance="real",
            ),
            "deliverable_files": [
                SimpleUploadedFile(
                    "scorecard.docx",
                    make_docx([f"{CODENAME} supplier scorecard", "Owner: Priya Raman"]),
                ),
                SimpleUploadedFile(
                    "scores.xlsx",
                    make_xlsx([["Supplier", "Score", "Programme"], ["Acme", 7, CODENAME]]),
                ),
            ],
        },
    )
    assert response.status_code == 302
    task = wait_for_check(Task.objects.get(contractor=contractor))
    assert all(f.scrub_status == "done" for f in task.files.all())
    assert "Priya Raman" not in scrubbed_text(task)
    assert CODENAME in scrubbed_text(task)  # not caught yet: the contractor must add it

    # The check page shows the file; the contractor adds the missed code name and re-scrubs.
    f = task.files.get(original_name="scorecard.docx")
    assert owner.get(reverse("scrubbing:file_check", args=[f.pk])).status_code == 200
    owner.post(
        reverse("scrubbing:terms_add", args=[task.pk]),
        {"terms": CODENAME, "category": "CODENAME"},
    )
    first_person = f.findings.filter(entity_type="PERSON").values_list("replacement", flat=True)[0]
    owner.post(reverse("submissions:task_rescrub", args=[task.pk]))
    task = wait_for_check(task)
    text = scrubbed_text(task)
    assert CODENAME not in text and "Bluebird" not in text
    assert "[CODENAME_1]" in text
    f.refresh_from_db()
    # replacements stay consistent across re-scrubs
    assert first_person in f.findings.filter(entity_type="PERSON").values_list(
        "replacement", flat=True
    )

    owner.post(reverse("submissions:task_submit_review", args=[task.pk]))
    task.refresh_from_db()
    assert task.status == Task.Status.IN_REVIEW and task.contractor_confirmed_at

    rev = Client()
    rev.force_login(reviewer)
    assert rev.post(reverse("reviews:claim", args=[task.pk])).status_code == 302
    response = rev.post(
        reverse("reviews:decide", args=[task.pk]),
        {"decision": "changes_requested", "reasons": ["low_quality"], "comment": "Add units."},
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == Task.Status.CHANGES_REQUESTED

    owner.post(reverse("submissions:task_reopen", args=[task.pk]))
    task.refresh_from_db()
    assert task.status == Task.Status.DRAFT and task.revision == 2
    owner.post(reverse("submissions:task_submit_scrub", args=[task.pk]))
    task = wait_for_check(task)
    owner.post(reverse("submissions:task_submit_review", args=[task.pk]))
    rev.post(reverse("reviews:claim", args=[task.pk]))
    rev.post(reverse("reviews:decide", args=[task.pk]), {"decision": "approve", "comment": "Good."})
    task.refresh_from_db()
    assert task.status == Task.Status.APPROVED and task.decided_at

    moves = [
        (e.details["from"], e.details["to"])
        for e in AuditEvent.objects.filter(task_id=task.pk, verb="task.status").order_by("id")
    ]
    assert moves == [
        ("draft", "scrubbing"),
        ("scrubbing", "contractor_check"),
        ("contractor_check", "scrubbing"),
        ("scrubbing", "contractor_check"),
        ("contractor_check", "in_review"),
        ("in_review", "changes_requested"),
        ("changes_requested", "draft"),
        ("draft", "scrubbing"),
        ("scrubbing", "contractor_check"),
        ("contractor_check", "in_review"),
        ("in_review", "approved"),
    ]
    verbs = set(AuditEvent.objects.filter(task_id=task.pk).values_list("verb", flat=True))
    assert {"task.create", "task.rescrub", "task.terms_add", "file.scrubbed"} <= verbs
    assert any(v.startswith("review.") for v in verbs), verbs
