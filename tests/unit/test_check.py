"""The contractor's check: preview with highlighted replacements, findings, keep, missed terms,
re-scrub, and the refusal to submit while a file is failed or residual."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from portal.models import AuditEvent
from scrubbing import selectors as scrub_selectors
from scrubbing.models import Finding, Term
from submissions.models import Task, TaskFile
from tests.builders.files import make_docx, make_pdf, make_png, make_pptx, make_xlsx
from tests.builders.tasks import ScrubStatus, TaskStatus, add_file, make_task

pytestmark = pytest.mark.django_db


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# ---- highlighting and preview ------------------------------------------------------------------


def test_highlight_escapes_user_text_and_marks_every_replacement():
    html = scrub_selectors.highlight(
        "<script>alert(1)</script> [PERSON_1] met John Smith & [EMAIL_ADDRESS_2]",
        {"[PERSON_1]": "PERSON", "John Smith": "PERSON"},  # fake mode: a synthetic name
    )
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<mark class="ph ph-PERSON" title="PERSON">[PERSON_1]</mark>' in html
    assert '<mark class="ph ph-PERSON" title="PERSON">John Smith</mark>' in html
    # A placeholder without a finding is still marked, typed by its label.
    assert (
        '<mark class="ph ph-EMAIL_ADDRESS" title="EMAIL_ADDRESS">[EMAIL_ADDRESS_2]</mark>' in html
    )
    assert "&amp;" in html


def test_highlight_escapes_a_hostile_replacement_and_type():
    html = scrub_selectors.highlight('x "><b>y', {'"><b>': 'PER"SON<i>'})
    assert "<b>" not in html and "<i>" not in html
    assert 'class="ph ph-PERSONI"' in html  # only [A-Za-z0-9_-] reach the class


def test_scrubbed_segments_reads_a_docx_through_the_engine(contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    f = add_file(
        task,
        name="plan.docx",
        detected_type="docx",
        original=make_docx(["Jane Doe wrote this."]),
        scrubbed=make_docx(["[PERSON_1] wrote this.", "Second paragraph."]),
    )
    segments = scrub_selectors.scrubbed_segments(f)
    texts = [text for _, text in segments]
    assert "[PERSON_1] wrote this." in texts and "Second paragraph." in texts
    assert all(loc for loc, _ in segments)


@pytest.mark.parametrize(
    ("kind", "name", "build"),
    [
        ("xlsx", "sheet.xlsx", lambda t: make_xlsx([[t, 3]])),
        ("pptx", "deck.pptx", lambda t: make_pptx(["Title", t])),
        ("pdf", "memo.pdf", lambda t: make_pdf([t])),
    ],
)
def test_scrubbed_segments_reads_office_and_pdf_outputs(contractor, kind, name, build):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    f = add_file(
        task,
        name=name,
        detected_type=kind,
        original=build("Jane Doe signs"),
        scrubbed=build("[PERSON_1] signs"),
    )
    segments = scrub_selectors.scrubbed_segments(f)
    assert any("[PERSON_1] signs" in text for _, text in segments), segments
    html = "".join(p.html for p in scrub_selectors.preview(f, {"[PERSON_1]": "PERSON"}))
    assert '<mark class="ph ph-PERSON" title="PERSON">[PERSON_1]</mark> signs' in html


def test_scrubbed_segments_image_and_missing_output_have_no_text(contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    png = add_file(
        task,
        name="shot.png",
        detected_type="png",
        original=make_png("Jane"),
        scrubbed=make_png("[PERSON_1]"),
    )
    none = add_file(task, name="b.txt", original=b"other", scrubbed=None, status=ScrubStatus.FAILED)
    assert scrub_selectors.scrubbed_segments(png) == []
    assert scrub_selectors.scrubbed_segments(none) == []


def test_preview_is_cut_at_the_limit(contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    f = add_file(task, original=b"x" * 10, scrubbed=("word " * 2000).encode())
    segments = scrub_selectors.scrubbed_segments(f, max_chars=100)
    assert sum(len(t) for loc, t in segments if loc != "…") == 100
    assert segments[-1][0] == "…"


# ---- the file check page -------------------------------------------------------------------------


def test_owner_sees_preview_legend_and_findings_with_originals(client, contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    f = add_file(
        task,
        scrubbed=b"<b>[PERSON_1]</b> works at [ORGANIZATION_1] with [PERSON_1].\n",
        findings=[
            ("PERSON", "Jane Doe", "[PERSON_1]"),
            ("PERSON", "Jane", "[PERSON_1]"),
            ("ORGANIZATION", "Globex Corp", "[ORGANIZATION_1]"),
        ],
    )
    client.force_login(contractor)
    response = client.get(reverse("scrubbing:file_check", args=[f.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<mark class="ph ph-PERSON" title="PERSON">[PERSON_1]</mark>') == 2
    assert '<mark class="ph ph-ORGANIZATION" title="ORGANIZATION">[ORGANIZATION_1]</mark>' in html
    assert "&lt;b&gt;" in html  # the scrubbed text's markup is shown, not rendered
    # Legend: counts per type, biggest first.
    legend = response.context["legend"]
    assert legend == [("PERSON", 2), ("ORGANIZATION", 1)]
    # Findings: type, original, replacement, where.
    assert '<span class="original">Jane Doe</span>' in html
    assert '<span class="original">Globex Corp</span>' in html
    assert "paragraph 1" in html


def test_preview_fragment_for_the_owner(client, contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    f = add_file(task)
    client.force_login(contractor)
    response = client.get(reverse("scrubbing:file_preview", args=[f.pk]))
    assert response.status_code == 200
    assert b"<html" not in response.content  # a fragment
    assert b'class="ph ph-PERSON"' in response.content
    assert b"Jane Doe" not in response.content  # the preview is the scrubbed text only


# ---- keep a finding ------------------------------------------------------------------------------


def test_keep_adds_to_allow_list_and_marks_identical_findings(client, contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    a = add_file(task, name="a.txt", original=b"a", findings=[("ORGANIZATION", "Acme", "[ORG_1]")])
    b = add_file(
        task,
        name="b.txt",
        original=b"b",
        findings=[("ORGANIZATION", "Acme", "[ORG_1]"), ("PERSON", "Jane", "[PERSON_1]")],
    )
    finding = a.findings.get()
    client.force_login(contractor)
    response = client.post(reverse("scrubbing:finding_keep", args=[finding.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("scrubbing:file_check", args=[a.pk])
    term = Term.objects.get(owner=contractor, list_kind=Term.ListKind.ALLOW)
    assert term.text == "Acme"
    decisions = dict(Finding.objects.values_list("original_text", "decision").filter(file=b))
    assert decisions == {"Acme": "keep", "Jane": "redact"}
    event = AuditEvent.objects.get(verb="finding.keep")
    assert event.task_id == task.pk and event.actor == contractor
    assert "Acme" not in str(event.details)  # never original text in the audit trail
    assert "Re-scrub" in _messages(response)[0]


def test_keep_refused_once_the_task_is_in_review(client, contractor):
    task = make_task(contractor, status=TaskStatus.IN_REVIEW)
    finding = add_file(task).findings.first()
    client.force_login(contractor)
    response = client.post(reverse("scrubbing:finding_keep", args=[finding.pk]))
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.decision == Finding.Decision.REDACT
    assert not Term.objects.exists()
    assert "only while you check" in _messages(response)[0]


# ---- missed terms --------------------------------------------------------------------------------


def test_missed_terms_go_on_the_deny_list_with_their_category(client, contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    client.force_login(contractor)
    response = client.post(
        reverse("scrubbing:terms_add", args=[task.pk]),
        {"terms": "Project Falcon\n\n  Initech  \n", "category": Term.Category.CODENAME},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("submissions:task_detail", args=[task.pk])
    terms = Term.objects.filter(owner=contractor, list_kind=Term.ListKind.DENY)
    assert sorted(terms.values_list("text", "category")) == [
        ("Initech", "CODENAME"),
        ("Project Falcon", "CODENAME"),
    ]
    event = AuditEvent.objects.get(verb="task.terms_add")
    assert event.task_id == task.pk and event.details == {"count": 2, "category": "CODENAME"}


def test_missed_terms_return_to_a_local_page_only(client, contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    client.force_login(contractor)
    url = reverse("scrubbing:terms_add", args=[task.pk])
    data = {"terms": "Initech", "category": "CLIENT"}
    back = client.post(url, {**data, "next": "/check/files/1/"})
    assert back["Location"] == "/check/files/1/"
    evil = client.post(url, {**data, "next": "https://evil.example/"})
    assert evil["Location"] == reverse("submissions:task_detail", args=[task.pk])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"terms": "", "category": "CLIENT"}, "Enter at least one term"),
        ({"terms": "x", "category": "CLIENT"}, "2 to 200 characters"),
        ({"terms": "Initech", "category": "NOPE"}, "Enter at least one term"),
    ],
)
def test_missed_terms_refusals(client, contractor, data, message):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    client.force_login(contractor)
    response = client.post(reverse("scrubbing:terms_add", args=[task.pk]), data)
    assert response.status_code == 302
    assert message in _messages(response)[0]
    assert not Term.objects.exists()


def test_missed_terms_refused_in_review(client, contractor):
    task = make_task(contractor, status=TaskStatus.IN_REVIEW)
    client.force_login(contractor)
    response = client.post(
        reverse("scrubbing:terms_add", args=[task.pk]), {"terms": "Initech", "category": "CLIENT"}
    )
    assert "draft or being checked" in _messages(response)[0]
    assert not Term.objects.exists()


# ---- re-scrub and submit -------------------------------------------------------------------------


def test_rescrub_from_the_check_requeues_every_file(client, contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    a, b = add_file(task, name="a.txt", original=b"a"), add_file(task, name="b.txt", original=b"b")
    client.force_login(contractor)
    response = client.post(reverse("submissions:task_rescrub", args=[task.pk]))
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == TaskStatus.SCRUBBING
    assert set(TaskFile.objects.filter(task=task).values_list("scrub_status", flat=True)) == {
        ScrubStatus.QUEUED
    }
    assert AuditEvent.objects.filter(task_id=task.pk, verb="task.rescrub").count() == 1
    assert {a.pk, b.pk} == set(task.files.values_list("pk", flat=True))


@pytest.mark.parametrize("bad_status", [ScrubStatus.RESIDUAL, ScrubStatus.FAILED])
def test_submit_refused_with_a_residual_or_failed_file_names_the_file(
    client, contractor, bad_status
):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    add_file(task, name="fine.txt", original=b"fine")
    add_file(
        task,
        name="budget.txt",
        original=b"bad",
        status=bad_status,
        error="1 possible leftover(s) found after scrubbing; check the findings.",
    )
    client.force_login(contractor)
    response = client.post(reverse("submissions:task_submit_review", args=[task.pk]), follow=True)
    task.refresh_from_db()
    assert task.status == TaskStatus.CONTRACTOR_CHECK
    assert task.contractor_confirmed_at is None and task.submitted_at is None
    text = response.content.decode()
    label = TaskFile.ScrubStatus(bad_status).label.lower()
    assert f"“budget.txt” is {label}: 1 possible leftover(s)" in text
    assert (
        "fine.txt” is" not in text.split("Submit for review is not possible")[1].split("</li>")[0]
    )
    # The check panel says the same, before the contractor even tries.
    assert "Submit for review is blocked" in text


def test_submit_records_the_confirmation(client, contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    add_file(task)
    client.force_login(contractor)
    client.post(reverse("submissions:task_submit_review", args=[task.pk]))
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_REVIEW
    assert task.contractor_confirmed_at is not None and task.submitted_at is not None
    event = AuditEvent.objects.filter(task_id=task.pk, verb="task.status").last()
    assert event.details["to"] == TaskStatus.IN_REVIEW and event.actor == contractor


# ---- the task page's check panel -----------------------------------------------------------------


def test_task_page_has_the_check_panel_links_and_timeline(client, contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    f = add_file(task)
    client.force_login(contractor)
    html = client.get(reverse("submissions:task_detail", args=[task.pk])).content.decode()
    assert 'id="check-panel"' in html
    assert reverse("scrubbing:file_check", args=[f.pk]) in html
    assert reverse("scrubbing:terms_add", args=[task.pk]) in html
    assert f'hx-get="{reverse("scrubbing:file_preview", args=[f.pk])}"' in html
    assert 'name="category"' in html


def test_task_page_shows_no_check_panel_in_review(client, contractor):
    task = make_task(contractor, status=TaskStatus.IN_REVIEW)
    add_file(task)
    client.force_login(contractor)
    html = client.get(reverse("submissions:task_detail", args=[task.pk])).content.decode()
    assert 'id="check-panel"' not in html


def test_task_page_shows_the_reviewers_feedback(client, contractor, reviewer):
    from reviews.models import Review

    task = make_task(contractor, status=TaskStatus.CHANGES_REQUESTED)
    Review.objects.create(
        task=task,
        reviewer=reviewer,
        revision=1,
        decision="changes_requested",
        reason_codes=["pii_left"],
        comment="Page 2 still has a phone number.",
    )
    client.force_login(contractor)
    html = client.get(reverse("submissions:task_detail", args=[task.pk])).content.decode()
    assert "Request changes" in html and "Personal data left" in html
    assert "Page 2 still has a phone number." in html
    assert reviewer.email not in html


def test_findings_of_an_unchecked_task_type_are_safe(contractor):
    # Sanity for the selectors used by reviewers: the deferred field is not loaded.
    task = make_task(contractor, status=TaskStatus.IN_REVIEW)
    f = add_file(task)
    finding = scrub_selectors.findings_public([f.pk]).first()
    assert "original_text" in finding.get_deferred_fields()
    assert Task.objects.count() == 1


# ---- leftovers of a residual file ---------------------------------------------------------------


def test_leftovers_are_listed_apart_and_can_be_redacted_or_kept(client, contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    f = add_file(
        task, name="memo.txt", original=b"Gaines, Gordon and Sons", status=ScrubStatus.RESIDUAL
    )
    kept = Finding.objects.create(
        file=f,
        entity_type="LOCATION",
        score=1.0,
        locator="line 1",
        original_text="Gaines",
        replacement="",
        source=Finding.Source.LEFTOVER,
    )
    other = Finding.objects.create(
        file=f,
        entity_type="ORGANIZATION",
        score=1.0,
        locator="line 2",
        original_text="Globex",
        replacement="",
        source=Finding.Source.LEFTOVER,
    )
    client.force_login(contractor)
    page = client.get(reverse("scrubbing:file_check", args=[f.pk])).content.decode()
    assert "Left over after scrubbing" in page
    assert reverse("scrubbing:leftover_redact", args=[other.pk]) in page

    client.post(reverse("scrubbing:leftover_redact", args=[other.pk]))
    deny = Term.objects.get(owner=contractor, list_kind=Term.ListKind.DENY)
    assert (deny.text, deny.category) == ("Globex", Term.Category.CLIENT)
    client.post(reverse("scrubbing:finding_keep", args=[kept.pk]))
    assert Term.objects.filter(owner=contractor, list_kind="allow", text="Gaines").exists()


def test_redact_all_leftovers_of_a_file(client, contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    f = add_file(task, name="big.xlsx", original=b"x", status=ScrubStatus.RESIDUAL, findings=[])
    for text, kind in (("Hollychester", "PERSON"), ("Initech", "ORGANIZATION"), ("Zork", "X")):
        Finding.objects.create(
            file=f,
            entity_type=kind,
            score=1.0,
            locator="Ledger!H3",
            original_text=text,
            replacement="",
            source=Finding.Source.LEFTOVER,
        )
    client.force_login(contractor)
    client.post(reverse("scrubbing:leftovers_redact_all", args=[f.pk]))
    deny = dict(
        Term.objects.filter(owner=contractor, list_kind="deny").values_list("text", "category")
    )
    assert deny == {"Hollychester": "PERSON", "Initech": "CLIENT", "Zork": "CONFIDENTIAL"}
