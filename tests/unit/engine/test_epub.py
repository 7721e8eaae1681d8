"""EPUB e-books as their own kind: pages, metadata and the NCX scrubbed, links following
renamed members, fonts/scripts/remote sources removed, DRM refused, the OCF layout kept."""

from __future__ import annotations

import base64
import io
import posixpath
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from lxml import etree

from scrubbing.engine.base import CorruptFile, Edit, EncryptedFile, Limits
from scrubbing.engine.formats import archive
from scrubbing.engine.formats.archive import epub
from scrubbing.engine.pipeline import Scrubber, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.sniff import sniff
from tests.builders import epub as epub_builders

OPF_NS = "{http://www.idpf.org/2007/opf}"
TARGETS = {
    epub_builders.NAME: "[PERSON_1]",
    epub_builders.EMAIL: "[EMAIL_1]",
    "Doe, Jane": "[PERSON_1]",
    "Jane": "[PERSON_1]",  # the path view and the split "<b>Jane</b> Doe" start here
}


def edits_for(doc) -> dict[int, list[Edit]]:
    edits: dict[int, list[Edit]] = {}
    for seg in doc.segments:
        taken: list[Edit] = []
        for target in sorted(TARGETS, key=len, reverse=True):
            start = seg.text.find(target)
            while start >= 0:
                end = start + len(target)
                if target == "Jane" and seg.text[end : end + 4] in (" Doe", " doe"):
                    end += 4  # "Jane Doe" read across inline tags, or the path's words
                if not any(e.start < end and start < e.end for e in taken):
                    taken.append(Edit(start, end, TARGETS[target]))
                start = seg.text.find(target, end)
        if taken:
            edits[seg.index] = sorted(taken, key=lambda e: e.start)
    return edits


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def assert_valid_layout(data: bytes) -> dict[str, bytes]:
    """OCF: mimetype first and stored; every manifest item and spine entry resolves."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        first = zf.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert first.extra == b"" and zf.read(first) == b"application/epub+zip"
        assert data[30:38] == b"mimetype"  # the local header's name, at its fixed offset
        assert zf.infolist()[1].filename == "META-INF/container.xml"
    parts = unzip(data)
    container = etree.fromstring(parts["META-INF/container.xml"])
    opf_path = container.find(".//{*}rootfile").get("full-path")
    opf = etree.fromstring(parts[opf_path])
    ids = set()
    for item in opf.iter(f"{OPF_NS}item"):
        href = unquote(item.get("href"))
        assert posixpath.normpath(posixpath.join(posixpath.dirname(opf_path), href)) in parts
        ids.add(item.get("id"))
    for ref in opf.iter(f"{OPF_NS}itemref"):
        assert ref.get("idref") in ids
    for name, blob in parts.items():
        if name.endswith((".xhtml", ".opf", ".ncx", ".xml")):
            etree.fromstring(blob)  # well-formed
    return parts


def test_pages_metadata_and_ncx_are_segments():
    doc = epub.open_document(epub_builders.build_epub(), Limits())
    texts = {s.text for s in doc.segments}
    for expected in (
        "We met Jane Doe at her address.",  # one block across <b>
        "Doe, Jane",  # opf:file-as
        "Jane Doe Consulting",  # dc:publisher
        "Meeting Jane Doe",  # NCX label
        "Portrait of Jane Doe",  # alt text, and the cover picture's OCR
        f"mailto:{epub_builders.EMAIL}",  # an external link is text
    ):
        assert expected in texts, expected
    # markup, scripts, comments and internal links are not words
    assert not any("var owner" in t or "drafted by" in t or "ch2.xhtml" in t for t in texts)
    assert not any("mimetype" in s.locator or "container.xml" in s.locator for s in doc.segments)


def test_render_scrubs_renames_relinks_and_removes():
    doc = epub.open_document(epub_builders.build_epub(), Limits())
    out, report = doc.render(edits_for(doc))
    parts = assert_valid_layout(out)
    new_page = "OEBPS/Text/[PERSON_1]_intro.xhtml"
    assert new_page in parts and "OEBPS/Text/Jane_Doe_intro.xhtml" not in parts
    for name, blob in parts.items():
        assert b"Jane" not in blob and epub_builders.EMAIL.encode() not in blob, name
        assert b"Doe" not in blob or name.endswith(".png"), name
    opf = parts["OEBPS/content.opf"].decode()
    assert 'href="Text/%5BPERSON_1%5D_intro.xhtml"' in opf  # the manifest follows the page
    assert "Fonts/Body.otf" not in opf  # the removed font left the manifest
    assert "<dc:creator" in opf and 'opf:role="aut"' in opf
    ncx = parts["OEBPS/toc.ncx"].decode()
    assert 'src="Text/%5BPERSON_1%5D_intro.xhtml#start"' in ncx
    ch2 = parts["OEBPS/Text/ch2.xhtml"].decode()
    assert 'href="%5BPERSON_1%5D_intro.xhtml#start"' in ch2
    assert "0.70710678" in ch2 and "<!DOCTYPE html>" in ch2
    page = parts[new_page].decode()
    assert page.count("<!DOCTYPE html PUBLIC") == 1  # EPUB 2's DOCTYPE kept
    assert "Chapter\u00a0one" in page  # &nbsp; read as the character it names
    assert "<script" not in page and "<!--" not in page and "onclick" not in page
    assert "tracker.example.com" not in page  # a remote picture would report the reading
    assert 'href="ch2.xhtml#part2"' in page and 'src="../Images/cover.png"' in page
    assert 'href="mailto:[EMAIL_1]"' in page
    assert not any(n.startswith(("OEBPS/Fonts", "META-INF/enc", "META-INF/cal")) for n in parts)
    notes = " | ".join(report.notes)
    assert "removed 1 embedded font(s)" in notes
    assert "removed 1 file(s) no reader of this format reads" in notes
    assert "renamed 1 file(s)" in notes
    assert "jane" not in notes.lower()
    assert doc.render(edits_for(doc))[0] == out  # deterministic
    again = epub.open_document(out, Limits())
    assert not any("Jane" in s.text for s in again.segments if s.kind != "ocr")


def test_unreadable_page_leaves_manifest_and_spine():
    members = epub_builders.parts(
        **{"OEBPS/Text/ch2.xhtml": "<html><p>unclosed by Jane Doe</html>"}
    )
    doc = epub.open_document(epub_builders.build_epub(members), Limits())
    out, report = doc.render({})
    parts = assert_valid_layout(out)
    assert "OEBPS/Text/ch2.xhtml" not in parts
    assert b"ch2" not in parts["OEBPS/content.opf"]
    assert "dropped 1 unreadable file(s) (1 corrupt)" in report.notes


@pytest.mark.parametrize(
    ("member", "content"),
    [
        ("META-INF/rights.xml", "<rights/>"),
        (
            "META-INF/encryption.xml",
            epub_builders.ENCRYPTION.replace(
                "http://www.idpf.org/2008/embedding", "http://www.w3.org/2001/04/xmlenc#aes128-cbc"
            ),
        ),
        (
            "META-INF/encryption.xml",
            epub_builders.ENCRYPTION.replace("OEBPS/Fonts/Body.otf", "OEBPS/Text/ch2.xhtml"),
        ),
    ],
)
def test_drm_refused(member, content):
    with pytest.raises(EncryptedFile, match="DRM"):
        epub.open_document(
            epub_builders.build_epub(epub_builders.parts(**{member: content})), Limits()
        )


def test_entity_declarations_refused_and_damage_reported():
    bomb = '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]><package>&a;</package>'
    with pytest.raises(CorruptFile, match="package document"):
        epub.open_document(
            epub_builders.build_epub(epub_builders.parts(**{"OEBPS/content.opf": bomb})), Limits()
        )
    with pytest.raises(CorruptFile, match="container.xml"):
        epub.open_document(
            epub_builders.build_epub(epub_builders.parts(**{"META-INF/container.xml": None})),
            Limits(),
        )


def test_sniff_and_family():
    data = epub_builders.build_epub()
    assert sniff("book.epub", data).kind == "epub"
    assert sniff("book.zip", data).kind == "epub"  # the content decides
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("a.txt", "x")
    assert sniff("book.epub", plain.getvalue()).kind == "zip"


def test_epub_inside_zip_is_an_epub():
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w") as zf:
        zf.writestr("books/notes.epub", epub_builders.build_epub())
    doc = archive.open_document(outer.getvalue(), Limits())
    assert any(
        s.locator.startswith("member books/notes.epub: member OEBPS/toc.ncx") for s in doc.segments
    )
    out, _ = doc.render(edits_for(doc))
    inner = unzip(out)["books/notes.epub"]
    assert_valid_layout(inner)
    assert archive.audit(out) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_epub_through_the_pipeline(tmp_path: Path):
    """An EPUB 3 written by another producer (LibreOffice's libepubgen), real detection."""
    import docx

    d = docx.Document()
    d.core_properties.author = epub_builders.NAME
    d.add_heading(f"Field report by {epub_builders.NAME}", 1)
    para = d.add_paragraph("Questions go to ")
    para.add_run(epub_builders.EMAIL).bold = True
    para.add_run(", who wrote the measurements down.")
    d.save(tmp_path / "report.docx")
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "epub",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "report.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    src = (tmp_path / "report.epub").read_bytes()
    assert epub_builders.NAME.encode() in b"".join(unzip(src).values())
    result = Scrubber().scrub("report.epub", src, TermLists(), Pseudonymizer())
    assert result.status == "done", (result.error, result.report["residual"])
    parts = assert_valid_layout(result.output)
    blob = b"".join(parts.values())
    assert epub_builders.NAME.encode() not in blob and epub_builders.EMAIL.encode() not in blob
    assert b"who wrote the measurements down." in blob
    assert archive.audit(result.output) == []


def test_xml_declarations_are_written_as_they_were():
    source = unzip(epub_builders.build_epub())
    parts = unzip(epub.open_document(epub_builders.build_epub(), Limits()).render({})[0])
    declared = {n: b.split(b"?>", 1)[0] for n, b in source.items() if b.startswith(b"<?xml ")}
    assert b'<?xml version="1.0" encoding="UTF-8"' in declared.values()
    for name, head in declared.items():
        if name in parts:
            assert parts[name].startswith(head + b"?>"), name


def test_embedded_data_in_a_page_is_removed_not_passed_through():
    blob = base64.b64encode(epub_builders.cover_png()).decode()
    page = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        '<body><p>Chapter two</p><svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
        f'<image width="10" height="10" xlink:href="data:image/png;base64,{blob}"/></svg>'
        "</body></html>"
    )
    doc = epub.open_document(
        epub_builders.build_epub(epub_builders.parts(**{"OEBPS/Text/ch2.xhtml": page})), Limits()
    )
    out, report = doc.render({})
    assert blob[:40].encode() not in unzip(out)["OEBPS/Text/ch2.xhtml"]
    assert "remote sources and embedded data \u00d71" in " | ".join(report.notes)
