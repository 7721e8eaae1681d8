"""Images: OCR segments, boxes over edited words, metadata gone, bombs refused fast."""

from __future__ import annotations

import io
import struct
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

from scrubbing.engine.base import CorruptFile, Edit, LimitExceeded, Limits
from scrubbing.engine.formats import image as image_format

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
NAME = "Jane Doe"
EMAIL = "jane.doe@acme-corp.com"
LINES = [f"Invoice for {NAME}", f"Email {EMAIL}", "Total due 420 EUR"]
LIMITS = Limits()

pytestmark = pytest.mark.skipif(not FONT.exists(), reason="DejaVuSans not installed")


def drawn(size=(1500, 520)) -> Image.Image:
    im = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(FONT), 56)
    for i, line in enumerate(LINES):
        draw.text((60, 50 + i * 150), line, fill="black", font=font)
    return im


def exif_with_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[0x013B] = NAME  # Artist
    exif[0x010E] = f"Photo by {NAME}"  # ImageDescription
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (48.0, 51.0, 24.0)
    return exif


def png_bytes() -> bytes:
    info = PngInfo()
    info.add_text("Author", NAME)
    info.add_itxt("Comment", f"mail {EMAIL}", zip=True)
    out = io.BytesIO()
    drawn().save(out, "PNG", pnginfo=info, exif=exif_with_gps().tobytes())
    return out.getvalue()


def jpeg_bytes(orientation: int | None = None) -> bytes:
    im = drawn()
    exif = exif_with_gps()
    if orientation == 6:  # stored rotated; viewers rotate 90 degrees clockwise to show it
        im = im.transpose(Image.Transpose.ROTATE_90)
        exif[0x0112] = 6
    out = io.BytesIO()
    im.save(out, "JPEG", quality=95, exif=exif.tobytes(), comment=f"by {NAME}".encode())
    return out.getvalue()


def edits_for(doc, targets=(NAME, EMAIL)):
    edits = {}
    for seg in doc.segments:
        if seg.kind != "ocr":
            continue
        for t in targets:
            i = seg.text.find(t)
            if i >= 0:
                edits.setdefault(seg.index, []).append(Edit(i, i + len(t), "[X]"))
    return edits


def ocr_text(doc) -> str:
    return "\n".join(s.text for s in doc.segments if s.kind == "ocr")


@pytest.mark.parametrize("make", [png_bytes, jpeg_bytes], ids=["png", "jpeg"])
def test_ocr_segments_and_redaction(make):
    data = make()
    doc = image_format.open_document(data, LIMITS)
    assert doc.kind == ("png" if make is png_bytes else "jpeg")
    text = ocr_text(doc)
    assert NAME in text and EMAIL in text, text
    line = next(s for s in doc.segments if NAME in s.text)
    assert line.kind == "ocr" and line.locator.startswith("image line ")
    assert any(s.kind == "metadata" and NAME in s.text for s in doc.segments)

    out, report = doc.render(edits_for(doc))
    again = image_format.open_document(out, LIMITS)
    after = ocr_text(again)
    for gone in ("Jane", "Doe", "jane.doe", "acme-corp"):
        assert gone not in after, after
    assert "Total due 420 EUR" in after
    assert "Invoice for" in after
    # metadata really gone
    im = Image.open(io.BytesIO(out))
    assert im.format == ("PNG" if make is png_bytes else "JPEG")
    assert not im.getexif() and "exif" not in im.info
    assert "icc_profile" not in im.info and "comment" not in im.info
    assert not getattr(im, "text", {})
    assert NAME.encode() not in out and EMAIL.encode() not in out
    assert zlib.compress(NAME.encode()) not in out
    assert not any(s.kind == "metadata" for s in again.segments)
    removed = " ".join(report.metadata_removed)
    assert "EXIF" in removed and "GPS" in removed
    if make is png_bytes:
        assert "PNG text chunks" in removed
    else:
        assert "comment" in removed
    assert any("OCR mean confidence" in n for n in report.notes)


def test_exif_orientation_applied_before_ocr():
    data = jpeg_bytes(orientation=6)
    assert Image.open(io.BytesIO(data)).size == (520, 1500)  # stored sideways
    doc = image_format.open_document(data, LIMITS)
    assert NAME in ocr_text(doc)
    out, _ = doc.render(edits_for(doc))
    im = Image.open(io.BytesIO(out))
    assert im.size == (1500, 520)  # upright, since the orientation tag is gone
    assert NAME not in ocr_text(image_format.open_document(out, LIMITS))


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def test_decompression_bomb_refused_fast():
    # 100k x 100k pixels declared, a few bytes of data: must be refused from the header alone.
    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + _png_chunk(b"IEND", b"")
    )
    start = time.monotonic()
    with pytest.raises(LimitExceeded, match="pixels"):
        image_format.open_document(data, LIMITS)
    assert time.monotonic() - start < 0.5


def test_pixel_limit_from_limits():
    with pytest.raises(LimitExceeded):
        image_format.open_document(jpeg_bytes(), Limits(max_image_pixels=100_000))


def test_truncated_image_is_corrupt():
    data = png_bytes()
    with pytest.raises(CorruptFile):
        image_format.open_document(data[: len(data) // 3], LIMITS)


def test_strip_jpeg_metadata_keeps_pixels():
    data = jpeg_bytes()
    clean = image_format.strip_jpeg_metadata(data)
    assert b"Exif" in data and b"Exif" not in clean and NAME.encode() not in clean
    a, b = Image.open(io.BytesIO(data)), Image.open(io.BytesIO(clean))
    assert a.tobytes() == b.tobytes()
    assert image_format.strip_jpeg_metadata(b"not a jpeg") == b"not a jpeg"
