"""Previews of scrubbed files: page images drawn by a real LibreOffice and poppler from the
scrubbed output only, boxes where replacements are, cached per version, a clear state when not
available, and owner/reviewer access to the images."""

from __future__ import annotations

import os
import re
import shutil
import stat
import time

import pytest
from django.urls import reverse

from portal.models import AuditEvent
from portal.storage import read_all
from scrubbing import preview_services, rendering
from scrubbing import selectors as scrub_selectors
from scrubbing.engine.pseudonyms import PLACEHOLDER_RE
from scrubbing.models import FilePreview, PreviewPage
from tests.builders.files import make_docx, make_pdf, make_png, make_pptx, need
from tests.builders.tasks import TaskStatus, add_file, in_review_task, make_task, scrubbed_docx

pytestmark = pytest.mark.django_db


@pytest.fixture
def soffice():
    """LibreOffice is a Debian package here: skipped without it, failed in CI (need())."""
    need(shutil.which("soffice") is not None, "LibreOffice (soffice)")


needs_soffice = pytest.mark.usefixtures("soffice")


# ---- rendering (no Django) -------------------------------------------------------------------


@needs_soffice
@pytest.mark.parametrize(
    ("kind", "data", "expected"),
    [
        ("docx", scrubbed_docx(["Prepared by [PERSON_1] for ([ORGANIZATION_1])."]), 2),
        ("pptx", make_pptx(["Summary for [PERSON_1]", "Call [PHONE_NUMBER_1]"]), 2),
        ("pdf", make_pdf(["Signed: [PERSON_1]"]), 1),
    ],
)
def test_render_draws_pages_and_boxes_every_replacement(kind, data, expected):
    rendered = rendering.render(data, kind, max_pages=5, dpi=60, timeout=60)
    assert rendered.page_count == 1 and len(rendered.pages) == 1
    page = rendered.pages[0]
    assert page.png.startswith(b"\x89PNG") and page.width > 100 and page.height > 100
    boxes = rendering.find_boxes(page, PLACEHOLDER_RE)
    assert len(boxes) == expected, boxes
    for box in boxes:
        assert 0 <= box.x < 1 and 0 <= box.y < 1 and 0 < box.w < 1 and 0 < box.h < 1
        assert PLACEHOLDER_RE.fullmatch(box.text)


def test_render_keeps_to_the_page_limit_and_says_how_many_there_are():
    lines = [f"Line {i}" for i in range(3)]
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    for n in range(4):
        for i, line in enumerate(lines):
            pdf.drawString(72, 800 - 18 * i, f"page {n + 1}: {line}")
        pdf.showPage()
    pdf.save()
    rendered = rendering.render(buf.getvalue(), "pdf", max_pages=2, dpi=40)
    assert rendered.page_count == 4
    assert [p.number for p in rendered.pages] == [1, 2]


def test_a_picture_is_shown_as_it_is():
    png = make_png("[PERSON_1]")
    rendered = rendering.render(png, "png")
    (page,) = rendered.pages
    assert (page.width, page.height) == (900, 160)
    assert page.words == []  # its boxes are burned into the picture itself


def test_text_and_unreadable_pictures_have_no_page_images():
    with pytest.raises(rendering.PreviewUnavailable, match="text preview only"):
        rendering.render(b"plain text", "text")
    with pytest.raises(rendering.PreviewUnavailable, match="could not be read"):
        rendering.render(b"\x89PNG\r\n\x1a\nnot really", "png")


def test_a_missing_converter_is_a_sentence(converter):
    converter(program="/nonexistent/soffice")  # SCRUB_SOFFICE, as the engine has it
    with pytest.raises(rendering.PreviewUnavailable, match="LibreOffice is not installed"):
        rendering.render(make_docx(["x"]), "docx")


