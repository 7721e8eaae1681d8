"""Office files carrying what a closed world must remove: unknown parts, macros, data
connections, external links, live fields and formulas, alternative-format chunks. Built with
python-docx/openpyxl/python-pptx, then parts written directly where those libraries cannot."""

from __future__ import annotations

import io

from tests.builders.ooxml import (
    OFFICE_REL,
    add_default,
    add_override,
    add_rel,
    empty_rels,
    patch_zip,
)

NAME = "Jane Doe"
EMAIL = "jane.doe@acme-corp.com"
PASSWORD = "Tr0ub4dor-Zebra-91"
SECRET_TEXT = f"Notes for {NAME} <{EMAIL}>, password: {PASSWORD}\n"
SERVER = "sql-prod-07.acme-corp.internal"
HOST = "attacker.example"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MS_REL = "http://schemas.microsoft.com/office/2006/relationships"
MACRO_CT = {
    "docx": "application/vnd.ms-word.document.macroEnabled.main+xml",
    "xlsx": "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "pptx": "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
}
PLAIN_CT = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
MAIN = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
VBA = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b'Attribute VB_Name = "Module1"\nShell "calc"' * 20


def _save(obj) -> bytes:
    buf = io.BytesIO()
    obj.save(buf)
    return buf.getvalue()


def plain_docx(*paragraphs: str) -> bytes:
    import docx

    d = docx.Document()
    for text in paragraphs or ("Quarterly notes.",):
        d.add_paragraph(text)
    return _save(d)


def plain_xlsx() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["A1"] = "Region"
    ws["B1"] = 42
    return _save(wb)


def plain_pptx() -> bytes:
    import pptx

    prs = pptx.Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Quarterly review"
    return _save(prs)


PLAIN = {"docx": plain_docx, "xlsx": plain_xlsx, "pptx": plain_pptx}


def with_unknown_member(kind: str, name: str, referenced: bool = False) -> bytes:
    """A member no reader knows, holding a name, an e-mail and a password."""
    data = PLAIN[kind]()
    edit = {}
    if referenced:  # reachable through a relationship of a type nobody defines
        main = MAIN[kind]
        rels = main.rsplit("/", 1)[0] + "/_rels/" + main.rsplit("/", 1)[1] + ".rels"
        target = name.split("/", 1)[1]
        edit[rels] = lambda b: add_rel(b, "rIdSecret", "urn:x-secret/notes", target)
    return patch_zip(data, add={name: SECRET_TEXT.encode()}, edit=edit)


def macro_enabled(kind: str) -> bytes:
    """The file as Office saves a .docm/.xlsm/.pptm: a VBA project, its data and a ribbon."""
    data = PLAIN[kind]()
    main = MAIN[kind]
    folder, base = main.rsplit("/", 1)
    rels = f"{folder}/_rels/{base}.rels"
    add = {
        f"{folder}/vbaProject.bin": VBA,
        "customUI/customUI14.xml": (
            b'<customUI xmlns="http://schemas.microsoft.com/office/2009/07/customui">'
            b'<ribbon><tabs><tab id="t" label="Jane Doe tools"><group id="g" label="x">'
            b'<button id="b" label="Run" onAction="Module1.Run"/></group></tab></tabs>'
            b"</ribbon></customUI>"
        ),
    }
    edit = {
        "[Content_Types].xml": lambda b: add_default(
            b.replace(PLAIN_CT[kind].encode(), MACRO_CT[kind].encode()),
            "bin",
            "application/vnd.ms-office.vbaProject",
        ),
        rels: lambda b: add_rel(b, "rIdVba", MS_REL + "/vbaProject", "vbaProject.bin"),
        "_rels/.rels": lambda b: add_rel(
            b,
            "rIdUi",
            "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility",
            "customUI/customUI14.xml",
        ),
    }
    if kind == "docx":
        add["word/vbaData.xml"] = (
            b'<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml">'
            b'<wne:mcds><wne:mcd wne:macroName="PROJECT.MODULE1.AUTOOPEN"/></wne:mcds>'
            b"</wne:vbaSuppData>"
        )
        add["word/_rels/vbaProject.bin.rels"] = add_rel(
            empty_rels(), "rIdD", MS_REL + "/wordVbaData", "vbaData.xml"
        )
        prev = edit["[Content_Types].xml"]
        edit["[Content_Types].xml"] = lambda b: add_override(
            prev(b), "word/vbaData.xml", "application/vnd.ms-word.vbaData+xml"
        )
    return patch_zip(data, add=add, edit=edit)


def docx_with_body(xml: str, add: dict[str, bytes] | None = None, rels=None, ct=None) -> bytes:
    """A python-docx document whose body gets `xml` (w: and r: prefixes declared) first."""
    data = plain_docx()

    def body(b: bytes) -> bytes:
        b = b.replace(b"<w:body>", b"<w:body>" + xml.encode(), 1)
        if b'xmlns:o="' not in b[:3000]:
            b = b.replace(
                b"<w:document ",
                b'<w:document xmlns:o="urn:schemas-microsoft-com:office:office" ',
                1,
            )
        return b

    edit = {"word/document.xml": body}
    if rels:
        edit["word/_rels/document.xml.rels"] = rels
    if ct:
        edit["[Content_Types].xml"] = ct
    return patch_zip(data, add=add or {}, edit=edit)


def alt_chunk_docx(content_type: str, ext: str, payload: bytes) -> bytes:
    return docx_with_body(
        '<w:altChunk r:id="rIdChunk1"/>',
        add={f"word/afchunk1.{ext}": payload},
        rels=lambda b: add_rel(b, "rIdChunk1", OFFICE_REL + "/aFChunk", f"afchunk1.{ext}"),
        ct=lambda b: add_override(b, f"word/afchunk1.{ext}", content_type),
    )


def field_runs(instr: str, result: str) -> str:
    """A complex field: begin, instruction, separate, cached result, end."""
    return (
        '<w:p><w:r><w:t xml:space="preserve">Before </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instr}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{result}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> after.</w:t></w:r></w:p>'
    )


def xlsx_patched(add: dict[str, bytes], edit: dict) -> bytes:
    return patch_zip(plain_xlsx(), add=add, edit=edit)


def sheet_cells(cells: str):
    """Replace sheet1's data with `cells` (raw <row> XML)."""
    import re

    def edit(b: bytes) -> bytes:
        return re.sub(
            rb"<sheetData>.*</sheetData>|<sheetData/>",
            f"<sheetData>{cells}</sheetData>".encode(),
            b,
            flags=re.S,
        )

    return edit
