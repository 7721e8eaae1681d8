"""Files like Drive: remove and replace on a draft (or after changes were requested), duplicate
warnings when a file is dropped, autosave of the form, a session that ends, the task page's
counts and blocked button, and messages that say what happened and what to do next."""

from __future__ import annotations

import json
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.models import AuditEvent
from reviews.models import Review
from scrubbing.models import FilePreview, Finding
from submissions import upload_services
from submissions.models import FormAutosave, StagedUpload, Task, TaskFile
from tests.builders.files import make_docx, task_form_data
from tests.builders.tasks import ScrubStatus, TaskStatus, add_file, make_task, preview_page

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


# ---- replace and remove ---------------------------------------------------------------------------


def test_replace_keeps_the_files_place_and_history(client, contractor):
    task = make_task(contractor, status=TaskStatus.DRAFT)
    first = add_file(task, name="deck-v1.txt", original=b"old deck with the note")
    second = add_file(task, name="other.txt", original=b"other")
    preview_page(first)
    client.force_login(contractor)
    response = client.post(
        reverse("submissions:file_replace", args=[first.pk]),
        {"file": _upload("deck-v2.txt", b"new deck")},
        **JSON,
    )
    body = json.loads(response.content)
    assert body["ok"] and body["version"] == 2 and body["name"] == "deck-v2.txt"
    first.refresh_from_db()
    assert (first.original_name, first.version, first.scrub_status) == (
        "deck-v2.txt",
        2,
        ScrubStatus.QUEUED,
    )
    assert not first.scrubbed and first.report == {} and first.scrubbed_sha256 == ""
    assert not Finding.objects.filter(file=first).exists()
    assert not FilePreview.objects.filter(file=first).exists()
    # the same row, so the same place among the task's files
    assert list(task.files.filter(text_field="").values_list("pk", flat=True)) == [
        first.pk,
        second.pk,
    ]
    event = AuditEvent.objects.get(verb="file.replace")
    assert event.details == {"part": "deliverable", "version": 2}
    assert not StagedUpload.objects.exists()


def test_replace_with_the_content_of_another_file_is_refused(client, contractor):
    task = make_task(contractor, status=TaskStatus.DRAFT)
    first = add_file(task, name="a.txt", original=b"aaa")
    add_file(task, name="b.txt", original=b"bbb")
    client.force_login(contractor)
    response = client.post(
        reverse("submissions:file_replace", args=[first.pk]),
        {"file": _upload("copy-of-b.txt", b"bbb")},
        **JSON,
    )
    assert response.status_code == 409
    assert "same content as “b.txt”" in json.loads(response.content)["message"]
    assert not StagedUpload.objects.exists()  # the refused upload is not kept
    first.refresh_from_db()
    assert first.version == 1


def test_replace_during_the_check_scrubs_the_file_again(
    client, contractor, django_capture_on_commit_callbacks
):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    f = add_file(task)
    client.force_login(contractor)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(
            reverse("submissions:file_replace", args=[f.pk]), {"file": _upload("new.txt", b"new")}
        )
    task.refresh_from_db()
    assert task.status == TaskStatus.SCRUBBING
    assert len(callbacks) >= 1


def test_remove_from_a_draft_only(client, contractor):
    task = make_task(contractor, status=TaskStatus.DRAFT)
    f = add_file(task)
    client.force_login(contractor)
    edit = reverse("submissions:task_edit", args=[task.pk])
    response = client.post(reverse("submissions:file_remove", args=[f.pk]), {"next": edit})
    assert response["Location"] == edit
    assert not TaskFile.objects.filter(pk=f.pk).exists()
    assert AuditEvent.objects.get(verb="file.remove").details["part"] == "deliverable"
    checked = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    g = add_file(checked)
    response = client.post(reverse("submissions:file_remove", args=[g.pk]), **JSON)
    assert response.status_code == 409
    assert "only be removed while the task is a draft" in json.loads(response.content)["message"]


