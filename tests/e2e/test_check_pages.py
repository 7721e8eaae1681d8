"""The contractor's check in a real browser: page previews of every kind drawn by the real worker
from the scrubbed files, findings decided in bulk with undo, leftovers' states at once, 390 px."""

from __future__ import annotations

import re

import pytest

from scrubbing.models import FilePreview, Finding
from submissions.models import Task
from tests.builders.files import make_png
from tests.builders.tasks import ScrubStatus, TaskStatus, add_file, make_task

from .conftest import DESKTOP, PHONE
from .pages import (
    OTHER_NAME,
    SECRET_EMAIL,
    SECRET_NAME,
    assert_accessible_basics,
    log_in,
    make_user,
    seeded_files,
    seeded_task,
    wait_checked,
    wait_previews,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _image_loaded(page, selector: str) -> bool:
    return page.evaluate(
        "(sel) => [...document.querySelectorAll(sel)].every((i) => i.complete && i.naturalWidth > 0)"
        " && document.querySelectorAll(sel).length > 0",
        selector,
    )


def test_previews_of_every_kind_and_bulk_decisions(scrub_worker, new_page, shot):
    owner = make_user("pia@example.org", "contractor")
    files = seeded_files()
    files["photo.png"] = (make_png(f"Call {SECRET_NAME}"), "image/png")
    files["notes.txt"] = (
        f"Notes for {OTHER_NAME}\nBudget owner: {SECRET_NAME}\n".encode(),
        "text/plain",
    )
    task = wait_checked(seeded_task(owner, files, title="Vendor pack"))
    wait_previews(task)
    page = new_page()
    log_in(page, "pia@example.org")

    # -- every kind: page images from the scrubbed file, boxes where replacements are -------------
    by_name = {f.original_name: f for f in task.files.filter(text_field="")}
    for name in ("vendor-memo.docx", "summary.pptx", "prices.xlsx", "summary.pdf", "photo.png"):
        f = by_name[name]
        page.goto(f"/check/files/{f.pk}/")
        panel = page.locator(".pages-panel")
        assert panel.get_attribute("data-preview") == "ready", (name, panel.inner_text())
        page.wait_for_function(
            "() => [...document.querySelectorAll('.pages-panel img')].every((i) => i.complete)"
        )
        assert _image_loaded(page, ".pages-panel img"), name
        if name in ("vendor-memo.docx", "summary.pptx", "summary.pdf"):
            assert page.locator(".pages-panel rect.box").count() >= 2, name  # [PERSON_n], [EMAIL_n]
        preview = FilePreview.objects.get(file=f, scrubbed_sha256=f.scrubbed_sha256)
        drawn = " ".join(text for _, _, text in preview.segments)
        for secret in (SECRET_NAME, SECRET_EMAIL, "Hollingsworth"):
            assert secret not in drawn and secret not in page.locator(".preview-grid").inner_text()
        shot(page, f"preview {name}")
    # a picture is shown as it is; a slide deck shows no master placeholder text (item 11)
    page.goto(f"/check/files/{by_name['photo.png'].pk}/")
    assert "the picture as it is" in page.locator(".pages-panel").inner_text()
    page.goto(f"/check/files/{by_name['summary.pptx'].pk}/")
    assert "Click to edit Master" not in page.locator("main").inner_text()
    # text has its highlighted text and says plainly why there are no page images
    page.goto(f"/check/files/{by_name['notes.txt'].pk}/")
    assert "Preview not available." in page.locator(".pages-panel").inner_text()
    assert page.locator("ol.preview mark.ph").count() >= 2
    shot(page, "text file preview")

    # -- decide in bulk: the task's findings by entity, filtered, kept together, undone -----------
    page.goto(f"/tasks/{task.pk}/")
    page.locator("#all-findings").click()
    page.wait_for_url(re.compile(rf"/check/tasks/{task.pk}/$"))
    shot(page, "findings by entity")
    page.get_by_label("Type").select_option("PERSON")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply").click()
    rows = page.locator("tr.group")
    assert rows.count() >= 1
    assert set(rows.locator("td[data-label=Type]").all_inner_texts()) == {"PERSON"}
    person_count = rows.count()
    page.locator("input[data-select-all]").check()
    assert page.locator("[data-selected-count]").inner_text() == f"{person_count} selected"
    shot(page, "people selected")
    with page.expect_navigation():
        page.get_by_role("button", name="Keep selected").click()
    assert re.search(r"Kept \d+ entit", page.locator(".messages").inner_text())
    assert set(page.locator("tr.group").evaluate_all("rs => rs.map((r) => r.dataset.state)")) == {
        "kept"
    }
    assert set(
        Finding.objects.filter(file__task=task, entity_type="PERSON").values_list(
            "decision", flat=True
        )
    ) == {"keep"}
    shot(page, "people kept")
    with page.expect_navigation():
        page.locator("#undo-button").click()
    assert "Undone" in page.locator(".messages").inner_text()
    assert set(page.locator("tr.group").evaluate_all("rs => rs.map((r) => r.dataset.state)")) == {
        "redacted"
    }
    shot(page, "undone")
    # a place jumps to its line in the file's preview
    place = page.locator("tr.group ul.places a").first
    href = place.get_attribute("href")
    with page.expect_navigation():
        place.click()
    assert "#loc-" in page.url and page.evaluate(
        "!!document.querySelector('ol.preview li:target')"
    ), href
    shot(page, "jumped to the place", full_page=False)

    # -- usable at 390 px --------------------------------------------------------------------------
    page.set_viewport_size(PHONE)
    for url in (f"/check/tasks/{task.pk}/", f"/check/files/{by_name['vendor-memo.docx'].pk}/"):
        page.goto(url)
        assert_accessible_basics(page)
        shot(page, "phone " + url.strip("/").replace("/", " "))
    page.set_viewport_size(DESKTOP)
    assert Task.objects.get(pk=task.pk).status == TaskStatus.CONTRACTOR_CHECK


def test_leftovers_show_their_state_at_once(new_page, shot):
    """Item 2: Redact/Keep on a leftover shows its state and the count at once."""
    owner = make_user("lou@example.org", "contractor")
    task = make_task(owner, status=TaskStatus.CONTRACTOR_CHECK)
    f = add_file(
        task,
        name="ledger.txt",
        status=ScrubStatus.RESIDUAL,
        findings=[],
        error="2 possible leftover(s) found after scrubbing; check the findings.",
    )
    for text, kind in (("Hollychester", "PERSON"), ("Initech", "ORGANIZATION")):
        Finding.objects.create(
            file=f,
            entity_type=kind,
            score=1,
            locator="line 3",
            original_text=text,
            replacement="",
            source="leftover",
        )
    page = new_page()
    log_in(page, "lou@example.org")
    page.goto(f"/check/files/{f.pk}/")
    assert "2 of 2 still to decide" in page.locator("#leftover-count").inner_text()
    shot(page, "two leftovers to decide")
    row = page.locator("#leftovers tr.group", has_text="Initech")
    with page.expect_navigation():
        row.get_by_role("button", name=re.compile("^Redact")).click()
    row = page.locator("#leftovers tr.group", has_text="Initech")
    assert row.get_attribute("data-state") == "redacted"
    assert "redacted (deny-list)" in row.inner_text()
    assert row.get_by_role("button", name=re.compile("^Redact")).count() == 0
    assert "1 of 2 still to decide" in page.locator("#leftover-count").inner_text()
    shot(page, "one redacted, one to decide")
    row = page.locator("#leftovers tr.group", has_text="Hollychester")
    with page.expect_navigation():
        row.get_by_role("button", name=re.compile("^Keep")).click()
    assert "Every leftover is decided" in page.locator("#leftover-count").inner_text()
    assert page.locator("#leftovers tr.group[data-state=kept]").count() == 1
    shot(page, "every leftover decided")
    page.set_viewport_size(PHONE)
    assert_accessible_basics(page)
    shot(page, "leftovers phone")
