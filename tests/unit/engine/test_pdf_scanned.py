"""Scanned PDF pages: the text is in a picture, so it is OCR'd and the page is re-rendered."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from scrubbing.engine.base import Edit, Limits
from scrubbing.engine.formats import image as image_format
from scrubbing.engine.formats import pdf as pdf_format
from scrubbing.engine.pipeline import Scrubber, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LINE = "Jane Doe jane.doe@acme-corp.com"
LIMITS = Limits()

pytestmark = pytest.mark.skipif(not FONT.exists(), reason="DejaVuSans not installed")


def text_png(lines=(LINE, "Quarterly budget review notes")) -> bytes:
    im = Image.new("RGB", (1600, 420), "white")
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(FONT), 56)
    for i, line in enumerate(lines):
        draw.text((40, 60 + i * 160), line, fill="black", font=font)
    out = io.BytesIO()
    im.save(out, "PNG")
    return out.getvalue()


def scanned_pdf(pages: int = 1, text_page: bool = False) -> bytes:
    """Pages that only draw a PNG of text (no text layer); optionally a normal text page."""
    png = text_png()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    if text_page:
        c.setFont("Helvetica", 12)
        c.drawString(72, 760, "An ordinary text page about the budget, nothing personal here.")
        c.showPage()
    for _ in range(pages):
        c.drawImage(ImageReader(io.BytesIO(png)), 40, 500, width=515, height=135)
        c.showPage()
    c.save()
    return buf.getvalue()


def image_stream_digests(data: bytes) -> set[str]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return {
            hashlib.sha256(obj.read_raw_bytes()).hexdigest()
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"
        }


def ocr_text(data: bytes) -> str:
    doc = pdfium.PdfDocument(data)
    try:
        out = []
        for page in doc:
            im = page.render(scale=200 / 72).to_pil()
            lines, _ = image_format.ocr_lines(im)
            out += [t for t, _w in lines]
        return "\n".join(out)
    finally:
        doc.close()


def test_pdf_scanned_page_is_ocrd_into_segments():
    src = scanned_pdf(text_page=True)
    assert "Jane" not in "".join(pdfium_text(src)), "fixture must have no text layer for it"
    doc = pdf_format.open_document(src, LIMITS)
    ocr = [s for s in doc.segments if s.kind == "ocr"]
    assert doc.scanned_pages == [1]  # the ordinary text page is not OCR'd
    assert any("Jane Doe" in s.text for s in ocr)
    assert any("jane.doe@acme-corp.com" in s.text for s in ocr)
    assert ocr[0].locator == "page 2 (scanned), line 1"


def test_pdf_scanned_page_rendered_with_boxes_and_original_image_dropped():
    src = scanned_pdf()
    doc = pdf_format.open_document(src, LIMITS)
    edits: dict[int, list[Edit]] = {}
    for seg in doc.segments:
        for needle, rep in (("Jane Doe", "[PERSON_1]"), ("jane.doe@acme-corp.com", "[EMAIL_1]")):
            i = seg.text.find(needle)
            if seg.kind == "ocr" and i >= 0:
                edits.setdefault(seg.index, []).append(Edit(i, i + len(needle), rep))
    assert edits
    for v in edits.values():
        v.sort(key=lambda e: e.start)
    out, report = doc.render(edits)
    assert not image_stream_digests(src) & image_stream_digests(out)
    assert any("scanned" in r for r in report.rasterized)
    text = ocr_text(out)
    assert "Quarterly" in text  # the rest of the picture is still there
    for needle in ("Jane", "Doe", "acme", "jane.doe"):
        assert needle.lower() not in text.lower()
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert len(pdf.pages) == 1


def test_pdf_scanned_page_redrawn_even_without_edits():
    src = scanned_pdf()
    out, report = pdf_format.open_document(src, LIMITS).render({})
    assert not image_stream_digests(src) & image_stream_digests(out)
    assert report.rasterized


def test_pdf_scanned_end_to_end_is_done_and_clean():
    result = Scrubber().scrub("scan.pdf", scanned_pdf(), TermLists(), Pseudonymizer())
    assert result.status == "done", result.report["residual"]
    assert result.counts.get("PERSON") and result.counts.get("EMAIL_ADDRESS")
    text = ocr_text(result.output)
    assert "jane" not in text.lower() and "doe" not in text.lower()


def test_pdf_scanned_pages_past_limit_make_file_residual():
    limits = Limits(max_ocr_pages=1)
    result = Scrubber(limits=limits).scrub(
        "scan.pdf", scanned_pdf(pages=2), TermLists(), Pseudonymizer()
    )
    assert result.status == "residual"
    reasons = [r["reason"] for r in result.report["residual"]]
    assert any("more than 1 scanned pages" in r for r in reasons)


def pdfium_text(data: bytes) -> list[str]:
    doc = pdfium.PdfDocument(data)
    try:
        out = []
        for page in doc:
            tp = page.get_textpage()
            out.append(tp.get_text_range())
            tp.close()
        return out
    finally:
        doc.close()
