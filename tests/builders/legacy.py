"""Legacy Office, OpenDocument and RTF files made by LibreOffice itself from generated OOXML.

Each OOXML twin plants one distinct marker per place a reader must reach (body, comment and
its author, tracked insertion, footnote, header, hidden sheets, speaker notes, properties) and
one inside a tracked deletion that must vanish. `libreoffice` converts it with soffice
directly (its own profile, no code of ours), so the legacy file is what a contractor's office
suite would have written.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from tests.builders.ooxml import WORD_NS_DECL, add_override, add_rel, patch_zip

SOFFICE = shutil.which("soffice")

DOCX_PLACES = {
    "body": "Quillon Body Marker",
    "comment": "Quillon Comment Marker",
    "comment author": "Quillon Reviewer",
    "tracked insertion": "Quillon Inserted Marker",
    "footnote": "Quillon Footnote Marker",
    "header": "Quillon Header Marker",
    "title": "Quillon Title Marker",
    "author": "Quillon Creator",
    "keywords": "Quillon Keyword Marker",
}
DELETED = "Quillon Deleted Marker"  # only inside a tracked deletion
XLSX_PLACES = {
    "cell": "Quillon Cell Marker",
    "hidden sheet": "Quillon Hidden Marker",
    "very hidden sheet": "Quillon VeryHidden Marker",
    "hidden sheet name": "QuillonSecretSheet",
    "comment": "Quillon Note Marker",
    "comment author": "Quillon Annotator",
    "header": "Quillon Sheet Header",
    "title": "Quillon Book Title",
    "author": "Quillon Book Creator",
}
PPTX_PLACES = {
    "slide": "Quillon Slide Marker",
    "notes": "Quillon Speaker Marker",
    "hidden slide": "Quillon Hidden Slide",
    "title": "Quillon Deck Title",
    "author": "Quillon Deck Creator",
}

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{_W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>
</w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>
<w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r>
<w:t xml:space="preserve">{DOCX_PLACES["footnote"]}</w:t></w:r></w:p></w:footnote></w:footnotes>"""


def planted_docx() -> bytes:
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph(f"Body: {DOCX_PLACES['body']} signed the memo.")
    run = d.add_paragraph().add_run("Reviewed paragraph.")
    d.add_comment(
        run, text=DOCX_PLACES["comment"], author=DOCX_PLACES["comment author"], initials="QR"
    )
    author = 'w:author="Quillon Editor" w:date="2024-01-01T00:00:00Z"'
    body = d.element.body
    body.insert(
        len(body) - 1,
        parse_xml(
            f'<w:p {WORD_NS_DECL}><w:r><w:t xml:space="preserve">Kept, </w:t></w:r>'
            f'<w:ins w:id="91" {author}><w:r><w:t>{DOCX_PLACES["tracked insertion"]}</w:t></w:r>'
            f'</w:ins><w:del w:id="92" {author}><w:r><w:delText>{DELETED}</w:delText></w:r>'
            "</w:del></w:p>"
        ),
    )
    body.insert(
        len(body) - 1,
        parse_xml(
            f"<w:p {WORD_NS_DECL}><w:r><w:t>See the note</w:t></w:r>"
            '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
        ),
    )
    d.sections[0].header.paragraphs[0].text = DOCX_PLACES["header"]
    cp = d.core_properties
    cp.title, cp.author, cp.keywords = (
        DOCX_PLACES["title"],
        DOCX_PLACES["author"],
        DOCX_PLACES["keywords"],
    )
    buf = io.BytesIO()
    d.save(buf)
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
    return patch_zip(
        buf.getvalue(),
        add={"word/footnotes.xml": _FOOTNOTES.encode()},
        edit={
            "[Content_Types].xml": lambda b: add_override(b, "word/footnotes.xml", wml),
            "word/_rels/document.xml.rels": lambda b: add_rel(b, "rIdFn9", rel, "footnotes.xml"),
        },
    )


def planted_xlsx() -> bytes:
    import openpyxl
    from openpyxl.comments import Comment

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["A1"] = "Name"
    ws["A2"] = XLSX_PLACES["cell"]
    ws["B2"] = 42
    ws["A2"].comment = Comment(XLSX_PLACES["comment"], XLSX_PLACES["comment author"])
    ws.oddHeader.center.text = XLSX_PLACES["header"]
    hidden = wb.create_sheet(XLSX_PLACES["hidden sheet name"])
    hidden["A1"] = XLSX_PLACES["hidden sheet"]
    hidden.sheet_state = "hidden"
    very = wb.create_sheet("Backstage")
    very["A1"] = XLSX_PLACES["very hidden sheet"]
    very.sheet_state = "veryHidden"
    wb.properties.title = XLSX_PLACES["title"]
    wb.properties.creator = XLSX_PLACES["author"]
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def planted_pptx() -> bytes:
    from pptx import Presentation

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Kickoff"
    slide.placeholders[1].text_frame.text = PPTX_PLACES["slide"]
    slide.notes_slide.notes_text_frame.text = PPTX_PLACES["notes"]
    hidden = prs.slides.add_slide(prs.slide_layouts[1])
    hidden.shapes.title.text = PPTX_PLACES["hidden slide"]
    hidden._element.set("show", "0")
    prs.core_properties.title = PPTX_PLACES["title"]
    prs.core_properties.author = PPTX_PLACES["author"]
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def libreoffice(data: bytes, suffix: str, convert_to: str) -> bytes:
    """`data` (named like `suffix`) converted by soffice --convert-to, run directly."""
    assert SOFFICE, "soffice is needed"
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"in{suffix}"
        src.write_bytes(data)
        subprocess.run(
            [
                SOFFICE,
                "--headless",
                "--norestore",
                f"-env:UserInstallation=file://{tmp}/profile",
                "--convert-to",
                convert_to,
                "--outdir",
                f"{tmp}/out",
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        (out,) = Path(tmp, "out").iterdir()
        return out.read_bytes()


def carried_text(data: bytes) -> str:
    """Every string a legacy file carries, to tell that a marker really is in it: zip members
    (OpenDocument) or OLE2 streams (.doc/.xls/.ppt; UTF-16 and 8-bit text) or the RTF itself."""
    blobs: list[bytes] = []
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            blobs = [zf.read(n) for n in zf.namelist()]
    elif data[:4] == b"\xd0\xcf\x11\xe0":
        import olefile

        with olefile.OleFileIO(data) as ole:
            blobs = [ole.openstream(p).read() for p in ole.listdir()]
    else:
        blobs = [data]
    texts = []
    for blob in blobs:
        texts.append(blob.decode("latin-1"))
        texts.append(blob.decode("utf-16-le", "ignore"))
        texts.append(blob[1:].decode("utf-16-le", "ignore"))
    return "\n".join(texts)
