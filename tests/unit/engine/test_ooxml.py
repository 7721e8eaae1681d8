"""Shared OOXML package handling: hostile XML, zip limits, text targets."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from lxml import etree

from scrubbing.engine.base import (
    CorruptFile,
    Edit,
    EncryptedFile,
    LimitExceeded,
    Limits,
    UnsupportedFile,
)
from scrubbing.engine.formats import docx, ooxml, pptx, xlsx
from tests.builders.ooxml import build_docx, build_pptx, build_xlsx, patch_zip, read_zip

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""


@pytest.fixture(scope="module")
def sample_docx() -> bytes:
    return build_docx()


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_doctype_in_main_part_refused_fast(sample_docx: bytes, payload: bytes) -> None:
    hostile = patch_zip(sample_docx, edit={"word/document.xml": lambda _b: payload})
    start = time.perf_counter()
    with pytest.raises(CorruptFile, match="unsafe XML"):
        docx.open_document(hostile, Limits())
    print(f"refused in {time.perf_counter() - start:.3f}s")


def test_doctype_in_utf16_part_refused(sample_docx: bytes) -> None:
    payload = XXE.decode().replace('version="1.0"', 'version="1.0" encoding="UTF-16"')
    hostile = patch_zip(
        sample_docx, edit={"word/document.xml": lambda _b: payload.encode("utf-16")}
    )
    with pytest.raises(CorruptFile, match="unsafe XML"):
        docx.open_document(hostile, Limits())


def test_doctype_in_secondary_part_refused() -> None:
    # core.xml is read by every format; a DOCTYPE there must be refused too
    data = build_xlsx()
    hostile = patch_zip(data, edit={"docProps/core.xml": lambda _b: XXE})
    with pytest.raises(CorruptFile, match="unsafe XML"):
        xlsx.open_document(hostile, Limits())


def test_doctype_in_rels_refused() -> None:
    data = build_pptx()
    hostile = patch_zip(data, edit={"_rels/.rels": lambda _b: XXE})
    with pytest.raises(CorruptFile, match="unsafe XML"):
        pptx.open_document(hostile, Limits())


def test_parse_xml_direct() -> None:
    with pytest.raises(CorruptFile):
        ooxml.parse_xml(BILLION_LAUGHS, "damaged")
    with pytest.raises(CorruptFile, match="damaged"):
        ooxml.parse_xml(b"<a><b></a>", "damaged")
    assert ooxml.parse_xml(b"<a>ok</a>", "x").text == "ok"


def _zip(members: dict[str, bytes], compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compress) as zf:
        for name, blob in members.items():
            zf.writestr(name, blob)
    return out.getvalue()


def test_zip_bomb_member_refused(sample_docx: bytes) -> None:
    bomb = patch_zip(sample_docx, add={"word/media/zeros.bin": b"\0" * (20 * 1024 * 1024)})
    with pytest.raises(LimitExceeded, match="zip bomb"):
        docx.open_document(bomb, Limits())


def test_expanded_size_limit(sample_docx: bytes) -> None:
    with pytest.raises(LimitExceeded, match="expands to"):
        docx.open_document(sample_docx, Limits(max_expanded_bytes=100_000))


def test_member_count_limit(sample_docx: bytes) -> None:
    with pytest.raises(LimitExceeded, match="too many internal parts"):
        docx.open_document(sample_docx, Limits(max_members=5))


def test_file_size_limit(sample_docx: bytes) -> None:
    with pytest.raises(LimitExceeded, match="too large"):
        docx.open_document(sample_docx, Limits(max_file_bytes=1000))


def test_segment_limit(sample_docx: bytes) -> None:
    with pytest.raises(LimitExceeded, match="pieces of text"):
        docx.open_document(sample_docx, Limits(max_segments=3))


def test_duplicate_part_names_refused(sample_docx: bytes) -> None:
    parts = read_zip(sample_docx)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, blob in parts.items():
            zf.writestr(name, blob)
        with pytest.warns(UserWarning):
            zf.writestr("word/document.xml", parts["word/document.xml"])
    with pytest.raises(CorruptFile):
        docx.open_document(out.getvalue(), Limits())


def test_encrypted_member_refused(sample_docx: bytes) -> None:
    data = bytearray(sample_docx)
    # set the "encrypted" flag on the first local and central headers
    data[6] |= 1
    central = data.find(b"PK\x01\x02")
    data[central + 8] |= 1
    with pytest.raises(EncryptedFile):
        docx.open_document(bytes(data), Limits())


def test_not_a_zip_and_missing_content_types() -> None:
    with pytest.raises(CorruptFile, match="Word document"):
        docx.open_document(b"\xd0\xcf\x11\xe0" + b"\0" * 600, Limits())
    with pytest.raises(CorruptFile, match="Excel workbook"):
        xlsx.open_document(_zip({"a.xml": b"<a/>"}), Limits())


def test_strict_ooxml_refused(sample_docx: bytes) -> None:
    strict = patch_zip(
        sample_docx,
        edit={
            "word/document.xml": lambda b: b.replace(
                b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                b"http://purl.oclc.org/ooxml/wordprocessingml/main",
            )
        },
    )
    with pytest.raises(UnsupportedFile, match="Strict"):
        docx.open_document(strict, Limits())


def test_untouched_parts_copied_byte_for_byte(sample_docx: bytes) -> None:
    doc = docx.open_document(sample_docx, Limits())
    out, _ = doc.render({})
    before, after = read_zip(sample_docx), read_zip(out)
    for name in ("word/styles.xml", "word/theme/theme1.xml", "word/fontTable.xml"):
        assert after[name] == before[name]
    assert list(after)[0] == "[Content_Types].xml"
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# ----------------------------------------------------------------------------- PiecesTarget


def _pieces(*texts: str | None) -> tuple[ooxml.PiecesTarget, list[etree._Element]]:
    els, pieces = [], []
    for text in texts:
        el = etree.Element("t")
        if text is None:  # a tab
            pieces.append(ooxml.Piece(el, "\t", False))
        else:
            el.text = text
            pieces.append(ooxml.Piece(el, text, True))
        parent = etree.Element("r")
        parent.append(el)
        els.append(el)
    return ooxml.PiecesTarget("p", pieces), els


def test_pieces_replacement_lands_in_first_run_rest_trimmed() -> None:
    target, els = _pieces("Hi Ja", "ne D", "oe!")
    assert target.text == "Hi Jane Doe!"
    target.apply([Edit(3, 11, "[P]")])
    assert [e.text for e in els] == ["Hi [P]", "", "!"]


def test_pieces_several_edits_and_untouched_runs() -> None:
    target, els = _pieces("Jane", " and ", "John", " met")
    target.apply([Edit(0, 4, "A"), Edit(9, 13, "BB")])
    assert [e.text for e in els] == ["A", " and ", "BB", " met"]


def test_pieces_tab_inside_span_removed_and_span_starting_on_tab() -> None:
    target, els = _pieces("x Jane", None, "Doe y")
    target.apply([Edit(2, 10, "P")])
    assert els[0].text == "x P" and els[1].getparent() is None and els[2].text == " y"
    target, els = _pieces("a", None, "Doe")
    target.apply([Edit(1, 5, "Q")])
    assert (els[0].text, els[2].text) == ("a", "Q")


def test_uri_target_round_trip() -> None:
    el = etree.Element("Relationship", Target="https://x.example/Project%20Falcon?q=1")
    target = ooxml.UriTarget("r", el)
    assert target.text == "https://x.example/Project Falcon?q=1"
    target.apply([Edit(18, 32, "Team X")])
    assert el.get("Target") == "https://x.example/Team%20X?q=1"


def test_remove_part_drops_rel_content_type_and_rid_attribute() -> None:
    data = build_xlsx()
    parts = read_zip(data)
    ps = "xl/printerSettings/printerSettings1.bin"
    data = patch_zip(
        data,
        add={ps: b"DEVMODE Jane Doe"},
        edit={
            "[Content_Types].xml": lambda b: b.replace(
                b"</Types>",
                b'<Default Extension="bin" ContentType="application/vnd.openxmlformats-'
                b'officedocument.spreadsheetml.printerSettings"/></Types>',
            ),
            "xl/worksheets/_rels/sheet1.xml.rels": lambda b: b.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdPs" Type="http://schemas.openxmlformats.org/officeDocument/'
                b'2006/relationships/printerSettings" Target="../printerSettings/'
                b'printerSettings1.bin"/></Relationships>',
            ),
            "xl/worksheets/sheet1.xml": lambda b: (
                b.replace(
                    b"</worksheet>",
                    b'<pageSetup orientation="portrait" r:id="rIdPs" xmlns:r="http://schemas.'
                    b'openxmlformats.org/officeDocument/2006/relationships"/></worksheet>',
                )
                if b"<pageSetup" not in b
                else b
            ),
        },
    )
    assert "xl/worksheets/sheet1.xml" in parts
    out, report = xlsx.open_document(data, Limits()).render({})
    after = read_zip(out)
    assert ps not in after
    assert b"rIdPs" not in after["xl/worksheets/_rels/sheet1.xml.rels"]
    assert b'r:id="rIdPs"' not in after["xl/worksheets/sheet1.xml"]
    assert "printer settings (1)" in report.metadata_removed
