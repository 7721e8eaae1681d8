"""Small dead ends a person meets, in a real browser: the task page's counts, blocked button and
timeline, the wording of messages, layouts at 390 px and the admin's links."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from portal.models import AuditEvent
from scrubbing.models import Finding
from submissions.models import TaskFile
from tests.builders.tasks import ScrubStatus, TaskStatus, add_file, in_review_task, make_task

from .conftest import DESKTOP, PHONE
from .pages import (
    PASSWORD,
    assert_accessible_basics,
    field,
    fill_task_form,
    log_in,
    make_user,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NO_SPLIT_MARKS = """() => [...document.querySelectorAll('mark.ph')]
    .filter((m) => m.offsetParent !== null)
    .filter((m) => m.getClientRects().length > 1).map((m) => m.textContent)"""


def _no_overflow(page, selector: str) -> bool:
    return page.evaluate(
        "(sel) => [...document.querySelectorAll(sel)].every((el) => el.scrollWidth <= el.clientWidth + 1)",
        selector,
    )


def test_task_page_counts_blocked_button_and_timeline(new_page, shot):
    owner = make_user("tia@example.org", "contractor")
    task = make_task(owner, status=TaskStatus.SCRUBBING)
    for i in range(7):
        add_file(
            task,
            name=f"part-{i}.docx",
            original=f"{i}".encode(),
            status=ScrubStatus.DONE if i < 2 else ScrubStatus.QUEUED,
        )
    for name in ("title", "request_text", "deliverable_text"):
        f = add_file(
            task, name=f"{name}.txt", original=name.encode(), status=ScrubStatus.QUEUED, findings=[]
        )
        TaskFile.objects.filter(pk=f.pk).update(text_field=name)
    for f in task.files.filter(text_field="")[:2]:
        AuditEvent.objects.create(
            verb="file.scrubbed",
            object_type="submissions.taskfile",
            object_id=str(f.pk),
            task_id=task.pk,
            details={"status": "done", "findings": 2},
        )
    page = new_page()
    log_in(page, "tia@example.org")
    page.goto(f"/tasks/{task.pk}/")
    progress = page.locator("#progress-text").inner_text()
    assert progress.startswith("2 of 7 files and 0 of 3 typed texts finished"), progress  # item 8
    queued = page.locator("#file-states tr[data-status=queued]").first.inner_text()
    assert "waiting for a worker" in queued and "PERSON" not in queued
    timeline = page.locator(".timeline")
    assert timeline.get_by_text("part-0.docx").count() >= 1
    last = timeline.locator("li").last
    assert last.is_visible() and page.evaluate(
        "() => { const l = document.querySelector('.timeline .events'); return l.scrollHeight <= l.clientHeight + 1; }"
    )
    shot(page, "progress counts files and typed texts")

    # item 6: a blocked submit looks and is disabled, and says why
    checked = make_task(owner, status=TaskStatus.CONTRACTOR_CHECK)
    add_file(checked, name="fine.docx", original=b"fine")
    add_file(
        checked,
        name="budget.xlsx",
        original=b"bad",
        status=ScrubStatus.RESIDUAL,
        error="1 possible leftover(s) found after scrubbing; check the findings.",
    )
    page.goto(f"/tasks/{checked.pk}/")
    button = page.locator("#submit-review")
    assert button.is_disabled()
    colours = page.evaluate(
        """() => { const b = getComputedStyle(document.getElementById('submit-review'));
                   const r = getComputedStyle(document.querySelector('.actions .button:not([disabled])'));
                   return [b.backgroundColor, r.backgroundColor, b.cursor]; }"""
    )
    assert colours[0] != "rgb(26, 86, 176)" and colours[2] == "not-allowed", colours
    assert "“budget.xlsx” is residual found" in page.locator("#submit-blocked").inner_text()
    shot(page, "blocked submit disabled")
    page.set_viewport_size(PHONE)
    assert_accessible_basics(page)
    shot(page, "task page phone")


def test_messages_say_what_happened(new_page, shot, settings, live_server):
    make_user("max@example.org", "contractor")
    page = new_page()
    log_in(page, "max@example.org")
    # no deliverable: not "Some files were not accepted"
    page.goto("/tasks/new/")
    fill_task_form(page, "Without a deliverable", "Write the summary.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and scrub").click()
    errors = page.locator("#submit-errors").inner_text()
    assert "The task could not be submitted." in errors and "deliverable" in errors
    assert page.locator("#file-errors").count() == 0
    shot(page, "no deliverable")
    # terms on a draft: optional box, and the message says when they apply
    task = make_task(page_user(page), status=TaskStatus.DRAFT)
    f = add_file(task, name="memo.txt")
    page.goto(f"/check/files/{f.pk}/")
    assert "*" not in page.locator("label[for=id_terms]").inner_text()
    field(page, "Terms the scrubber missed").fill("Initech")
    with page.expect_navigation():
        page.get_by_role("button", name="Add to my deny-list").click()
    message = page.locator(".messages").inner_text()
    assert "applied when you submit the task for scrubbing" in message and "Re-scrub" not in message
    shot(page, "terms on a draft")

    # sign-up: every password error at once; mails greet from the portal, not a host name
    other = page.context.browser.new_context(base_url=live_server.url)
    anon = other.new_page()
    anon.goto("/accounts/signup/")
    anon.get_by_label(re.compile(r"^e-?mail", re.I)).fill("new.person@example.org")
    field(anon, "Password").fill("12345")
    field(anon, "Password (again)").fill("54321")
    with anon.expect_navigation():
        anon.get_by_role("button", name=re.compile("sign up", re.I)).click()
    text = anon.locator("main").inner_text()
    for sentence in ("too short", "entirely numeric", "You must type the same password each time."):
        assert sentence in text, sentence
    shot(anon, "sign-up errors")
    field(anon, "Password").fill(PASSWORD)
    field(anon, "Password (again)").fill(PASSWORD)
    with anon.expect_navigation():
        anon.get_by_role("button", name=re.compile("sign up", re.I)).click()
    assert mail.outbox[-1].body.startswith("Hello from Superstar Scrubbing!")
    assert "127.0.0.1" not in mail.outbox[-1].body.split("\n")[0]
    # an unverified login leads to a resend link
    anon.goto("/accounts/login/")
    anon.get_by_label(re.compile(r"^e-?mail", re.I)).fill("new.person@example.org")
    field(anon, "Password").fill(PASSWORD)
    with anon.expect_navigation():
        anon.get_by_role("button", name=re.compile("sign in", re.I)).click()
    settings.ACCOUNT_RATE_LIMITS = False
    sent = len(mail.outbox)
    anon.locator("#resend-link").click()
    anon.get_by_label("Your e-mail address").fill("new.person@example.org")
    with anon.expect_navigation():
        anon.get_by_role("button", name="Send it again").click()
    assert "a new e-mail is on its way" in anon.locator(".messages").inner_text()
    assert len(mail.outbox) == sent + 1
    shot(anon, "verification sent again")
    other.close()

    # a bad export date is one error, not two
    make_user("ada@example.org", "admin", staff=True)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    log_in(page, "ada@example.org")
    page.goto("/exports/")
    page.get_by_label("Approved tasks decided since a date").check()
    page.get_by_label("Since", exact=True).fill("2026-02-31")
    with page.expect_navigation():
        page.get_by_role("button", name="Start export").click()
    assert page.locator(".field.has-error .error").all_inner_texts() == ["Enter a valid date."]
    shot(page, "one date error")


def page_user(page):
    from portal.models import User

    return User.objects.get(email="max@example.org")


def test_layouts_at_390_px_and_admin_links(new_page, shot):
    owner = make_user("nia@example.org", "contractor")
    make_user("ray@example.org", "reviewer")
    make_user("ada@example.org", "admin", staff=True)
    task = in_review_task(owner, title_scrubbed="Vendor memo")
    add_file(task, scrubbed=b"[PERSON_1] works at [ORGANIZATION_1] with [EMAIL_ADDRESS_1].\n")
    check = make_task(owner, status=TaskStatus.CONTRACTOR_CHECK)
    f = add_file(
        check,
        name="memo.txt",
        scrubbed=b"[PERSON_1] and [ORGANIZATION_1] met [EMAIL_ADDRESS_1].\n",
        findings=[
            ("PERSON", "Jane Doe", "[PERSON_1]"),
            ("ORGANIZATION", "Globex Corporation International", "[ORGANIZATION_1]"),
            ("EMAIL_ADDRESS", "jane.doe@globex-corporation.example", "[EMAIL_ADDRESS_1]"),
        ],
    )
    assert Finding.objects.filter(file=f).count() == 3
    page = new_page(PHONE)

    log_in(page, "ray@example.org")
    for url in ("/review/", f"/review/tasks/{task.pk}/", "/review/done/"):
        page.goto(url)
        assert_accessible_basics(page)
        assert page.evaluate(NO_SPLIT_MARKS) == [], url
        assert _no_overflow(page, "select"), url
        shot(page, "phone " + url.strip("/").replace("/", " "))
    page.set_viewport_size(DESKTOP)
    page.goto(f"/review/tasks/{task.pk}/")
    assert page.evaluate("document.documentElement.scrollHeight") < 3000
    page.set_viewport_size(PHONE)
    page.get_by_role("button", name="Sign out").click()

    log_in(page, "nia@example.org")
    for url in (f"/check/files/{f.pk}/", f"/check/tasks/{check.pk}/", f"/tasks/{check.pk}/"):
        page.goto(url)
        assert_accessible_basics(page)
        assert page.evaluate(NO_SPLIT_MARKS) == [], url
        shot(page, "phone " + url.strip("/").replace("/", " "))
    page.get_by_role("button", name="Sign out").click()

    from reviews.models import ExportBatch

    ExportBatch.objects.create(
        batch_id="20261202T000000Z-0001",
        destination="/srv/portal/var/exports/a-rather-long-folder-name-for-the-batches-2026",
        status=ExportBatch.Status.COMPLETE,
        task_count=12,
        file_count=48,
        checksum="a" * 64,
    )
    log_in(page, "ada@example.org")
    nav = page.get_by_role("navigation", name="Main")
    assert nav.get_by_role("link", name="Exports").is_visible()
    assert nav.get_by_role("link", name="Statistics").is_visible()
    for url in ("/exports/", "/exports/stats/"):
        page.goto(url)
        assert_accessible_basics(page)
        shot(page, "phone " + url.strip("/").replace("/", " "))
    page.set_viewport_size(DESKTOP)
    page.goto("/exports/")
    assert _no_overflow(page, ".card")  # the history table stays inside its card
    shot(page, "exports desktop")
