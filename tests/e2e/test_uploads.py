"""A bad file shows its own error; the other files and everything typed survive."""

from __future__ import annotations

import re

import pytest

from submissions.models import Task
from tests.builders.files import make_docx, make_xlsx

from .conftest import PHONE
from .pages import (
    DOCX,
    SECRET_NAME,
    broken_docx,
    drop_files,
    field,
    fill_task_form,
    log_in,
    make_user,
    wait_for_staged,
    wait_scrub_finished,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_a_bad_file_shows_its_error_and_the_rest_survive(scrub_worker, new_page, shot, settings):
    settings.PORTAL_MAX_FILE_BYTES = 200_000  # the page tells the browser; the server agrees
    make_user("dana@example.org", "contractor")
    page = new_page()
    log_in(page, "dana@example.org")
    page.goto("/tasks/new/")
    assert page.locator("#task-form").get_attribute("data-max-file") == "200000"
    field(page, "Title").fill("Supplier scorecard")
    drop_files(
        page,
        ".dropzone[data-part=deliverable]",
        {
            "scorecard.docx": (make_docx(["Scorecard", f"Owner: {SECRET_NAME}"]), DOCX),
            "scores.xlsx": (make_xlsx([["Supplier", "Score"], ["B", 7]]), XLSX),
            "setup.exe": (b"MZ\x90\x00" + b"\x00" * 200, "application/octet-stream"),
            "huge.txt": (b"a" * 250_000, "text/plain"),
            "fake.pdf": (b"this is not a PDF at all, just text pretending", "application/pdf"),
            "broken.docx": (broken_docx(), DOCX),
        },
    )
    wait_for_staged(page, 6)
    errors = page.locator("ul.staged li.is-error")
    assert errors.count() == 3, page.locator("ul.staged").inner_text()
    listing = page.locator("ul.staged[data-part=deliverable]").inner_text()
    assert re.search(r"“setup\.exe”: \.exe files are not accepted", listing), listing
    assert re.search(r"“huge\.txt” is 244 KB; the limit per file is 195 KB", listing), listing
    assert "“fake.pdf”" in page.locator("li.is-error", has_text="fake.pdf").inner_text()
    assert page.locator("ul.staged li.is-ok").count() == 3  # broken.docx passes the upload check
    shot(page, "per-file errors")
    page.set_viewport_size(PHONE)
    shot(page, "per-file errors phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    # A form error keeps the typed text and the files that were fine.
    field(page, "Request text").fill("")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and scrub").click()
    summary = page.locator("#form-errors")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "form-errors"
    assert field(page, "Title").input_value() == "Supplier scorecard"
    kept = page.locator("ul.staged li.kept").all_inner_texts()
    assert len(kept) == 3 and any("scorecard.docx" in k for k in kept), kept
    shot(page, "form error keeps everything")

    fill_task_form(page, "Supplier scorecard", f"Score the suppliers. Ask {SECRET_NAME}.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and scrub").click()
    task = Task.objects.get(title="Supplier scorecard")
    assert sorted(task.files.filter(text_field="").values_list("original_name", flat=True)) == [
        "broken.docx",
        "scorecard.docx",
        "scores.xlsx",
    ]
    wait_scrub_finished(page)
    broken = page.locator("#file-states tr", has_text="broken.docx")
    assert broken.get_attribute("data-status") == "failed"
    assert broken.locator(".error").inner_text().strip()
    for name in ("scorecard.docx", "scores.xlsx"):
        assert (
            page.locator("#file-states tr", has_text=name).get_attribute("data-status") == "done"
        ), name
    shot(page, "bad file failed, the rest done")
    # Submit for review is blocked: the button is disabled and a sentence names the file
    # (a button that looks enabled but refuses once clicked is a dead end).
    button = page.get_by_role("button", name=re.compile("submit for review"))
    assert button.is_disabled()
    assert "broken.docx" in page.locator("#submit-blocked").inner_text()
    task.refresh_from_db()
    assert task.status == Task.Status.CONTRACTOR_CHECK
    shot(page, "submit blocked")
