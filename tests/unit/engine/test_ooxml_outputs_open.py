"""Scrubbed Office files still open: in python-docx, openpyxl and python-pptx, and LibreOffice
converts them to PDF (its own profile per call). Outputs of the corpus and of the closed-world
cases (macros, chunks, fields, links, connections removed)."""

from __future__ import annotations

import io
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from scrubbing.engine.base import Limits
from scrubbing.engine.formats import docx as docx_format
from scrubbing.engine.formats import pptx as pptx_format
from scrubbing.engine.formats import xlsx as xlsx_format
from tests.builders.closed_world import (
    HOST,
    alt_chunk_docx,
    docx_with_body,
    field_runs,
    macro_enabled,
    with_unknown_member,
)
from tests.corpus.generator import generate

pytestmark = pytest.mark.slow
FORMATS = {"docx": docx_format, "xlsx": xlsx_format, "pptx": pptx_format}
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _cases() -> dict[str, bytes]:
    cases = {f"macro.{k}": macro_enabled(k) for k in FORMATS}
    cases["chunk.docx"] = alt_chunk_docx("text/html", "html", b"<p>Hello from a chunk</p>")
    cases["fields.docx"] = docx_with_body(
        field_runs('DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc"', "cached")
        + field_runs(f'INCLUDEPICTURE "http://{HOST}/p.png" \\d', "picture")
    )
    cases["unknown.pptx"] = with_unknown_member("pptx", "ppt/secret.xml", referenced=True)
    corpus = generate(tasks=2, kinds=("docx", "xlsx", "pptx"))
    cases.update({key.replace("/", "-"): data for key, data in corpus.files.items()})
    return cases


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    out = {}
    for name, data in _cases().items():
        kind = name.rsplit(".", 1)[1]
        doc = FORMATS[kind].open_document(data, Limits())
        out[name], _report = doc.render({})
    return out


def test_outputs_open_in_the_python_libraries(outputs):
    import docx
    import openpyxl
    import pptx

    for name, data in outputs.items():
        if name.endswith(".docx"):
            assert docx.Document(io.BytesIO(data)).paragraphs is not None
        elif name.endswith(".xlsx"):
            assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames
        else:
            assert len(pptx.Presentation(io.BytesIO(data)).slides) >= 1


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_every_output_to_pdf(outputs, tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    for name, data in outputs.items():
        (src / name).write_bytes(data)
    profile = Path("/tmp") / f"lo-profile-{uuid.uuid4().hex}"
    try:
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path / "pdf"),
                *sorted(str(p) for p in src.iterdir()),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    for name in outputs:
        pdf = tmp_path / "pdf" / (name.rsplit(".", 1)[0] + ".pdf")
        assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), name
