"""Uploads like Drive, in a real browser: duplicates warned about as they are dropped, autosave,
a session that ends in another tab (everything kept, a plain message, carrying on after signing in
again), and files replaced or removed on the edit page."""

from __future__ import annotations

import re

import pytest

from submissions.models import FormAutosave, Task
from tests.builders.files import make_docx

from .pages import (
    DOCX,
    PASSWORD,
    drop_files,
    field,
    fill_task_form,
    log_in,
    log_out,
    make_user,
    wait_for_staged,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_duplicates_autosave_and_an_ended_session(new_page, shot):
    make_user("dora@example.org", "contractor")
    page = new_page()
    log_in(page, "dora@example.org")
    page.goto("/tasks/new/")
    fill_task_form(page, "Supplier review", "Review the three suppliers.")
    memo = make_docx(["Supplier memo", "Scores attached."])
    drop_files(page, ".dropzone[data-part=deliverable]", {"memo.docx": (memo, DOCX)})
    wait_for_staged(page, 1)
    # the same file again, then the same bytes under another name (item 5)
    drop_files(page, ".dropzone[data-part=deliverable]", {"memo.docx": (memo, DOCX)})
    drop_files(page, ".dropzone[data-part=deliverable]", {"memo (copy).docx": (memo, DOCX)})
    page.wait_for_function(
        "() => document.querySelectorAll('ul.staged li.is-warning').length === 2"
    )
    warnings = page.locator("ul.staged li.is-warning").all_inner_texts()
    assert "already in the list" in warnings[0]
    assert "same content as “memo.docx”" in warnings[1]
    assert page.locator("ul.staged li.is-ok").count() == 1
    shot(page, "duplicates warned")
    page.locator("#autosave-state").filter(has_text="Saved automatically").wait_for()

    # -- sign out in another tab; this one keeps everything and says so plainly (item 4) -------
    other = page.context.new_page()
    other.goto("/tasks/")
    log_out(other)
    field(page, "Request text").fill("Review the three suppliers. Add the delivery dates.")
    page.locator("#session-ended").wait_for(state="visible")
    assert "Your session ended." in page.locator("#session-ended").inner_text()
    drop_files(
        page,
        ".dropzone[data-part=deliverable]",
        {"dates.docx": (make_docx(["Delivery dates"]), DOCX)},
    )
    waiting = page.locator("ul.staged li", has_text="dates.docx")
    waiting.filter(has_text="your session ended").wait_for()
    shot(page, "session ended, everything kept")
    page.get_by_role("button", name="Save draft").click()
    assert "/tasks/new/" in page.url  # not sent to the sign-in page with the form lost
    assert field(page, "Title").input_value() == "Supplier review"

    # -- sign in again in the other tab: this one carries on by itself ------------------------
    log_in(other, "dora@example.org")
    page.locator("#session-ended").wait_for(state="hidden", timeout=20_000)
    page.locator("ul.staged li.is-ok", has_text="dates.docx").wait_for(timeout=20_000)
    shot(page, "signed in again, upload sent")
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    task = Task.objects.get(title="Supplier review")
    assert task.request_text == "Review the three suppliers. Add the delivery dates."
    assert sorted(task.files.filter(text_field="").values_list("original_name", flat=True)) == [
        "dates.docx",
        "memo.docx",
    ]
    assert not FormAutosave.objects.exists()  # saved for real: the autosave is gone
    shot(page, "draft saved")

    # -- without the page's help: the sign-in page explains, and the form comes back ----------
    page.goto("/tasks/new/")
    field(page, "Title").fill("Half-written task")
    page.locator("#autosave-state").filter(has_text="Saved automatically").wait_for()
    log_out(other)
    page.goto("/tasks/new/")
    assert "/accounts/login/" in page.url
    assert "Your session has ended" in page.locator("#session-note").inner_text()
    shot(page, "sign in again")
    page.get_by_label(re.compile(r"^e-?mail", re.I)).fill("dora@example.org")
    field(page, "Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile(r"sign in", re.I)).click()
    assert page.url.endswith("/tasks/new/")
    assert field(page, "Title").input_value() == "Half-written task"
    assert "We brought back what you were writing" in page.locator("#restored").inner_text()
    shot(page, "form brought back")


def test_replace_and_remove_on_the_edit_page(new_page, shot):
    """Item 1: on a draft, a file is replaced in its place (version 2) or removed."""
    from tests.builders.tasks import TaskStatus, add_file, make_task

    owner = make_user("eli@example.org", "contractor")
    task = make_task(owner, status=TaskStatus.DRAFT, deliverable_text="Summary.")
    deck = add_file(task, name="deck.docx", original=make_docx(["Deck with the old note"]))
    extra = add_file(task, name="old-appendix.docx", original=make_docx(["Appendix"]))
    page = new_page()
    log_in(page, "eli@example.org")
    page.goto(f"/tasks/{task.pk}/edit/")
    field(page, "Request text").fill("Edited request, kept while files change.")
    shot(page, "edit page with the task's files")
    page.locator(f"#existing-{deck.pk} input.replace-input").set_input_files(
        [{"name": "deck-v2.docx", "mimeType": DOCX, "buffer": make_docx(["Deck, new note"])}]
    )
    page.locator(f"#existing-{deck.pk} .notice").wait_for()
    assert "version 2" in page.locator(f"#existing-{deck.pk}").inner_text()
    assert "deck-v2.docx" in page.locator(f"#existing-{deck.pk} .filename").inner_text()
    page.locator(f"#existing-{extra.pk}").get_by_role("button", name=re.compile("^Remove")).click()
    page.locator(f"#existing-{extra.pk}.is-removed").wait_for()
    # what was typed is still on the page: the file changes did not reload it
    assert field(page, "Request text").input_value() == "Edited request, kept while files change."
    shot(page, "replaced and removed")
    deck.refresh_from_db()
    assert (deck.original_name, deck.version) == ("deck-v2.docx", 2)
    assert list(task.files.filter(text_field="").values_list("pk", flat=True)) == [deck.pk]
    page.goto(f"/tasks/{task.pk}/")
    assert "version 2" in page.locator(f"#file-{deck.pk}").inner_text()
    timeline = page.locator(".timeline").inner_text()
    assert (
        "replaced deck-v2.docx" in timeline
        and "removed a deliverable file, since removed" in timeline
    )
    shot(page, "task page after the changes")
