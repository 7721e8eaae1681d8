"""Legacy Office, OpenDocument and RTF: LibreOffice-made files converted (sandboxed) and scrubbed
as OOXML, held to the OOXML leak checks: every marker the legacy file carries is read, none is
left in any part of the output, tracked deletions vanish; the output is the modern format."""

from __future__ import annotations

import http.server
import io
import subprocess
import threading
import zipfile
from pathlib import Path

import pytest

from scrubbing.engine import convert
from scrubbing.engine.base import CorruptFile, EncryptedFile, Limits
from scrubbing.engine.formats.legacy import ConvertedDocument
from scrubbing.engine.pipeline import Scrubber, Term, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.registry import open_document
from scrubbing.engine.sniff import sniff
from tests.builders.legacy import (
    DELETED,
    DOCX_PLACES,
    PPTX_PLACES,
    SOFFICE,
    XLSX_PLACES,
    carried_text,
    libreoffice,
    planted_docx,
    planted_pptx,
    planted_xlsx,
)
from tests.builders.ooxml import edits_for, missing_from_segments, raw_leaks

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
]

# kind -> (OOXML twin, its places, soffice --convert-to that writes the legacy file,
# places LibreOffice does not carry into that format: removed by the conversion itself)
CASES = {
    "doc": ("docx", "doc:MS Word 97", {"keywords"}),
    "odt": ("docx", "odt", {"keywords"}),
    "rtf": ("docx", "rtf", {"keywords"}),
    "xls": ("xlsx", "xls:MS Excel 97", {"comment author"}),
    "ods": ("xlsx", "ods", {"comment author"}),
    "ppt": ("pptx", "ppt:MS PowerPoint 97", set()),
    "odp": ("pptx", "odp", set()),
}
PLACES = {"docx": DOCX_PLACES, "xlsx": XLSX_PLACES, "pptx": PPTX_PLACES}
BUILD = {"docx": planted_docx, "xlsx": planted_xlsx, "pptx": planted_pptx}
_made: dict[str, bytes] = {}


def legacy_file(kind: str) -> bytes:
    """The LibreOffice-made legacy file of `kind` (made once per test session)."""
    if kind not in _made:
        twin, convert_to, _ = CASES[kind]
        _made[kind] = libreoffice(BUILD[twin](), f".{twin}", convert_to)
    return _made[kind]


def opens(kind: str, data: bytes) -> None:
    if kind == "docx":
        import docx

        docx.Document(io.BytesIO(data))
    elif kind == "xlsx":
        import openpyxl

        openpyxl.load_workbook(io.BytesIO(data))
    else:
        from pptx import Presentation

        Presentation(io.BytesIO(data))


@pytest.mark.parametrize("kind", sorted(CASES))
def test_every_place_is_read_and_nothing_is_left(kind):
    twin, _, not_carried = CASES[kind]
    data = legacy_file(kind)
    assert sniff(f"file.{kind}", data).kind == kind
    assert sniff("no-extension", data).kind == kind  # from the bytes alone
    places = PLACES[twin]
    carried = carried_text(data)
    # the legacy file really holds what matters (else the checks below prove nothing)
    assert [p for p, v in places.items() if v not in carried] == sorted(not_carried)
    if twin == "docx":
        assert DELETED in carried  # a real tracked deletion in the legacy file
    values = [v for p, v in places.items() if p not in not_carried]

    doc = open_document(kind, data, Limits())
    assert isinstance(doc, ConvertedDocument) and doc.output_kind == twin
    assert missing_from_segments(doc, values) == []
    assert not any(DELETED in s.text for s in doc.segments)
    out, report = doc.render(edits_for(doc, values))
    assert raw_leaks(out, [*places.values(), DELETED]) == []
    assert report.notes[0].startswith("converted from ") and f"a .{twin}" in report.notes[0]
    opens(twin, out)
    assert sniff(f"file.{twin}", out).kind == twin


def test_pipeline_writes_a_docx_named_so():
    terms = TermLists(deny=tuple(Term(v, "CONFIDENTIAL") for v in DOCX_PLACES.values()))
    result = Scrubber().scrub("Memo.doc", legacy_file("doc"), terms, Pseudonymizer())
    assert result.status == "done", (result.error, result.report["residual"])
    assert result.kind == "doc" and result.extension == ".docx"
    assert result.output_name("Memo.doc") == "Memo.docx"
    assert raw_leaks(result.output, [*DOCX_PLACES.values(), DELETED]) == []
    found = {f.location_kind for f in result.findings}
    assert {"comment", "metadata", "footnote", "header"} <= found
    assert any("converted from Word 97-2003 document" in n for n in result.report["notes"])


UNO = Path(__file__).resolve().parents[2] / "builders" / "uno_encrypt.py"


def _uno_available() -> bool:
    return (
        subprocess.run(["/usr/bin/python3", "-c", "import uno"], capture_output=True).returncode
        == 0
    )