def test_changes_requested_opens_the_edit_page_with_the_files_to_replace(
    client, contractor, reviewer
):
    task = make_task(contractor, status=TaskStatus.CHANGES_REQUESTED)
    f = add_file(task, name="deck.txt")
    Review.objects.create(task=task, reviewer=reviewer, revision=1, decision="changes_requested")
    client.force_login(contractor)
    response = client.post(reverse("submissions:task_reopen", args=[task.pk]))
    assert response["Location"] == reverse("submissions:task_edit", args=[task.pk])
    task.refresh_from_db()
    assert (task.status, task.revision) == (TaskStatus.DRAFT, 2)
    html = client.get(response["Location"]).content.decode()
    assert "revision 2" in html
    assert f'id="replace-{f.pk}"' in html and f'id="remove-{f.pk}"' in html
    assert f'form="replace-{f.pk}"' in html and f'form="remove-{f.pk}"' in html


# ---- duplicates and the session ----------------------------------------------------------------


def test_a_dropped_duplicate_is_refused_at_once_and_not_kept(client, contractor):
    client.force_login(contractor)
    url = reverse("submissions:stage_upload")
    first = json.loads(
        client.post(
            url, {"part": "deliverable", "file": _upload("memo.docx", make_docx(["x"]))}
        ).content
    )
    # the same bytes under another name, with the first one already in the form
    data = make_docx(["x"])
    response = client.post(
        url,
        {"part": "deliverable", "file": _upload("memo (1).docx", data), "staged": str(first["id"])},
    )
    assert response.status_code == 409
    body = json.loads(response.content)
    assert body["duplicate"] and "same content as “memo.docx”" in body["error"]
    assert StagedUpload.objects.count() == 1
    # against a file already in the task being edited
    task = make_task(contractor, status=TaskStatus.DRAFT)
    add_file(task, name="in-task.txt", original=b"already here")
    response = client.post(
        url,
        {"part": "deliverable", "file": _upload("again.txt", b"already here"), "task": task.pk},
    )
    assert response.status_code == 409 and "“in-task.txt”" in json.loads(response.content)["error"]


def test_background_requests_of_an_ended_session_say_so(client):
    for name in ("submissions:stage_upload", "submissions:autosave"):
        response = client.post(reverse(name), {"part": "deliverable"})
        assert response.status_code == 401
        body = json.loads(response.content)
        assert body["session_ended"] and "Your session ended" in body["error"]
    assert client.get(reverse("submissions:session_state")).status_code == 401


def test_the_session_check_hands_over_a_fresh_csrf_token(client, contractor):
    client.force_login(contractor)
    body = json.loads(client.get(reverse("submissions:session_state")).content)
    assert body["ok"] and body["user"] == contractor.pk and len(body["csrf"]) >= 32


def test_login_page_explains_a_redirect(client):
    html = client.get(reverse("account_login") + "?next=/tasks/new/").content.decode()
    assert "Your session has ended, or you are not signed in yet" in html
    assert "Your session has ended" not in client.get(reverse("account_login")).content.decode()


# ---- autosave -----------------------------------------------------------------------------------


