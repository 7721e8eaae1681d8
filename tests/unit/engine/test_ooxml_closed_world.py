"""The closed world of Office packages: every case ends removed, scrubbed or failed
with a sentence, never passed through; every output passes the engine's own audit.

Over 500 lines because the closed world is one table (formats/ooxml/rules.py) and its cases,
one per kind of part, belong together: a new rule's cases are added where the others are.
"""

from __future__ import annotations

import io

import pytest

from scrubbing.engine.base import Limits, ScrubError
from scrubbing.engine.formats import docx as docx_format
from scrubbing.engine.formats import pptx as pptx_format
from scrubbing.engine.formats import xlsx as xlsx_format
from scrubbing.engine.formats.ooxml.closed import audit
from scrubbing.engine.formats.ooxml.live import is_live_formula
from scrubbing.engine.pipeline import Scrubber, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from tests.builders.closed_world import (
    EMAIL,
    HOST,
    MACRO_CT,
    NAME,
    PASSWORD,
    PLAIN_CT,
    SERVER,
    alt_chunk_docx,
    docx_with_body,
    field_runs,
    macro_enabled,
    plain_pptx,
    sheet_cells,
    with_unknown_member,
    xlsx_patched,
)
from tests.builders.ooxml import (
    OFFICE_REL,
    add_default,
    add_override,
    add_rel,
    edits_for,
    empty_rels,
    patch_zip,
    raw_leaks,
    read_zip,
)

FORMATS = {"docx": docx_format, "xlsx": xlsx_format, "pptx": pptx_format}
SEEDS = (NAME, EMAIL, PASSWORD)


def render(kind: str, data: bytes, values=SEEDS):
    doc = FORMATS[kind].open_document(data, Limits())
    out, report = doc.render(edits_for(doc, values) if values else {})
    assert audit(out) == [], audit(out)
    return out, report


def reopen(kind: str, out: bytes) -> None:
    """The output still opens in the library that writes that format."""
    if kind == "docx":
        import docx

        docx.Document(io.BytesIO(out))
    elif kind == "xlsx":
        import openpyxl

        openpyxl.load_workbook(io.BytesIO(out))
    else:
        import pptx

        pptx.Presentation(io.BytesIO(out))


# ----------------------------------------------------------------------------- unknown parts


@pytest.mark.parametrize(
    "kind,member,referenced",
    [
        ("docx", "word/notes.txt", False),
        ("xlsx", "xl/secret.txt", False),
        ("pptx", "ppt/secret.xml", False),
        ("pptx", "ppt/secret.xml", True),
        ("docx", "word/notes.txt", True),
    ],
)
def test_unknown_member_removed_and_reported(kind, member, referenced):
    data = with_unknown_member(kind, member, referenced)
    assert member in read_zip(data)
    out, report = render(kind, data, values=())
    assert member not in read_zip(out)
    assert raw_leaks(out, SEEDS) == []
    assert "1 unknown part removed" in report.notes
    reopen(kind, out)


def test_audit_names_what_no_rule_explains():
    data = with_unknown_member("pptx", "ppt/secret.xml", referenced=True)
    assert any("ppt/secret.xml" in p for p in audit(data))
    assert any("vbaProject.bin" in p for p in audit(macro_enabled("docx")))
    assert any("printerSettings" in p for p in audit(plain_pptx()))  # inputs are not closed


def test_reachable_part_of_a_read_kind_that_no_reader_reached_is_removed():
    # a notes slide hung off the presentation itself is of a kind we read, but no reader
    # reaches it there (notes are read from their slide)
    notes = (
        '<p:notes xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:cSld><p:spTree>'
        f"<p:sp><p:txBody><a:p><a:r><a:t>{SECRET}</a:t></a:r></a:p></p:txBody></p:sp>"
        "</p:spTree></p:cSld></p:notes>"
    ).encode()
    data = patch_zip(
        plain_pptx(),
        add={"ppt/notesSlides/stray.xml": notes},
        edit={
            "ppt/_rels/presentation.xml.rels": lambda b: add_rel(
                b, "rIdStray", OFFICE_REL + "/notesSlide", "notesSlides/stray.xml"
            ),
            "[Content_Types].xml": lambda b: add_override(
                b,
                "ppt/notesSlides/stray.xml",
                "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml",
            ),
        },
    )
    out, report = render("pptx", data, values=())
    assert "ppt/notesSlides/stray.xml" not in read_zip(out)
    assert raw_leaks(out, (PASSWORD,)) == []


