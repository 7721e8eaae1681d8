"""Build real .docx/.xlsx/.pptx files seeded with personal data in every place a reader must
reach, using python-docx/openpyxl/python-pptx where they can and raw XML where they cannot.

Also helpers to compute edits (like a detector would) and to search raw output bytes.

Over 500 lines because the three formats' builders share their raw-XML helpers (parts,
relationships, content types) and must plant the same places; one module keeps them in step.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable
from html import escape
from urllib.parse import quote

from scrubbing.engine.base import Document, Edit

NAME = "Jane Doe"
EMAIL = "jane.doe@acme-corp.com"
PROJECT = "Project Falcon"
SEEDS = (NAME, EMAIL, PROJECT)
DELETED = "Withdrawn Bonus Figure"  # only inside tracked deletions: must vanish, never a segment
REPLACEMENT = "[REDACTED]"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# ----------------------------------------------------------------------------- zip helpers


def read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def write_zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in parts.items():
            zf.writestr(name, blob)
    return out.getvalue()


def patch_zip(
    data: bytes,
    add: dict[str, bytes] | None = None,
    edit: dict[str, Callable[[bytes], bytes]] | None = None,
) -> bytes:
    parts = read_zip(data)
    for name, fn in (edit or {}).items():
        parts[name] = fn(parts[name])
    parts.update(add or {})
    return write_zip(parts)


def add_override(parts_ct: bytes, partname: str, content_type: str) -> bytes:
    tag = f'<Override PartName="/{partname}" ContentType="{content_type}"/>'
    return parts_ct.replace(b"</Types>", tag.encode() + b"</Types>")


def add_default(parts_ct: bytes, ext: str, content_type: str) -> bytes:
    if f'Extension="{ext}"'.encode() in parts_ct:
        return parts_ct
    tag = f'<Default Extension="{ext}" ContentType="{content_type}"/>'
    return parts_ct.replace(b"</Types>", tag.encode() + b"</Types>")


def add_rel(rels: bytes, rel_id: str, rel_type: str, target: str, external: bool = False) -> bytes:
    mode = ' TargetMode="External"' if external else ""
    tag = f'<Relationship Id="{rel_id}" Type="{rel_type}" Target="{target}"{mode}/>'
    return rels.replace(b"</Relationships>", tag.encode() + b"</Relationships>")


def empty_rels() -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_REL}"></Relationships>'.encode()


def insert_before(xml: bytes, marker: bytes, snippet: str) -> bytes:
    assert marker in xml, marker
    return xml.replace(marker, snippet.encode() + marker, 1)


# ----------------------------------------------------------------------------- detection stand-in


def edits_for(doc: Document, values: Iterable[str] = SEEDS) -> dict[int, list[Edit]]:
    """Every case-insensitive occurrence of `values`, overlapping hits merged, per segment."""
    pattern = re.compile("|".join(re.escape(v) for v in values), re.I)
    edits: dict[int, list[Edit]] = {}
    for seg in doc.segments:
        spans: list[list[int]] = []
        for m in pattern.finditer(seg.text):
            if spans and m.start() <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], m.end())
            else:
                spans.append([m.start(), m.end()])
        if spans:
            edits[seg.index] = [Edit(s, e, REPLACEMENT) for s, e in spans]
    return edits


def missing_from_segments(doc: Document, values: Iterable[str] = SEEDS) -> list[str]:
    blob = "\n".join(s.text for s in doc.segments).lower()
    return [v for v in values if v.lower() not in blob]


def _forms(value: str) -> set[bytes]:
    forms = {value, escape(value), escape(value, quote=False), quote(value), quote(value, safe="")}
    forms |= {value.replace(" ", "%20"), value.replace("@", "%40")}
    return {f.lower().encode("utf-8") for f in forms}


def raw_leaks(data: bytes, values: Iterable[str] = SEEDS, prefix: str = "") -> list[str]:
    """Parts (recursing into embedded zips) whose bytes still hold a value in any encoding."""
    leaks = []
    forms = {v: _forms(v) for v in values}
    for name, blob in read_zip(data).items():
        low = blob.lower()
        for value, encoded in forms.items():
            if any(f in low for f in encoded):
                leaks.append(f"{prefix}{name}: {value}")
        if blob[:2] == b"PK":
            leaks += raw_leaks(blob, values, prefix=f"{prefix}{name}/")
    return leaks


# ----------------------------------------------------------------------------- docx

WORD_NS_DECL = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"'
)

TEXTBOX_P = f"""<w:p {WORD_NS_DECL}><w:r><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0"
 simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>
