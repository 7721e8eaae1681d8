"""PDF closed world: every object the output keeps is read and rewritten or on a reviewed list;
everything else is removed and named in the report. Each case is built with reportlab or
pikepdf, and checked in the raw output (every stream decompressed, qpdf's QDF form)."""

from __future__ import annotations

import io

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, String
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from scrubbing.engine.base import Limits
from scrubbing.engine.formats import pdf as pdf_format
from scrubbing.engine.formats.pdf import strip
from tests.builders import pdf as pdf_builders

from .test_pdf import assert_raw_absent, pdftotext, raw_views, scrub

LIMITS = Limits()
#: object /Type values a scrubbed PDF may hold (the rest of the allow-lists live in strip.py)
KNOWN_TYPES = {
    "/Catalog",
    "/Pages",
    "/Page",
    "/Font",
    "/FontDescriptor",
    "/XObject",
    "/ExtGState",
    "/Pattern",
    "/Encoding",
    "/CMap",
    "/Group",
    "/Mask",
    "/Halftone",
    "/ObjStm",  # the file's own structure: object and cross-reference streams
    "/XRef",
}
#: keys a cross-reference stream adds to the trailer (file structure, no content)
XREF_KEYS = frozenset({"/Type", "/W", "/Index", "/Filter", "/DecodeParms", "/Length", "/Prev"})
NEVER = ("/Metadata", "/AA", "/AF", "/PieceInfo", "/JS", "/Annots", "/OC", "/Alternates")


def unexplained(out: bytes) -> list[str]:
    """Every key or object of `out` that no rule of the closed world explains."""
    bad: list[str] = []

    def check(obj: Dictionary, keep: frozenset[str], where: str) -> None:
        bad.extend(f"{where} {k}" for k in list(obj.keys()) if k not in keep)

    with pikepdf.open(io.BytesIO(out)) as pdf:
        check(pdf.trailer, strip.TRAILER_KEEP | XREF_KEYS, "trailer")
        check(pdf.Root, strip.CATALOG_KEEP, "catalog")
        for n, page in enumerate(pdf.pages, 1):
            check(page.obj, strip.PAGE_KEEP, f"page {n}")
        for obj in pdf.objects:
            if not isinstance(obj, Dictionary | pikepdf.Stream):
                continue
            bad.extend(f"object with {k}" for k in NEVER if k in obj)
            kind = obj.get("/Type")
            if kind is not None and kind not in KNOWN_TYPES:
                bad.append(f"object of type {kind}")
            if kind == "/Pages":
                check(obj, strip.PAGES_NODE_KEEP, "page tree")
            if isinstance(obj.get("/Resources"), Dictionary):
                check(obj.Resources, strip.RESOURCES_KEEP, "resources")
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
                check(obj, strip.IMAGE_KEEP, "image")
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Form":
                check(obj, strip.FORM_KEEP, "form XObject")
    return bad


def _save(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out, compress_streams=False)
    return out.getvalue()


def _helvetica_page(pdf: pikepdf.Pdf, content: bytes, **resources) -> pikepdf.Page:
    font = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    page = pdf.add_blank_page(page_size=(595, 842))
    page.obj.Resources = Dictionary(Font=Dictionary(F1=font), **resources)
    page.obj.Contents = pdf.make_stream(content)
    return page


def test_outline_titles_are_read_then_the_outline_removed():
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 12)
    c.drawString(72, 760, "Chapter one of the handbook.")
    c.bookmarkPage("ch1")
    c.addOutlineEntry(f"Notes for {pdf_builders.NAME}", "ch1", level=0)
    c.showOutline()
    c.showPage()
    c.save()
    src = buf.getvalue()
    assert pdf_builders.NAME.encode() in b"".join(raw_views(src))
    doc, out, report = scrub(src)
    assert any(s.kind == "bookmark" and pdf_builders.NAME in s.text for s in doc.segments)
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert "/Outlines" not in pdf.Root
    assert_raw_absent(out, [pdf_builders.NAME])
    assert any("bookmarks" in label for label in report.metadata_removed)
    assert unexplained(out) == []


def test_page_labels_unknown_entries_and_resources_are_removed_and_named():
    pdf = pikepdf.new()
    page = _helvetica_page(
        pdf,
        b"BT /F1 12 Tf 72 760 Td (Quarterly figures) Tj ET",
        Secrets=Dictionary(X=String(f"owner {pdf_builders.NAME}")),
    )
    page.obj.PrivateNote = String(f"ask {pdf_builders.EMAIL}")
    page.obj.Thumb = pdf.make_stream(f"thumbnail of {pdf_builders.PROJECT}".encode())
    pdf.Root.PageLabels = Dictionary(
        Nums=Array([0, Dictionary(P=String(f"{pdf_builders.PROJECT}-"))])
    )
    pdf.Root.CustomData = String(f"{pdf_builders.NAME} private")
    src = _save(pdf)
    for needle in (pdf_builders.NAME, pdf_builders.EMAIL, pdf_builders.PROJECT):
        assert needle.encode() in src
    out, report = pdf_format.open_document(src, LIMITS).render({})
    assert_raw_absent(out)
    removed = " | ".join(report.metadata_removed)
    for label in (
        "page labels",
        "page thumbnails",
        "unknown page entries (/PrivateNote)",
        "unknown resource entries (/Secrets)",
        "unknown document catalog entries (/CustomData)",
    ):
        assert label in removed, label
    assert "Quarterly figures" in pdftotext(out)
    assert unexplained(out) == []