SECRET = f"{NAME} {PASSWORD}"


# ----------------------------------------------------------------------------- macros


@pytest.mark.parametrize("kind", ["docx", "xlsx", "pptx"])
def test_macro_enabled_file_comes_out_macro_free(kind):
    data = macro_enabled(kind)
    out, report = render(kind, data, values=())
    parts = read_zip(out)
    assert not [n for n in parts if "vba" in n.lower() or "customui" in n.lower()]
    types = parts["[Content_Types].xml"]
    assert MACRO_CT[kind].encode() not in types and PLAIN_CT[kind].encode() in types
    assert b"vbaProject" not in types
    assert b"extensibility" not in parts["_rels/.rels"]
    assert "macros removed" in report.notes
    assert report.extension == f".{kind}"
    assert f"saved without macros as .{kind}" in report.notes
    reopen(kind, out)


def test_docm_through_the_pipeline_is_done_and_named_docx(detector):
    result = Scrubber().scrub("Report.docm", macro_enabled("docx"), TermLists(), Pseudonymizer())
    assert result.status == "done", result.report
    assert result.extension == ".docx"
    assert result.output_name("Report.docm") == "Report.docx"
    assert result.output_name("Report.docx") == "Report.docx"
    assert b"Shell" not in b"".join(read_zip(result.output).values())
    assert "macros removed" in result.report["notes"]


def test_excel_macro_sheet_removed_with_its_sheet_entry():
    macro_sheet = (
        b'<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" '
        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
        b'<c r="A1"><f>EXEC("calc.exe")</f></c></row></sheetData></xm:macrosheet>'
    )

    def workbook(b: bytes) -> bytes:
        b = b.replace(
            b"</sheets>",
            b'<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            b'name="Auto_Open" sheetId="9" r:id="rIdM"/></sheets>',
        )
        if b"<definedNames>" not in b:
            b = b.replace(b"</sheets>", b"</sheets><definedNames></definedNames>")
        return b.replace(
            b"<definedNames>",
            b'<definedNames><definedName name="_xlnm.Auto_Open" localSheetId="1" hidden="1">'
            b"Auto_Open!$A$1</definedName>",
        )

    data = xlsx_patched(
        {"xl/macrosheets/sheet2.xml": macro_sheet},
        {
            "xl/workbook.xml": workbook,
            "xl/_rels/workbook.xml.rels": lambda b: add_rel(
                b, "rIdM", MS_REL_MACRO, "macrosheets/sheet2.xml"
            ),
            "[Content_Types].xml": lambda b: add_override(
                b, "xl/macrosheets/sheet2.xml", "application/vnd.ms-excel.macrosheet+xml"
            ),
        },
    )
    out, report = render("xlsx", data, values=())
    parts = read_zip(out)
    assert "xl/macrosheets/sheet2.xml" not in parts
    assert b"Auto_Open" not in parts["xl/workbook.xml"]
    assert "macros removed" in report.notes
    import openpyxl

    assert openpyxl.load_workbook(io.BytesIO(out)).sheetnames == ["Data"]


MS_REL_MACRO = "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet"


def test_workbook_of_macro_sheets_only_fails_with_a_sentence():
    def only_macro(b: bytes) -> bytes:
        return b.replace(
            b"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
            b"application/vnd.ms-excel.macrosheet+xml",
        )

    data = xlsx_patched({}, {"[Content_Types].xml": only_macro})
    doc = xlsx_format.open_document(data, Limits())
    with pytest.raises(ScrubError, match="only macro sheets"):
        doc.render({})


