"""The Django admin shows scrubbed fields only.

A superuser walks every registered admin page (index, changelists with every filter choice and a
search, change, history and delete pages of every object, add pages) over tasks seeded in every
state with files in every scrub state, findings, a replacement table, the contractor's own terms
and staged uploads. Any original string on any page fails the test.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from portal.audit import audit_record
from reviews.models import ExportBatch, Review
from scrubbing.models import Finding, Term
from submissions.models import StagedUpload, Task, TaskFile

pytestmark = pytest.mark.django_db

TaskStatus = Task.Status
ScrubStatus = TaskFile.ScrubStatus

# Every original string carries this mark, so one search of each page finds any of them.
MARK = "Zorblax"


def original(label: str) -> str:
    return f"{MARK}{label}"


def seed(contractor, reviewer) -> dict:
    """Tasks in every state, with every kind of original the contractor typed or uploaded."""
    tasks = []
    for i, status in enumerate(TaskStatus.values):
        scrubbed = status != TaskStatus.DRAFT
        task = Task.objects.create(
            contractor=contractor,
            title=original(f"Title{i} Acme takeover"),
            title_scrubbed=f"Public title {i}" if scrubbed else "",
            request_text=original(f"Request{i}: ask Jane Quill at Acme"),
            request_text_scrubbed=f"Ask [PERSON_1] at [CLIENT_1] ({i})" if scrubbed else "",
            deliverable_text=original(f"Deliverable{i}"),
            deliverable_text_scrubbed=f"Deliverable [PERSON_1] {i}" if scrubbed else "",
            sector="Other",
            sector_other=original(f"Sector{i}"),
            sector_other_scrubbed=f"Public sector {i}" if scrubbed else "",
            occupation="Other",
            occupation_other=original(f"Occupation{i}"),
            occupation_other_scrubbed=f"Public occupation {i}" if scrubbed else "",
            provenance=Task.Provenance.REAL,
            minutes_spent=30,
            attest_rights=True,
            attest_confidential=True,
            status=status,
            pseudonym_state={
                "originals": {"PERSON": {"[PERSON_1]": original(f"Pseudonym{i} Jane Quill")}},
                "counters": {"PERSON": 1},
            },
            claimed_by=reviewer if status == TaskStatus.IN_REVIEW else None,
            claimed_at=timezone.now() if status == TaskStatus.IN_REVIEW else None,
            submitted_at=timezone.now() if scrubbed else None,
        )
        tasks.append(task)
        for j, fs in enumerate(ScrubStatus.values):
            name = original(f"File{i}{j}_Acme_plan.docx")
            f = TaskFile.objects.create(
                task=task,
                part=TaskFile.Part.DELIVERABLE if j % 2 else TaskFile.Part.REQUEST,
                original=f"originals/{task.pk}/{i}{j}",
                original_name=name,
                scrubbed=f"scrubbed/{task.pk}/{i}{j}"
                if fs in (ScrubStatus.DONE, ScrubStatus.RESIDUAL)
                else "",
                scrubbed_name=original(f"ScrubbedName{i}{j}.docx"),
                sha256=f"{i:02d}{j:02d}".ljust(64, "0"),
                size=1000 + j,
                detected_type="docx",
                scrub_status=fs,
                error=(
                    f"“{name}” is damaged. In “{original(f'Member{i}{j}/notes.txt')}”: refused."
                    if fs == ScrubStatus.FAILED
                    else ""
                ),
                report={
                    "counts": {"PERSON": 2},
                    "residual": [
                        {
                            "locator": f"sheet “{original(f'Sheet{i}{j}')}”",
                            "text_type": "PERSON",
                            "reason": "original text found",
                        }
                    ],
                },
            )
            Finding.objects.create(
                file=f,
                entity_type="PERSON",
                score=0.85,
                locator=f"sheet “{original(f'Locator{i}{j}')}” cell A1",
                location_kind="cell",
                original_text=original(f"Finding{i}{j} Jane Quill"),
                replacement="[PERSON_1]",
                source=Finding.Source.MODEL,
            )
            if fs == ScrubStatus.RESIDUAL:
                Finding.objects.create(
                    file=f,
                    entity_type="PERSON",
                    score=1.0,
                    locator="leftover",
                    location_kind="leftover",
                    original_text=original(f"Leftover{i}{j}"),
                    source=Finding.Source.LEFTOVER,
                )
        audit_record(actor=contractor, verb="task.create", obj=task, task_id=task.pk, files=5)
        if status in (TaskStatus.APPROVED, TaskStatus.REJECTED, TaskStatus.CHANGES_REQUESTED):
            Review.objects.create(
                task=task,
                reviewer=reviewer,
                revision=1,
                decision={
                    TaskStatus.APPROVED: "approve",
                    TaskStatus.REJECTED: "reject",
                    TaskStatus.CHANGES_REQUESTED: "changes_requested",
                }[status],
                reason_codes=["low_quality"] if status != TaskStatus.APPROVED else [],
                comment="Looks fine to me.",
                snapshot={"title": task.title_scrubbed},
            )
    Term.objects.create(owner=contractor, list_kind="deny", text=original("TermDeny Acme"))
    Term.objects.create(owner=contractor, list_kind="allow", text=original("TermAllow Quill"))
    Term.objects.create(owner=None, list_kind="deny", text="Global codename Falcon")
    StagedUpload.objects.create(
        owner=contractor,
        part="deliverable",
        file="staged/abc",
        original_name=original("Staged_Acme.xlsx"),
        sha256="f" * 64,
        size=10,
        detected_type="xlsx",
    )
    ExportBatch.objects.create(batch_id="batch-1", destination="/tmp/exports", task_count=1)
    return {"tasks": tasks}


def assert_clean(response, where: str) -> str:
    body = response.content.decode("utf-8", errors="replace")
    found = sorted(set(re.findall(rf"{MARK}[\w\- .]*", body)))
    assert not found, f"{where} shows originals: {found[:5]}"
    return body


def url_or_none(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def test_every_admin_page_shows_scrubbed_fields_only(client, admin_user, contractor, reviewer):
    seed(contractor, reviewer)
    client.force_login(admin_user)
    assert_clean(client.get(reverse("admin:index")), "admin index")
    walked = 0
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        changelist = reverse("admin:{}_{}_changelist".format(*info))
        response = client.get(changelist)
        assert response.status_code == 200, changelist
        assert_clean(response, changelist)
        walked += 1
        cl = response.context["cl"]
        # every filter choice
        for spec in cl.filter_specs:
            for choice in spec.choices(cl):
                page = client.get(changelist + choice["query_string"])
                assert page.status_code == 200, choice["query_string"]
                assert_clean(page, f"{changelist}{choice['query_string']}")
                walked += 1
        if model_admin.search_fields:
            assert_clean(client.get(changelist + "?q=Public"), f"{changelist} search")
            # searching for an original finds nothing: search never looks into originals
            for probe in (MARK, "Acme", "Quill"):
                found = client.get(changelist + "?" + urlencode({"q": probe})).context["cl"]
                assert found.result_count == 0, f"{changelist} search for {probe!r} matched"
        add = url_or_none("admin:{}_{}_add".format(*info))
        if add and model_admin.has_add_permission(response.wsgi_request):
            assert_clean(client.get(add), add)
        for obj in model._default_manager.all():
            for view in ("change", "history", "delete"):
                url = url_or_none("admin:{}_{}_{}".format(*info, view), obj.pk)
                if url:
                    page = client.get(url, follow=True)
                    assert_clean(page, url)
                    walked += 1
    assert walked > 100, walked  # the seeded objects were really walked


def test_task_admin_is_read_only_and_shows_the_public_title(
    client, admin_user, contractor, reviewer
):
    tasks = seed(contractor, reviewer)["tasks"]
    client.force_login(admin_user)
    task = next(t for t in tasks if t.status == TaskStatus.IN_REVIEW)
    page = client.get(reverse("admin:submissions_task_change", args=[task.pk]))
    body = assert_clean(page, "task page")
    assert task.title_scrubbed in body and task.request_text_scrubbed in body
    assert "Public sector" in body and "Public occupation" in body
    assert 'name="title"' not in body  # no editable field at all
    post = client.post(
        reverse("admin:submissions_task_change", args=[task.pk]), {"title": "changed"}
    )
    assert post.status_code == 403
    task.refresh_from_db()
    assert task.title.startswith(MARK)
    draft = next(t for t in tasks if t.status == TaskStatus.DRAFT)
    listing = client.get(reverse("admin:submissions_task_changelist")).content.decode()
    assert f"Task #{draft.pk}" in listing  # a draft has no scrubbed title yet: a neutral label


def test_file_admin_names_files_neutrally_and_strips_names_from_errors(
    client, admin_user, contractor, reviewer
):
    seed(contractor, reviewer)
    client.force_login(admin_user)
    failed = TaskFile.objects.filter(scrub_status=ScrubStatus.FAILED).first()
    body = assert_clean(
        client.get(reverse("admin:submissions_taskfile_change", args=[failed.pk])), "file page"
    )
    assert failed.public_name in body
    assert "is damaged" in body and "“…”: refused" in body  # the reason stays readable
    assert "PERSON: 2" in body  # counts from the report, not its locators


def test_term_admin_lists_and_adds_global_terms_only(client, admin_user, contractor, reviewer):
    seed(contractor, reviewer)
    client.force_login(admin_user)
    listing = assert_clean(client.get(reverse("admin:scrubbing_term_changelist")), "terms")
    assert "Global codename Falcon" in listing
    own = Term.objects.filter(owner=contractor).first()
    page = client.get(reverse("admin:scrubbing_term_change", args=[own.pk]), follow=True)
    assert_clean(page, "a contractor's term")
    assert own.text not in page.content.decode()
    response = client.post(
        reverse("admin:scrubbing_term_add"),
        {"list_kind": "allow", "text": "Northwind", "category": "CLIENT"},
    )
    assert response.status_code == 302, response.content[:500]
    added = Term.objects.get(text="Northwind")
    assert added.owner is None
    assert_clean(client.get(reverse("admin:index")), "recent actions")
