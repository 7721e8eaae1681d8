"""The whole journey in one real browser: sign-up to export, with a real scrubbing worker."""

from __future__ import annotations

import re
import time

import pytest
from django.core import mail

from submissions.models import Task, TaskFile

from .conftest import PHONE
from .pages import (
    CODE_NAME,
    OTHER_NAME,
    PASSWORD,
    SECRET_EMAIL,
    SECRET_NAME,
    assert_accessible_basics,
    field,
    fill_task_form,
    log_in,
    log_out,
    make_user,
    seeded_files,
    wait_for_staged,
    wait_scrub_finished,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

CONTRACTOR = "casey.contractor@example.org"


def _preview_text(page) -> str:
    return page.locator("ol.preview").inner_text()


def test_sign_up_to_export(scrub_worker, new_page, shot, tmp_path):
    timings: dict[str, float] = {}
    t0 = time.monotonic()
    page = new_page()

    # -- sign up and verify through the e-mail ------------------------------------------------
    page.goto("/")
    shot(page, "home")
    page.get_by_role("link", name="Sign up as a contractor").click()
    page.get_by_label(re.compile(r"^e-?mail", re.I)).fill(CONTRACTOR)
    field(page, "Password").fill(PASSWORD)
    field(page, "Password (again)").fill(PASSWORD)
    assert_accessible_basics(page)
    shot(page, "signup form")
    page.get_by_role("button", name=re.compile("sign up", re.I)).click()
    page.wait_for_load_state()
    shot(page, "verification sent")
    assert mail.outbox, "no verification e-mail was sent"
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body)
    assert link, mail.outbox[-1].body
    page.goto(link.group(0))
    shot(page, "confirm e-mail")
    page.get_by_role("button", name=re.compile("confirm", re.I)).click()
    page.wait_for_url(re.compile(r"/tasks/$"))
    assert page.get_by_role("heading", name="No tasks yet").is_visible()
    shot(page, "empty task list")
    page.set_viewport_size(PHONE)
    assert_accessible_basics(page)
    shot(page, "empty task list phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    timings["sign-up"] = time.monotonic() - t0

    # -- a two-part task with four seeded documents -------------------------------------------
    t = time.monotonic()
    page.get_by_role("link", name="Create your first task").click()
    assert_accessible_basics(page)
    shot(page, "new task form")
    fill_task_form(
        page,
        "Vendor comparison for the spring tender",
        f"Please compare the three vendors and send it to {SECRET_NAME} ({SECRET_EMAIL}).",
    )
    files = seeded_files()
    memo = {"vendor-memo.docx": files.pop("vendor-memo.docx")}
    # the reference file through the file picker, the deliverables by drag-and-drop
    field(page, "Reference files").set_input_files(
        [{"name": n, "mimeType": m, "buffer": d} for n, (d, m) in memo.items()]
    )
    from .pages import drop_files

    drop_files(page, ".dropzone[data-part=deliverable]", files)
    wait_for_staged(page, 4)
    assert page.locator("ul.staged li.is-ok").count() == 4
    assert page.locator("ul.staged li.is-error").count() == 0
    shot(page, "files staged")
    page.set_viewport_size(PHONE)
    assert_accessible_basics(page)
    shot(page, "files staged phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Save and scrub").click()
    page.wait_for_url(re.compile(r"/tasks/\d+/$"))
    task = Task.objects.get(contractor__email=CONTRACTOR)
    assert task.files.filter(text_field="").count() == 4
    timings["create task"] = time.monotonic() - t

    # -- live status: every file reaches done with no reload (htmx polling) -------------------
    t = time.monotonic()
    page.evaluate("window.__noReload = 'still here'")
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    shot(page, "scrubbing in progress")
    wait_scrub_finished(page)
    assert page.evaluate("window.__noReload") == "still here"
    assert not navigations, navigations
    states = dict(task.files.values_list("original_name", "scrub_status"))
    assert set(states.values()) == {"done"}, states
    expect_check = page.locator("#file-states").get_attribute("data-task-status")
    assert expect_check == "contractor_check"
    page.get_by_role("button", name=re.compile("submit for review")).wait_for()
    shot(page, "every file done")
    page.set_viewport_size(PHONE)
    assert_accessible_basics(page)
    shot(page, "every file done phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    timings["first scrub"] = time.monotonic() - t

    # -- the preview shows placeholders, never the seeded names -------------------------------
    memo_file = task.files.get(original_name="vendor-memo.docx")
    page.goto(f"/check/files/{memo_file.pk}/")
    preview = _preview_text(page)
    assert "[PERSON_" in preview and "[EMAIL_" in preview, preview
    for secret in (SECRET_NAME, "Hollingsworth", SECRET_EMAIL, OTHER_NAME):
        assert secret not in preview, (secret, preview)
    assert CODE_NAME in preview  # no model knows it: the contractor adds it next
    shot(page, "check preview")
    for f in task.files.exclude(pk=memo_file.pk):
        page.goto(f"/check/files/{f.pk}/")
        text = page.locator("main").inner_text() if f.text_field else _preview_text(page)
        if not f.text_field:
            for secret in (SECRET_NAME, SECRET_EMAIL):
                assert secret not in text, (f.original_name, secret)
    # -- a missed term, then re-scrub ---------------------------------------------------------
    t = time.monotonic()
    page.goto(f"/check/files/{memo_file.pk}/")
    page.get_by_label("Terms the scrubber missed").fill(CODE_NAME)
    page.get_by_label("What are they?").select_option(index=0)
    shot(page, "missed term typed")
    with page.expect_navigation():
        page.get_by_role("button", name="Add to my deny-list").click()
    shot(page, "missed term added")
    page.goto(f"/tasks/{task.pk}/")
    page.get_by_role("button", name="Re-scrub", exact=True).click()
    page.wait_for_url(re.compile(rf"/tasks/{task.pk}/$"))
    shot(page, "re-scrubbing")
    wait_scrub_finished(page)
    shot(page, "re-scrub done")
    timings["re-scrub"] = time.monotonic() - t
    page.goto(f"/check/files/{memo_file.pk}/")
    preview = _preview_text(page)
    assert CODE_NAME not in preview, preview
    shot(page, "preview after re-scrub")

    # -- submit for review --------------------------------------------------------------------
    page.goto(f"/tasks/{task.pk}/")
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("submit for review")).click()
    task.refresh_from_db()
    assert task.status == Task.Status.IN_REVIEW
    shot(page, "submitted for review")
    log_out(page)

    # -- reviewer: claim and approve with the keyboard ----------------------------------------
    t = time.monotonic()
    make_user("rita.reviewer@example.org", "reviewer")
    log_in(page, "rita.reviewer@example.org")
    page.wait_for_url(re.compile(r"/review/$"))
    shot(page, "review queue")
    assert SECRET_NAME not in page.content()
    with page.expect_navigation():
        page.locator(f"#task-{task.pk}").get_by_role("button", name="Claim").click()
    if f"/review/tasks/{task.pk}/" not in page.url:
        page.goto(f"/review/tasks/{task.pk}/")
    shot(page, "review page claimed")
    body = page.locator("main").inner_text()
    for secret in (SECRET_NAME, SECRET_EMAIL, OTHER_NAME, CODE_NAME):
        assert secret not in body, secret
    page.locator("body").press("a")  # the shortcut picks "approve" and focuses the button
    assert page.locator("#decision-form input[value=approve]").is_checked()
    shot(page, "approve picked by keyboard")
    assert page.evaluate("document.activeElement.textContent").strip() == "Record decision"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    task.refresh_from_db()
    assert task.status == Task.Status.APPROVED, task.status
    shot(page, "approved")
    log_out(page)
    timings["review"] = time.monotonic() - t

    # -- admin: export ------------------------------------------------------------------------
    t = time.monotonic()
    make_user("ada.admin@example.org", "admin", staff=True)
    log_in(page, "ada.admin@example.org")
    page.goto("/exports/")
    shot(page, "export page")
    with page.expect_navigation():
        page.get_by_role("button", name="Start export").click()
    page.locator("tr[id^=batch-]").first.get_by_text(re.compile("complete", re.I)).wait_for(
        timeout=120_000
    )
    task.refresh_from_db()
    assert task.export_batch_id is not None
    shot(page, "export complete")
    timings["export"] = time.monotonic() - t
    timings["total"] = time.monotonic() - t0
    print("\n[e2e] full flow timings: " + ", ".join(f"{k} {v:.1f}s" for k, v in timings.items()))
    assert TaskFile.objects.filter(task=task).exclude(scrub_status="done").count() == 0