def test_powerpoint_action_running_a_macro_removed():
    def slide(b: bytes) -> bytes:
        return b.replace(
            b'<p:cNvPr id="2" name="Title 1"/>',
            b'<p:cNvPr id="2" name="Title 1"><a:hlinkClick r:id="" action="ppaction://macro?'
            b'name=Module1.Run"/></p:cNvPr>',
        )

    data = patch_zip(plain_pptx(), edit={"ppt/slides/slide1.xml": slide})
    assert b"ppaction://macro" in read_zip(data)["ppt/slides/slide1.xml"]
    out, report = render("pptx", data, values=())
    assert b"ppaction" not in read_zip(out)["ppt/slides/slide1.xml"]
    assert any("run a program or macro" in n for n in report.notes)


# ----------------------------------------------------------------------------- altChunk


@pytest.mark.parametrize(
    "content_type,ext,payload,what",
    [
        (
            "text/html",
            "html",
            f"<!DOCTYPE html><html><head><title>Memo</title><script>var pw='{PASSWORD}'</script>"
            f"</head><body><p>Contact {NAME} at {EMAIL}</p><div>Password: {PASSWORD}</div>"
            "</body></html>".encode(),
            "HTML",
        ),
        (
            "application/rtf",
            "rtf",
            (
                r"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0\pard Contact "
                f"{NAME} at {EMAIL}\\par Password: {PASSWORD}\\par}}"
            ).encode(),
            "RTF",
        ),
        ("text/plain", "txt", f"Contact {NAME} at {EMAIL}\nPassword: {PASSWORD}".encode(), "text"),
        (
            "message/rfc822",
            "mht",
            (
                'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
                "--b\r\nContent-Type: text/html; charset=utf-8\r\n"
                "Content-Transfer-Encoding: base64\r\n\r\n"
                + __import__("base64")
                .b64encode(f"<p>Contact {NAME} at {EMAIL}</p><p>{PASSWORD}</p>".encode())
                .decode()
                + "\r\n--b--\r\n"
            ).encode(),
            "MHT",
        ),
    ],
)
def test_alt_chunk_read_and_scrubbed_like_body_text(content_type, ext, payload, what):
    data = alt_chunk_docx(content_type, ext, payload)
    doc = docx_format.open_document(data, Limits())
    body = [s.text for s in doc.segments if s.kind == "body"]
    assert any(NAME in t and EMAIL in t for t in body), body
    out, report = render("docx", data)
    assert not [n for n in read_zip(out) if "afchunk" in n]
    assert raw_leaks(out, SEEDS) == []
    assert b"altChunk" not in read_zip(out)["word/document.xml"]
    assert any(f"{what} chunk" in n and "scrubbed" in n for n in report.notes), report.notes
    import docx

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(out)).paragraphs)
    assert "Contact [REDACTED] at [REDACTED]" in text


def test_alt_chunk_we_cannot_read_is_removed():
    data = alt_chunk_docx("application/x-unknown", "bin", f"{NAME} {PASSWORD}".encode())
    out, report = render("docx", data, values=())
    assert raw_leaks(out, (PASSWORD,)) == []
    assert any("cannot read removed" in n for n in report.notes)


# ----------------------------------------------------------------------------- connections


CONNECTIONS = (
    '<connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<connection id="1" name="Payroll" type="1" refreshedVersion="6" saveData="1">'
    f'<dbPr connection="DRIVER=SQL Server;SERVER={SERVER};UID=jdoe;PWD={PASSWORD}" '
    'command="SELECT * FROM salaries"/></connection></connections>'
)
QUERY_TABLE = (
    '<queryTable xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'name="Payroll" connectionId="1" autoFormatId="16" applyNumberFormats="0"/>'
)
XL = "application/vnd.openxmlformats-officedocument.spreadsheetml."


