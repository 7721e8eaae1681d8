"""Review focus in a real browser, with a real worker: the decision bar and its keys, one file at
a time, comments that reach the contractor, request changes, a replaced file, the word-level diff
of the next revision, approval, and the admin's zip of the export."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from portal.models import AuditEvent
from reviews.models import Review
from submissions import services
from submissions.models import Task
from tests.builders.files import make_docx, make_pptx

from .conftest import DESKTOP, PHONE
from .pages import (
    DOCX,
    PPTX,
    SECRET_NAME,
    assert_accessible_basics,
    in_viewport,
    log_in,
    log_out,
    make_user,
    seeded_task,
    wait_checked,
    wait_scrub_finished,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _visible_item(page) -> str:
    return page.locator("section.item:not([hidden]) h2").inner_text()


def test_review_focus_comments_revisions_and_export(
    scrub_worker, new_page, shot, settings, tmp_path
):
    settings.PORTAL_EXPORT_DESTINATION = str(tmp_path / "exports")
    owner = make_user("cleo@example.org", "contractor")
    deck_v1 = make_pptx(["Vendor deck", f"Prepared by {SECRET_NAME}", "Old figures: 120 units"])
    files = {
        "deck.pptx": (deck_v1, PPTX),
        "memo.docx": (make_docx(["Memo", f"Written by {SECRET_NAME}.", "Keep this line."]), DOCX),
        "extra.docx": (make_docx(["An extra page nobody needs."]), DOCX),
    }
    task = wait_checked(seeded_task(owner, files, title="Vendor deck"))
    services.task_submit_for_review(task, actor=owner)
    make_user("rhea@example.org", "reviewer")
    page = new_page()
    log_in(page, "rhea@example.org")

    # -- unclaimed: the keys say to claim first (item 3) -------------------------------------------
    page.goto(f"/review/tasks/{task.pk}/")
    assert page.locator("#decision-bar").get_attribute("data-state") == "unclaimed"
    page.locator("body").press("c")
    assert "Claim the task first" in page.locator("#bar-hint").inner_text()
    assert page.evaluate("document.activeElement.id") == "claim-button"
    shot(page, "claim first hint", full_page=False)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#decision-bar").get_attribute("data-state") == "decide"
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 4000, height  # one file at a time, not 13,000 px of everything

    # -- one file at a time, the ? overlay ----------------------------------------------------------
    first = _visible_item(page)
    page.locator("body").press("j")
    second = _visible_item(page)
    assert second != first and "item=1" in page.url
    page.locator("body").press("k")
    assert _visible_item(page) == first
    page.locator("body").press("?")
    assert page.locator("#shortcuts-dialog").is_visible()
    shot(page, "shortcuts overlay", full_page=False)
    page.keyboard.press("Escape")
    assert not page.locator("#shortcuts-dialog").is_visible()

    # -- c then Enter without a reason: refused in the bar, in view (item 3) ----------------------
    page.locator("body").press("c")
    page.keyboard.press("Enter")
    assert "Give at least one reason" in page.locator("#decision-errors").inner_text()
    assert in_viewport(page, "#decision-errors")
    assert Review.objects.count() == 0
    shot(page, "reason needed", full_page=False)
    # the server refuses the same (the script bypassed): the error sits in the bar and a banner
    with page.expect_navigation():
        page.evaluate("document.getElementById('decision-form').submit()")
    assert page.locator("#decision-error-banner").is_visible()
    assert page.evaluate("window.scrollY") == 0 and in_viewport(page, "#decision-errors")
    assert "Give at least one reason" in page.locator("#decision-errors").inner_text()
    shot(page, "server refusal in the bar", full_page=False)

    # -- comments on a file and on a line -----------------------------------------------------------
    deck_label = "deliverable-1.pptx"  # the neutral name: deck.pptx was uploaded first
    page.locator(".item-nav a", has_text="pptx").click()
    assert "pptx" in _visible_item(page)
    item = page.locator("section.item:not([hidden])")
    item.locator("a.line-comment").nth(2).click()
    assert item.locator("[data-line-target]").is_visible()
    item.locator("textarea[name=body]").fill("These figures are out of date: use this quarter's.")
    with page.expect_response(re.compile(r"/comments/$")):
        item.get_by_role("button", name="Add comment").click()
    item = page.locator("section.item:not([hidden])")
    item.locator(".comment").first.wait_for()
    assert "Line 3" in item.locator(".comment").first.inner_text()
    item.locator("textarea[name=body]").fill("The deck needs the new cover too.")
    with page.expect_response(re.compile(r"/comments/$")):
        item.get_by_role("button", name="Add comment").click()
    page.locator("section.item:not([hidden]) .comment").nth(1).wait_for()
    shot(page, "comments on the deck")

    # -- request changes with the keyboard: c, 1, then record --------------------------------------
    page.locator("body").press("c")
    page.locator("body").press("1")
    assert page.locator("input[name=reasons][data-key='1']").is_checked()
    page.locator("#id_comment").fill("Please update the deck.")
    with page.expect_navigation():
        page.locator("#record-decision").click()
    task.refresh_from_db()
    assert task.status == Task.Status.CHANGES_REQUESTED
    assert Review.objects.get().comments.count() == 2
    page.goto("/review/done/")
    assert page.locator(f"tr:has(a[href='/review/tasks/{task.pk}/'])").count() == 1
    shot(page, "done by me")
    log_out(page)

    # -- the contractor sees the comments, replaces the deck, removes the extra file (item 1) -----
    log_in(page, "cleo@example.org")
    page.goto(f"/tasks/{task.pk}/")
    comments = page.locator("#review-comments").inner_text()
    assert "deck.pptx" in comments and "out of date" in comments and "new cover" in comments
    shot(page, "contractor sees the comments")
    with page.expect_navigation():
        page.get_by_role("button", name="Edit and resubmit").click()
    assert re.search(rf"/tasks/{task.pk}/edit/$", page.url)
    deck = task.files.get(original_name="deck.pptx")
    extra = task.files.get(original_name="extra.docx")
    deck_v2 = make_pptx(["Vendor deck", f"Prepared by {SECRET_NAME}", "New figures: 180 units"])
    page.locator(f"#existing-{deck.pk} input.replace-input").set_input_files(
        [{"name": "deck-v2.pptx", "mimeType": PPTX, "buffer": deck_v2}]
    )
    page.locator(f"#existing-{deck.pk} .notice").wait_for()
    assert "version 2" in page.locator(f"#existing-{deck.pk}").inner_text()
    page.locator(f"#existing-{extra.pk}").get_by_role("button", name=re.compile("^Remove")).click()
    page.locator(f"#existing-{extra.pk}.is-removed").wait_for()
    shot(page, "deck replaced, extra removed")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and scrub").click()
    wait_scrub_finished(page)
    deck.refresh_from_db()
    assert (deck.pk, deck.version, deck.original_name) == (deck.pk, 2, "deck-v2.pptx")
    assert not task.files.filter(original_name="extra.docx").exists()
    services.task_submit_for_review(Task.objects.get(pk=task.pk), actor=owner)
    log_out(page)

    # -- the reviewer sees what changed, word by word, then approves (item 7) ----------------------
    log_in(page, "rhea@example.org")
    page.goto(f"/review/tasks/{task.pk}/")
    changes = page.locator("#changes").inner_text()
    assert "What changed since revision 1" in changes and "Removed: a deliverable file" in changes
    assert "unchanged" in changes and "7 files unchanged" not in changes
    page.locator("#changes a", has_text=deck_label).click()
    diff = page.locator("section.item:not([hidden]) .diff-table")
    assert "120" in diff.locator("del").all_inner_texts()
    assert "180" in diff.locator("ins").all_inner_texts()
    assert "+++" not in page.content()
    shot(page, "word diff of the deck")
    page.set_viewport_size(PHONE)
    assert_accessible_basics(page)
    shot(page, "review page phone", full_page=False)
    page.set_viewport_size(DESKTOP)
    page.locator("#claim-button").click()
    page.wait_for_load_state()
    page.locator("body").press("a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    task.refresh_from_db()
    assert task.status == Task.Status.APPROVED
    log_out(page)

    # -- the admin exports and downloads the batch as a zip (item 12) ------------------------------
    make_user("ada@example.org", "admin", staff=True)
    log_in(page, "ada@example.org")
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Exports").click()
    assert nav.get_by_role("link", name="Statistics").is_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Start export").click()
    page.locator("tr[id^=batch-]").first.get_by_text(re.compile("complete", re.I)).wait_for(
        timeout=120_000
    )
    page.reload()
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("Download .zip")).first.click()
    data = Path(info.value.path()).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        blob = b"".join(archive.read(n) for n in names)
    assert any(n.endswith("/_COMPLETE") for n in names)
    assert any(n.endswith("deck-v2.pptx") or "deliverable" in n for n in names)
    assert not any("extra" in n for n in names)  # the removed file never leaves
    assert b"120 units" not in blob and SECRET_NAME.encode() not in blob
    assert AuditEvent.objects.filter(
        verb="export.download", actor__email="ada@example.org"
    ).exists()
    shot(page, "export downloaded")
    page.set_viewport_size(PHONE)
    assert_accessible_basics(page)
    shot(page, "exports phone")


def test_skip_and_next_task(new_page, shot):
    from tests.builders.tasks import add_file, in_review_task

    owner = make_user("sam@example.org", "contractor")
    make_user("rory@example.org", "reviewer")
    older = in_review_task(owner, age_days=2)
    newer = in_review_task(owner, age_days=1)
    for t in (older, newer):
        add_file(t)
    page = new_page()
    log_in(page, "rory@example.org")
    with page.expect_navigation():
        page.get_by_role("button", name="Next task").click()
    assert f"/review/tasks/{older.pk}/" in page.url
    shot(page, "first task claimed")
    with page.expect_navigation():
        page.locator("body").press("s")
    assert f"/review/tasks/{newer.pk}/" in page.url
    assert "Skipped task" in page.locator(".messages").inner_text()
    older.refresh_from_db()
    assert older.claimed_by is None
    shot(page, "skipped to the next")
    page.locator("body").press("a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(f"/review/tasks/{newer.pk}/")
    bar = page.locator("#decision-bar")
    assert bar.get_attribute("data-state") == "decided"
    assert "approve ·" not in bar.inner_text() and page.locator("#shortcuts-dialog").count() == 0
    shot(page, "decided: no keys")
