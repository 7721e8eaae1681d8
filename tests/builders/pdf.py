"""Build real PDFs for the PDF tests (reportlab, pikepdf, pdfium). Nothing binary is committed."""

from __future__ import annotations

import ctypes
import io
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pikepdf import Array, Dictionary, Name, String
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
NAME = "Jane Doe"
EMAIL = "jane.doe@acme-corp.com"
PROJECT = "Project Falcon"
SEEDS = (NAME, EMAIL, PROJECT)


def _canvas(buf: io.BytesIO) -> canvas.Canvas:
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setAuthor(NAME)
    c.setTitle(f"{PROJECT} status report")
    c.setSubject(f"Prepared for {EMAIL}")
    c.setKeywords(f"{PROJECT}, confidential")
    c.setCreator("Jane's Word")
    return c


def standard_fonts_pdf(pages: int = 3) -> bytes:
    """Multi-page, standard-14 fonts, metadata and a link; seeds on every page."""
    buf = io.BytesIO()
    c = _canvas(buf)
    fonts = ["Helvetica", "Times-Roman", "Courier"]
    for p in range(pages):
        c.setFont(fonts[p % 3], 12)
        c.drawString(72, 760, f"Page {p + 1} of the quarterly summary.")
        c.drawString(72, 740, f"Prepared by {NAME} for {PROJECT}.")
        c.drawString(72, 720, f"Questions go to {EMAIL} before Friday.")
        c.drawString(72, 700, "The budget line stays unchanged at 42 units.")
        c.setFont("Helvetica-Bold", 16)
        c.drawString(72, 660, f"{PROJECT} milestones")
        if p == 0:
            c.linkURL(f"mailto:{EMAIL}", (72, 715, 400, 732), relative=0)
        c.showPage()
    c.save()
    return buf.getvalue()