@pytest.mark.skipif(not _uno_available(), reason="the system python3 has no uno module")
@pytest.mark.parametrize(
    ("kind", "filter_name"),
    [
        ("doc", "MS Word 97"),
        ("xls", "MS Excel 97"),
        ("odt", "writer8"),
    ],
)
def test_password_protected_legacy_files_are_refused(tmp_path, kind, filter_name):
    # LibreOffice writes no password-protected .ppt (it saves a plain one), so there is none here
    src = tmp_path / f"plain.{kind}"
    src.write_bytes(legacy_file(kind))
    dst = tmp_path / f"locked.{kind}"
    subprocess.run(
        [
            "/usr/bin/python3",
            str(UNO),
            str(src),
            str(dst),
            filter_name,
            "s3cret",
            str(tmp_path / "p"),
        ],
        check=True,
        timeout=180,
    )
    with pytest.raises(EncryptedFile, match="password-protected; remove the password"):
        sniff(f"locked.{kind}", dst.read_bytes())


@pytest.mark.parametrize(
    ("name", "stream", "sentence"),
    [
        ("old.doc", "WordDocument", "Word 97-2003 document (.doc)"),
        ("old.xls", "Workbook", "Excel 97-2003 workbook (.xls)"),
    ],
)
def test_damaged_legacy_file_fails_with_a_sentence(name, stream, sentence):
    from tests.builders.mail import ole_file

    data = ole_file({stream: b"\x00" * 100})  # the right stream, nothing LibreOffice can read
    result = Scrubber().scrub(name, data, TermLists(), Pseudonymizer())
    assert result.status == "failed" and result.output is None
    assert result.error == (
        f"LibreOffice could not convert this {sentence} (it may be damaged or "
        f"password-protected); save it as .{name[-3:]}x and upload again."
    )


def test_truncated_legacy_file_is_damaged():
    data = legacy_file("doc")
    with pytest.raises(CorruptFile, match="damaged Office 97-2003 file"):
        sniff("old.doc", data[: len(data) // 2])


def test_missing_converter_says_so(converter):
    converter(program="/nonexistent/soffice")
    with pytest.raises(convert.ConverterMissing) as exc:
        open_document("xls", legacy_file("xls"), Limits())
    assert str(exc.value) == (
        "This Excel 97-2003 workbook (.xls) cannot be converted: LibreOffice is not installed "
        "on this server; save it as .xlsx and upload again."
    )


def test_time_limit_kills_the_conversion(converter):
    converter(seconds=0.5)  # LibreOffice needs seconds to start
    with pytest.raises(convert.ConversionTimeout, match=r"took longer than the 0\.5 s limit"):
        open_document("odt", legacy_file("odt"), Limits())
    converter()
    assert open_document("odt", legacy_file("odt"), Limits()).output_kind == "docx"  # lock freed


def test_one_conversion_at_a_time_per_process(converter):
    converter(seconds=0.2)
    data = legacy_file("rtf")
    # another conversion is running in this process
    with convert._LOCK, pytest.raises(convert.ConversionTimeout, match="converter was busy"):
        open_document("rtf", data, Limits())


def _odt(content: str) -> bytes:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
        'xmlns:xlink="http://www.w3.org/1999/xlink"'
    )
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", manifest)
        zf.writestr(
            "content.xml",
            f'<?xml version="1.0"?><office:document-content {ns} office:version="1.2">'
            f"<office:body><office:text>{content}</office:text></office:body>"
            "</office:document-content>",
        )
    return buf.getvalue()


@pytest.mark.parametrize("sandbox", ["auto", "unshare", "none"])
def test_conversion_reaches_no_network_and_no_local_file(tmp_path, converter, sandbox):
    if sandbox != "none" and not convert._works("bwrap" if sandbox == "auto" else sandbox):
        pytest.skip(f"the {sandbox} sandbox does not work here")
    converter(sandbox=sandbox)
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the stdlib's name
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    secret = tmp_path / "secret.txt"
    secret.write_text("Quillon Server Secret 7731\n")
    try:
        data = _odt(
            "<text:p>Intro</text:p>"
            '<text:section text:name="S1"><text:section-source '
            f'xlink:href="{secret.as_uri()}" text:filter-name="Text"/>'
            "<text:p>cached section text</text:p></text:section>"
            '<text:p><draw:frame draw:name="pic" svg:width="2cm" svg:height="2cm" '
            'text:anchor-type="as-char"><draw:image xlink:type="simple" xlink:show="embed" '
            f'xlink:actuate="onLoad" xlink:href="http://127.0.0.1:{server.server_port}/pic.png"/>'
            "</draw:frame></text:p>"
        )
        doc = open_document("odt", data, Limits())
        out, _report = doc.render({})
    finally:
        server.shutdown()
        server.server_close()
    assert requests == []
    assert "Quillon Server Secret" not in carried_text(out)
    assert any("Intro" in s.text for s in doc.segments)


def test_corrupt_opendocument_fails_closed():
    data = _odt("<text:p>unclosed")
    with pytest.raises(CorruptFile):
        open_document("odt", data, Limits())