def test_data_connections_removed_and_tables_unbound():
    data = xlsx_patched(
        {
            "xl/connections.xml": CONNECTIONS.encode(),
            "xl/queryTables/queryTable1.xml": QUERY_TABLE.encode(),
            "xl/worksheets/_rels/sheet1.xml.rels": add_rel(
                empty_rels(), "rIdQ", OFFICE_REL + "/queryTable", "../queryTables/queryTable1.xml"
            ),
        },
        {
            "xl/_rels/workbook.xml.rels": lambda b: add_rel(
                b, "rIdC", OFFICE_REL + "/connections", "connections.xml"
            ),
            "[Content_Types].xml": lambda b: add_override(
                add_override(b, "xl/connections.xml", XL + "connections+xml"),
                "xl/queryTables/queryTable1.xml",
                XL + "queryTable+xml",
            ),
        },
    )
    out, report = render("xlsx", data, values=())
    parts = read_zip(out)
    assert "xl/connections.xml" not in parts and "xl/queryTables/queryTable1.xml" not in parts
    assert raw_leaks(out, (PASSWORD, SERVER)) == []
    assert "data connections removed" in report.notes
    reopen("xlsx", out)


def test_pivot_fed_by_an_external_connection_fails_with_a_sentence():
    pivot = (
        '<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        ' r:id="" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<cacheSource type="external" connectionId="1"/><cacheFields count="0"/>'
        "</pivotCacheDefinition>"
    )
    data = xlsx_patched(
        {"xl/pivotCache/pivotCacheDefinition1.xml": pivot.encode()},
        {
            "xl/_rels/workbook.xml.rels": lambda b: add_rel(
                b,
                "rIdP",
                OFFICE_REL + "/pivotCacheDefinition",
                "pivotCache/pivotCacheDefinition1.xml",
            ),
            "[Content_Types].xml": lambda b: add_override(
                b, "xl/pivotCache/pivotCacheDefinition1.xml", XL + "pivotCacheDefinition+xml"
            ),
        },
    )
    result = Scrubber().scrub("book.xlsx", data, TermLists(), Pseudonymizer())
    assert result.status == "failed" and result.output is None
    assert "pivot table fed by an external data connection" in result.error


# ----------------------------------------------------------------------------- external links


def test_word_external_relationships_removed_hyperlinks_kept():
    body = (
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/'
        '2006/wordprocessingDrawing"><wp:extent cx="10" cy="10"/><wp:docPr id="9" name="P 9"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic='
        '"http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr '
        'id="9" name="P 9"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="rIdImg"/>'
        "</pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
        '</w:r></w:p><w:subDoc r:id="rIdSub"/>'
        '<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>site</w:t></w:r></w:hyperlink></w:p>'
    )

    def rels(b: bytes) -> bytes:
        b = add_rel(b, "rIdImg", OFFICE_REL + "/image", f"http://{HOST}/track.png", True)
        b = add_rel(b, "rIdSub", OFFICE_REL + "/subDocument", f"file://{HOST}/share/a.docx", True)
        return add_rel(b, "rIdLink", OFFICE_REL + "/hyperlink", "https://example.org/ok", True)

    data = docx_with_body(body, rels=rels)
    out, report = render("docx", data, values=())
    parts = read_zip(out)
    assert raw_leaks(out, (HOST,)) == []
    assert b"https://example.org/ok" in parts["word/_rels/document.xml.rels"]
    assert b"w:subDoc" not in parts["word/document.xml"]
    note = next(n for n in report.notes if "external link" in n)
    assert note.startswith("2 external links removed") and "linked picture" in note
    reopen("docx", out)


def test_remote_template_and_frames_removed():
    web = (
        f'<w:webSettings xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:frameset><w:frame>'
        '<w:name w:val="F1"/><w:sourceFileName r:id="rIdF"/></w:frame></w:frameset>'
        "</w:webSettings>"
    ).encode()
    data = docx_with_body("")
    data = patch_zip(
        data,
        add={
            "word/webSettings.xml": web,
            "word/_rels/webSettings.xml.rels": add_rel(
                empty_rels(), "rIdF", OFFICE_REL + "/frame", f"http://{HOST}/frame.html", True
            ),
        },
    )
    out, report = render("docx", data, values=())
    assert raw_leaks(out, (HOST,)) == []
    assert b"frameset" not in read_zip(out)["word/webSettings.xml"]
    assert "frames removed" in report.notes


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def test_pptx_linked_video_removed():
    def slide(b: bytes) -> bytes:
        return b.replace(
            b"</p:spTree>",
            b'<p:pic><p:nvPicPr><p:cNvPr id="9" name="Video 9"/><p:cNvPicPr/><p:nvPr>'
            b'<a:videoFile r:link="rIdVid"/></p:nvPr></p:nvPicPr><p:blipFill><a:blip/>'
            b"</p:blipFill><p:spPr/></p:pic></p:spTree>",
        )

    data = patch_zip(
        plain_pptx(),
        edit={
            "ppt/slides/slide1.xml": slide,
            "ppt/slides/_rels/slide1.xml.rels": lambda b: add_rel(
                b, "rIdVid", OFFICE_REL + "/video", f"https://{HOST}/v.mp4", True
            ),
        },
    )
    out, report = render("pptx", data, values=())
    assert raw_leaks(out, (HOST,)) == []
    assert b"videoFile" not in read_zip(out)["ppt/slides/slide1.xml"]
    assert any("linked video" in n for n in report.notes)
    reopen("pptx", out)


