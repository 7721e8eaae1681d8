"""Word reader reach, writer correctness, metadata strip. Built with python-docx + raw XML."""

from __future__ import annotations

import io
import re
import time

import docx
import pytest
from docx.shared import Pt

from scrubbing.engine.base import CorruptFile, Edit, Limits
from scrubbing.engine.formats.docx import open_document
from tests.builders.ooxml import (
    DELETED,
    EMAIL,
    NAME,
    PROJECT,
    REPLACEMENT,
    SEEDS,
    build_docx,
    edits_for,
    find_segments,
    missing_from_segments,
    patch_zip,
    raw_leaks,
    read_zip,
)


@pytest.fixture(scope="module")
def source() -> bytes:
    return build_docx()


@pytest.fixture(scope="module")
def scrubbed(source: bytes):
    doc = open_document(source, Limits())
    return doc.render(edits_for(doc))


def test_reader_reaches_every_location(source: bytes) -> None:
    doc = open_document(source, Limits())
    assert doc.kind == "docx"
    assert missing_from_segments(doc) == []
    # the name split over four differently formatted runs is ONE segment
    assert find_segments(doc, f"Contact: {NAME} today.", "body")
    assert find_segments(doc, NAME, "table", "table 1, row 1, cell 1")
    assert find_segments(doc, PROJECT, "table", "> table 2")  # nested table
    assert find_segments(doc, NAME, "textbox", "text box")
    assert find_segments(doc, NAME, "textbox", "older Word")  # mc:Fallback copy too
    assert find_segments(doc, NAME, "header", "section 1)")
    assert find_segments(doc, PROJECT, "header", "first page")
    assert find_segments(doc, EMAIL, "header", "even pages")
    assert find_segments(doc, EMAIL, "header", "section 2")
    assert find_segments(doc, PROJECT, "footer", "section 1)")
    assert find_segments(doc, NAME, "footer", "first page")
    assert find_segments(doc, NAME, "footnote")
    assert find_segments(doc, EMAIL, "endnote")
    assert find_segments(doc, NAME, "comment")
    assert find_segments(doc, NAME, "metadata", "author")  # comment author attribute
    assert find_segments(doc, "JD", "metadata", "initials")
    assert find_segments(doc, f'HYPERLINK "mailto:{EMAIL}"', "field")
    assert find_segments(doc, f"mailto:{EMAIL}", "hyperlink")
    assert find_segments(doc, "Project Falcon", "hyperlink")  # %20 decoded for detection
    assert find_segments(doc, "jane.doe", "hyperlink", "attachedTemplate")
    assert find_segments(doc, NAME, "metadata", "document variable")
    assert find_segments(doc, NAME, "name", "alt text")
    assert find_segments(doc, NAME, "metadata", "metadata: author")
    assert find_segments(doc, EMAIL, "metadata", "last modified by")
    assert find_segments(doc, PROJECT, "metadata", "title")
    assert find_segments(doc, PROJECT, "metadata", "company")
    assert find_segments(doc, EMAIL, "metadata", "custom property")
    # tracked changes: insertion accepted into the paragraph, deletion gone
    assert find_segments(doc, f"Kept text, inserted by {PROJECT} team", "body")
    assert not find_segments(doc, DELETED)
    for seg in doc.segments:
        assert seg.index == doc.segments.index(seg)


def test_no_seed_left_in_any_part(scrubbed) -> None:
    out, _report = scrubbed
    assert raw_leaks(out, (*SEEDS, DELETED, "jane.doe", "jdoe")) == []
    parts = read_zip(out)
    assert b'w:initials="JD"' not in parts["word/comments.xml"]


def test_output_opens_and_keeps_formatting(scrubbed) -> None:
    out, _report = scrubbed
    d = docx.Document(io.BytesIO(out))
    runs = d.paragraphs[0].runs
    assert d.paragraphs[0].text == f"Contact: {REPLACEMENT} today."
    assert (runs[0].text, runs[0].underline) == ("Contact: ", True)
    assert (runs[1].text, runs[1].bold) == (REPLACEMENT, True)  # where the span started
    assert (runs[2].text, runs[2].italic) == ("", True)  # trimmed, formatting kept
    assert runs[3].font.size == Pt(14)
    assert (runs[4].text, runs[4].font.size) == (" today.", Pt(9))
    assert d.tables[0].cell(0, 0).text == f"Owner {REPLACEMENT}"
    assert d.tables[0].cell(1, 1).tables[0].cell(0, 0).text == f"Nested {REPLACEMENT}"
    section = d.sections[0]
    assert section.header.paragraphs[0].text == f"Header {REPLACEMENT}"
    assert section.first_page_header.paragraphs[0].text == f"First page {REPLACEMENT}"
    assert d.paragraphs[-1].text == "Closing line without secrets."
    comment = next(iter(d.comments))
    assert comment.author == "Author 1" and comment.initials == "A1"
    # reading the output again finds nothing (verification path)
    again = open_document(out, Limits())
    assert missing_from_segments(again) == list(SEEDS)