def lines_pdf(lines: list[str], font: str = "Helvetica", more: list[str] = ()) -> bytes:
    """One page, one drawString per line (reportlab), 20 pt apart; `more` follows as one
    paragraph of 10 pt text set 12 pt apart, and the first lines are then set in 16 pt."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont(font, 16 if more else 12)
    for i, line in enumerate(lines):
        c.drawString(72, 760 - 20 * i, line)
    c.setFont(font, 10)
    for i, line in enumerate(more):
        c.drawString(72, 730 - 20 * len(lines) - 12 * i, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def ttf_pdf() -> bytes:
    """Embedded DejaVuSans (TrueType subset with ToUnicode) with non-ASCII text."""
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
    buf = io.BytesIO()
    c = _canvas(buf)
    c.setFont("DejaVuSans", 13)
    c.drawString(72, 760, f"Müller & {NAME} signed the Überweisung for {PROJECT}.")
    c.drawString(72, 740, f"Kontakt: {EMAIL} — café crème")
    c.drawString(72, 720, "Nothing personal on this line: naïve façade.")
    c.showPage()
    c.save()
    return buf.getvalue()


def form_xobject_pdf(draws: int = 1) -> bytes:
    """The name sits inside a Form XObject (a stamp), drawn `draws` times on page 1."""
    buf = io.BytesIO()
    c = _canvas(buf)
    c.beginForm("stamp")
    c.setFont("Helvetica", 12)
    c.drawString(72, 600, f"Approved by {NAME}")
    c.endForm()
    c.setFont("Helvetica", 12)
    c.drawString(72, 760, "Cover page text that is not sensitive.")
    c.doForm("stamp")
    for n in range(1, draws):
        c.saveState()
        c.translate(0, -100 * n)
        c.doForm("stamp")
        c.restoreState()
    c.showPage()
    c.setFont("Helvetica", 12)
    c.drawString(72, 760, f"Second page by {NAME}.")
    c.showPage()
    c.save()
    return buf.getvalue()


def tj_kerned_pdf() -> bytes:
    """Hand-written content: the name split over TJ kerning, ' and \" operators, q/Q state."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.Type1,
            BaseFont=Name.Helvetica,
            Encoding=Name.WinAnsiEncoding,
        )
    )
    content = (
        b"BT /F1 12 Tf 14 TL 72 760 Td [(Signed: J) -20 (ane) -333 (D) 10 (oe) ( today)] TJ ET\n"
        b"BT /F1 12 Tf 14 TL 72 700 Td 1 Tc (x) Tj 0 Tc T* (Lead: Jane Doe, ops) ' "
        b'2 0.5 (Owner Jane Doe here) " ET\n'
        b"q BT /F1 10 Tf 72 600 Td (Plain closing line.) Tj ET Q\n"
    )
    page = pdf.add_blank_page(page_size=(595, 842))
    page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(content)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def cid_font_pdf() -> bytes:
    """A Type0/Identity-H font (what Chrome and many converters produce), made by pdfium."""
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(595, 842)
    data = DEJAVU.read_bytes()
    buf = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
    font = pdfium_c.FPDFText_LoadFont(doc, buf, len(data), pdfium_c.FPDF_FONT_TRUETYPE, True)
    assert font
    for y, line in ((760, f"Reviewer: {NAME}, {PROJECT}"), (740, "Unrelated closing remark.")):
        obj = pdfium_c.FPDFPageObj_CreateTextObj(doc, font, 12)
        text = (line + "\x00").encode("utf-16-le")
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(text, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 72, y)
        pdfium_c.FPDFPage_InsertObject(page, obj)
    pdfium_c.FPDFPage_GenerateContent(page)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def with_extras(data: bytes) -> bytes:
    """Add what Document Inspector should remove: XMP, attachment, JavaScript, comment, form."""
    pdf = pikepdf.open(io.BytesIO(data))
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = [NAME]
        meta["dc:title"] = f"{PROJECT} (XMP)"
    pdf.attachments["contacts.txt"] = pikepdf.AttachedFileSpec(
        pdf, f"{NAME} <{EMAIL}>".encode(), description="contacts"
    )
    js = pdf.make_indirect(Dictionary(S=Name.JavaScript, JS=String("app.alert('Jane Doe');")))
    names = pdf.Root.get("/Names") or Dictionary()
    names.JavaScript = Dictionary(Names=Array([String("hello"), js]))
    pdf.Root.Names = names
    pdf.Root.OpenAction = js
    page = pdf.pages[0]
    comment = pdf.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Text,
            Rect=Array([300, 300, 320, 320]),
            Contents=String(f"Check with {NAME}"),
            T=String(NAME),
        )
    )
    field = pdf.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Widget,
            FT=Name.Tx,
            T=String("owner"),
            V=String(EMAIL),
            Rect=Array([300, 200, 500, 220]),
            P=page.obj,
        )
    )
    annots = page.obj.get("/Annots") or Array()
    annots.append(comment)
    annots.append(field)
    page.obj.Annots = annots
    pdf.Root.AcroForm = Dictionary(Fields=Array([field]))
    page.obj.AA = Dictionary(O=js)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def encrypted_pdf(data: bytes, user: str = "secret") -> bytes:
    pdf = pikepdf.open(io.BytesIO(data))
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(user=user, owner="owner-secret"))
    return out.getvalue()


def many_pages_pdf(pages: int) -> bytes:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def jpeg_pdf(jpeg: bytes, width: int, height: int) -> bytes:
    """One page showing a JPEG embedded as-is (DCTDecode), EXIF and all, plus a line of text."""
    pdf = pikepdf.new()
    image = pdf.make_stream(
        jpeg,
        Type=Name.XObject,
        Subtype=Name.Image,
        Width=width,
        Height=height,
        ColorSpace=Name.DeviceRGB,
        BitsPerComponent=8,
        Filter=Name.DCTDecode,
    )
    font = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    page = pdf.add_blank_page(page_size=(595, 842))
    page.obj.Resources = Dictionary(XObject=Dictionary(Im1=image), Font=Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(
        b"q 64 0 0 64 72 600 cm /Im1 Do Q BT /F1 12 Tf 72 500 Td (Photo page) Tj ET"
    )
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()