def test_a_hanging_converter_is_killed_with_its_children(tmp_path, converter):
    """A converter that never finishes: its whole process group is killed at the time limit
    (the engine's runner; no sandbox here, so the script can say where its child is)."""
    pid_file = tmp_path / "child.pid"
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {pid_file}\nwait\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    started = time.monotonic()
    converter(program=str(script), seconds=1, sandbox="none")
    with pytest.raises(rendering.PreviewUnavailable, match="took longer than 1 seconds"):
        rendering.render(make_docx(["x"]), "docx")
    assert time.monotonic() - started < 15
    child = int(pid_file.read_text())
    time.sleep(0.2)
    stat_file = f"/proc/{child}/stat"
    if os.path.exists(stat_file):  # killed but not reaped yet (its parent was killed too)
        with open(stat_file) as handle:
            assert handle.read().split(")")[-1].split()[0] in ("Z", "X")


def test_find_boxes_spans_words_and_lines():
    page = rendering.Page(
        1,
        b"",
        100,
        100,
        [
            rendering.Word(10, 10, 30, 20, "Call"),
            rendering.Word(35, 10, 60, 20, "Jane"),
            rendering.Word(10, 30, 40, 40, "Roe,"),
        ],
        page_width=100,
        page_height=100,
    )
    boxes = rendering.find_boxes(page, re.compile("Jane Roe"))
    assert [(b.y, b.text) for b in boxes] == [(0.1, "Jane Roe"), (0.3, "Jane Roe")]
    second = boxes[1]
    assert second.w == pytest.approx(0.3 * 3 / 4)  # "Roe" of "Roe,": three of four characters


# ---- the service and the worker's job --------------------------------------------------------


def _check_file(contractor, **kwargs):
    task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    return add_file(task, **kwargs)