</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
<wp:extent cx="1000000" cy="500000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>
<wp:docPr id="7" name="Text Box 7" descr="Photo of {NAME}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1000000" cy="500000"/>
</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>
<w:p><w:r><w:t>Box owner {NAME}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>
</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape id="tb7" style="width:80pt;height:40pt"><v:textbox><w:txbxContent>
<w:p><w:r><w:t>Box owner {NAME}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>
</mc:Fallback></mc:AlternateContent></w:r></w:p>"""

REVISIONS_P = f"""<w:p {WORD_NS_DECL} w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6"><w:r w:rsidR="00A1B2C3">
<w:rPr><w:b/><w:rPrChange w:id="90" w:author="{NAME}" w:date="2024-01-01T00:00:00Z"><w:rPr/></w:rPrChange></w:rPr>
<w:t xml:space="preserve">Kept text, </w:t></w:r>
<w:ins w:id="91" w:author="{NAME}" w:date="2024-01-01T00:00:00Z"><w:r><w:t>inserted by {PROJECT} team</w:t></w:r></w:ins>
<w:del w:id="92" w:author="{NAME}" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>{DELETED}</w:delText></w:r></w:del>
</w:p>"""

FIELD_P = f"""<w:p {WORD_NS_DECL}><w:r><w:fldChar w:fldCharType="begin"/></w:r>
<w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:{EMAIL}" </w:instrText></w:r>
<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>write to us</w:t></w:r>
<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"""

NOTES_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:{kind}s {ns}><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>
<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>
<w:{kind} w:id="1"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:{kind}></w:{kind}s>"""

PEOPLE_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w15:people {WORD_NS_DECL}><w15:person w15:author="{NAME}"><w15:presenceInfo w15:providerId="AD"
 w15:userId="S::{EMAIL}::1234"/></w15:person></w15:people>"""

CUSTOM_PROPS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
 xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="Client"><vt:lpwstr>{PROJECT} client</vt:lpwstr></property>
<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="3" name="Owner"><vt:lpwstr>{EMAIL}</vt:lpwstr></property>
</Properties>"""

CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
RT_CUSTOM = OFFICE_REL + "/custom-properties"


def _app_patch(xml: bytes) -> bytes:
    extra = (
        f"<Company>{PROJECT} Holdings</Company><Manager>{NAME}</Manager>"
        "<Template>C:\\Users\\jdoe\\AppData\\Roaming\\Microsoft\\Templates\\Falcon.dotm</Template>"
        "<TotalTime>42</TotalTime><HyperlinkBase>https://intranet.example/</HyperlinkBase>"
    )
    xml = re.sub(rb"<Company>.*?</Company>|<Company/>|<Template>.*?</Template>", b"", xml)
    return xml.replace(b"</Properties>", extra.encode() + b"</Properties>")


def _package_extras(add: dict[str, bytes], edit: dict[str, Callable[[bytes], bytes]]) -> None:
    """custom.xml + app.xml company/manager/template, common to all three formats."""
    add["docProps/custom.xml"] = CUSTOM_PROPS.encode()
    prev_ct = edit.get("[Content_Types].xml", lambda b: b)
    edit["[Content_Types].xml"] = lambda b: add_override(
        prev_ct(b), "docProps/custom.xml", CT_CUSTOM
    )
    prev_rels = edit.get("_rels/.rels", lambda b: b)
    edit["_rels/.rels"] = lambda b: add_rel(
        prev_rels(b), "rIdCustom9", RT_CUSTOM, "docProps/custom.xml"
    )
    edit["docProps/app.xml"] = _app_patch


