"""Reviewer queue, claims, the review page (scrubbed only), decisions, e-mails, revisions.

Over 500 lines because the review page is one flow (queue, claim, read, decide, revise) whose
tests build on the same tasks; claims and decisions read best in the order a reviewer meets them.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.models import AuditEvent
from portal.storage import save_bytes
from reviews import selectors, services
from reviews.models import Review
from submissions import services as task_services
from submissions.models import Task
from submissions.occupations import GDPVAL_OCCUPATIONS
from tests.builders.files import make_docx
from tests.builders.tasks import (
    ORIGINAL_NAME,
    ORIGINAL_REQUEST,
    SCRUBBED_REQUEST,
    ScrubStatus,
    TaskStatus,
    add_file,
    expire_claim,
    in_review_task,
    make_task,
    scrubbed_docx,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_reviewer(db):
    from tests.builders.accounts import make_user

    return make_user("ravi@example.com", "reviewer")


# ---- queue -----------------------------------------------------------------------------------


def _bulk_in_review(contractor, n: int) -> None:
    now = timezone.now()
    Task.objects.bulk_create(
        Task(
            contractor=contractor,
            title=f"t{i}",
            request_text="r",
            sector=next(iter(GDPVAL_OCCUPATIONS)),
            occupation=GDPVAL_OCCUPATIONS[next(iter(GDPVAL_OCCUPATIONS))][0],
            provenance=Task.Provenance.REAL,
            minutes_spent=5,
            status=TaskStatus.IN_REVIEW,
            submitted_at=now - timedelta(minutes=i),
            revision=1 + i % 3,
        )
        for i in range(n)
    )


def _queue_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("n", [10, 200])
def test_queue_runs_a_constant_number_of_queries(
    client, contractor, reviewer, n, django_assert_max_num_queries
):
    _bulk_in_review(contractor, n)
    Task.objects.filter(pk__in=Task.objects.values("pk")[:3]).update(
        claimed_by=reviewer, claimed_at=timezone.now()
    )
    client.force_login(reviewer)
    url = reverse("reviews:queue") + "?sort=revision&provenance=real"
    client.get(url)  # warm the session/user caches
    # session + user + paginator count + counts aggregate + page rows (files counted in a join)
    with django_assert_max_num_queries(5):
        response = client.get(url)
    assert response.context["counts"]["total"] == n
    assert len(response.context["page"].object_list) == min(n, 25)


def test_queue_query_count_does_not_grow_with_tasks(client, contractor, reviewer):
    client.force_login(reviewer)
    _bulk_in_review(contractor, 10)
    small = _queue_queries(client, reverse("reviews:queue"))
    _bulk_in_review(contractor, 190)
    assert _queue_queries(client, reverse("reviews:queue")) == small


def test_queue_lists_only_tasks_in_review_with_counts(client, contractor, reviewer, admin_user):
    waiting = in_review_task(contractor)
    mine = in_review_task(contractor)
    theirs = in_review_task(contractor)
    expired = in_review_task(contractor, revision=2)
    make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    make_task(contractor, status=TaskStatus.APPROVED)
    services.review_claim(mine.pk, reviewer=reviewer)
    services.review_claim(theirs.pk, reviewer=admin_user)
    services.review_claim(expired.pk, reviewer=admin_user)
    expire_claim(expired)
    client.force_login(reviewer)
    response = client.get(reverse("reviews:queue"))
    ids = [t.pk for t in response.context["page"].object_list]
    assert sorted(ids) == sorted([waiting.pk, mine.pk, theirs.pk, expired.pk])
    assert response.context["counts"] == {
        "total": 4,
        "available": 2,
        "claimed": 2,
        "mine": 1,
        "resubmitted": 1,
    }
    html = response.content.decode()
    assert 'id="count-total">4<' in html and 'id="count-mine">1<' in html
    assert "Globex quarterly plan" not in html  # the typed title is the owner's only


def test_queue_filters_and_sorts(client, contractor, reviewer):
    sectors = list(GDPVAL_OCCUPATIONS)
    other_sector = sectors[1]
    other_occ = GDPVAL_OCCUPATIONS[other_sector][0]
    old = in_review_task(contractor, age_days=10)
    week = in_review_task(contractor, age_days=3, provenance=Task.Provenance.FABRICATED)
    fresh = in_review_task(contractor, revision=3, sector=other_sector, occupation=other_occ)
    client.force_login(reviewer)

    def ids(query: str) -> list[int]:
        response = client.get(reverse("reviews:queue") + query)
        assert response.status_code == 200
        return [t.pk for t in response.context["page"].object_list]

    assert ids("") == [old.pk, week.pk, fresh.pk]  # oldest first by default
    assert ids("?sort=newest") == [fresh.pk, week.pk, old.pk]
    assert ids("?sort=revision")[0] == fresh.pk
    assert ids("?provenance=fabricated") == [week.pk]
    assert ids(f"?sector={other_sector}") == [fresh.pk]
    assert ids(f"?occupation={other_occ}") == [fresh.pk]
    assert ids("?age=lt1") == [fresh.pk]
    assert ids("?age=1to7") == [week.pk]
    assert ids("?age=gt7") == [old.pk]
    assert ids("?revision=resubmitted") == [fresh.pk]
    assert ids("?revision=first") == [old.pk, week.pk]
    assert ids("?provenance=bogus&sort=bogus") == [old.pk, week.pk, fresh.pk]  # ignored


def test_queue_paginates(client, contractor, reviewer):
    _bulk_in_review(contractor, 30)
    client.force_login(reviewer)
    page2 = client.get(reverse("reviews:queue") + "?page=2")
    assert len(page2.context["page"].object_list) == 5
    assert "Page 2 of 2" in page2.content.decode()


# ---- claims ----------------------------------------------------------------------------------


def test_claim_then_another_reviewer_is_refused(client, contractor, reviewer, second_reviewer):
    task = in_review_task(contractor)
    client.force_login(reviewer)
    assert client.post(reverse("reviews:claim", args=[task.pk])).status_code == 302
    task.refresh_from_db()
    assert task.claimed_by == reviewer and task.claimed_at is not None
    client.force_login(second_reviewer)
    response = client.post(reverse("reviews:claim", args=[task.pk]), follow=True)
    assert "Another reviewer has just claimed" in response.content.decode()
    task.refresh_from_db()
    assert task.claimed_by == reviewer
    assert AuditEvent.objects.filter(task_id=task.pk, verb="review.claim").count() == 1


def test_an_expired_claim_can_be_taken(contractor, reviewer, second_reviewer, settings):
    settings.REVIEW_CLAIM_MINUTES = 5
    task = in_review_task(contractor)
    services.review_claim(task.pk, reviewer=reviewer)
    task.refresh_from_db()
    assert selectors.claim_is_live(task)
    expire_claim(task)
    assert not selectors.claim_is_live(task)
    services.review_claim(task.pk, reviewer=second_reviewer)
    task.refresh_from_db()
    assert task.claimed_by == second_reviewer
    event = AuditEvent.objects.filter(verb="review.claim").last()
    assert event.details["expired_claim_of"] == reviewer.pk


def test_release_gives_the_task_back(client, contractor, reviewer, second_reviewer):
    task = in_review_task(contractor)
    services.review_claim(task.pk, reviewer=reviewer)
    client.force_login(second_reviewer)
    client.post(reverse("reviews:release", args=[task.pk]))
    task.refresh_from_db()
    assert task.claimed_by == reviewer  # not theirs to release
    client.force_login(reviewer)
    client.post(reverse("reviews:release", args=[task.pk]))
    task.refresh_from_db()
    assert task.claimed_by is None and task.claimed_at is None
    assert AuditEvent.objects.filter(task_id=task.pk, verb="review.release").count() == 1


def test_admin_takes_over_a_live_claim_reviewer_cannot(
    client, contractor, reviewer, second_reviewer, admin_user
):
    task = in_review_task(contractor)
    services.review_claim(task.pk, reviewer=reviewer)
    client.force_login(second_reviewer)
    assert client.post(reverse("reviews:takeover", args=[task.pk])).status_code == 403
    client.force_login(admin_user)
    page = client.get(reverse("reviews:review", args=[task.pk])).content.decode()
    assert "Take over" in page
    assert client.post(reverse("reviews:takeover", args=[task.pk])).status_code == 302
    task.refresh_from_db()
    assert task.claimed_by == admin_user
    event = AuditEvent.objects.get(verb="review.takeover")
    assert event.details["previous_reviewer"] == reviewer.pk
    with pytest.raises(services.ClaimError):
        services.review_takeover(task.pk, admin=reviewer)


def test_next_task_claims_the_oldest_unclaimed(client, contractor, reviewer, second_reviewer):
    oldest_taken = in_review_task(contractor, age_days=5)
    older_expired = in_review_task(contractor, age_days=4)
    newer = in_review_task(contractor, age_days=1)
    services.review_claim(oldest_taken.pk, reviewer=second_reviewer)
    services.review_claim(older_expired.pk, reviewer=second_reviewer)
    expire_claim(older_expired)
    client.force_login(reviewer)
    response = client.post(reverse("reviews:claim_next"))
    assert response["Location"] == reverse("reviews:review", args=[older_expired.pk])
    response = client.post(reverse("reviews:claim_next"))
    assert response["Location"] == reverse("reviews:review", args=[newer.pk])
    response = client.post(reverse("reviews:claim_next"))
    assert response["Location"] == reverse("reviews:queue")  # nothing left
    older_expired.refresh_from_db()
    newer.refresh_from_db()
    assert older_expired.claimed_by == reviewer and newer.claimed_by == reviewer


def test_claim_refused_when_not_in_review(contractor, reviewer):
    task = make_task(contractor, status=TaskStatus.APPROVED)
    with pytest.raises(services.ClaimError):
        services.review_claim(task.pk, reviewer=reviewer)


# ---- review page -----------------------------------------------------------------------------


def test_review_page_shows_scrubbed_only(client, contractor, reviewer):
    task = in_review_task(
        contractor, deliverable_text="Call Jane Doe.", deliverable_text_scrubbed="Call [PERSON_1]."
    )
    add_file(
        task,
        part="request",
        name="Globex_brief.txt",
        original=b"Globex brief",
        scrubbed=b"[ORGANIZATION_1] brief",
        findings=[("ORGANIZATION", "Globex Corp", "[ORGANIZATION_1]")],
    )
    deliverable = add_file(
        task,
        name="Jane_Doe_plan.docx",
        detected_type="docx",
        original=make_docx(["Jane Doe at Globex Corp"]),
        scrubbed=scrubbed_docx(["[PERSON_1] at [ORGANIZATION_1]"]),
    )
    client.force_login(reviewer)
    response = client.get(reverse("reviews:review", args=[task.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for secret in ("Jane Doe", "Globex", ORIGINAL_REQUEST, ORIGINAL_NAME, "Jane_Doe_plan"):
        assert secret not in html, secret
    assert '<mark class="ph ph-PERSON" title="PERSON">[PERSON_1]</mark>' in html
    assert "Please ask" in html  # the scrubbed request text is there
    assert "deliverable-1.docx" in html and "request-1.txt" in html
    assert reverse("reviews:file_download", args=[deliverable.pk]) in html
    assert reverse("submissions:file_original", args=[deliverable.pk]) not in html
    assert "/original/" not in html
    # One item per typed text and file, in order: request first, then the deliverable.
    labels = [item.label for item in response.context["items"]]
    assert labels == [
        "Task request text",
        "request-1.txt",
        "Deliverable text answer",
        "deliverable-1.docx",
    ]
    assert "Replacements" in html  # the task's legend
    # The findings' originals (and their locators, taken from the original) were never loaded.
    for item in response.context["items"]:
        for finding in item.findings:
            assert {"original_text", "locator"} <= finding.get_deferred_fields()


def test_finding_locators_from_the_original_never_reach_reviewers(client, contractor, reviewer):
    from scrubbing.models import Finding

    task = in_review_task(contractor)
    f = add_file(task)
    Finding.objects.filter(file=f).update(locator="Globex Budget!B4")
    client.force_login(reviewer)
    html = client.get(reverse("reviews:review", args=[task.pk])).content.decode()
    assert "Globex" not in html
    assert "[PERSON_1]" in html  # the findings are listed, without their locator


def test_review_page_keyboard_shortcuts_are_shown_and_scripted_safely(client, contractor, reviewer):
    task = in_review_task(contractor)
    add_file(task)
    services.review_claim(task.pk, reviewer=reviewer)
    client.force_login(reviewer)
    html = client.get(reverse("reviews:review", args=[task.pk])).content.decode()
    for key in (
        "<kbd>a</kbd> approve",
        "<kbd>r</kbd> reject",
        "<kbd>c</kbd> request changes",
        "<kbd>n</kbd> next task",
    ):
        assert key in html
    assert '<script src="/static/js/review.js" defer></script>' in html
    assert "<script>" not in html  # CSP: script-src 'self', no inline scripts
    assert 'id="decision-form"' in html and 'id="next-form"' in html
    for value in ("approve", "reject", "changes_requested"):
        assert f'value="{value}"' in html


def test_review_page_404_for_tasks_not_in_review(client, contractor, reviewer):
    for status in (TaskStatus.DRAFT, TaskStatus.SCRUBBING, TaskStatus.CONTRACTOR_CHECK):
        task = make_task(contractor, status=status)
        client.force_login(reviewer)
        assert client.get(reverse("reviews:review", args=[task.pk])).status_code == 404


# ---- decisions -------------------------------------------------------------------------------


def _decide(client, task, **data):
    return client.post(reverse("reviews:decide", args=[task.pk]), data)


def test_decide_without_a_claim_is_refused(client, contractor, reviewer, second_reviewer):
    task = in_review_task(contractor)
    add_file(task)
    client.force_login(reviewer)
    response = _decide(client, task, decision="approve")
    assert response.status_code == 409
    assert "Claim the task before deciding" in response.content.decode()
    services.review_claim(task.pk, reviewer=second_reviewer)
    assert _decide(client, task, decision="approve").status_code == 409  # someone else's claim
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_REVIEW
    assert not Review.objects.exists() and not mail.outbox


def test_decide_with_an_expired_claim_is_refused(client, contractor, reviewer):
    task = in_review_task(contractor)
    add_file(task)
    services.review_claim(task.pk, reviewer=reviewer)
    expire_claim(task)
    client.force_login(reviewer)
    response = _decide(client, task, decision="approve")
    assert response.status_code == 409
    assert "claim expired" in response.content.decode()
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_REVIEW and not Review.objects.exists()


@pytest.mark.parametrize("decision", ["reject", "changes_requested"])
def test_reject_and_changes_need_a_reason(client, contractor, reviewer, decision):
    task = in_review_task(contractor)
    add_file(task)
    services.review_claim(task.pk, reviewer=reviewer)
    client.force_login(reviewer)
    response = _decide(client, task, decision=decision, comment="no")
    assert response.status_code == 400
    assert "Give at least one reason" in response.content.decode()
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_REVIEW and not Review.objects.exists()
    # The service refuses too, whatever the form does.
    with pytest.raises(services.DecisionRefused, match="at least one reason"):
        services.review_decide(task.pk, reviewer=reviewer, decision=decision, reasons=[])


def test_other_reason_needs_a_comment(contractor, reviewer):
    task = in_review_task(contractor)
    services.review_claim(task.pk, reviewer=reviewer)
    with pytest.raises(services.DecisionRefused, match="other"):
        services.review_decide(task.pk, reviewer=reviewer, decision="reject", reasons=["other"])


def test_approve_records_everything_and_mails_the_contractor(client, contractor, reviewer):
    task = in_review_task(contractor)
    add_file(task)
    services.review_claim(task.pk, reviewer=reviewer)
    client.force_login(reviewer)
    response = _decide(client, task, decision="approve", comment="Nice work.")
    assert response.status_code == 302 and response["Location"] == reverse("reviews:queue")
    task.refresh_from_db()
    assert task.status == TaskStatus.APPROVED
    assert task.claimed_by is None and task.claimed_at is None and task.decided_at is not None
    review = Review.objects.get()
    assert (review.reviewer, review.revision, review.decision, review.comment) == (
        reviewer,
        1,
        "approve",
        "Nice work.",
    )
    assert review.claimed_at is not None
    assert review.snapshot["request_text"] == SCRUBBED_REQUEST
    assert [m.to for m in mail.outbox] == [[contractor.email]]
    assert "approved" in mail.outbox[0].subject and "Nice work." in mail.outbox[0].body
    assert reviewer.email not in mail.outbox[0].body
    verbs = list(AuditEvent.objects.filter(task_id=task.pk).values_list("verb", flat=True))
    assert verbs == ["review.claim", "task.status", "review.decision"]
    status_event = AuditEvent.objects.get(task_id=task.pk, verb="task.status")
    assert status_event.details["to"] == TaskStatus.APPROVED and status_event.actor == reviewer


def test_reject_with_reasons_mails_their_labels(client, contractor, reviewer):
    task = in_review_task(contractor)
    services.review_claim(task.pk, reviewer=reviewer)
    client.force_login(reviewer)
    response = _decide(
        client,
        task,
        decision="reject",
        reasons=["pii_left", "low_quality"],
        comment="Phone number on page 2.",
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == TaskStatus.REJECTED
    assert Review.objects.get().reason_codes == ["pii_left", "low_quality"]
    body = mail.outbox[0].body
    assert "Personal data left, Low quality" in body and "Phone number on page 2." in body


def test_decide_and_next_opens_the_next_task(client, contractor, reviewer):
    first = in_review_task(contractor, age_days=2)
    second = in_review_task(contractor, age_days=1)
    services.review_claim(first.pk, reviewer=reviewer)
    client.force_login(reviewer)
    response = _decide(client, first, decision="approve", next="1")
    assert response["Location"] == reverse("reviews:review", args=[second.pk])
    second.refresh_from_db()
    assert second.claimed_by == reviewer


def test_mail_failure_does_not_lose_the_decision(contractor, reviewer, settings):
    settings.EMAIL_BACKEND = "tests.unit.test_reviews.BrokenBackend"
    task = in_review_task(contractor)
    services.review_claim(task.pk, reviewer=reviewer)
    services.review_decide(task.pk, reviewer=reviewer, decision="approve")
    task.refresh_from_db()
    assert task.status == TaskStatus.APPROVED


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("mail server down")


# ---- revisions -------------------------------------------------------------------------------


def test_request_changes_then_resubmission_shows_what_changed(client, contractor, reviewer):
    task = in_review_task(contractor)
    kept = add_file(task, name="same.txt", original=b"same", scrubbed=b"same")
    changed = add_file(task, name="plan.txt", original=b"v1", scrubbed=b"v1 [PERSON_1]")
    removed = add_file(task, name="old.txt", original=b"old", scrubbed=b"old")
    # the original changes, the scrubbed output does not: revisions compare scrubbed outputs
    only_original = add_file(task, name="notes.txt", original=b"n1", scrubbed=b"notes")
    services.review_claim(task.pk, reviewer=reviewer)
    services.review_decide(
        task.pk,
        reviewer=reviewer,
        decision="changes_requested",
        reasons=["low_quality"],
        comment="Add the budget.",
    )
    task.refresh_from_db()
    assert task.status == TaskStatus.CHANGES_REQUESTED
    assert "needs changes" in mail.outbox[0].subject
    # The contractor edits and resubmits: a new revision.
    task = task_services.task_back_to_draft(task, actor=contractor)
    assert task.revision == 2
    removed.delete()
    changed.sha256 = "f" * 64
    save_bytes(changed.scrubbed, b"v2 [PERSON_1] and the budget")
    changed.scrubbed_sha256 = hashlib.sha256(b"v2 [PERSON_1] and the budget").hexdigest()
    changed.save()
    only_original.sha256 = "e" * 64
    only_original.save()
    add_file(task, name="budget.txt", original=b"new", scrubbed=b"new")
    kept.delete()  # removed and uploaded again with the same bytes: not a change
    kept = add_file(task, name="same-again.txt", original=b"same", scrubbed=b"same")
    Task.objects.filter(pk=task.pk).update(
        status=TaskStatus.IN_REVIEW,
        request_text_scrubbed=SCRUBBED_REQUEST + "\nAlso the budget.",
        submitted_at=timezone.now(),
    )
    client.force_login(reviewer)
    response = client.get(reverse("reviews:review", args=[task.pk]))
    overview = response.context["overview"]
    assert overview.previous == 1
    assert [i.label for i in overview.added] == ["deliverable-3.txt"]
    assert [i.label for i in overview.changed] == ["Task request text", "deliverable-1.txt"]
    assert overview.removed == ["a deliverable file (text)"]
    assert overview.unchanged == 2  # notes.txt (same output) and same-again.txt (same bytes)
    request_item = next(i for i in overview.changed if i.label == "Task request text")
    rows = request_item.change.diff.rows
    assert [r.kind for r in rows if r.kind != "same"] == ["added"]
    assert "<ins>Also the budget.</ins>" in rows[-1].right
    plan = next(i for i in overview.changed if i.label == "deliverable-1.txt")
    changed_row = next(r for r in plan.change.diff.rows if r.kind == "changed")
    assert "<del>v1</del>" in changed_row.left and "<ins>v2</ins>" in changed_row.right
    html = response.content.decode()
    assert "What changed since revision 1" in html and "Also the budget." in html
    assert "+++" not in html and "---" not in html  # no raw unified diff
    assert kept.pk  # still there, counted as unchanged


def test_first_revision_has_no_changes_section(client, contractor, reviewer):
    task = in_review_task(contractor)
    client.force_login(reviewer)
    response = client.get(reverse("reviews:review", args=[task.pk]))
    assert response.context["overview"].previous is None
    assert "What changed since" not in response.content.decode()


# ---- reviewer downloads ----------------------------------------------------------------------


def test_reviewer_downloads_a_clean_scrubbed_file_with_a_neutral_name(client, contractor, reviewer):
    task = in_review_task(contractor)
    f = add_file(task, scrubbed=b"[PERSON_1] works at [ORGANIZATION_1].\n")
    client.force_login(reviewer)
    response = client.get(reverse("reviews:file_download", args=[f.pk]), REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"[PERSON_1] works at [ORGANIZATION_1].\n"
    assert f"task{task.pk}-deliverable-1.txt" in response["Content-Disposition"]
    assert "Globex" not in response["Content-Disposition"]
    event = AuditEvent.objects.get(verb="file.download.review")
    assert (event.actor, event.object_id, event.task_id, event.ip_address) == (
        reviewer,
        str(f.pk),
        task.pk,
        "10.1.2.3",
    )


@pytest.mark.parametrize("status", [ScrubStatus.RESIDUAL, ScrubStatus.FAILED, ScrubStatus.QUEUED])
def test_reviewer_never_gets_a_file_that_is_not_clean(client, contractor, reviewer, status):
    task = in_review_task(contractor)
    f = add_file(task, status=status)
    client.force_login(reviewer)
    assert client.get(reverse("reviews:file_download", args=[f.pk])).status_code == 404
    assert not AuditEvent.objects.filter(verb="file.download.review").exists()


def test_reviewer_fetching_an_original_is_refused(client, contractor, reviewer, admin_user):
    task = in_review_task(contractor)
    f = add_file(task)
    client.force_login(reviewer)
    assert client.get(reverse("submissions:file_original", args=[f.pk])).status_code == 403
    assert client.get(reverse("submissions:file_scrubbed", args=[f.pk])).status_code == 403
    client.force_login(admin_user)
    assert client.get(reverse("submissions:file_original", args=[f.pk])).status_code == 404
    assert not AuditEvent.objects.filter(verb__startswith="file.download").exists()


def test_review_admin_is_read_only(client, contractor, reviewer, admin_user):
    task = in_review_task(contractor)
    services.review_claim(task.pk, reviewer=reviewer)
    review = services.review_decide(task.pk, reviewer=reviewer, decision="approve")
    client.force_login(admin_user)
    assert client.get(reverse("admin:reviews_review_changelist")).status_code == 200
    page = client.get(reverse("admin:reviews_review_change", args=[review.pk]))
    assert page.status_code == 200 and b'name="decision"' not in page.content
    assert client.get(reverse("admin:reviews_review_add")).status_code == 403
    assert client.post(reverse("admin:reviews_review_delete", args=[review.pk])).status_code == 403
    assert Review.objects.filter(pk=review.pk).exists()


def test_reviewers_see_scrubbed_title_and_other_fields_only(client, contractor, reviewer):
    from submissions.occupations import OTHER

    task = in_review_task(
        contractor,
        title_scrubbed="[ORGANIZATION_1] quarterly plan",
        sector=OTHER,
        sector_other="Globex internal audit",
        sector_other_scrubbed="[ORGANIZATION_1] internal audit",
        occupation=OTHER,
        occupation_other="Jane Doe's assistant",
        occupation_other_scrubbed="[PERSON_1]'s assistant",
    )
    client.force_login(reviewer)
    for url in (reverse("reviews:queue"), reverse("reviews:review", args=[task.pk])):
        html = client.get(url).content.decode()
        assert "[ORGANIZATION_1] quarterly plan" in html
        assert "[ORGANIZATION_1] internal audit" in html
        assert "[PERSON_1]&#x27;s assistant" in html
        for secret in ("Globex", "Jane Doe"):
            assert secret not in html, (url, secret)