def _layered_pdf(base_state: str = "/ON") -> bytes:
    """Two layers: 'Internal' is off in the default view, 'Public' is on; plus a Form XObject
    that belongs to the hidden layer and one image-free line outside any layer."""
    pdf = pikepdf.new()
    hidden = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=String("Internal")))
    shown = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=String("Public")))
    font = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    stamp = pdf.make_stream(
        f"BT /F1 10 Tf 72 500 Td (Stamped for {pdf_builders.EMAIL}) Tj ET".encode(),
        Type=Name.XObject,
        Subtype=Name.Form,
        BBox=Array([0, 0, 595, 842]),
        Resources=Dictionary(Font=Dictionary(F1=font)),
        OC=hidden,
    )
    content = (
        b"BT /F1 12 Tf 72 760 Td (Always visible line) Tj ET\n"
        b"/OC /oc1 BDC BT /F1 12 Tf 72 700 Td (Hidden note on "
        + pdf_builders.NAME.encode()
        + b") Tj ET EMC\n"
        b"/OC /oc2 BDC BT /F1 12 Tf 72 650 Td (Public layer line) Tj ET EMC\n"
        b"/Stamp Do\n"
    )
    _helvetica_page(
        pdf,
        content,
        Properties=Dictionary(oc1=hidden, oc2=shown),
        XObject=Dictionary(Stamp=stamp),
    )
    off = Array([hidden]) if base_state == "/ON" else Array()
    on = Array([shown]) if base_state == "/OFF" else Array()
    pdf.Root.OCProperties = Dictionary(
        OCGs=Array([hidden, shown]),
        D=Dictionary(BaseState=Name(base_state), OFF=off, ON=on, Order=Array([hidden, shown])),
    )
    return _save(pdf)


@pytest.mark.parametrize("base_state", ["/ON", "/OFF"])
def test_hidden_layers_are_removed_before_reading_and_visible_layers_stay(base_state):
    src = _layered_pdf(base_state)
    assert pdf_builders.NAME.encode() in src and pdf_builders.EMAIL.encode() in src
    doc, out, report = scrub(src)
    # removed before reading: nothing of the hidden layer reaches detection or the output
    assert not any(
        pdf_builders.NAME in s.text or pdf_builders.EMAIL in s.text for s in doc.segments
    )
    assert_raw_absent(out, [pdf_builders.NAME, pdf_builders.EMAIL, "Hidden note", "Stamped for"])
    text = pdftotext(out)
    assert "Always visible line" in text and "Public layer line" in text
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert "/OCProperties" not in pdf.Root
    assert any("hidden layers (2 " in label for label in report.metadata_removed)
    assert unexplained(out) == []


def test_alternate_images_and_image_metadata_are_removed():
    pdf = pikepdf.new()
    alternate = pdf.make_stream(
        f"alternate print image for {pdf_builders.NAME}".encode(),
        Type=Name.XObject,
        Subtype=Name.Image,
        Width=1,
        Height=1,
        ColorSpace=Name.DeviceGray,
        BitsPerComponent=8,
    )
    image = pdf.make_stream(
        b"\x80",
        Type=Name.XObject,
        Subtype=Name.Image,
        Width=1,
        Height=1,
        ColorSpace=Name.DeviceGray,
        BitsPerComponent=8,
        Alternates=Array([Dictionary(Image=alternate, DefaultForPrinting=True)]),
        OPI=Dictionary(Version=String(f"opi of {pdf_builders.PROJECT}")),
    )
    _helvetica_page(
        pdf,
        b"q 50 0 0 50 72 600 cm /Im1 Do Q BT /F1 12 Tf 72 560 Td (A grey square) Tj ET",
        XObject=Dictionary(Im1=image),
    )
    src = _save(pdf)
    out, report = pdf_format.open_document(src, LIMITS).render({})
    assert_raw_absent(out, [pdf_builders.NAME, pdf_builders.PROJECT])
    removed = " | ".join(report.metadata_removed)
    assert "alternate images" in removed and "OPI" in removed
    with pikepdf.open(io.BytesIO(out)) as pdf:
        images = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype")]
        assert any(o.read_bytes() == b"\x80" for o in images)  # the picture itself stays
    assert unexplained(out) == []


def test_actual_text_inside_a_form_xobject_is_removed():
    pdf = pikepdf.new()
    font = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    form = pdf.make_stream(
        b"/Span << /ActualText (" + pdf_builders.NAME.encode() + b") >> BDC "
        b"BT /F1 12 Tf 72 700 Td (J. D.) Tj ET EMC",
        Type=Name.XObject,
        Subtype=Name.Form,
        BBox=Array([0, 0, 595, 842]),
        Resources=Dictionary(Font=Dictionary(F1=font)),
    )
    _helvetica_page(pdf, b"/Fm1 Do", XObject=Dictionary(Fm1=form))
    out, report = pdf_format.open_document(_save(pdf), LIMITS).render({})
    assert_raw_absent(out, [pdf_builders.NAME])
    assert "alternate text in marked content" in report.metadata_removed
    assert "J. D." in pdftotext(out)


def test_every_object_of_scrubbed_real_pdfs_is_explained():
    """The builders' PDFs with everything Document Inspector knows, scrubbed with edits."""
    for src in (
        pdf_builders.with_extras(pdf_builders.standard_fonts_pdf()),
        pdf_builders.ttf_pdf(),
        pdf_builders.cid_font_pdf(),
    ):
        _, out, _ = scrub(src)
        assert unexplained(out) == []
