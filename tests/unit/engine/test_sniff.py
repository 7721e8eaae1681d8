"""sniff(): the real type from bytes, clear one-sentence refusals."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest

from scrubbing.engine.base import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    LimitExceeded,
    Limits,
    UnsupportedFile,
)
from scrubbing.engine.sniff import sniff

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole2(*streams: str) -> bytes:
    body = b"".join(s.encode("utf-16-le") + b"\x00" * 10 for s in streams)
    return OLE2 + b"\x00" * 504 + body + b"\x00" * 512


def make_zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


CT = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


@pytest.mark.parametrize(
    ("part", "kind"),
    [("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"), ("ppt/presentation.xml", "pptx")],
)
def test_ooxml_told_apart_by_main_part(part, kind):
    data = make_zip({"[Content_Types].xml": CT, part: b"<x/>"})
    info = sniff("whatever.bin", data)
    assert info.kind == kind
    assert info.extension == f".{kind}"


def test_ooxml_main_part_from_rels():
    rels = (
        b'<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/officeDocument" Target="word/doc2.xml"/>'
        b"</Relationships>"
    )
    data = make_zip({"[Content_Types].xml": CT, "_rels/.rels": rels, "word/doc2.xml": b"<x/>"})
    assert sniff("a.docx", data).kind == "docx"


def test_plain_zip_is_zip():
    assert sniff("repo.zip", make_zip({"src/app.py": b"print(1)\n"})).kind == "zip"


@pytest.mark.parametrize(
    ("mimetype", "kind"),
    [("text", "odt"), ("spreadsheet", "ods"), ("presentation", "odp"), ("text-template", "odt")],
)
def test_opendocument_kinds(mimetype, kind):
    # OpenDocument is converted, told apart by its mimetype member
    mt = f"application/vnd.oasis.opendocument.{mimetype}".encode()
    assert sniff("notes.bin", make_zip({"mimetype": mt, "content.xml": b""})).kind == kind


def test_opendocument_drawing_and_encrypted_refused():
    drawing = make_zip({"mimetype": b"application/vnd.oasis.opendocument.graphics"})
    with pytest.raises(UnsupportedFile, match="OpenDocument file of a kind that is not supported"):
        sniff("plan.odg", drawing)
    manifest = b'<manifest:file-entry><manifest:encryption-data manifest:checksum="x"/>'
    locked = make_zip(
        {"mimetype": b"application/vnd.oasis.opendocument.text", "META-INF/manifest.xml": manifest}
    )
    with pytest.raises(EncryptedFile, match="password-protected"):
        sniff("notes.odt", locked)


def test_corrupt_zip():
    with pytest.raises(CorruptFile, match="damaged"):
        sniff("x.docx", b"PK\x03\x04" + b"\x00" * 40)


def test_empty_file():
    with pytest.raises(EmptyFile, match="is empty"):
        sniff("report.docx", b"")


def test_oversized():
    with pytest.raises(LimitExceeded, match="larger than"):
        sniff("big.txt", b"a" * 2000, Limits(max_file_bytes=1000))


def test_windows_executable_named_docx():
    data = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
    with pytest.raises(UnsupportedFile) as exc:
        sniff("C:\\Users\\me\\report.docx", data)
    msg = str(exc.value)
    assert "Windows executable" in msg and "Word document" in msg
    assert "Users" not in msg  # base name only, never a path


def test_elf_executable():
    with pytest.raises(UnsupportedFile, match="Linux executable"):
        sniff("tool", b"\x7fELF\x02\x01\x01" + b"\x00" * 100)


def test_unknown_binary():
    with pytest.raises(UnsupportedFile, match="not a supported file type|not a text file"):
        sniff("blob.dat", bytes(range(256)) * 4)


def test_encrypted_office():
    with pytest.raises(EncryptedFile, match="password-protected; remove the password"):
        sniff("budget.xlsx", ole2("EncryptionInfo", "EncryptedPackage"))


@pytest.mark.parametrize("stream", ["WordDocument", "Workbook", "PowerPoint Document"])
def test_legacy_office_with_an_unreadable_directory_is_damaged(stream):
    # real .doc/.xls/.ppt files are converted (test_legacy.py); these bytes only name the
    # stream, so olefile cannot read their directory
    with pytest.raises(CorruptFile, match="damaged Office 97-2003 file"):
        sniff("legacy.doc", ole2(stream))


def _pikepdf_pdf(**encryption) -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(**encryption) if encryption else False)
    return out.getvalue()


def test_pdf_plain_and_encrypted():
    """The PDF reader's rule: only a PDF that needs a password to open is refused; one
    encrypted with an empty user password (permissions only) opens in every viewer."""
    assert sniff("a.pdf", _pikepdf_pdf()).kind == "pdf"
    with pytest.raises(EncryptedFile, match="password-protected"):
        sniff("a.pdf", _pikepdf_pdf(user="secret", owner="owner-secret"))
    empty = _pikepdf_pdf(user="", owner="owner-secret")
    assert b"/Encrypt" in empty
    assert sniff("a.pdf", empty).kind == "pdf"


def test_pdf_named_docx_names_both():
    with pytest.raises(UnsupportedFile) as exc:
        sniff("report.docx", b"%PDF-1.4\n%%EOF\n")
    msg = str(exc.value)
    assert "Word document" in msg and "PDF" in msg and ".pdf" in msg


def test_images():
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 30
    jpg = b"\xff\xd8\xff\xe0" + b"\x00" * 30
    assert sniff("a.png", png).kind == "png"
    assert sniff("a.jpeg", jpg).kind == "jpeg"
    assert sniff("a.jpg", jpg).extension == ".jpg"
    assert sniff("screenshot.jpg", png).kind == "png"  # image family: harmless


@pytest.mark.parametrize(
    "name", ["notes.txt", "README.md", "app.py", ".env", "data.csv", "Makefile"]
)
def test_text_family(name):
    info = sniff(name, "Hello Jos\u00e9\nsecond line\n".encode())
    assert info.kind == "text"


def test_text_keeps_its_extension():
    assert sniff("README.md", b"# Title\n").extension == ".md"
    assert sniff("noext", b"hello\n").extension == ".txt"


def test_text_encodings():
    assert sniff("a.txt", "\ufeffhi".encode("utf-16")).kind == "text"
    assert sniff("a.txt", "caf\u00e9 \u2013 na\u00efve".encode("cp1252")).kind == "text"
    assert sniff("a.txt", b"MZ Holdings annual report\n").kind == "text"


def test_text_named_pdf_refused():
    with pytest.raises(UnsupportedFile, match="named like a PDF"):
        sniff("report.pdf", b"just text\n")


def test_zip_named_txt_refused():
    with pytest.raises(UnsupportedFile, match="ZIP archive"):
        sniff("notes.txt", make_zip({"a.txt": b"x"}))


def test_sniff_does_not_load_nlp():
    code = (
        "import sys; from scrubbing.engine.sniff import sniff; "
        "sniff('a.txt', b'hi'); "
        "print(any(m.split('.')[0] in ('spacy', 'presidio_analyzer', 'thinc') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_open_is_lazy_and_missing_module_is_clear(monkeypatch):
    from scrubbing.engine import registry

    monkeypatch.setitem(registry.MODULES, "png", "scrubbing.engine.formats.not_there")
    info = sniff("a.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 30)  # no import happens here
    with pytest.raises(UnsupportedFile, match="cannot be processed"):
        info.open(b"", Limits())


def test_open_resolves_text_module():
    doc = sniff("a.txt", b"hello\n").open(b"hello\n", Limits())
    assert doc.kind == "text"
    assert [s.text for s in doc.segments] == ["hello"]
