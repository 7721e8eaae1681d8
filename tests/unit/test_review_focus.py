"""Review focus: comments that reach the contractor, skip, "done by me", revisions compared by
their scrubbed outputs word by word, the decision bar's states, query counts, the export zip."""

from __future__ import annotations

import hashlib
import io
import subprocess
import zipfile

import pytest
from django.core import mail
from django.urls import reverse

from portal.models import AuditEvent
from portal.storage import save_bytes
from reviews import diff, services
from reviews.models import Review, ReviewComment
from submissions import services as task_services
from submissions.models import Task
from tests.builders.tasks import TaskStatus, add_file, in_review_task

pytestmark = pytest.mark.django_db


def _claimed(contractor, reviewer):
    task = in_review_task(contractor)
    f = add_file(task, name="Globex_plan.txt", scrubbed=b"First line.\n[PERSON_1] owns the plan.\n")
    services.review_claim(task.pk, reviewer=reviewer)
    return task, f


# ---- comments ---------------------------------------------------------------------------------


def test_line_comments_quote_the_scrubbed_line_and_need_the_claim(contractor, reviewer, admin_user):
    task, f = _claimed(contractor, reviewer)
    comment = services.comment_add(
        task.pk, reviewer=reviewer, body="Name still there?", file_id=f.pk, line=0
    )
    assert comment.quote == "First line.\n[PERSON_1] owns the plan."[: len(comment.quote)]
    assert comment.file_label == "deliverable-1.txt" and comment.review is None
    assert "Globex" not in comment.quote + comment.file_label
    with pytest.raises(services.CommentRefused, match="Claim the task"):
        services.comment_add(task.pk, reviewer=admin_user, body="x")
    with pytest.raises(services.CommentRefused, match="not in the file"):
        services.comment_add(task.pk, reviewer=reviewer, body="x", file_id=f.pk, line=99)
    with pytest.raises(services.CommentRefused, match="Write the comment"):
        services.comment_add(task.pk, reviewer=reviewer, body="   ")
    event = AuditEvent.objects.get(verb="review.comment")
    assert event.details["line"] == 0 and "Name still" not in str(event.details)


def test_comments_go_to_the_contractor_with_request_changes(client, contractor, reviewer):
    task, f = _claimed(contractor, reviewer)
    services.comment_add(
        task.pk, reviewer=reviewer, body="Remove the name of the owner.", file_id=f.pk, line=0
    )
    services.comment_add(task.pk, reviewer=reviewer, body="The summary is too short.")
    review = services.review_decide(
        task.pk, reviewer=reviewer, decision="changes_requested", reasons=["pii_left"]
    )
    assert review.comments.count() == 2
    body = mail.outbox[-1].body
    assert "Remove the name of the owner." in body and "deliverable-1.txt, line 1" in body
    assert "The summary is too short." in body and "Globex" not in body
    client.force_login(contractor)
    html = client.get(reverse("submissions:task_detail", args=[task.pk])).content.decode()
    section = html.split('id="review-comments"')[1].split("</ul>")[0]
    assert "Globex_plan.txt" in section  # the owner sees their own file name
    assert "Remove the name of the owner." in section and "The summary is too short." in section
    assert reviewer.email not in html


def test_pending_comments_are_the_authors_until_sent(client, contractor, reviewer):
    from tests.builders.accounts import make_user

    other = make_user("ravi@example.com", "reviewer")
    task, f = _claimed(contractor, reviewer)
    comment = services.comment_add(task.pk, reviewer=reviewer, body="Draft note", file_id=f.pk)
    client.force_login(other)
    assert (
        "Draft note" not in client.get(reverse("reviews:review", args=[task.pk])).content.decode()
    )
    with pytest.raises(services.CommentRefused):
        services.comment_delete(comment.pk, reviewer=other)
    assert services.comment_delete(comment.pk, reviewer=reviewer) == task.pk
    assert not ReviewComment.objects.exists()


