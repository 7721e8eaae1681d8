"""PDFs written by another producer than reportlab: LibreOffice's export of a .docx, .xlsx and
.pptx made by python-docx, openpyxl and python-pptx. They must come out as text (no page
rasterized), and neither pdftotext nor pypdf may find a planted value in the output."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from scrubbing.engine.base import Limits
from scrubbing.engine.formats import pdf as pdf_format
from scrubbing.engine.pipeline import Scrubber, Term, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer

from .test_pdf import pdftotext, raw_views
from .test_pdf_closed_world import unexplained

pytestmark = pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")

PERSON = "Ingrid Solberg"
EMAIL = "ingrid.solberg@halvorsen-maritime.no"
CLIENT = "Halvorsen Maritime"
CODENAME = "Project Bluefin"
PLANTED = (PERSON, EMAIL, CLIENT, CODENAME)
TERMS = TermLists(deny=(Term(CLIENT, "CLIENT"), Term(CODENAME, "CODENAME"), Term(PERSON, "PERSON")))
ORDINARY = "The vessel schedule stays unchanged for the third quarter"


def _flat(text: str) -> str:
    """Text without spaces and hyphens: pdftotext joins a hyphen-broken word and drops the
    hyphen, and a value must not survive that way either."""
    return "".join(text.split()).replace("-", "")


def _blocks(data: bytes) -> list[str]:
    """The page of each block (line numbers may differ: pdfium joins a line broken at a
    hyphen with the next, and the placeholder of an e-mail broken so has no hyphen)."""
    doc = pdf_format.open_document(data, Limits())
    return [s.locator.split(",")[0] for s in doc.segments if s.kind == "body"]


def _lines(n: int) -> list[str]:
    return [
        f"{ORDINARY}, item {i}." if i % 3 else f"{PERSON} of {CLIENT} owns {CODENAME} ({EMAIL})."
        for i in range(n)
    ]


def _docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_heading(f"{CODENAME} status", 1)
    for line in _lines(40):
        d.add_paragraph(line)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Owner", PERSON
    table.cell(1, 0).text, table.cell(1, 1).text = "Contact", EMAIL
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _xlsx() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Owner", "Client", "E-mail", "Note"])
    for col, width in zip("ABCD", (18, 22, 40, 60), strict=True):
        ws.column_dimensions[col].width = width
    for i in range(30):
        ws.append([PERSON, CLIENT, EMAIL, f"{ORDINARY}, row {i} of {CODENAME}"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _pptx() -> bytes:
    from pptx import Presentation

    prs = Presentation()
    for i in range(3):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = f"{CODENAME} review {i + 1}"
        body = slide.placeholders[1].text_frame
        body.text = f"Presented by {PERSON} ({EMAIL})"
        body.add_paragraph().text = f"{ORDINARY}, slide {i + 1}."
        body.add_paragraph().text = f"Client: {CLIENT}"
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def libreoffice_pdfs(sources: dict[str, bytes]) -> dict[str, bytes]:
    """Convert with `soffice --headless --convert-to pdf` (own profile, one call)."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, data in sources.items():
            Path(tmp, name).write_bytes(data)
            paths.append(str(Path(tmp, name)))
        profile = Path(tmp, f"profile-{uuid.uuid4().hex}")
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(Path(tmp, "out")),
                *paths,
            ],
            capture_output=True,
            timeout=240,
            check=True,
        )
        return {n: Path(tmp, "out", Path(n).stem + ".pdf").read_bytes() for n in sources}


@pytest.fixture(scope="module")
def converted() -> dict[str, bytes]:
    return libreoffice_pdfs({"memo.docx": _docx(), "sheet.xlsx": _xlsx(), "deck.pptx": _pptx()})


@pytest.mark.parametrize("name", ["memo.docx", "sheet.xlsx", "deck.pptx"])
def test_libreoffice_pdf_keeps_its_text_and_loses_every_planted_value(converted, name):
    src = converted[name]
    before = pdftotext(src)
    assert all(_flat(v) in _flat(before) for v in PLANTED), "the fixture must show them"
    result = Scrubber().scrub(name.replace(".", "_") + ".pdf", src, TERMS, Pseudonymizer())
    assert result.status == "done", (result.error, result.report["residual"])
    out = result.output
    assert result.report["rasterized"] == []
    # selectable text: the ordinary text and the placeholders are still there as text
    text = " ".join(pdftotext(out).split())
    assert ORDINARY in text
    assert "[CLIENT_1]" in text and "[CODENAME_1]" in text
    extracted = " ".join(
        " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(out)).pages).split()
    )
    assert ORDINARY in extracted
    for value in PLANTED:
        for found in (text, extracted):
            assert _flat(value) not in _flat(found), value
        for view in raw_views(out):
            assert value.encode() not in view and value.encode("utf-16-be") not in view
    with pikepdf.open(io.BytesIO(out)) as pdf, pikepdf.open(io.BytesIO(src)) as orig:
        assert len(pdf.pages) == len(orig.pages)
    # the output is read in the same blocks as the input (verification reads the same units)
    assert _blocks(out) == _blocks(src)
    assert unexplained(out) == []
