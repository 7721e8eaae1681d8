"""Excel reader reach, writer correctness (sheet renames, formulas), metadata strip."""

from __future__ import annotations

import io
import time

import openpyxl
import pytest

from scrubbing.engine.base import CorruptFile, Edit, Limits
from scrubbing.engine.formats.xlsx import open_document, rewrite_formula
from tests.builders.ooxml import (
    EMAIL,
    NAME,
    PROJECT,
    SEEDS,
    build_xlsx,
    edits_for,
    find_segments,
    missing_from_segments,
    raw_leaks,
    read_zip,
)

RENAMED = "(REDACTED)"  # "[REDACTED]" is not a legal sheet name: brackets become parentheses


@pytest.fixture(scope="module")
def source() -> bytes:
    return build_xlsx()


@pytest.fixture(scope="module")
def scrubbed(source: bytes):
    doc = open_document(source, Limits())
    return doc.render(edits_for(doc, (*SEEDS, "Acme Corp")))


def test_reader_reaches_every_location(source: bytes) -> None:
    doc = open_document(source, Limits())
    assert doc.kind == "xlsx"
    assert missing_from_segments(doc) == []
    # one distinct shared string -> one segment, however many cells use it
    shared = [s for s in doc.segments if s.text == NAME and s.kind == "cell"]
    assert len(shared) == 1 and shared[0].locator == "Data!B1 (+2 more)"
    assert find_segments(doc, "Jane Doe rich", "cell", "Data!A2")  # rich-text runs joined
    assert find_segments(doc, PROJECT, "hidden", "not used by any cell")
    assert find_segments(doc, f"{PROJECT} inline", "cell", "Data!C4")
    assert find_segments(doc, f"{NAME} x", "cell", "formula result")
    assert find_segments(doc, NAME, "formula", "Data!C1")
    assert find_segments(doc, "Acme Corp", "formula", "Data!C1")
    assert find_segments(doc, NAME, "name", "sheet 2 name")
    assert find_segments(doc, EMAIL, "hidden")  # hidden sheet cell
    assert find_segments(doc, PROJECT, "hidden")  # very hidden sheet cell
    assert find_segments(doc, PROJECT, "formula", "defined name")
    assert find_segments(doc, NAME, "header")
    assert find_segments(doc, PROJECT, "footer")
    assert find_segments(doc, "Jane Doe,John Smith", "formula", "validation")
    assert find_segments(doc, EMAIL, "validation", "prompt")
    assert find_segments(doc, NAME, "comment", "Data!C3 comment")
    assert find_segments(doc, NAME, "metadata", "comment author")
    assert find_segments(doc, PROJECT, "comment", "threaded comment")
    assert find_segments(doc, EMAIL, "metadata", "userId")
    assert find_segments(doc, PROJECT, "table", "column name")
    assert find_segments(doc, PROJECT, "chart")
    assert find_segments(doc, f"mailto:{EMAIL}", "hyperlink")
    assert find_segments(doc, NAME, "metadata", "metadata: author")


def test_hidden_sheets_reported(scrubbed) -> None:
    _out, report = scrubbed
    assert "hidden sheet (sheet 2)" in report.hidden_content
    assert "very hidden sheet (sheet 3)" in report.hidden_content


def test_no_seed_left_in_any_part(scrubbed) -> None:
    out, _ = scrubbed
    assert raw_leaks(out, (*SEEDS, "Acme Corp", "jane.doe")) == []


def test_output_opens_and_references_follow_the_rename(scrubbed) -> None:
    out, _ = scrubbed
    wb = openpyxl.load_workbook(io.BytesIO(out))
    assert wb.sheetnames == ["Data", RENAMED, "Secret"]
    assert wb[RENAMED].sheet_state == "hidden"
    assert wb["Secret"].sheet_state == "veryHidden"
    ws = wb["Data"]
    assert ws["B1"].value == ws["B3"].value == "[REDACTED]"
    assert ws["A3"].value == 12.5
    assert ws["C1"].value == '=IF(A1="[REDACTED]","[REDACTED]","other")'
    assert ws["C2"].value == f"='{RENAMED}'!A1&\" \"&Secret!A1"
    assert wb.defined_names["FalconTotal"].attr_text == f"'{RENAMED}'!$A$1"
    assert ws.oddFooter.right.text == "[REDACTED] &P"  # header codes kept
    assert ws.data_validations.dataValidation[0].formula1 == '"[REDACTED],John Smith"'
    rich = openpyxl.load_workbook(io.BytesIO(out), rich_text=True)["Data"]["A2"].value
    assert [(bool(b.font.b), bool(b.font.i)) for b in rich] == [(True, False), (False, True)]
    assert str(rich) == "[REDACTED] rich"
    assert open_document(out, Limits()).segments  # verification can reread it


