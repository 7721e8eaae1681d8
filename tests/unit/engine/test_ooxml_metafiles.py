"""EMF/WMF pictures inside Office files (real ones: LibreOffice draws them from an SVG, python-
pptx and LibreOffice put them in the files) are drawn as PNG, OCR'd and boxed, or removed with a
sentence; pictures with the author's file names get neutral part names."""

from __future__ import annotations

import base64
import gzip
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from scrubbing.engine.base import Limits
from scrubbing.engine.formats.ooxml.closed import audit
from scrubbing.engine.formats.ooxml.metafiles import frame_mm
from scrubbing.engine.pipeline import Scrubber, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from tests.builders import ooxml as ooxml_builders

NAME = "Jane Doe"
PLANTED = f"Owner {NAME}"
SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" width="800" height="200" viewBox="0 0 800 200">
<rect width="800" height="200" fill="white"/>
<text x="20" y="110" font-family="DejaVu Sans" font-size="48" fill="black">{PLANTED}</text>
</svg>"""


@pytest.fixture(scope="module")
def metafiles(tmp_path_factory) -> dict[str, bytes]:
    """{"emf": ..., "wmf": ...} drawn by LibreOffice from an SVG that says PLANTED."""
    if SOFFICE is None:
        pytest.skip("LibreOffice not installed")
    tmp = tmp_path_factory.mktemp("metafiles")
    (tmp / "chart.svg").write_text(SVG)
    out = {}
    for kind in ("emf", "wmf"):
        subprocess.run(
            [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
             "--convert-to", kind, "--outdir", str(tmp), str(tmp / "chart.svg")],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        out[kind] = (tmp / f"chart.{kind}").read_bytes()
    return out


def planted_forms(text: str = NAME) -> list[bytes]:
    return [text.encode(), text.encode("utf-16-le")]


def scrub(name: str, data: bytes, limits: Limits | None = None):
    return Scrubber(limits=limits or Limits()).scrub(name, data, TermLists(), Pseudonymizer())


def pptx_with(*pictures: bytes) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    for n, pic in enumerate(pictures):
        slide.shapes.add_picture(io.BytesIO(pic), Inches(1), Inches(1 + 2 * n), width=Inches(6))
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def libreoffice_docx(tmp_path: Path, picture: bytes) -> bytes:
    """A .docx LibreOffice writes from a text document holding the metafile."""
    fodt = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2"
 office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>
<text:p>The quarterly chart follows.</text:p><text:p><draw:frame svg:width="120mm"
 svg:height="25mm" text:anchor-type="as-char"><draw:image><office:binary-data>
{base64.b64encode(picture).decode()}</office:binary-data></draw:image></draw:frame></text:p>
</office:text></office:body></office:document>"""
    (tmp_path / "chart.fodt").write_text(fodt)
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "docx", "--outdir", str(tmp_path), str(tmp_path / "chart.fodt")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return (tmp_path / "chart.docx").read_bytes()


def media(data: bytes) -> dict[str, bytes]:
    return {n: b for n, b in ooxml_builders.read_zip(data).items() if "/media/" in n}


def assert_no_planted(data: bytes) -> None:
    blob = b"".join(ooxml_builders.read_zip(data).values())
    for form in planted_forms():
        assert form not in blob


def test_frame_sizes_from_headers(metafiles):
    w, h = frame_mm(metafiles["emf"])
    assert 3.5 < w / h < 5  # the SVG is 800 x 200, its text a little narrower
    w, h = frame_mm(metafiles["wmf"])
    assert 3.5 < w / h < 5
    assert frame_mm(b" EMF fake") is None and frame_mm(b"\x89PNG\r\n\x1a\n" + bytes(100)) is None


@needs_soffice
def test_pptx_emf_and_wmf_drawn_ocrd_and_boxed(metafiles):
    src = pptx_with(metafiles["emf"], metafiles["wmf"])
    assert any(f in b"".join(media(src).values()) for f in planted_forms())
    result = scrub("deck.pptx", src)
    assert result.status == "done", result.report["residual"]
    pictures = media(result.output)
    assert pictures and all(
        n.endswith(".png") and b.startswith(b"\x89PNG") for n, b in pictures.items()
    )
    assert len(pictures) == 2
    ct = ooxml_builders.read_zip(result.output)["[Content_Types].xml"].decode()
    for name in pictures:
        assert f'PartName="/{name}" ContentType="image/png"' in ct or 'Extension="png"' in ct
    import pytesseract
    from PIL import Image

    for blob in pictures.values():
        # one line of text (--psm 6): the page layout step reads big black boxes as pictures
        text = pytesseract.image_to_string(
            Image.open(io.BytesIO(blob)).convert("RGB"), config="--psm 6"
        )
        assert "Owner" in text and "Jane" not in text and "Doe" not in text  # boxed
    assert_no_planted(result.output)
    notes = " ".join(result.report["notes"])
    assert "2 EMF/WMF picture(s) drawn as PNG by LibreOffice" in notes
    assert any(f.locator.startswith("slide") or "image" in f.locator for f in result.findings)
    assert audit(result.output) == []
    import pptx

    deck = pptx.Presentation(io.BytesIO(result.output))
    assert len([s for s in deck.slides[0].shapes if s.shape_type == 13]) == 2  # pictures