@needs_soffice
def test_preview_render_stores_pages_boxes_and_text(contractor, settings):
    settings.PORTAL_PREVIEW_DPI = 50
    f = _check_file(
        contractor,
        name="plan.docx",
        detected_type="docx",
        original=make_docx(["Jane Doe at Globex Corp"]),
        scrubbed=scrubbed_docx(["[PERSON_1] at [ORGANIZATION_1]"]),
    )
    assert preview_services.preview_render(f.pk, f.scrubbed_sha256) == "ready"
    preview = FilePreview.objects.get(file=f)
    assert preview.status == "ready" and preview.page_count == 1 and preview.reason == ""
    (page,) = preview.pages.all()
    assert read_all(page.image)[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(b["type"] for b in page.boxes) == ["ORGANIZATION", "PERSON"]
    assert ["paragraph 1", "body", "[PERSON_1] at [ORGANIZATION_1]"] in preview.segments
    event = AuditEvent.objects.get(verb="file.preview")
    assert event.task_id == f.task_id and event.details["status"] == "ready"
    # the same version again: nothing redone; a stale job for an older version: nothing at all
    assert preview_services.preview_render(f.pk, f.scrubbed_sha256) == "ready"
    assert PreviewPage.objects.filter(preview__file=f).count() == 1
    assert preview_services.preview_render(f.pk, "0" * 64) is None


def test_a_new_version_replaces_the_old_preview_and_its_images(
    contractor, django_capture_on_commit_callbacks
):
    f = _check_file(contractor, name="shot.png", detected_type="png", scrubbed=make_png("A"))
    preview_services.preview_render(f.pk, f.scrubbed_sha256)
    old_image = PreviewPage.objects.get(preview__file=f).image.name
    from portal.storage import private_storage, save_bytes

    assert private_storage().exists(old_image)
    save_bytes(f.scrubbed, make_png("B"))
    import hashlib

    f.scrubbed_sha256 = hashlib.sha256(read_all(f.scrubbed)).hexdigest()
    f.save()
    with django_capture_on_commit_callbacks(execute=True):
        preview_services.preview_render(f.pk, f.scrubbed_sha256)
    assert list(FilePreview.objects.filter(file=f).values_list("scrubbed_sha256", flat=True)) == [
        f.scrubbed_sha256
    ]
    assert not private_storage().exists(old_image)


def test_a_text_file_has_its_text_and_says_why_there_are_no_pages(contractor):
    f = _check_file(contractor, scrubbed=b"[PERSON_1] works at [ORGANIZATION_1].\n")
    assert preview_services.preview_render(f.pk, f.scrubbed_sha256) == "unavailable"
    preview = FilePreview.objects.get(file=f)
    assert preview.reason == "This kind of file has a text preview only."
    assert preview.segments and "[PERSON_1]" in preview.segments[0][2]


def test_preview_request_sends_one_job_per_version(contractor, django_capture_on_commit_callbacks):
    f = _check_file(contractor)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = preview_services.preview_request(f)
        again = preview_services.preview_request(f)
    assert first.pk == again.pk and first.status == "pending"
    assert len(callbacks) == 1
    # nothing to preview before a file is scrubbed
    queued = add_file(make_task(contractor), scrubbed=None, status="queued", findings=[])
    assert preview_services.preview_request(queued) is None


# ---- what the pages show -------------------------------------------------------------------------


def test_check_page_polls_while_the_preview_is_being_drawn(client, contractor):
    f = _check_file(contractor)
    client.force_login(contractor)
    html = client.get(reverse("scrubbing:file_check", args=[f.pk])).content.decode()
    assert 'data-preview="pending"' in html
    assert f'hx-get="{reverse("scrubbing:file_pages", args=[f.pk])}"' in html
    assert "Drawing the pages of the scrubbed file" in html
    FilePreview.objects.filter(file=f).update(status="unavailable", reason="LibreOffice failed.")
    html = client.get(reverse("scrubbing:file_pages", args=[f.pk])).content.decode()
    assert "Preview not available." in html and "LibreOffice failed." in html
    assert "hx-get" not in html  # polling stops


def test_ready_pages_have_their_images_and_boxes(client, contractor):
    from tests.builders.tasks import preview_page

    f = _check_file(contractor)
    page = preview_page(
        f, boxes=[{"x": 0.1, "y": 0.2, "w": 0.3, "h": 0.05, "type": "PERSON", "text": "[PERSON_1]"}]
    )
    client.force_login(contractor)
    html = client.get(reverse("scrubbing:file_check", args=[f.pk])).content.decode()
    assert f'src="{reverse("scrubbing:preview_image", args=[page.pk])}"' in html
    assert '<rect class="box box-PERSON" x="100.0" y="200.0" width="300.0" height="50.0"' in html
    response = client.get(reverse("scrubbing:preview_image", args=[page.pk]))
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" not in response.get("Content-Disposition", "")
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_reviewers_get_images_of_the_current_clean_version_only(client, contractor, reviewer):
    from tests.builders.tasks import preview_page

    task = in_review_task(contractor)
    f = add_file(task)
    page = preview_page(f)
    client.force_login(reviewer)
    url = reverse("reviews:preview_image", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    FilePreview.objects.filter(pk=page.preview_id).update(scrubbed_sha256="1" * 64)
    assert client.get(url).status_code == 404  # an older version
    FilePreview.objects.filter(pk=page.preview_id).update(scrubbed_sha256=f.scrubbed_sha256)
    type(f).objects.filter(pk=f.pk).update(scrub_status="residual")
    assert client.get(url).status_code == 404  # not clean: never shown to a reviewer
    assert not AuditEvent.objects.filter(verb__startswith="file.download").exists()


def test_previews_leave_out_office_boilerplate(contractor):
    """Item 11: master/layout prompts and customXml bibliography settings are not content."""
    deck = make_pptx(["Quarterly summary", "Revenue grew"])
    f = _check_file(contractor, name="deck.pptx", detected_type="pptx", scrubbed=deck)
    main, other = scrub_selectors.split_parts(scrub_selectors.document_segments(f))
    texts = [t for _, t in main]
    assert "Quarterly summary" in texts and "Revenue grew" in texts
    everything = " ".join(t for _, t in main + other)
    assert "Click to edit Master" not in everything and "Second level" not in everything
    assert all(not loc.startswith("slide layout") for loc, _ in main)
    doc = make_docx(["Body text"])
    g = _check_file(contractor, name="memo.docx", detected_type="docx", scrubbed=doc)
    main, other = scrub_selectors.split_parts(scrub_selectors.document_segments(g))
    assert [t for _, t in main] == ["Body text"]
    assert not [loc for loc, _ in other if "SelectedStyle" in loc or "StyleName" in loc]
