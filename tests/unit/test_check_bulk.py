"""Deciding in bulk on the check pages: findings grouped by entity, filters, keep/redact across
the task, leftovers' states at once, undo, audit events without original text, query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portal.models import AuditEvent
from scrubbing import check_selectors, check_services
from scrubbing.models import Finding, Term
from tests.builders.tasks import ScrubStatus, TaskStatus, add_file, make_task

pytestmark = pytest.mark.django_db


def _leftover(f, text: str, kind: str = "ORGANIZATION", locator: str = "line 2") -> Finding:
    return Finding.objects.create(
        file=f,
        entity_type=kind,
        score=1.0,
        locator=locator,
        original_text=text,
        replacement="",
        source=Finding.Source.LEFTOVER,
    )


@pytest.fixture
def task(contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    add_file(
        task,
        name="a.txt",
        original=b"a",
        findings=[("ORGANIZATION", "Acme", "[ORG_1]"), ("PERSON", "Jane Doe", "[PERSON_1]")],
    )
    add_file(
        task,
        name="b.txt",
        original=b"b",
        findings=[("ORGANIZATION", "Acme", "[ORG_1]"), ("ORGANIZATION", "Acme", "[ORG_1]")],
    )
    return task


def test_findings_are_grouped_by_entity_with_count_and_places(task):
    groups = check_selectors.finding_groups(check_selectors.task_findings(task))
    acme = next(g for g in groups if g.text == "Acme")
    assert (acme.count, acme.entity_type, acme.replacement) == (3, "ORGANIZATION", "[ORG_1]")
    assert [p.file_name for p in acme.places] == ["a.txt", "b.txt", "b.txt"]
    assert acme.places[0].url.startswith(
        reverse("scrubbing:file_check", args=[acme.places[0].url.split("/")[3]])
    )
    assert acme.places[0].url.endswith("#" + check_selectors.place_anchor("paragraph 1"))
    assert groups[0] is acme  # most frequent first
    assert {g.state for g in groups} == {"redacted"}


def test_filters_by_type_source_and_file(task):
    findings = check_selectors.task_findings(task)
    b = task.files.get(original_name="b.txt")
    assert {
        f.entity_type for f in check_selectors.filter_findings(findings, entity_type="PERSON")
    } == {"PERSON"}
    assert len(check_selectors.filter_findings(findings, file_id=b.pk)) == 2
    assert check_selectors.filter_findings(findings, source="leftover") == []
    choices = check_selectors.filter_choices(findings)
    assert ("ORGANIZATION", "ORGANIZATION (3)") in choices["types"]
    assert (str(b.pk), "b.txt (2)") in choices["files"]


def test_bulk_keep_covers_the_task_goes_on_the_allow_list_and_can_be_undone(
    client, contractor, task
):
    acme = Finding.objects.filter(file__task=task, original_text="Acme").first()
    jane = Finding.objects.get(file__task=task, original_text="Jane Doe")
    client.force_login(contractor)
    url = reverse("scrubbing:findings_decide", args=[task.pk])
    back = reverse("scrubbing:task_check", args=[task.pk]) + "?type=ORGANIZATION"
    response = client.post(
        url, {"finding": [acme.pk, jane.pk], "decision": "keep", "next": back}, follow=True
    )
    assert response.redirect_chain[-1][0] == back
    assert set(Finding.objects.filter(file__task=task).values_list("decision", flat=True)) == {
        "keep"
    }
    assert set(
        Term.objects.filter(owner=contractor, list_kind="allow").values_list("text", flat=True)
    ) == {
        "Acme",
        "Jane Doe",
    }
    html = response.content.decode()
    assert "Kept 2 entities (4 findings)" in html
    assert 'id="undo-button"' in html
    event = AuditEvent.objects.get(verb="finding.keep")
    assert event.details["findings"] == 4 and event.details["entities"] == 2
    assert "Acme" not in str(event.details) and "Jane" not in str(event.details)
    assert "Acme" not in str(dict(client.session))  # the undo keeps ids, never the text

    response = client.post(
        reverse("scrubbing:findings_undo", args=[task.pk]), {"next": back}, follow=True
    )
    assert "Undone: 4 findings as before." in response.content.decode()
    assert set(Finding.objects.filter(file__task=task).values_list("decision", flat=True)) == {
        "redact"
    }
    assert not Term.objects.filter(owner=contractor).exists()
    assert AuditEvent.objects.filter(verb="finding.undo").count() == 1


def test_redacting_a_kept_entity_takes_it_off_the_allow_list_and_undo_puts_it_back(
    contractor, task
):
    acme = Finding.objects.filter(file__task=task, original_text="Acme").first()
    check_services.findings_decide(
        owner=contractor, task=task, finding_ids=[acme.pk], decision="keep"
    )
    done = check_services.findings_decide(
        owner=contractor, task=task, finding_ids=[acme.pk], decision="redact"
    )
    assert not Term.objects.filter(owner=contractor, text="Acme").exists()
    assert not done.leftover
    check_services.findings_undo(owner=contractor, undo=done.undo)
    assert Term.objects.filter(owner=contractor, list_kind="allow", text="Acme").exists()
    assert set(Finding.objects.filter(original_text="Acme").values_list("decision", flat=True)) == {
        "keep"
    }


def test_leftovers_show_their_state_at_once_and_switch_lists(client, contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    f = add_file(task, name="memo.txt", status=ScrubStatus.RESIDUAL, findings=[])
    globex = _leftover(f, "Globex")
    _leftover(f, "Gaines", kind="PERSON", locator="line 3")
    client.force_login(contractor)
    page = reverse("scrubbing:file_check", args=[f.pk])
    html = client.get(page).content.decode()
    assert "2 of 2</strong> still to decide" in html
    html = client.post(
        reverse("scrubbing:leftover_redact", args=[globex.pk]), {"next": page}, follow=True
    ).content.decode()
    row = html.split(f'id="group-{globex.pk}"')[1].split("</tr>")[0]
    assert 'data-state="redacted"' in html.split(f'id="group-{globex.pk}"')[1][:200]
    assert "redacted (deny-list)" in row and "Keep instead" in row and ">Redact<" not in row
    assert "1 of 2</strong> still to decide" in html
    assert Term.objects.get(owner=contractor, list_kind="deny").text == "Globex"
    # the other way round: kept instead, so it leaves the deny-list for the allow-list
    client.post(reverse("scrubbing:finding_keep", args=[globex.pk]), {"next": page})
    assert list(Term.objects.filter(owner=contractor).values_list("list_kind", "text")) == [
        ("allow", "Globex")
    ]
    globex.refresh_from_db()
    assert globex.decision == "keep" and globex.decided_at is not None


def test_redact_all_takes_only_the_undecided_leftovers(client, contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    f = add_file(task, name="big.xlsx", status=ScrubStatus.RESIDUAL, findings=[])
    kept = _leftover(f, "Harmless")
    _leftover(f, "Initech")
    _leftover(f, "Hollychester", kind="PERSON")
    check_services.findings_decide(
        owner=contractor, task=task, finding_ids=[kept.pk], decision="keep"
    )
    client.force_login(contractor)
    client.post(reverse("scrubbing:leftovers_redact_all", args=[f.pk]))
    deny = dict(
        Term.objects.filter(owner=contractor, list_kind="deny").values_list("text", "category")
    )
    assert deny == {"Initech": "CLIENT", "Hollychester": "PERSON"}
    kept.refresh_from_db()
    assert kept.decision == "keep"


def test_decisions_refused_outside_the_check(client, contractor):
    task = make_task(contractor, status=TaskStatus.IN_REVIEW)
    f = add_file(task)
    client.force_login(contractor)
    response = client.post(
        reverse("scrubbing:findings_decide", args=[task.pk]),
        {"finding": [f.findings.first().pk], "decision": "keep"},
        follow=True,
    )
    assert "only while you check the scrubbed files" in response.content.decode()
    assert not Term.objects.exists()


def test_another_contractors_findings_cannot_be_decided(client, contractor, other_contractor, task):
    mine = make_task(other_contractor, status=TaskStatus.CONTRACTOR_CHECK)
    client.force_login(other_contractor)
    acme = Finding.objects.filter(file__task=task).first()
    response = client.post(
        reverse("scrubbing:findings_decide", args=[mine.pk]),
        {"finding": [acme.pk], "decision": "keep"},
        follow=True,
    )
    assert "not part of this task" in response.content.decode()
    assert Finding.objects.get(pk=acme.pk).decision == "redact"


@pytest.mark.parametrize("files", [2, 12])
def test_task_check_page_runs_a_constant_number_of_queries(
    client, contractor, files, django_assert_max_num_queries
):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    for i in range(files):
        add_file(
            task,
            name=f"f{i}.txt",
            original=f"x{i}".encode(),
            findings=[("PERSON", f"Person {i}", "[PERSON_1]"), ("ORGANIZATION", "Acme", "[ORG_1]")],
        )
    client.force_login(contractor)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("scrubbing:task_check", args=[task.pk]))
    assert response.status_code == 200
    assert len(response.context["groups"]) == files + 1


def test_task_check_page_filters_and_links_each_place(client, contractor, task):
    client.force_login(contractor)
    url = reverse("scrubbing:task_check", args=[task.pk])
    html = client.get(url + "?type=PERSON").content.decode()
    assert "Jane Doe" in html and ">Acme<" not in html
    assert "1 of 4 findings match the filters." in html
    a = task.files.get(original_name="a.txt")
    assert (
        f"{reverse('scrubbing:file_check', args=[a.pk])}#{check_selectors.place_anchor('paragraph 1')}"
        in html
    )
