"""Write a `Doc` as the file a person would have: .eml, .txt, .docx, .xlsx, .pdf, .csv, .json,
.pptx, .zip.

Only the libraries' ordinary APIs: the standard library's `email` package, python-docx,
openpyxl and reportlab (with DejaVu Sans embedded, so that Cyrillic, Greek, Arabic and
Vietnamese names have real glyphs and a real text layer).
"""

from __future__ import annotations

import html
import io
from email import policy
from email.message import EmailMessage
from functools import cache
from pathlib import Path

from .documents import BundleContent, PageContent, SheetContent
from .mail import MailContent
from .writer import Doc

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu")


def render(doc: Doc) -> bytes:
    c = doc.content
    if isinstance(c, MailContent) and doc.fmt == "eml":
        return _eml(c)
    if isinstance(c, PageContent):
        if doc.fmt == "pptx":
            return _pptx(c)
        return _docx(c) if doc.fmt == "docx" else _pdf(c) if doc.fmt == "pdf" else c.text().encode()
    if isinstance(c, SheetContent):
        return _xlsx(c)
    if isinstance(c, BundleContent):
        return _zip(c)
    return doc.text.encode("utf-8")


def _eml(c: MailContent) -> bytes:
    msg = EmailMessage(policy=policy.default)
    for k, v in c.headers:
        msg[k] = v
    msg.set_content(c.body, cte=c.cte)
    if c.html:
        paras = "".join(
            f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in c.body.split("\n\n")
        )
        msg.add_alternative(f"<html><body>{paras}</body></html>", subtype="html", cte=c.cte)
    # headers unfolded up to RFC 5322's 998 characters: CPython folds a long Cc between two
    # encoded words and the space between them is lost on reading ("HeloísaBragança")
    return msg.as_bytes(policy=policy.default.clone(linesep="\r\n", max_line_length=998))


def _docx(c: PageContent) -> bytes:
    import docx

    d = docx.Document()
    d.core_properties.author = c.author
    d.core_properties.title = c.title
    d.add_heading(c.title, level=0)
    for kind, value in c.blocks:
        if kind == "h":
            d.add_heading(value, level=1)
        elif kind == "p":
            for line in value.split("\n"):
                d.add_paragraph(line)
        elif kind == "bullets":
            for item in value:
                d.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            table = d.add_table(rows=len(value), cols=len(value[0]))
            table.style = "Table Grid"
            for r, row in enumerate(value):
                for col, cell in enumerate(row):
                    first, *more = cell.split("\n")  # a line per paragraph of the cell
                    table.cell(r, col).text = first
                    for line in more:
                        table.cell(r, col).add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _zip(c: BundleContent) -> bytes:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in c.members:
            zf.writestr(name, body.encode("utf-8"))
    return buf.getvalue()


def _pptx(c: PageContent) -> bytes:
    """A title slide, then a slide per heading ("h") holding the blocks after it."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    prs.core_properties.title = c.title
    prs.core_properties.author = c.author
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    slide.shapes.title.text = c.title
    body = slide.placeholders[1].text_frame
    for kind, value in c.blocks:
        if kind == "h":
            slide = prs.slides.add_slide(prs.slide_layouts[1])
            slide.shapes.title.text = value
            body = slide.placeholders[1].text_frame
            body.text = ""
        elif kind in ("p", "bullets"):
            for line in value if kind == "bullets" else value.split("\n"):
                para = body.paragraphs[0] if not body.text else body.add_paragraph()
                para.text = line
        elif kind == "table":
            shape = slide.shapes.add_table(
                len(value), len(value[0]), Inches(0.5), Inches(4.5), Inches(9), Inches(1.5)
            )
            for r, row in enumerate(value):
                for col, cell in enumerate(row):
                    shape.table.cell(r, col).text = cell
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


@cache
def _fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for folder in FONT_DIRS:
        regular, bold = Path(folder, "DejaVuSans.ttf"), Path(folder, "DejaVuSans-Bold.ttf")
        if regular.is_file() and bold.is_file():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
            return "DejaVuSans", "DejaVuSans-Bold"
    raise RuntimeError("DejaVu Sans not found (Debian package fonts-dejavu-core)")


def _pdf(c: PageContent) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    regular, bold = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13, spaceAfter=6)
    head = ParagraphStyle("head", parent=body, fontName=bold, fontSize=12, spaceBefore=6)
    title = ParagraphStyle("title", parent=body, fontName=bold, fontSize=16, leading=20)

    def para(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(html.escape(text).replace("\n", "<br/>"), style)

    flow = [para(c.title, title), Spacer(1, 6)]
    for kind, value in c.blocks:
        if kind in ("h", "p"):
            flow.append(para(value, head if kind == "h" else body))
        elif kind == "bullets":
            flow += [para(f"• {item}") for item in value]
        elif kind == "table":
            t = Table([[para(cell) for cell in row] for row in value], repeatRows=1)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]))
            flow.append(t)
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, title=c.title, author=c.author, creator="Writer").build(
        flow
    )
    return buf.getvalue()


def _xlsx(c: SheetContent) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in c.sheets:
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