def test_workbook_links_removed_and_formulas_keep_their_values():
    link = (
        '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<externalBook r:id="rId1"><sheetNames><sheetName val="Salaries"/></sheetNames>'
        '<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>99</v></cell></row>'
        "</sheetData></sheetDataSet></externalBook></externalLink>"
    )
    cells = (
        '<row r="1"><c r="A1"><f>[1]Salaries!A1</f><v>99</v></c>'
        '<c r="B1" t="str"><f>cmd|\' /C calc\'!A0</f><v>0</v></c>'
        f'<c r="C1" t="str"><f>_xlfn.WEBSERVICE("https://{HOST}/q")</f><v>ok</v></c>'
        '<c r="D1"><f>SUM(1,2)</f><v>3</v></c></row>'
    )

    def workbook(b: bytes) -> bytes:
        return b.replace(
            b"</sheets>",
            b"</sheets><externalReferences><externalReference xmlns:r="
            b'"http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdX"/>'
            b"</externalReferences>",
        )

    data = xlsx_patched(
        {
            "xl/externalLinks/externalLink1.xml": link.encode(),
            "xl/externalLinks/_rels/externalLink1.xml.rels": add_rel(
                empty_rels(),
                "rId1",
                OFFICE_REL + "/externalLinkPath",
                f"file:///\\\\{HOST}\\hr\\Salaries.xlsx",
                True,
            ),
        },
        {
            "xl/worksheets/sheet1.xml": sheet_cells(cells),
            "xl/workbook.xml": workbook,
            "xl/_rels/workbook.xml.rels": lambda b: add_rel(
                b, "rIdX", OFFICE_REL + "/externalLink", "externalLinks/externalLink1.xml"
            ),
            "[Content_Types].xml": lambda b: add_override(
                b, "xl/externalLinks/externalLink1.xml", XL + "externalLink+xml"
            ),
        },
    )
    out, report = render("xlsx", data, values=())
    parts = read_zip(out)
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    assert "externalLinks/externalLink1.xml" not in parts
    assert b"externalReference" not in parts["xl/workbook.xml"]
    assert raw_leaks(out, (HOST, "cmd|")) == []
    assert "<f>SUM(1,2)</f>" in sheet and sheet.count("<f>") == 1
    assert "<v>99</v>" in sheet and "<v>ok</v>" in sheet
    assert any("3 formula(s) reaching outside" in n for n in report.notes)
    assert "links to other workbooks removed" in report.notes
    import openpyxl

    ws = openpyxl.load_workbook(io.BytesIO(out)).active
    assert (ws["A1"].value, ws["C1"].value, ws["D1"].value) == (99, "ok", "=SUM(1,2)")


@pytest.mark.parametrize(
    "formula,live",
    [
        ("cmd|' /C calc'!A0", True),
        ("=MSEXCEL|'\\..\\..\\Windows\\System32\\cmd.exe /c calc'!''", True),
        ("[1]Sheet1!A1+2", True),
        ("'C:\\dir\\[Book.xlsx]Sheet1'!A1", True),
        ('WEBSERVICE("https://x")', True),
        ("_xlfn.IMAGE(A1)", True),
        ('RTD("srv",,"t")', True),
        ("SUM(Table1[Amount])", False),
        ("Table1[[#This Row],[Amount]]*2", False),
        ('IF(A1="a|b [1]",1,0)', False),
        ("'My Sheet'!A1", False),
        ('HYPERLINK("https://x","x")', False),
    ],
)
def test_live_formula_detection(formula, live):
    assert is_live_formula(formula) is live