def test_autosave_brings_back_the_typed_fields_and_the_staged_files(client, contractor):
    client.force_login(contractor)
    staged = json.loads(
        client.post(
            reverse("submissions:stage_upload"),
            {"part": "deliverable", "file": _upload("deck.docx", make_docx(["deck"]))},
        ).content
    )
    response = client.post(
        reverse("submissions:autosave"),
        {
            "title": "Vendor memo for Jane",
            "request_text": "Compare the vendors",
            "staged": str(staged["id"]),
            "attest_rights": "on",
        },
    )
    assert json.loads(response.content)["ok"]
    client.post(
        reverse("submissions:autosave"),
        {
            "title": "Vendor memo for Jane",
            "request_text": "Compare the vendors",
            "staged": str(staged["id"]),
            "attest_rights": "on",
        },
    )
    # the first save is an audit event; the saves every few seconds after it are not
    assert AuditEvent.objects.filter(verb="task.autosave", actor=contractor).count() == 1
    saved = FormAutosave.objects.get(owner=contractor, task=None)
    assert saved.data["title"] == "Vendor memo for Jane" and saved.data["attest_rights"] is True
    assert saved.staged_ids == [staged["id"]]
    # the session ended and came back: the form is filled again
    client.logout()
    client.force_login(contractor)
    html = client.get(reverse("submissions:task_create")).content.decode()
    assert 'value="Vendor memo for Jane"' in html and "Compare the vendors" in html
    assert "deck.docx" in html and "We brought back what you were writing" in html
    # saving the form for real ends the autosave
    client.post(
        reverse("submissions:task_create"),
        {**task_form_data(title="Vendor memo"), "staged": str(staged["id"]), "save_draft": "1"},
    )
    assert not FormAutosave.objects.exists()


def test_autosave_keeps_only_the_owners_uploads_and_drafts(client, contractor, other_contractor):
    theirs = upload_services.upload_stage(
        owner=other_contractor, part="deliverable", upload=_upload("t.txt", b"theirs")
    )
    client.force_login(contractor)
    client.post(reverse("submissions:autosave"), {"title": "x", "staged": str(theirs.pk)})
    assert FormAutosave.objects.get(owner=contractor).staged_ids == []
    in_review = make_task(contractor, status=TaskStatus.IN_REVIEW)
    response = client.post(reverse("submissions:autosave"), {"title": "x", "task": in_review.pk})
    assert response.status_code == 409 and "Only a draft" in json.loads(response.content)["error"]
    foreign = make_task(other_contractor, status=TaskStatus.DRAFT)
    assert client.post(reverse("submissions:autosave"), {"task": foreign.pk}).status_code == 404


def test_discarding_the_autosave(client, contractor):
    client.force_login(contractor)
    client.post(reverse("submissions:autosave"), {"title": "Draft title"})
    response = client.post(reverse("submissions:autosave_discard"))
    assert response["Location"] == reverse("submissions:task_create")
    assert not FormAutosave.objects.exists()
    assert AuditEvent.objects.filter(verb="task.autosave_discard", actor=contractor).count() == 1


# ---- the task page ------------------------------------------------------------------------------


def test_progress_counts_uploads_and_typed_texts_apart(client, contractor):
    task = make_task(contractor, status=TaskStatus.SCRUBBING)
    for i in range(3):
        add_file(
            task,
            name=f"f{i}.txt",
            original=f"f{i}".encode(),
            status=ScrubStatus.DONE if i == 0 else ScrubStatus.QUEUED,
        )
    for field in ("title", "request_text"):
        f = add_file(
            task,
            name=f"{field}.txt",
            original=field.encode(),
            status=ScrubStatus.QUEUED,
            findings=[],
        )
        TaskFile.objects.filter(pk=f.pk).update(text_field=field)
    client.force_login(contractor)
    html = client.get(reverse("submissions:task_file_states", args=[task.pk])).content.decode()
    text = re.sub(r"\s+", " ", html.split('id="progress-text"')[1].split("</span>")[0])
    assert "1 of 3 files and 0 of 2 typed texts finished" in text
    assert 'max="5" value="1"' in html
    queued_row = html.split("f1.txt")[1].split("</tr>")[0]
    assert "waiting for a worker" in queued_row and "PERSON" not in queued_row  # no old findings


def test_blocked_submit_is_disabled_and_says_why(client, contractor):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    add_file(task, name="fine.txt", original=b"fine")
    add_file(task, name="budget.txt", original=b"bad", status=ScrubStatus.RESIDUAL)
    client.force_login(contractor)
    html = client.get(reverse("submissions:task_detail", args=[task.pk])).content.decode()
    button = html.split('id="submit-review"')[1].split(">")[0]
    assert "disabled" in button and 'aria-describedby="submit-blocked"' in button
    assert "“budget.txt” is residual found" in html.split('id="submit-blocked"')[1]