@needs_soffice
def test_libreoffice_docx_with_emf(metafiles, tmp_path):
    import docx

    src = libreoffice_docx(tmp_path, metafiles["emf"])
    assert [n for n in media(src) if not n.endswith(".png")]  # LibreOffice kept the metafile
    result = scrub("chart.docx", src)
    assert result.status == "done", result.report["residual"]
    assert list(media(result.output)) == ["word/media/image1.png"]
    assert_no_planted(result.output)
    assert audit(result.output) == []
    rels = ooxml_builders.read_zip(result.output)["word/_rels/document.xml.rels"].decode()
    assert 'Target="media/image1.png"' in rels
    assert docx.Document(io.BytesIO(result.output)).inline_shapes[0].width > 0


@needs_soffice
def test_emz_compressed_metafile_is_read(metafiles):
    src = ooxml_builders.patch_zip(
        pptx_with(metafiles["emf"]),
        add={"ppt/media/image1.wmf": gzip.compress(metafiles["emf"])},
    )
    result = scrub("deck.pptx", src)
    assert result.status == "done", result.report["residual"]
    assert list(media(result.output)) == ["ppt/media/image1.png"]
    assert_no_planted(result.output)


def test_converter_missing_removes_pictures_with_a_sentence(metafiles, converter):
    converter(program="/nonexistent/soffice")
    result = scrub("deck.pptx", pptx_with(metafiles["emf"], metafiles["wmf"]))
    assert result.status == "done", result.report["residual"]  # removed, not residual
    assert media(result.output) == {}
    assert_no_planted(result.output)
    assert (
        "2 EMF/WMF picture(s) removed: LibreOffice, which draws them, is not installed on this "
        "server" in result.report["notes"]
    )
    assert audit(result.output) == []
    import pptx

    pptx.Presentation(io.BytesIO(result.output))


@needs_soffice
def test_conversion_time_limit_removes_pictures(metafiles, converter):
    converter(seconds=0.05)
    result = scrub("deck.pptx", pptx_with(metafiles["emf"]))
    assert result.status == "done", result.report["residual"]
    assert media(result.output) == {}
    assert (
        "1 EMF/WMF picture(s) removed: drawing them took longer than the 0.05 s limit"
        in (result.report["notes"])
    )


@needs_soffice
def test_metafiles_past_the_picture_limit_are_removed(metafiles):
    result = scrub(
        "deck.pptx", pptx_with(metafiles["emf"], metafiles["wmf"]), Limits(max_ocr_images=1)
    )
    assert result.status == "done", result.report["residual"]
    assert len(media(result.output)) == 1
    assert "1 EMF/WMF picture(s) removed: more than 1 in one file" in result.report["notes"]
    assert_no_planted(result.output)


def test_unreadable_metafile_removed(metafiles):
    broken = b"\x01\x00\x00\x00" + bytes(36) + b" EMF" + bytes(60)  # no frame, no bounds
    src = ooxml_builders.patch_zip(
        pptx_with(metafiles["emf"]), add={"ppt/media/image1.wmf": broken}
    )
    result = scrub("deck.pptx", src)
    assert result.status == "done", result.report["residual"]
    assert media(result.output) == {}
    assert "1 EMF/WMF picture(s) removed: they could not be read" in result.report["notes"]


def _png(text: str) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    im = Image.new("RGB", (1200, 200), "white")
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 56)
    ImageDraw.Draw(im).text((30, 60), text, fill="black", font=font)
    out = io.BytesIO()
    im.save(out, "PNG")
    return out.getvalue()


def test_author_named_picture_parts_get_neutral_names():
    import docx

    d = docx.Document()
    d.add_paragraph("Team photo below.")
    d.add_picture(io.BytesIO(_png("Quarterly figures")))
    buf = io.BytesIO()
    d.save(buf)
    parts = ooxml_builders.read_zip(buf.getvalue())
    (old,) = [n for n in parts if n.startswith("word/media/")]
    parts["word/media/Jane Doe headshot.png"] = parts.pop(old)
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace(
        old.removeprefix("word/"), "media/Jane%20Doe%20headshot.png"
    ).encode()
    src = io.BytesIO()
    with zipfile.ZipFile(src, "w") as zf:
        for name, blob in parts.items():
            zf.writestr(name, blob)
    result = scrub("photo.docx", src.getvalue())
    assert result.status == "done", result.report["residual"]
    out = ooxml_builders.read_zip(result.output)
    assert list(media(result.output)) == ["word/media/image1.png"]
    assert not any("Jane" in n or "Doe" in n for n in out)
    assert b"Jane" not in out["word/_rels/document.xml.rels"]
    assert b'Target="media/image1.png"' in out["word/_rels/document.xml.rels"]
    assert (
        "1 picture or object part(s) renamed: their names were the author's"
        in (result.report["notes"])
    )
    assert not any("Jane" in f.locator for f in result.findings)
    assert not any("Jane" in n for n in result.report["notes"])
    assert audit(result.output) == []
    assert docx.Document(io.BytesIO(result.output)).inline_shapes[0].width > 0
