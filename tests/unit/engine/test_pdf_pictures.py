"""OCR only where needed: text pages are read from their text layer, their pictures get their
own bounded pass (boxed in their own pixels, the page stays text), a text layer over a scan is
used instead of OCR, and every budget ends in a sentence."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from scrubbing.engine.base import Edit, Limits
from scrubbing.engine.formats import pdf as pdf_format
from scrubbing.engine.formats.image import ocr_lines
from scrubbing.engine.formats.pdf.ocr import PageKind
from scrubbing.engine.pipeline import Scrubber, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer

from .test_pdf import pdftotext

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="DejaVuSans not installed")
LIMITS = Limits()
SHOWN = "Badge holder Jane Doe"


def picture(text: str = SHOWN, size=(900, 160)) -> Image.Image:
    im = Image.new("RGB", size, "white")
    ImageDraw.Draw(im).text((30, 40), text, fill="black", font=ImageFont.truetype(str(FONT), 60))
    return im


def pdf_with_picture(im: Image.Image | None = None, invisible_text: str | None = None) -> bytes:
    """A text page with a picture of text on it; or (invisible_text) a scan with an OCR layer."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    png = io.BytesIO()
    (im or picture()).save(png, "PNG")
    if invisible_text is None:
        c.setFont("Helvetica", 12)
        c.drawString(72, 760, "Visitor log for the plant, second quarter.")
        c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 72, 500, width=450, height=80)
    else:
        c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 72, 500, width=450, height=80)
        text = c.beginText(87, 525)
        text.setTextRenderMode(3)  # invisible, as OCR tools write their layer
        text.setFont("Helvetica", 30)
        text.textLine(invisible_text)
        c.drawText(text)
    c.showPage()
    c.save()
    return buf.getvalue()


def edits_for(doc, needle="Jane Doe", rep="[PERSON_1]", kind=None):
    out = {}
    for seg in doc.segments:
        i = seg.text.find(needle)
        if i >= 0 and (kind is None or seg.kind == kind):
            out[seg.index] = [Edit(i, i + len(needle), rep)]
    return out


def images_of(out: bytes) -> list[Image.Image]:
    with pikepdf.open(io.BytesIO(out)) as pdf:
        return [
            pikepdf.PdfImage(o).as_pil_image().convert("RGB")
            for o in pdf.objects
            if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"
        ]


def test_picture_on_a_text_page_is_read_and_boxed_in_its_own_pixels():
    doc = pdf_format.open_document(pdf_with_picture(), LIMITS)
    assert doc.page_kinds == [PageKind.TEXT] and doc.scanned_pages == []
    ocr = [s for s in doc.segments if s.kind == "ocr"]
    assert [s.locator for s in ocr] == ["page 1, picture 1, line 1"]
    assert "Jane Doe" in ocr[0].text
    out, report = doc.render(edits_for(doc))
    assert report.rasterized == []  # the page stays text and vectors
    assert "Visitor log for the plant" in pdftotext(out)
    (image,) = images_of(out)
    read = " ".join(t for t, _ in ocr_lines(image)[0])
    assert "Badge" in read and "Jane" not in read and "Doe" not in read
    assert any("pictures covered with black boxes" in n for n in report.notes)


def test_small_pictures_are_not_read():
    doc = pdf_format.open_document(pdf_with_picture(picture(size=(30, 20))), LIMITS)
    assert not [s for s in doc.segments if s.kind == "ocr"]


def test_a_text_layer_over_a_scan_is_used_instead_of_ocr_and_the_picture_is_boxed():
    src = pdf_with_picture(invisible_text=SHOWN)
    doc = pdf_format.open_document(src, LIMITS)
    assert doc.page_kinds == [PageKind.SCAN_WITH_TEXT]
    assert not [s for s in doc.segments if s.kind == "ocr"]  # no OCR: the layer is the text
    (line,) = [s for s in doc.segments if s.kind == "body"]
    assert line.text.strip() == SHOWN
    out, report = doc.render(edits_for(doc))
    assert report.rasterized == []
    assert "Jane" not in pdftotext(out)  # the hidden layer lost the name
    (image,) = images_of(out)
    read = " ".join(t for t, _ in ocr_lines(image)[0])
    assert "Badge" in read and "Jane" not in read and "Doe" not in read


def test_picture_budget_ends_in_a_sentence():
    result = Scrubber(limits=Limits(max_ocr_images=0)).scrub(
        "log.pdf", pdf_with_picture(), TermLists(), Pseudonymizer()
    )
    assert result.status == "residual"
    reasons = [r["reason"] for r in result.report["residual"]]
    assert any("more than 0 pictures on its text pages; 1 picture" in r for r in reasons)


def test_time_budget_ends_in_a_sentence_not_a_stall():
    result = Scrubber(limits=Limits(max_ocr_seconds=0)).scrub(
        "log.pdf", pdf_with_picture(), TermLists(), Pseudonymizer()
    )
    assert result.status == "residual"
    reasons = " ".join(r["reason"] for r in result.report["residual"])
    assert "0-second budget; 1 picture (from page 1) was not read" in reasons


def test_undecodable_picture_is_replaced_and_reported():
    pdf = pikepdf.open(io.BytesIO(pdf_with_picture()))
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
            # data no decoder here reads (JBIG2 needs an external tool): kept = unread
            obj.write(b"Jane Doe " * 300, filter=pikepdf.Name("/JBIG2Decode"))
    buf = io.BytesIO()
    pdf.save(buf)
    doc = pdf_format.open_document(buf.getvalue(), LIMITS)
    out, report = doc.render({})
    assert any("could not be decoded" in m for m in report.metadata_removed)
    assert b"Jane Doe" not in out
    (image,) = images_of(out)
    assert image.size == (1, 1)


def test_verification_reads_a_rasterized_page_once_at_the_resolution_it_was_written():
    from scrubbing.engine.formats.pdf.ocr import scan_dpi
    from tests.builders import pdf as pdf_builders

    doc = pdf_format.open_document(pdf_builders.form_xobject_pdf(draws=2), LIMITS)
    out, report = doc.render(
        {
            s.index: [Edit(s.text.find("Jane"), s.text.find("Jane") + 8, "[PERSON_1]")]
            for s in doc.segments
            if "Jane Doe" in s.text
        }
    )
    assert report.rasterized and report.rasterized[0].startswith("page 1 ")
    again = pdf_format.open_document(out, LIMITS)
    assert again.page_kinds[0] is PageKind.SCAN and again.page_kinds[1] is PageKind.TEXT
    assert again.scanned_pages == [0]
    import pypdfium2 as pdfium

    assert scan_dpi(pdfium.PdfDocument(out)[0]) == pdf_format.RASTER_DPI