def test_timeline_names_files_for_the_owner_and_neutrally_for_reviewers(
    client, contractor, reviewer
):
    task = make_task(contractor, status=TaskStatus.IN_REVIEW)
    f = add_file(task, name="Globex_plan.txt")
    AuditEvent.objects.create(
        actor=contractor,
        verb="file.replace",
        object_type="submissions.taskfile",
        object_id=str(f.pk),
        task_id=task.pk,
        details={"part": "deliverable", "version": 2},
    )
    from reviews.selectors import task_timeline

    mine = task_timeline(task, contractor)
    theirs = task_timeline(task, reviewer)
    assert [e.file for e in mine if e.verb == "file.replace"] == ["Globex_plan.txt"]
    assert [e.file for e in theirs if e.verb == "file.replace"] == ["deliverable-1.txt"]
    assert [e.detail for e in theirs if e.verb == "file.replace"] == ["now version 2"]


# ---- messages (item 9) ------------------------------------------------------------------------


def test_no_deliverable_is_not_called_a_file_problem(client, contractor):
    client.force_login(contractor)
    response = client.post(reverse("submissions:task_create"), task_form_data())
    html = response.content.decode()
    assert response.status_code == 400
    assert "The task could not be submitted." in html
    assert "Add at least one deliverable file or a deliverable text" in html
    assert "Some files were not accepted" not in html
    assert not Task.objects.exists()


def test_terms_added_to_a_draft_say_when_they_apply(client, contractor):
    task = make_task(contractor, status=TaskStatus.DRAFT)
    client.force_login(contractor)
    response = client.post(
        reverse("scrubbing:terms_add", args=[task.pk]),
        {"terms": "Initech", "category": "CLIENT"},
        follow=True,
    )
    html = response.content.decode()
    assert "applied when you submit the task for scrubbing" in html and "Re-scrub" not in html
    form_html = client.get(
        reverse("scrubbing:file_check", args=[add_file(task).pk])
    ).content.decode()
    label = form_html.split('for="id_terms"')[1].split("</label>")[0]
    assert "required" not in label  # the box is optional on the page


def test_a_bad_export_date_is_one_error(client, admin_user):
    client.force_login(admin_user)
    html = client.post(
        reverse("exports:page"), {"format": "jsonl", "mode": "since", "since": "31/02/2026"}
    ).content.decode()
    errors = re.findall(r'<p class="error" id="id_since_error\d+">(.*?)</p>', html)
    assert errors == ["Enter a valid date."]


def test_sign_up_shows_every_password_error_at_once(client):
    html = client.post(
        reverse("account_signup"),
        {"email": "new@example.org", "password1": "12345", "password2": "54321"},
    ).content.decode()
    for sentence in (
        "This password is too short",
        "entirely numeric",
        "You must type the same password each time.",
    ):
        assert sentence in html, sentence


def test_resend_verification_for_an_unverified_address(client, contractor, mailoutbox):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=contractor).update(verified=False)
    response = client.post(reverse("resend_verification"), {"email": contractor.email}, follow=True)
    assert "a new e-mail is on its way" in response.content.decode()
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [contractor.email]
    assert mailoutbox[0].body.startswith("Hello from Superstar Scrubbing!")
    # an unknown address gets the same answer and no mail (no account enumeration)
    response = client.post(
        reverse("resend_verification"), {"email": "nobody@example.org"}, follow=True
    )
    assert "a new e-mail is on its way" in response.content.decode()
    assert len(mailoutbox) == 1
    assert (
        "/accounts/resend-verification/"
        in client.get(reverse("account_email_verification_sent")).content.decode()
    )
    assert not mail.outbox[0].body.count("127.0.0.1")
