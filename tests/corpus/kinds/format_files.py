"""Issue 15's slice: one file of every format the engine reads, each made by its own library.

Every file carries a `Memo` (a handover note) written with fresh values from the independent
slice's lists: people from many cultures in several written forms, a company, a postal
address, a code name, phone numbers, e-mails and an API key, placed where the format keeps
text (body, table, header, comment, notes, hidden sheet, properties, member names...). This
module holds the memo and the formats written by python-docx, openpyxl, python-pptx,
reportlab, nbformat, zipfile and tarfile; `format_media` the pictures, mail and legacy files.
"""

from __future__ import annotations

import csv
import html
import io
import json
import tarfile
from dataclasses import dataclass

from .code_archives import CONTAINER, EPUB_MIMETYPE, zip_bytes
from .plant import Case, KindWriter


@dataclass
class Memo:
    title: str
    author: str  # the document's author property (or the sender)
    paras: list[str]
    rows: list[list[str]]  # a contact table, the first row its header
    note: str  # a comment, speaker note, hidden sheet or attachment
    member: str = ""  # a file name with a person's name in it (archives)

    def text(self) -> str:
        lines = [self.title, self.author, *self.paras, *("\t".join(r) for r in self.rows)]
        return "\n\n".join([*lines, self.note, self.member]).strip() + "\n"


def memo(w: KindWriter) -> Memo:
    a, b, c = w.people(3)
    org = w.company()
    k = w.codename()
    address = w.address(org.country)
    return Memo(
        title=f"{w.code(k, 0)} – handover notes",
        author=w.name(a, "western"),
        paras=[
            f"{w.name(a, 'full')} hands {w.code(k, 1)} over to {w.name(b, 'last_first')} of "
            f"{w.org(org)} on 2 March.",
            f"Site office: {w.address_text(address, 'line')}. Call {w.phone(org.country)} or "
            f"write to {w.email(b, org)}.",
            f"The staging deploy key is {w.any_secret()}; rotate it after the handover.",
        ],
        rows=[
            ["Name", "Role", "Phone", "E-mail"],
            [w.name(c, "full"), "site lead", w.phone(), w.email(c)],
        ],
        note=f"Ask {w.name(c, 'call')} about the {w.code(k, 2)} backlog.",
        member=w.file_name(b, "_1on1.md"),
    )


def memo_case(w: KindWriter, m: Memo, data: bytes, lib: str, kind: str = "") -> Case:
    kind = kind or w.name_.split(".", 1)[1]
    return Case(w.name_, kind, data, w.doc(m, m.text()), "opens", lib)


def docx_bytes(m: Memo) -> bytes:
    import docx

    d = docx.Document()
    d.core_properties.author, d.core_properties.title = m.author, m.title
    d.sections[0].header.paragraphs[0].text = m.title
    d.add_heading("Handover", level=0)
    paras = [d.add_paragraph(p) for p in m.paras]
    if m.rows:
        table = d.add_table(rows=len(m.rows), cols=len(m.rows[0]))
        for r, row in enumerate(m.rows):
            for col, cell in enumerate(row):
                table.cell(r, col).text = cell
    if m.note:
        d.add_comment(paras[0].runs[0], text=m.note, author="Reviewer", initials="R")
    if m.member:
        d.add_paragraph(f"Notes: {m.member}")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def xlsx_bytes(m: Memo) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Handover"
    ws.append(["Handover"])
    for p in m.paras:
        ws.append([p])
    ws.append([])
    for row in m.rows:
        ws.append(row)
    ws.append([m.member])
    hidden = wb.create_sheet("Backlog")
    hidden["A1"] = m.note
    hidden.sheet_state = "hidden"
    wb.properties.creator, wb.properties.title = m.author, m.title
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def pptx_bytes(m: Memo) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Handover"
    body = slide.placeholders[1].text_frame
    body.text = m.paras[0]
    for p in m.paras[1:]:
        body.add_paragraph().text = p
    slide.notes_slide.notes_text_frame.text = m.note
    second = prs.slides.add_slide(prs.slide_layouts[5])
    second.shapes.title.text = m.member or "Contacts"
    shape = second.shapes.add_table(len(m.rows), len(m.rows[0]), Inches(0.5), Inches(2),
                                    Inches(9), Inches(1.5))  # fmt: skip
    for r, row in enumerate(m.rows):
        for col, cell in enumerate(row):
            shape.table.cell(r, col).text = cell
    prs.core_properties.author, prs.core_properties.title = m.author, m.title
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def build_docx(w: KindWriter) -> Case:
    m = memo(w)
    return memo_case(w, m, docx_bytes(m), "python-docx")


def build_xlsx(w: KindWriter) -> Case:
    m = memo(w)
    return memo_case(w, m, xlsx_bytes(m), "openpyxl")


def build_pptx(w: KindWriter) -> Case:
    m = memo(w)
    return memo_case(w, m, pptx_bytes(m), "python-pptx")


def build_pdf(w: KindWriter) -> Case:
    from tests.corpus.independent.documents import PageContent
    from tests.corpus.independent.render import _pdf

    m = memo(w)
    blocks = [("p", p) for p in m.paras] + [("table", m.rows), ("p", m.note), ("p", m.member)]
    return memo_case(w, m, _pdf(PageContent(m.title, blocks, author=m.author)), "reportlab")