def test_tracked_changes_accepted_and_revision_data_gone(scrubbed) -> None:
    out, report = scrubbed
    body = read_zip(out)["word/document.xml"]
    for tag in (b"<w:ins ", b"<w:del ", b"w:delText", b"w:rPrChange", b'w:author="Jane'):
        assert tag not in body
    for name, blob in read_zip(out).items():
        assert not re.search(rb"w:rsid\w*=", blob), name
    assert b"<w:rsids>" not in read_zip(out)["word/settings.xml"]
    assert b"removePersonalInformation" in read_zip(out)["word/settings.xml"]
    assert any("tracked changes" in m for m in report.metadata_removed)


def test_metadata_stripped_even_without_edits(source: bytes) -> None:
    doc = open_document(source, Limits())
    out, report = doc.render({})
    parts = read_zip(out)
    d = docx.Document(io.BytesIO(out))
    cp = d.core_properties
    assert (cp.author, cp.last_modified_by, cp.revision) == ("", "", 1)
    # Document Inspector's document properties go whatever detection said (fail closed)
    assert (cp.title, cp.subject, cp.keywords, cp.comments, cp.category) == ("",) * 5
    assert "title" in report.metadata_removed
    assert "docProps/custom.xml" not in parts
    assert (
        b"custom.xml" not in parts["_rels/.rels"]
        and b"custom.xml" not in parts["[Content_Types].xml"]
    )
    assert not any("thumbnail" in n for n in parts)
    assert "word/people.xml" not in parts
    assert not any("printerSettings" in n for n in parts)
    assert b"printerSettings" not in parts["word/_rels/document.xml.rels"]
    app = parts["docProps/app.xml"]
    for tag in (b"<Company>", b"<Manager>", b"Users\\jdoe", b"<TotalTime>", b"HyperlinkBase"):
        assert tag not in app
    assert b"attachedTemplate" not in parts["word/settings.xml"]
    assert b"jane.doe" not in parts["word/_rels/settings.xml.rels"]
    for expected in ("author", "last modified by", "company", "custom properties (2)", "thumbnail"):
        assert expected in report.metadata_removed
    assert any(m.startswith("people list") for m in report.metadata_removed)
    assert any(m.startswith("printer settings") for m in report.metadata_removed)


def test_edit_spanning_runs_with_tab_and_break() -> None:
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("A Ja").bold = True
    p.add_run("ne").italic = True
    run = p.add_run()
    run.add_tab()
    run.add_text("Doe Z")
    buf = io.BytesIO()
    d.save(buf)
    doc = open_document(buf.getvalue(), Limits())
    seg = doc.segments[0]
    assert seg.text == "A Jane\tDoe Z"
    out, _ = doc.render({0: [Edit(2, 10, "X")]})
    para = docx.Document(io.BytesIO(out)).paragraphs[0]
    assert para.text == "A X Z"
    assert para.runs[0].bold and para.runs[0].text == "A X"


def test_render_twice_starts_from_original(source: bytes) -> None:
    doc = open_document(source, Limits())
    first, _ = doc.render(edits_for(doc))
    second, _ = doc.render({})
    assert raw_leaks(first) == []
    assert NAME in "\n".join(s.text for s in open_document(second, Limits()).segments)


def test_bad_edit_is_a_programming_error(source: bytes) -> None:
    doc = open_document(source, Limits())
    with pytest.raises(ValueError):
        doc.render({0: [Edit(0, 5, "x"), Edit(3, 7, "y")]})


@pytest.mark.parametrize("cut", [100, 2000, -30])
def test_truncated_file_is_corrupt(source: bytes, cut: int) -> None:
    with pytest.raises(CorruptFile, match="could not be read as a Word document"):
        open_document(source[:cut], Limits())


def test_broken_document_xml_is_corrupt(source: bytes) -> None:
    bad = patch_zip(source, edit={"word/document.xml": lambda b: b[: len(b) // 2]})
    with pytest.raises(CorruptFile, match="damaged or truncated"):
        open_document(bad, Limits())


@pytest.mark.slow
def test_performance_many_runs() -> None:
    d = docx.Document()
    for i in range(3000):
        p = d.add_paragraph()
        for j in range(10):
            r = p.add_run(f"Word{j} Jane Doe {i} ")
            r.bold = j % 2 == 0
    buf = io.BytesIO()
    d.save(buf)
    start = time.perf_counter()
    doc = open_document(buf.getvalue(), Limits())
    opened = time.perf_counter()
    out, _ = doc.render(edits_for(doc))
    done = time.perf_counter()
    print(f"docx 30k runs: open {opened - start:.2f}s render {done - opened:.2f}s")
    assert len(doc.segments) >= 3000
    assert raw_leaks(out, (NAME,)) == []