def build_docx() -> bytes:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.shared import Pt

    d = docx.Document()
    p = d.add_paragraph()
    r = p.add_run("Contact: ")
    r.underline = True
    r = p.add_run("Ja")
    r.bold = True
    r = p.add_run("ne ")
    r.italic = True
    r = p.add_run("Doe")
    r.font.size = Pt(14)
    r = p.add_run(" today.")
    r.font.size = Pt(9)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = f"Owner {NAME}"
    inner = table.cell(1, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = f"Nested {PROJECT}"
    # hyperlinks (relationship targets)
    rid = d.part.relate_to(f"mailto:{EMAIL}", RT.HYPERLINK, is_external=True)
    rid2 = d.part.relate_to("https://intranet.acme-corp.com/Project%20Falcon", RT.HYPERLINK, True)
    link = parse_xml(
        f'<w:p {WORD_NS_DECL}><w:hyperlink r:id="{rid}"><w:r><w:t>mail</w:t></w:r></w:hyperlink>'
        f'<w:hyperlink r:id="{rid2}"><w:r><w:t>site</w:t></w:r></w:hyperlink></w:p>'
    )
    body = d.element.body
    for xml in (TEXTBOX_P, REVISIONS_P, FIELD_P):
        body.insert(len(body) - 1, parse_xml(xml))
    body.insert(len(body) - 1, link)
    fn = parse_xml(
        f'<w:p {WORD_NS_DECL}><w:r><w:t>See note</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
        '<w:r><w:endnoteReference w:id="1"/></w:r></w:p>'
    )
    body.insert(len(body) - 1, fn)
    # comment with author/initials
    run = d.add_paragraph().add_run("Reviewed.")
    d.add_comment(run, text=f"Ask {NAME} about {PROJECT}", author=NAME, initials="JD")
    # headers/footers: default, first, even; a second section with its own
    d.settings.odd_and_even_pages_header_footer = True
    s1 = d.sections[0]
    s1.different_first_page_header_footer = True
    s1.header.paragraphs[0].text = f"Header {NAME}"
    s1.first_page_header.paragraphs[0].text = f"First page {PROJECT}"
    s1.even_page_header.paragraphs[0].text = f"Even {EMAIL}"
    s1.footer.paragraphs[0].text = f"Footer {PROJECT}"
    s1.first_page_footer.paragraphs[0].text = f"First footer {NAME}"
    s1.even_page_footer.paragraphs[0].text = f"Even footer {NAME}"
    s2 = d.add_section()
    s2.header.is_linked_to_previous = False
    s2.header.paragraphs[0].text = f"Section two {EMAIL}"
    d.add_paragraph("Closing line without secrets.")
    cp = d.core_properties
    cp.author, cp.last_modified_by, cp.title = NAME, EMAIL, f"{PROJECT} plan"
    cp.subject, cp.keywords, cp.comments = PROJECT, f"{NAME}; falcon", f"by {EMAIL}"
    cp.category, cp.revision = PROJECT, 7
    buf = io.BytesIO()
    d.save(buf)

    ns = f'xmlns:w="{W_NS}"'
    add = {
        "word/footnotes.xml": NOTES_XML.format(
            kind="footnote", ns=ns, text=f"Source: {NAME}"
        ).encode(),
        "word/endnotes.xml": NOTES_XML.format(kind="endnote", ns=ns, text=f"End {EMAIL}").encode(),
        "word/people.xml": PEOPLE_XML.encode(),
        "word/printerSettings/printerSettings1.bin": b"\\\\PRINTSRV\\" + NAME.encode("utf-16-le"),
        "word/_rels/settings.xml.rels": add_rel(
            empty_rels(),
            "rIdTpl1",
            OFFICE_REL + "/attachedTemplate",
            "file:///C:/Users/jane.doe/Templates/Falcon.dotx",
            external=True,
        ),
    }
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"

    def ct(b: bytes) -> bytes:
        b = add_override(b, "word/footnotes.xml", f"{wml}.footnotes+xml")
        b = add_override(b, "word/endnotes.xml", f"{wml}.endnotes+xml")
        b = add_override(b, "word/people.xml", f"{wml}.people+xml")
        return add_default(b, "bin", f"{wml}.printerSettings")

    def rels(b: bytes) -> bytes:
        b = add_rel(b, "rIdFn1", OFFICE_REL + "/footnotes", "footnotes.xml")
        b = add_rel(b, "rIdEn1", OFFICE_REL + "/endnotes", "endnotes.xml")
        b = add_rel(
            b,
            "rIdPpl1",
            "http://schemas.microsoft.com/office/2011/relationships/people",
            "people.xml",
        )
        return add_rel(
            b, "rIdPs1", OFFICE_REL + "/printerSettings", "printerSettings/printerSettings1.bin"
        )

    def settings(b: bytes) -> bytes:
        b = b.replace(
            b"<w:defaultTabStop", b'<w:attachedTemplate r:id="rIdTpl1"/><w:defaultTabStop', 1
        )
        if b"xmlns:r=" not in b[:2000]:
            b = b.replace(b"<w:settings ", f'<w:settings xmlns:r="{R_NS}" '.encode(), 1)
        b = b.replace(
            b"</w:settings>",
            f'<w:docVars><w:docVar w:name="owner" w:val="{NAME}"/></w:docVars>'
            '<w:rsids><w:rsidRoot w:val="00A1B2C3"/><w:rsid w:val="00A1B2C3"/></w:rsids></w:settings>'.encode(),
        )
        return b

    edit: dict[str, Callable[[bytes], bytes]] = {
        "[Content_Types].xml": ct,
        "word/_rels/document.xml.rels": rels,
        "word/settings.xml": settings,
    }
    _package_extras(add, edit)
    return patch_zip(buf.getvalue(), add=add, edit=edit)


# ----------------------------------------------------------------------------- xlsx

TC_NS = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
THREADED = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ThreadedComments xmlns="{TC_NS}"><threadedComment ref="C3" dT="2024-01-01T00:00:00.00"
 personId="{{11111111-1111-1111-1111-111111111111}}" id="{{22222222-2222-2222-2222-222222222222}}">
<text>@{NAME} please check {PROJECT}</text><mentions><mention mentionpersonId="{{11111111-1111-1111-1111-111111111111}}"
 mentionId="{{33333333-3333-3333-3333-333333333333}}" startIndex="0" length="9"/></mentions></threadedComment></ThreadedComments>"""
SHARED_STRINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="3">
<si><t>{NAME}</t></si><si><r><rPr><b/><sz val="11"/></rPr><t>Ja</t></r><r><rPr><i/><sz val="11"/></rPr>
<t>ne Doe rich</t></r></si><si><t>unused {PROJECT}</t></si></sst>"""
PERSONS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<personList xmlns="{TC_NS}"><person displayName="{NAME}" id="{{11111111-1111-1111-1111-111111111111}}"
 userId="{EMAIL}" providerId="AD"/></personList>"""


def build_xlsx() -> bytes:
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.chart import BarChart, Reference
    from openpyxl.comments import Comment
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.table import Table

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["A1"] = "Acme Corp"
    ws["B1"] = NAME
    ws["B2"] = NAME
    ws["B3"] = NAME
    ws["A2"] = CellRichText(
        [TextBlock(InlineFont(b=True), "Ja"), TextBlock(InlineFont(i=True), "ne Doe rich")]
    )
    ws["A3"] = 12.5
    ws["C1"] = '=IF(A1="Acme Corp","Jane Doe","other")'
    ws["C2"] = "='Jane Doe'!A1&\" \"&Secret!A1"
    ws["C4"] = "keep me"
    ws["C3"].comment = Comment(f"Call {NAME} re {PROJECT}", NAME)
    ws["E5"] = "mail"
    ws["E5"].hyperlink = f"mailto:{EMAIL}"
    ws.oddHeader.center.text = f"{NAME} confidential"
    ws.oddFooter.right.text = f"{PROJECT} &P"
    dv = DataValidation(
        type="list", formula1='"Jane Doe,John Smith"', prompt=f"Ask {EMAIL}", promptTitle=PROJECT
    )
    dv.add("D1:D5")
    ws.add_data_validation(dv)
    ws["A10"], ws["B10"] = f"{PROJECT} Owner", "Amount"
    ws["A11"], ws["B11"] = "x", 1
    ws.add_table(Table(displayName="Clients", ref="A10:B11"))
    chart = BarChart()
    chart.title = f"{PROJECT} results"
    chart.add_data(Reference(ws, min_col=2, min_row=10, max_row=11), titles_from_data=True)
    ws.add_chart(chart, "H2")
    hidden = wb.create_sheet(NAME)
    hidden["A1"] = f"hidden {EMAIL}"
    hidden.sheet_state = "hidden"
    very = wb.create_sheet("Secret")
    very["A1"] = f"very hidden {PROJECT}"
    very.sheet_state = "veryHidden"
    wb.defined_names["FalconTotal"] = DefinedName("FalconTotal", attr_text="'Jane Doe'!$A$1")
    wb.defined_names["Label"] = DefinedName("Label", attr_text=f'"{PROJECT}"')
    wb.properties.creator, wb.properties.lastModifiedBy = NAME, EMAIL
    wb.properties.title, wb.properties.keywords = PROJECT, NAME
    buf = io.BytesIO()
    wb.save(buf)

    def sheet1(b: bytes) -> bytes:
        # inline string + a formula whose cached text result holds a name
        b = re.sub(
            rb'<c r="C4"[^>]*>.*?</c>',
            f'<c r="C4" t="inlineStr"><is><t>{PROJECT} inline</t></is></c>'
            f'<c r="D4" t="str"><f>A1&amp;" x"</f><v>{NAME} x</v></c>'.encode(),
            b,
            count=1,
            flags=re.S,
        )
        # openpyxl writes inline strings here; real Excel files use a shared string table
        b = re.sub(
            rb'<c r="(B[123])"([^>]*?) t="inlineStr"><is>.*?</is></c>',
            rb'<c r="\1"\2 t="s"><v>0</v></c>',
            b,
        )
        return re.sub(
            rb'<c r="A2"([^>]*?) t="inlineStr"><is>.*?</is></c>',
            rb'<c r="A2"\1 t="s"><v>1</v></c>',
            b,
        )

    def workbook(b: bytes) -> bytes:
        b = b.replace(
            b"<workbook ",
            b'<workbook xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            b'xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" ',
            1,
        )
        return re.sub(
            rb"(<workbookPr[^>]*/>)",
            rb'\1<mc:AlternateContent><mc:Choice Requires="x15"><x15ac:absPath '
            rb'url="C:\\Users\\jane.doe\\Documents\\"/></mc:Choice></mc:AlternateContent>',
            b,
            count=1,
        )

    parts = read_zip(buf.getvalue())
    sheet_rels = "xl/worksheets/_rels/sheet1.xml.rels"
    sml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    add = {
        "xl/sharedStrings.xml": SHARED_STRINGS.encode(),
        "xl/threadedComments/threadedComment1.xml": THREADED.encode(),
        "xl/persons/person.xml": PERSONS.encode(),
        sheet_rels: add_rel(
            parts.get(sheet_rels, empty_rels()),
            "rIdTc1",
            "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
            "../threadedComments/threadedComment1.xml",
        ),
        "xl/_rels/workbook.xml.rels": add_rel(
            add_rel(
                parts["xl/_rels/workbook.xml.rels"],
                "rIdPerson1",
                "http://schemas.microsoft.com/office/2017/10/relationships/person",
                "persons/person.xml",
            ),
            "rIdSst1",
            OFFICE_REL + "/sharedStrings",
            "sharedStrings.xml",
        ),
    }

    def ct(b: bytes) -> bytes:
        b = add_override(
            b,
            "xl/threadedComments/threadedComment1.xml",
            "application/vnd.ms-excel.threadedcomments+xml",
        )
        b = add_override(b, "xl/sharedStrings.xml", f"{sml}.sharedStrings+xml")
        return add_override(b, "xl/persons/person.xml", "application/vnd.ms-excel.person+xml")

    edit: dict[str, Callable[[bytes], bytes]] = {
        "[Content_Types].xml": ct,
        "xl/worksheets/sheet1.xml": sheet1,
        "xl/workbook.xml": workbook,
    }
    _package_extras(add, edit)
    return patch_zip(buf.getvalue(), add=add, edit=edit)


# ----------------------------------------------------------------------------- pptx

P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
LEGACY_COMMENTS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:cmLst xmlns:p="{P_NS}"><p:cm authorId="0" dt="2024-01-01T00:00:00.000" idx="1">
<p:pos x="10" y="10"/><p:text>Legacy: {NAME} owns {PROJECT}</p:text></p:cm></p:cmLst>"""
COMMENT_AUTHORS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:cmAuthorLst xmlns:p="{P_NS}"><p:cmAuthor id="0" name="{NAME}" initials="JD" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>"""
P188 = "http://schemas.microsoft.com/office/powerpoint/2018/8/main"
MODERN_COMMENTS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p188:cmLst xmlns:a="{A_NS}" xmlns:r="{R_NS}" xmlns:p188="{P188}">
<p188:cm id="{{44444444-4444-4444-4444-444444444444}}" authorId="{{55555555-5555-5555-5555-555555555555}}" created="2024-01-01T00:00:00.000">
<pc:sldMkLst xmlns:pc="http://schemas.microsoft.com/office/powerpoint/2013/main/command"><pc:docMk/><pc:sldMk cId="1" sldId="256"/></pc:sldMkLst>
<p188:replyLst><p188:reply id="{{66666666-6666-6666-6666-666666666666}}" authorId="{{55555555-5555-5555-5555-555555555555}}" created="2024-01-01T00:00:00.000">
<p188:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US"/><a:t>Reply to {EMAIL}</a:t></a:r></a:p></p188:txBody></p188:reply></p188:replyLst>
<p188:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US"/><a:t>Modern: {NAME}</a:t></a:r></a:p></p188:txBody></p188:cm></p188:cmLst>"""
AUTHORS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p188:authorLst xmlns:a="{A_NS}" xmlns:r="{R_NS}" xmlns:p188="{P188}"><p188:author id="{{55555555-5555-5555-5555-555555555555}}"
 name="{NAME}" initials="JD" userId="{EMAIL}" providerId="AD"/></p188:authorLst>"""


def build_pptx() -> bytes:
    from pptx import Presentation
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.util import Inches, Pt

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = f"{PROJECT} kickoff"
    body = slide.placeholders[1].text_frame
    para = body.paragraphs[0]
    r = para.add_run()
    r.text = "Led by "
    r.font.underline = True
    r = para.add_run()
    r.text = "Ja"
    r.font.bold = True
    r = para.add_run()
    r.text = "ne Doe"
    r.font.italic = True
    r.font.size = Pt(30)
    r = body.add_paragraph().add_run()
    r.text = "mail"
    r.hyperlink.address = f"mailto:{EMAIL}"
    group = slide.shapes.add_group_shape()
    inner = group.shapes.add_group_shape()
    box = inner.shapes.add_textbox(Inches(1), Inches(1), Inches(2), Inches(1))
    box.text_frame.text = f"Grouped {EMAIL}"
    box.name = f"{NAME} box"
    table = slide.shapes.add_table(2, 2, Inches(1), Inches(3), Inches(4), Inches(1)).table
    table.cell(1, 0).text = f"Cell {NAME}"
    slide.notes_slide.notes_text_frame.text = f"Speaker: call {NAME} about {PROJECT}"

    slide2 = prs.slides.add_slide(prs.slide_layouts[5])
    slide2.shapes.title.text = "Numbers"
    data = CategoryChartData()
    data.categories = [NAME, "South"]  # also lands in the embedded chart workbook
    data.add_series("Sales", (1.0, 2.0))
    chart = slide2.shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(1), Inches(4), Inches(3), data
    ).chart
    chart.has_title = True
    chart.chart_title.text_frame.text = f"{PROJECT} revenue"
    prs.slide_layouts[1].placeholders[0].text_frame.text = f"Layout {PROJECT}"
    master_shape = prs.slide_master.placeholders[0]
    master_shape.text_frame.text = f"Master {NAME}"
    prs.core_properties.author, prs.core_properties.last_modified_by = NAME, EMAIL
    prs.core_properties.title, prs.core_properties.subject = PROJECT, NAME
    buf = io.BytesIO()
    prs.save(buf)

    parts = read_zip(buf.getvalue())
    srels = "ppt/slides/_rels/slide1.xml.rels"
    pml = "application/vnd.openxmlformats-officedocument.presentationml"
    slide_rels = add_rel(
        parts[srels], "rIdCm1", OFFICE_REL + "/comments", "../comments/comment1.xml"
    )
    slide_rels = add_rel(
        slide_rels,
        "rIdCm2",
        "http://schemas.microsoft.com/office/2018/10/relationships/comments",
        "../comments/modernComment_100_1.xml",
    )
    pres_rels = add_rel(
        parts["ppt/_rels/presentation.xml.rels"],
        "rIdCa1",
        OFFICE_REL + "/commentAuthors",
        "commentAuthors.xml",
    )
    pres_rels = add_rel(
        pres_rels,
        "rIdAu1",
        "http://schemas.microsoft.com/office/2018/10/relationships/authors",
        "authors.xml",
    )
    add = {
        "ppt/comments/comment1.xml": LEGACY_COMMENTS.encode(),
        "ppt/comments/modernComment_100_1.xml": MODERN_COMMENTS.encode(),
        "ppt/commentAuthors.xml": COMMENT_AUTHORS.encode(),
        "ppt/authors.xml": AUTHORS.encode(),
        srels: slide_rels,
        "ppt/_rels/presentation.xml.rels": pres_rels,
    }

    def ct(b: bytes) -> bytes:
        b = add_override(b, "ppt/comments/comment1.xml", f"{pml}.comments+xml")
        b = add_override(
            b, "ppt/comments/modernComment_100_1.xml", "application/vnd.ms-powerpoint.comments+xml"
        )
        b = add_override(b, "ppt/commentAuthors.xml", f"{pml}.commentAuthors+xml")
        return add_override(b, "ppt/authors.xml", "application/vnd.ms-powerpoint.authors+xml")

    def slide1(b: bytes) -> bytes:
        b = b.replace(b"<p:cSld>", f'<p:cSld name="{NAME} intro">'.encode(), 1)
        return re.sub(
            rb'(<p:cNvPr id="\d+" name="Title 1")',
            rf'\1 descr="Portrait of {NAME}"'.encode(),
            b,
            count=1,
        )

    edit: dict[str, Callable[[bytes], bytes]] = {
        "[Content_Types].xml": ct,
        "ppt/slides/slide1.xml": slide1,
    }
    _package_extras(add, edit)
    return patch_zip(buf.getvalue(), add=add, edit=edit)


def find_segments(doc, text: str, kind: str | None = None, locator: str = "") -> list:
    """Segments holding `text`, optionally of one kind and at a locator containing `locator`."""
    return [
        s
        for s in doc.segments
        if text in s.text and (kind is None or s.kind == kind) and locator in s.locator
    ]
