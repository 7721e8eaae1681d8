"""PowerPoint reader reach, writer correctness, metadata strip."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.util import Pt

from scrubbing.engine.base import CorruptFile, Limits
from scrubbing.engine.formats.pptx import open_document
from tests.builders.ooxml import (
    EMAIL,
    NAME,
    PROJECT,
    REPLACEMENT,
    SEEDS,
    build_pptx,
    edits_for,
    find_segments,
    missing_from_segments,
    raw_leaks,
    read_zip,
)


@pytest.fixture(scope="module")
def source() -> bytes:
    return build_pptx()


@pytest.fixture(scope="module")
def scrubbed(source: bytes):
    doc = open_document(source, Limits())
    return doc.render(edits_for(doc))


def test_reader_reaches_every_location(source: bytes) -> None:
    doc = open_document(source, Limits())
    assert doc.kind == "pptx"
    assert missing_from_segments(doc) == []
    assert find_segments(doc, PROJECT, "slide", "slide 1 / shape 'Title 1'")
    assert find_segments(doc, f"Led by {NAME}", "slide")  # split runs, one segment
    assert find_segments(doc, EMAIL, "slide", "box'")  # text box inside a group inside a group
    assert find_segments(doc, NAME, "table", "row 2 cell 1")
    assert find_segments(doc, NAME, "note", "slide 1 notes")
    assert find_segments(doc, PROJECT, "layout")
    assert find_segments(doc, NAME, "master")
    assert find_segments(doc, PROJECT, "chart", "slide 2 chart")
    assert find_segments(doc, NAME, "chart", "cached label")
    assert find_segments(doc, NAME, "cell", "slide 2 chart data: ")  # embedded workbook cell
    assert find_segments(doc, NAME, "comment", "slide 1 comment 1")  # legacy
    assert find_segments(doc, f"Modern: {NAME}", "comment")
    assert find_segments(doc, EMAIL, "comment")  # modern reply
    assert find_segments(doc, NAME, "metadata", "comment author (name)")
    assert find_segments(doc, EMAIL, "metadata", "userId")
    assert find_segments(doc, NAME, "name", "slide 1 name")
    assert find_segments(doc, NAME, "name", "shape name")
    assert find_segments(doc, NAME, "name", "alt text")
    assert find_segments(doc, f"mailto:{EMAIL}", "hyperlink")
    assert find_segments(doc, NAME, "metadata", "metadata: author")


def test_no_seed_left_in_any_part(scrubbed) -> None:
    out, _ = scrubbed
    assert raw_leaks(out, (*SEEDS, "jane.doe")) == []
    assert b'initials="JD"' not in read_zip(out)["ppt/commentAuthors.xml"]


def test_output_opens_and_keeps_formatting(scrubbed) -> None:
    out, report = scrubbed
    prs = Presentation(io.BytesIO(out))
    slide = prs.slides[0]
    assert slide.shapes.title.text == f"{REPLACEMENT} kickoff"
    runs = slide.placeholders[1].text_frame.paragraphs[0].runs
    assert [r.text for r in runs] == ["Led by ", REPLACEMENT, ""]
    assert runs[0].font.underline is True
    assert runs[1].font.bold is True
    assert runs[2].font.italic is True and runs[2].font.size == Pt(30)
    assert slide.notes_slide.notes_text_frame.text == (
        f"Speaker: call {REPLACEMENT} about {REPLACEMENT}"
    )
    chart = next(s for s in prs.slides[1].shapes if s.has_chart).chart
    assert chart.chart_title.text_frame.text == f"{REPLACEMENT} revenue"
    assert prs.core_properties.author == ""
    assert any(m.startswith("comment authors") for m in report.metadata_removed)
    assert open_document(out, Limits()).segments


def test_metadata_stripped_even_without_edits(source: bytes) -> None:
    out, report = open_document(source, Limits()).render({})
    parts = read_zip(out)
    assert "docProps/custom.xml" not in parts
    assert b'name="Author 1"' in parts["ppt/commentAuthors.xml"]
    authors = parts["ppt/authors.xml"]
    assert b'name="Author 1"' in authors and EMAIL.encode() not in authors
    assert Presentation(io.BytesIO(out)).core_properties.last_modified_by == ""
    assert "custom properties (2)" in report.metadata_removed
    # the embedded chart workbook is scrubbed recursively, metadata included
    assert any("(embedded Microsoft_Excel" in m for m in report.metadata_removed)


def test_truncated_file_is_corrupt(source: bytes) -> None:
    with pytest.raises(CorruptFile, match="could not be read as a PowerPoint presentation"):
        open_document(source[: len(source) // 2], Limits())


def test_office_default_names_are_not_offered_for_detection():
    import io

    import pptx

    from scrubbing.engine.base import Limits
    from scrubbing.engine.formats.pptx import open_document

    prs = pptx.Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Quarterly review"
    slide.shapes.add_textbox(0, 0, 100, 100).name = "Jane Doe portrait"
    buf = io.BytesIO()
    prs.save(buf)
    doc = open_document(buf.getvalue(), Limits())
    names = [s.text for s in doc.segments if s.kind == "name"]
    assert "Jane Doe portrait" in names  # a name a person typed is still checked
    assert not any(n in ("Title 1", "Content Placeholder 2", "Title and Content") for n in names)
    assert not any(n == "Office Theme" for n in names)