# ----------------------------------------------------------------------------- fields, OLE links


def test_live_word_fields_replaced_by_their_results():
    body = (
        field_runs('DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc"', "cached dde")
        + field_runs(f'INCLUDETEXT "\\\\\\\\{HOST}\\\\share\\\\a.docx"', "included words")
        + field_runs(f'INCLUDEPICTURE "http://{HOST}/p.png" \\d', "picture")
        + field_runs("PAGE", "7")
        + f'<w:p><w:fldSimple w:instr=" DDE Excel Sheet1 R1C1 "><w:r><w:t>simple {NAME}'
        "</w:t></w:r></w:fldSimple></w:p>"
    )
    data = docx_with_body(body)
    out, report = render("docx", data, values=(NAME,))
    xml = read_zip(out)["word/document.xml"].decode()
    for gone in ("DDEAUTO", "INCLUDETEXT", "INCLUDEPICTURE", "fldSimple", HOST, "cmd.exe"):
        assert gone not in xml, gone
    for kept in ("cached dde", "included words", "simple [REDACTED]", "PAGE"):
        assert kept in xml, kept
    note = next(n for n in report.notes if "replaced by their results" in n)
    assert note.startswith("4 field(s)") and "DDEAUTO" in note
    import docx

    texts = [p.text for p in docx.Document(io.BytesIO(out)).paragraphs]
    assert "Before cached dde after." in texts


def test_ole_link_removed_with_the_preview_we_cannot_read():
    body = (
        '<w:p><w:r><w:object><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="_x1" '
        'style="width:10pt;height:10pt"><v:imagedata r:id="rIdPrev"/></v:shape>'
        '<o:OLEObject Type="Link" ProgID="Excel.Sheet.12" ShapeID="_x1" DrawAspect="Content" '
        'r:id="rIdOle" UpdateMode="Always"/></w:object></w:r></w:p>'
    )

    def rels(b: bytes) -> bytes:
        b = add_rel(b, "rIdPrev", OFFICE_REL + "/image", "media/image9.emf")
        return add_rel(
            b, "rIdOle", OFFICE_REL + "/oleObject", f"file:///\\\\{HOST}\\book.xlsx", True
        )

    data = docx_with_body(
        body,
        add={"word/media/image9.emf": b"\x01\x00\x00\x00" + b"EMF " * 40},
        rels=rels,
        ct=lambda b: add_default(b, "emf", "image/x-emf"),
    )
    result = Scrubber().scrub("linked.docx", data, TermLists(), Pseudonymizer())
    assert result.status == "done", result.report["residual"]
    parts = read_zip(result.output)
    assert "word/media/image9.emf" not in parts and b"OLEObject" not in parts["word/document.xml"]
    assert raw_leaks(result.output, (HOST,)) == []
    assert "1 OLE link(s) removed" in result.report["notes"]


# ----------------------------------------------------------------------------- the pipeline


@pytest.mark.parametrize("kind,member", [("docx", "word/notes.txt"), ("xlsx", "xl/secret.txt")])
def test_unknown_member_through_the_pipeline_never_done_with_the_original(detector, kind, member):
    result = Scrubber().scrub(
        f"file.{kind}", with_unknown_member(kind, member), TermLists(), Pseudonymizer()
    )
    assert result.status == "done", result.report
    assert PASSWORD.encode() not in b"".join(read_zip(result.output).values())
    assert "1 unknown part removed" in result.report["notes"]


def test_every_rule_is_unique_and_says_why():
    from scrubbing.engine.formats.ooxml.rules import RULES, Keep

    matches = [r.match for r in RULES]
    assert len(matches) == len(set(matches))
    assert all(r.why for r in RULES)
    assert {r.keep for r in RULES} == set(Keep)