def build_txt(w: KindWriter) -> Case:
    m = memo(w)
    return memo_case(w, m, m.text().encode(), "str.encode", "text")


def build_csv(w: KindWriter) -> Case:
    """A contact export: the contacts under their header, then the memo's other lines."""
    m = memo(w)
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerows(m.rows)
    extra = [("title", m.title), ("author", m.author), *(("paragraph", p) for p in m.paras),
             ("note", m.note), ("attachment", m.member)]  # fmt: skip
    out.writerows([value, field, "", ""] for field, value in extra)
    return memo_case(w, m, buf.getvalue().encode(), "csv")


def build_json(w: KindWriter) -> Case:
    m = memo(w)
    people = [dict(zip(m.rows[0], row, strict=True)) for row in m.rows[1:]]
    obj = {"title": m.title, "author": m.author, "paragraphs": m.paras, "contacts": people,
           "note": m.note, "attachment": m.member}  # fmt: skip
    return memo_case(w, m, json.dumps(obj, ensure_ascii=False, indent=2).encode(), "json")


def html_page(m: Memo) -> str:
    e = html.escape
    rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>\n" for row in m.rows)
    paras = "".join(f"<p>{e(p)}</p>\n" for p in m.paras)
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="author" content="{e(m.author)}">\n<title>{e(m.title)}</title>\n</head>\n'
        f"<body>\n<h1>Handover</h1>\n{paras}<table>\n{rows}</table>\n"
        f'<p title="{e(m.note)}">Backlog</p>\n<p><a href="{e(m.member)}">notes</a></p>\n'
        "</body>\n</html>\n"
    )


def build_html(w: KindWriter) -> Case:
    m = memo(w)
    return memo_case(w, m, html_page(m).encode(), "str.encode (HTML5)")


def build_ipynb(w: KindWriter) -> Case:
    import nbformat
    from nbformat import v4

    m = memo(w)
    nb = v4.new_notebook()
    nb.metadata.update(
        kernelspec={"name": "python3", "display_name": "Python 3", "language": "python"},
        authors=[{"name": m.author}],
    )
    table = json.dumps([dict(zip(m.rows[0], r, strict=True)) for r in m.rows[1:]],
                       ensure_ascii=False)  # fmt: skip
    nb.cells = [
        v4.new_markdown_cell(f"# {m.title}\n\n" + "\n\n".join(m.paras)),
        v4.new_code_cell(f"contacts = {table}\n# {m.note}\nlen(contacts)", execution_count=1,
                         outputs=[v4.new_output("stream", name="stdout", text=m.member + "\n")]),
    ]  # fmt: skip
    for i, cell in enumerate(nb.cells, 1):
        cell["id"] = f"cell-{i}"
    return memo_case(w, m, nbformat.writes(nb).encode(), "nbformat")


def _members(m: Memo) -> list[tuple[str, bytes]]:
    body = "\n\n".join([m.title, *m.paras]) + "\n"
    rows = "\n".join(",".join(r) for r in m.rows) + "\n"
    return [
        ("handover/README.md", f"# Handover\n\nAuthor: {m.author}\n\n{body}".encode()),
        ("handover/contacts.csv", rows.encode()),
        (f"handover/notes/{m.member}", f"{m.note}\n".encode()),
    ]


def build_zip(w: KindWriter) -> Case:
    m = memo(w)
    members = _members(m)
    members[0] = ("handover/memo.docx", docx_bytes(Memo(m.title, m.author, m.paras, [], "")))
    return memo_case(w, m, zip_bytes(members), "zipfile")


def tar_bytes(members: list[tuple[str, bytes]], mode: str) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as tf:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 1709286000, 0o644
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def build_tar(w: KindWriter) -> Case:
    m = memo(w)
    return memo_case(w, m, tar_bytes(_members(m), "w"), "tarfile")


def build_tgz(w: KindWriter) -> Case:
    m = memo(w)
    return memo_case(w, m, tar_bytes(_members(m), "w:gz"), "tarfile (gzip)", "tar.gz")


def build_epub(w: KindWriter) -> Case:
    m = memo(w)
    e = html.escape
    opf = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" '
        'version="3.0" unique-identifier="uid"><metadata '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="uid">urn:uuid:'
        f"0c1f2b9e-1d2a-4c55-9a53-7a1f0e6d2b44</dc:identifier><dc:title>{e(m.title)}</dc:title>"
        f"<dc:creator>{e(m.author)}</dc:creator><dc:language>en</dc:language></metadata>"
        '<manifest><item id="ch1" href="chapter1.xhtml" media-type="application/xhtml+xml"/>'
        '</manifest><spine><itemref idref="ch1"/></spine></package>\n'
    )
    rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in m.rows)
    chapter = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html '
        'xmlns="http://www.w3.org/1999/xhtml"><head><title>Handover</title></head><body>'
        + "".join(f"<p>{e(p)}</p>" for p in m.paras)
        + f"<table>{rows}</table><p>{e(m.note)}</p><p>{e(m.member)}</p></body></html>\n"
    )
    members = [
        ("mimetype", EPUB_MIMETYPE),
        ("META-INF/container.xml", CONTAINER.encode()),
        ("OEBPS/content.opf", opf.encode()),
        ("OEBPS/chapter1.xhtml", chapter.encode()),
    ]
    return memo_case(w, m, zip_bytes(members, stored=("mimetype",)), "zipfile (EPUB OCF)")