def test_comment_authors_and_persons_neutral(scrubbed) -> None:
    out, report = scrubbed
    parts = read_zip(out)
    comments = next(v for k, v in parts.items() if k.startswith("xl/comments"))
    assert b"<author>Author 1</author>" in comments
    person = parts["xl/persons/person.xml"]
    assert b'displayName="Author 1"' in person and b"userId" not in person
    assert b"<mentions>" not in parts["xl/threadedComments/threadedComment1.xml"]
    assert any(m.startswith("comment authors") for m in report.metadata_removed)


def test_metadata_stripped_even_without_edits(source: bytes) -> None:
    out, report = open_document(source, Limits()).render({})
    parts = read_zip(out)
    wb = openpyxl.load_workbook(io.BytesIO(out))
    assert wb.properties.creator in ("", None)
    assert wb.properties.lastModifiedBy in ("", None)
    assert "docProps/custom.xml" not in parts
    assert b"absPath" not in parts["xl/workbook.xml"]
    assert b'filterPrivacy="1"' in parts["xl/workbook.xml"]
    assert b"<Company>" not in parts["docProps/app.xml"]
    assert "file location (path)" in report.metadata_removed
    assert "custom properties (2)" in report.metadata_removed


def test_rewrite_formula_unit() -> None:
    sheets = {"jane doe": "P1", "data": "Data2"}
    assert rewrite_formula("='Jane Doe'!A1+Data!B2", sheets, {}, None) == "='P1'!A1+'Data2'!B2"
    # string literals and external references untouched
    assert rewrite_formula('="Data!A1"&[1]Data!A1', sheets, {}, None) == '="Data!A1"&[1]Data!A1'
    assert rewrite_formula("=SUM('Jane Doe:Data'!A1)", sheets, {}, None) == "=SUM('P1:Data2'!A1)"
    import re

    names_re = re.compile(r"(?<![\w.\]\\])(falcontotal)(?![\w.(!\[])", re.I)
    assert (
        rewrite_formula("=FalconTotal*2+FALCONTOTAL2", {}, {"falcontotal": "_X"}, names_re)
        == "=_X*2+FALCONTOTAL2"
    )


def test_defined_name_rename_updates_formulas(source: bytes) -> None:
    doc = open_document(source, Limits())
    seg = next(s for s in doc.segments if s.text == "FalconTotal")
    cell = next(s for s in doc.segments if s.text == "other")
    out, _ = doc.render({seg.index: [Edit(0, 6, "[ORG]")]})
    wb = openpyxl.load_workbook(io.BytesIO(out))
    assert "_ORG_Total" in wb.defined_names
    assert cell.locator == "Data!C1 (text in formula)"


def test_truncated_file_is_corrupt(source: bytes) -> None:
    with pytest.raises(CorruptFile, match="could not be read as an Excel workbook"):
        open_document(source[:-40], Limits())


@pytest.mark.slow
def test_performance_100k_cells() -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Big")
    for r in range(10_000):
        ws.append([f"Jane Doe {r % 500}", r, f"text {r}", "Acme", r * 1.5] * 2)
    buf = io.BytesIO()
    wb.save(buf)
    start = time.perf_counter()
    doc = open_document(buf.getvalue(), Limits())
    opened = time.perf_counter()
    out, _ = doc.render(edits_for(doc, (NAME,)))
    done = time.perf_counter()
    print(f"xlsx 100k cells: open {opened - start:.2f}s render {done - opened:.2f}s")
    assert raw_leaks(out, (NAME,)) == []