def test_adding_a_comment_through_htmx_returns_the_block(client, contractor, reviewer):
    task, f = _claimed(contractor, reviewer)
    client.force_login(reviewer)
    response = client.post(
        reverse("reviews:comment_add", args=[task.pk]),
        {"body": "Check page 2.", "file": f.pk, "line": 1, "item": 0},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert html.strip().startswith('<div class="comments" id="comments-0">')
    assert "Check page 2." in html and "Line 2" in html and "not sent yet" in html


# ---- skip and done by me --------------------------------------------------------------------


def test_skip_gives_the_task_back_and_opens_the_next_one(client, contractor, reviewer):
    first = in_review_task(contractor, age_days=3)
    second = in_review_task(contractor, age_days=1)
    services.review_claim(first.pk, reviewer=reviewer)
    client.force_login(reviewer)
    response = client.post(reverse("reviews:skip", args=[first.pk]))
    assert response["Location"] == reverse("reviews:review", args=[second.pk])
    first.refresh_from_db()
    assert first.claimed_by is None
    assert AuditEvent.objects.get(verb="review.skip").details == {"released": True}
    # "next" passes the skipped task over while this session lasts
    services.review_release(second.pk, reviewer=reviewer)
    response = client.post(reverse("reviews:claim_next"))
    assert response["Location"] == reverse("reviews:review", args=[second.pk])


@pytest.mark.parametrize("n", [2, 30])
def test_done_by_me_lists_my_decisions_in_constant_queries(
    client, contractor, reviewer, n, django_assert_max_num_queries
):
    for i in range(n):
        task = in_review_task(contractor)
        Review.objects.create(task=task, reviewer=reviewer, revision=1, decision="approve")
    someone_else = in_review_task(contractor)
    from tests.builders.accounts import make_user

    Review.objects.create(
        task=someone_else,
        reviewer=make_user("x@example.com", "reviewer"),
        revision=1,
        decision="reject",
    )
    client.force_login(reviewer)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("reviews:done"))
    assert response.context["page"].paginator.count == n
    assert f"Task #{someone_else.pk}<" not in response.content.decode()


# ---- the review page --------------------------------------------------------------------------


def _review_queries(client, task) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("reviews:review", args=[task.pk])).status_code == 200
    return len(ctx.captured_queries)


def test_review_page_queries_do_not_grow_with_files(client, contractor, reviewer):
    small, big = in_review_task(contractor), in_review_task(contractor)
    for task, count in ((small, 1), (big, 8)):
        for i in range(count):
            f = add_file(task, name=f"f{i}.txt", original=f"{task.pk}-{i}".encode())
            from tests.builders.tasks import preview_page

            preview_page(f)
    client.force_login(reviewer)
    _review_queries(client, small)  # warm up (sessions, content types)
    assert _review_queries(client, small) == _review_queries(client, big)


