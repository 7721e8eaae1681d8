"""PDF reader/writer: true removal of text, fallback rasterization, metadata stripping.

Every check looks at the RAW output too (decompressed streams, qpdf's QDF form, pdftotext),
not only at what our own reader sees.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image

from scrubbing.engine.base import (
    CorruptFile,
    Edit,
    EncryptedFile,
    LimitExceeded,
    Limits,
)
from scrubbing.engine.formats import pdf as pdf_format
from tests.builders import pdf as pdf_builders
from tests.builders.edits import replace_every

LIMITS = Limits()
REPLACEMENTS = {
    pdf_builders.NAME: "[PERSON_1]",
    pdf_builders.EMAIL: "[EMAIL_1]",
    pdf_builders.PROJECT: "[PROJECT_1]",
}


def edits_for(doc, targets=REPLACEMENTS, kinds=("body",)):
    """What detection would send: every occurrence of each target in body segments."""
    return replace_every(doc, targets, kinds)


def scrub(data: bytes, targets=REPLACEMENTS):
    doc = pdf_format.open_document(data, LIMITS)
    out, report = doc.render(edits_for(doc, targets))
    return doc, out, report


def raw_views(out: bytes) -> list[bytes]:
    """Every decompressed stream plus the whole file in QDF form (uncompressed, no objstm)."""
    views = []
    with pikepdf.open(io.BytesIO(out)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    views.append(obj.read_bytes())
                except pikepdf.PdfError:
                    views.append(obj.read_raw_bytes())
    if shutil.which("qpdf"):
        with tempfile.TemporaryDirectory() as tmp:
            src, dst = Path(tmp, "in.pdf"), Path(tmp, "out.pdf")
            src.write_bytes(out)
            qdf = subprocess.run(
                ["qpdf", "--qdf", "--object-streams=disable", str(src), str(dst)],
                capture_output=True,
                check=False,
            )
            assert qdf.returncode in (0, 3), qdf.stderr
            views.append(dst.read_bytes())
    views.append(out)
    return views


def assert_raw_absent(out: bytes, needles=pdf_builders.SEEDS):
    for view in raw_views(out):
        for needle in needles:
            for enc in (needle.encode("latin-1"), needle.encode("utf-16-be")):
                assert enc not in view, f"{needle!r} still in raw output"


def pdfium_text(out: bytes) -> list[str]:
    doc = pdfium.PdfDocument(out)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def pdftotext(out: bytes) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed")
    res = subprocess.run(["pdftotext", "-", "-"], input=out, capture_output=True, check=True)
    return res.stdout.decode()


def assert_text_absent(out: bytes, needles=pdf_builders.SEEDS):
    texts = ["\n".join(pdfium_text(out)), pdftotext(out)]
    texts.append("\n".join(s.text for s in pdf_format.open_document(out, LIMITS).segments))
    for text in texts:
        squashed = "".join(text.split())
        for needle in needles:
            assert "".join(needle.split()) not in squashed, f"{needle!r} still readable"


def page_count(out: bytes) -> int:
    with pikepdf.open(io.BytesIO(out)) as pdf:
        return len(pdf.pages)


# --- reading ------------------------------------------------------------------------------


def test_segments_are_blocks_of_lines_plus_metadata_links_and_comments():
    doc = pdf_format.open_document(
        pdf_builders.with_extras(pdf_builders.standard_fonts_pdf()), LIMITS
    )
    by_loc = {s.locator: s for s in doc.segments}
    # consecutive lines are one segment (a name broken over two lines is read whole); the
    # bigger heading further down starts a block of its own
    assert by_loc["page 1, lines 1-4"].text.splitlines() == [
        "Page 1 of the quarterly summary.",
        f"Prepared by {pdf_builders.NAME} for {pdf_builders.PROJECT}.",
        f"Questions go to {pdf_builders.EMAIL} before Friday.",
        "The budget line stays unchanged at 42 units.",
    ]
    assert by_loc["page 3, line 5"].text == f"{pdf_builders.PROJECT} milestones"
    assert by_loc["page 1, lines 1-4"].kind == "body"
    metadata = {s.locator: s.text for s in doc.segments if s.kind == "metadata"}
    assert metadata["metadata: Author"] == pdf_builders.NAME
    assert pdf_builders.PROJECT in metadata["metadata: Title"]
    links = [s.text for s in doc.segments if s.kind == "hyperlink"]
    assert links == [f"mailto:{pdf_builders.EMAIL}"]
    comments = [s.text for s in doc.segments if s.kind == "comment"]
    assert f"Check with {pdf_builders.NAME}" in comments
    assert any(s.kind == "form" and s.text == pdf_builders.EMAIL for s in doc.segments)
    assert doc.page_count == 3


# --- rewriting ----------------------------------------------------------------------------


def test_standard_fonts_text_removed_from_content_streams():
    src = pdf_builders.standard_fonts_pdf(pages=3)
    assert pdf_builders.NAME.encode() in b"".join(raw_views(src))  # the check below can fail
    _, out, report = scrub(src)
    assert report.rasterized == []
    assert page_count(out) == 3
    assert_raw_absent(out)
    assert_text_absent(out)
    text = pdftotext(out)
    assert "The budget line stays unchanged at 42 units." in text
    assert "Page 3 of the quarterly summary." in text
    assert (
        f"Prepared by {REPLACEMENTS[pdf_builders.NAME]} for {REPLACEMENTS[pdf_builders.PROJECT]}."
        in text
    )
    assert "milestones" in text


def test_following_text_keeps_its_position():
    src = pdf_builders.tj_kerned_pdf()

    def x_of(data: bytes, word: str) -> float:
        page = pdfium.PdfDocument(data)[0]
        tp = page.get_textpage()
        text = tp.get_text_range()
        return tp.get_charbox(text.index(word))[0]

    _, out, report = scrub(src)
    assert report.rasterized == []
    for word in ("today", "ops", "here"):
        assert abs(x_of(out, word) - x_of(src, word)) < 0.5, word
    assert_raw_absent(out, [pdf_builders.NAME])
    texts = pdfium_text(out)[0]
    assert "Signed: [PERSON_1] today" in texts
    assert "Lead: [PERSON_1], ops" in texts
    assert "Owner [PERSON_1] here" in texts
    assert "Plain closing line." in texts
    # the kerned name's pieces are gone from the content stream too
    with pikepdf.open(io.BytesIO(out)) as pdf:
        content = pdf.pages[0].Contents.read_bytes()
    assert b"(ane)" not in content and b"(oe)" not in content and b"(J)" not in content


def test_embedded_truetype_font():
    if not pdf_builders.DEJAVU.exists():
        pytest.skip("DejaVuSans not installed")
    _, out, report = scrub(pdf_builders.ttf_pdf())
    assert report.rasterized == []
    assert_raw_absent(out)
    assert_text_absent(out)
    text = pdftotext(out)
    assert "Müller &" in text and "Überweisung" in text
    assert "Nothing personal on this line: naïve façade." in text


def test_cid_identity_h_font_is_rewritten_not_rasterized():
    src = pdf_builders.cid_font_pdf()
    assert pdf_builders.NAME in pdfium_text(src)[0]
    _, out, report = scrub(src)
    assert report.rasterized == []
    assert_text_absent(out)
    assert "Unrelated closing remark." in pdftotext(out)


def test_metadata_attachments_javascript_annotations_removed():
    src = pdf_builders.with_extras(pdf_builders.standard_fonts_pdf())
    with pikepdf.open(io.BytesIO(src)) as pdf:  # the fixture really has all of it
        assert pdf.attachments and "/Metadata" in pdf.Root and "/OpenAction" in pdf.Root
    _, out, report = scrub(src)
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert "/Info" not in pdf.trailer
        for key in ("/Metadata", "/Names", "/OpenAction", "/AcroForm", "/Outlines"):
            assert key not in pdf.Root, key
        assert len(pdf.attachments) == 0
        for page in pdf.pages:
            assert "/Annots" not in page.obj and "/AA" not in page.obj
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                assert obj.get("/S") != "/JavaScript"
                assert obj.get("/Type") != "/EmbeddedFile"
    joined = b"".join(raw_views(out))
    for needle in (b"app.alert", b"contacts.txt", b"mailto:", b"x:xmpmeta", b"Jane's Word"):
        assert needle not in joined, needle
    assert_raw_absent(out)
    removed = " | ".join(report.metadata_removed)
    for label in ("document info", "XMP", "embedded files", "JavaScript", "annotations"):
        assert label in removed, label
    assert "form fields" in removed and "open action" in removed


def test_no_edits_still_strips_metadata():
    doc = pdf_format.open_document(
        pdf_builders.with_extras(pdf_builders.standard_fonts_pdf()), LIMITS
    )
    out, report = doc.render({})
    assert report.metadata_removed
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert "/Info" not in pdf.trailer and "/Metadata" not in pdf.Root
    assert pdf_builders.NAME in pdftotext(out)  # body text untouched without edits


def test_text_inside_a_form_xobject_is_rewritten_in_a_copy_of_the_form():
    src = pdf_builders.form_xobject_pdf()
    _, out, report = scrub(src)
    assert report.rasterized == []
    assert_raw_absent(out)
    assert_text_absent(out)
    text = pdftotext(out)
    assert "Approved by [PERSON_1]" in text and "Second page by [PERSON_1]." in text
    assert "Cover page text that is not sensitive." in text


def test_page_that_cannot_be_rewritten_is_rasterized_with_boxes():
    """The stamp (a form) is drawn twice on page 1: one copy cannot be edited two ways."""
    src = pdf_builders.form_xobject_pdf(draws=2)
    _, out, report = scrub(src)
    assert len(report.rasterized) == 1 and report.rasterized[0].startswith("page 1 ")
    assert "form drawn more than once" in report.rasterized[0]
    assert page_count(out) == 2
    assert_raw_absent(out)
    assert_text_absent(out)
    texts = pdfium_text(out)
    assert texts[0].strip() == ""  # image-only page
    assert "Second page by [PERSON_1]." in texts[1]  # page 2 was rewritten, not burned
    with pikepdf.open(io.BytesIO(out)) as pdf:
        page = pdf.pages[0]
        images = list(page.Resources.XObject.values())
        assert len(images) == 1 and list(page.Resources.keys()) == ["/XObject"]
        img = pikepdf.PdfImage(images[0]).as_pil_image().convert("L")
        # the box over "Jane Doe" (x~150..200pt, y~600pt) is solid black
        scale = pdf_format.RASTER_DPI / 72
        x, y = int(165 * scale), int(img.height - 604 * scale)
        assert img.getpixel((x, y)) < 40
        assert img.getextrema()[1] > 200  # the rest of the page is still there


def test_a_paragraph_is_one_segment_and_an_edit_may_cross_its_line_breaks():
    src = pdf_builders.lines_pdf(
        ["Quarterly summary"],
        more=[
            "The report was prepared by Jane",
            "Doe for the steering group and",
            "sent to the board on Friday.",
        ],
    )
    doc = pdf_format.open_document(src, LIMITS)
    body = [s for s in doc.segments if s.kind == "body"]
    assert [s.locator for s in body] == ["page 1, line 1", "page 1, lines 2-4"]
    assert "\n" not in body[0].text
    assert body[0].text == "Quarterly summary"  # a heading (bigger type) is a block of its own
    para = body[1].text
    assert para.splitlines()[1] == "Doe for the steering group and"
    start = para.index("Jane")
    end = para.index("Doe") + 3
    out, report = doc.render({body[1].index: [Edit(start, end, "[PERSON_1]")]})
    assert report.rasterized == []
    assert_raw_absent(out, ["Jane", "Doe"])
    text = " ".join(pdftotext(out).split())
    assert "prepared by [PERSON_1]" in text and "for the steering group and" in text


def test_kept_occurrence_stays_and_the_others_are_removed_as_text():
    src = pdf_builders.tj_kerned_pdf()
    doc = pdf_format.open_document(src, LIMITS)
    edits = edits_for(doc)
    # The contractor kept the last occurrence ("keep" decision): only two of three are edited.
    last = max(edits)
    assert doc.segments[last].text.splitlines()[-1] == "Owner Jane Doe here"
    edits[last] = edits[last][:-1]
    out, report = doc.render(edits)
    assert report.rasterized == []  # occurrence by occurrence: no need to burn the page in
    text = pdfium_text(out)[0]
    assert "Owner Jane Doe here" in text
    assert "Signed: [PERSON_1] today" in text and "Lead: [PERSON_1], ops" in text
    assert text.count("Jane") == 1


def test_same_letters_inside_a_longer_word_are_not_removed():
    """Only the edited occurrence goes: "Doe" inside "Doerr" and "jane" in a URL stay."""
    src = pdf_builders.lines_pdf(["Call Doe today.", "Doerr signed it.", "See jane.example.org"])
    doc = pdf_format.open_document(src, LIMITS)
    edits = edits_for(doc, {"Doe ": "[PERSON_1] "})
    out, report = doc.render(edits)
    assert report.rasterized == []
    text = pdftotext(out)
    assert "Call [PERSON_1] today." in text
    assert "Doerr signed it." in text and "See jane.example.org" in text


def test_render_is_deterministic():
    src = pdf_builders.with_extras(pdf_builders.standard_fonts_pdf())
    doc = pdf_format.open_document(src, LIMITS)
    assert doc.render(edits_for(doc))[0] == doc.render(edits_for(doc))[0]


def test_exif_stripped_from_embedded_jpeg():
    im = Image.new("RGB", (64, 64), "red")
    exif = Image.Exif()
    exif[0x013B] = pdf_builders.NAME  # Artist
    jpeg = io.BytesIO()
    im.save(jpeg, "JPEG", exif=exif.tobytes())
    src = pdf_builders.jpeg_pdf(jpeg.getvalue(), 64, 64)
    assert pdf_builders.NAME.encode() in b"".join(raw_views(src)), "fixture must embed the EXIF"
    out, report = pdf_format.open_document(src, LIMITS).render({})
    assert pdf_builders.NAME.encode() not in b"".join(raw_views(out))
    assert any("EXIF" in x for x in report.metadata_removed)


# --- refusals -----------------------------------------------------------------------------


def test_encrypted_pdf_is_refused():
    with pytest.raises(EncryptedFile, match="password-protected"):
        pdf_format.open_document(
            pdf_builders.encrypted_pdf(pdf_builders.standard_fonts_pdf()), LIMITS
        )


def test_pdf_with_an_empty_user_password_is_decrypted_and_scrubbed():
    src = pdf_builders.encrypted_pdf(pdf_builders.standard_fonts_pdf(), user="")
    with pikepdf.open(io.BytesIO(src)) as pdf:
        assert pdf.is_encrypted  # the fixture is encrypted, it only needs no password
    _, out, report = scrub(src)
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert not pdf.is_encrypted
    assert "/Encrypt" not in pikepdf.open(io.BytesIO(out)).trailer
    assert report.rasterized == []
    assert_raw_absent(out)
    assert_text_absent(out)
    assert "The budget line stays unchanged at 42 units." in pdftotext(out)
    assert any("encryption" in m for m in report.metadata_removed)


@pytest.mark.parametrize("cut", [0.5, 0.1])
def test_truncated_pdf_is_corrupt(cut):
    data = pdf_builders.standard_fonts_pdf()
    with pytest.raises(CorruptFile):
        pdf_format.open_document(data[: int(len(data) * cut)], LIMITS)


def test_garbage_is_corrupt():
    with pytest.raises(CorruptFile):
        pdf_format.open_document(b"%PDF-1.7\n" + b"\x00garbage" * 100, LIMITS)


def test_too_many_pages():
    with pytest.raises(LimitExceeded, match="pages"):
        pdf_format.open_document(pdf_builders.many_pages_pdf(6), Limits(max_pdf_pages=5))


def test_rewrite_speed_per_page():
    src = pdf_builders.standard_fonts_pdf(pages=40)
    start = time.monotonic()
    _, out, report = scrub(src)
    elapsed = time.monotonic() - start
    assert report.rasterized == []
    assert elapsed < 10, f"{elapsed:.1f}s for 40 pages"
    assert_text_absent(out)