def test_decision_bar_states(client, contractor, reviewer):
    task = in_review_task(contractor)
    add_file(task)
    client.force_login(reviewer)
    html = client.get(reverse("reviews:review", args=[task.pk])).content.decode()
    assert 'data-state="unclaimed"' in html and 'id="claim-button"' in html
    assert 'id="decision-form"' not in html
    services.review_claim(task.pk, reviewer=reviewer)
    html = client.get(reverse("reviews:review", args=[task.pk])).content.decode()
    assert 'data-state="decide"' in html and 'id="decision-form"' in html
    assert 'data-key="1"' in html and 'id="shortcuts-dialog"' in html
    # a refused decision: 400, the error in the bar and in a banner at the top
    response = client.post(
        reverse("reviews:decide", args=[task.pk]), {"decision": "changes_requested"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="decision-error-banner"' in html
    bar = html.split('id="decision-errors"')[1].split("</div>")[0]
    assert "Give at least one reason" in bar
    services.review_decide(task.pk, reviewer=reviewer, decision="approve")
    html = client.get(reverse("reviews:review", args=[task.pk])).content.decode()
    assert 'data-state="decided"' in html
    assert "<kbd>a</kbd> approve" not in html and 'id="shortcuts-dialog"' not in html


def test_revisions_compare_scrubbed_outputs_word_by_word(client, contractor, reviewer):
    task = in_review_task(contractor)
    f = add_file(
        task, name="deck.txt", original=b"v1", scrubbed=b"Intro.\nCall [PERSON_1] on Monday.\n"
    )
    services.review_claim(task.pk, reviewer=reviewer)
    review = services.review_decide(
        task.pk, reviewer=reviewer, decision="changes_requested", reasons=["pii_left"]
    )
    lines = review.snapshot["files"][0]["lines"]
    assert lines == ["Intro.", "Call [PERSON_1] on Monday."]
    task = task_services.task_back_to_draft(Task.objects.get(pk=task.pk), actor=contractor)
    # the same original, a different scrubbed output (new terms): it changed
    save_bytes(f.scrubbed, b"Intro.\nCall [PERSON_1] on Tuesday.\n")
    f.scrubbed_sha256 = hashlib.sha256(b"Intro.\nCall [PERSON_1] on Tuesday.\n").hexdigest()
    f.save()
    Task.objects.filter(pk=task.pk).update(status=TaskStatus.IN_REVIEW)
    client.force_login(reviewer)
    html = client.get(reverse("reviews:review", args=[task.pk])).content.decode()
    assert "<del>Monday</del>" in html and "<ins>Tuesday</ins>" in html
    assert "deck.txt" not in html


def test_word_diff_escapes_and_folds_unchanged_lines():
    before = ["<b>same</b>"] + [f"line {i}" for i in range(10)] + ["old & tail"]
    after = ["<b>same</b>"] + [f"line {i}" for i in range(10)] + ["new & tail"]
    result = diff.side_by_side(before, after)
    kinds = [r.kind for r in result.rows]
    assert kinds[0] == "gap" and kinds[-1] == "changed"
    assert result.rows[0].folded == 9
    last = result.rows[-1]
    assert (
        str(last.left) == "<del>old</del> &amp; tail"
        and str(last.right) == "<ins>new</ins> &amp; tail"
    )
    assert diff.side_by_side(before, before).rows == []
    assert "<b>" not in "".join(
        str(r.left) for r in diff.side_by_side(["<b>x</b>"], ["<i>y</i>"]).rows
    )


# ---- export download ------------------------------------------------------------------------


def test_admin_downloads_a_complete_batch_as_a_zip(
    client, admin_user, reviewer, contractor, tmp_path, settings
):
    from exports import services as export
    from tests.unit.test_export import make_task as approved_task

    approved_task(contractor)
    batch = export.batch_run(export.batch_create(destination=str(tmp_path)))
    client.force_login(reviewer)
    assert client.get(reverse("exports:download", args=[batch.pk])).status_code == 403
    client.force_login(admin_user)
    page = client.get(reverse("exports:page")).content.decode()
    assert reverse("exports:download", args=[batch.pk]) in page
    assert 'href="/exports/stats/"' in page  # nav link
    response = client.get(reverse("exports:download", args=[batch.pk]))
    assert response["Content-Type"] == "application/zip"
    assert f'filename="{batch.batch_id}.zip"' in response["Content-Disposition"]
    data = b"".join(response.streaming_content)
    folder = tmp_path / batch.batch_id
    on_disk = {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        zipped = {n.split("/", 1)[1]: archive.read(n) for n in archive.namelist()}
        out = tmp_path / "unzipped"
        archive.extractall(out)
    assert zipped == on_disk and "_COMPLETE" in zipped
    check = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=out / batch.batch_id, capture_output=True
    )
    assert check.returncode == 0, check.stdout
    event = AuditEvent.objects.get(verb="export.download")
    assert event.actor == admin_user and event.details["batch_id"] == batch.batch_id
    # gone from its folder: a sentence, not a broken zip
    import shutil

    shutil.rmtree(folder)
    response = client.get(reverse("exports:download", args=[batch.pk]), follow=True)
    assert "is no longer at" in response.content.decode()


def test_unfinished_batches_are_not_offered(client, admin_user, tmp_path):
    from exports import services as export

    batch = export.batch_create(destination=str(tmp_path))
    client.force_login(admin_user)
    response = client.get(reverse("exports:download", args=[batch.pk]), follow=True)
    assert "is not complete" in response.content.decode()
    assert not AuditEvent.objects.filter(verb="export.download").exists()
