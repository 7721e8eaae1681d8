"""Pictures other than PNG/JPEG (made by Pillow, pillow-heif and by hand for Netpbm): scrubbed
by OCR and written back as PNG, every TIFF page, the first GIF/WebP frame, no metadata; Netpbm
is a picture, never text (SVG: test_svg.py)."""

from __future__ import annotations

import io
import shutil

import pytest
from PIL import Image, ImageDraw, ImageFont

from scrubbing.engine.base import LimitExceeded, Limits
from scrubbing.engine.pipeline import Scrubber, Term, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.registry import open_document
from scrubbing.engine.sniff import sniff

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract")

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
NAME = "Ottilie Wrexham"
OTHER = "Zebulon Quimby"
TERMS = TermLists(deny=(Term(NAME, "PERSON"), Term(OTHER, "PERSON")))


def picture(line: str, size=(1000, 220)) -> Image.Image:
    im = Image.new("RGB", size, "white")
    ImageDraw.Draw(im).text((30, 80), line, fill="black", font=ImageFont.truetype(FONT, 48))
    return im


def encoded(im: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def scrub(name: str, data: bytes):
    result = Scrubber().scrub(name, data, TERMS, Pseudonymizer())
    assert result.status == "done", (result.error, result.report.get("residual"))
    return result


def ocr_text(png: bytes) -> str:
    doc = open_document("png", png, Limits())
    return " ".join(s.text for s in doc.segments)


def assert_png_without(png: bytes, *values: str) -> None:
    assert png.startswith(b"\x89PNG")
    text = ocr_text(png)
    for value in values:
        assert value.split()[0] not in text and value.split()[-1] not in text
        assert value.encode() not in png


@pytest.mark.parametrize(
    ("name", "fmt", "kind"),
    [
        ("scan.gif", "GIF", "gif"),
        ("scan.webp", "WEBP", "webp"),
        ("scan.bmp", "BMP", "bmp"),
        ("scan.ppm", "PPM", "ppm"),
        ("scan.avif", "AVIF", "avif"),
    ],
)
def test_picture_kinds_come_back_as_scrubbed_png(name, fmt, kind):
    data = encoded(picture(f"Owner {NAME}"), fmt, **({"quality": 95} if kind == "avif" else {}))
    assert sniff(name, data).kind == kind
    assert sniff("no-extension", data).kind == kind
    result = scrub(name, data)
    assert result.kind == kind and result.extension == ".png"
    assert result.output_name(name) == name.rsplit(".", 1)[0] + ".png"
    assert any(f.text == NAME and f.location_kind == "ocr" for f in result.findings)
    assert_png_without(result.output, NAME)
    assert result.report["notes"][0].endswith("written back as PNG (pixels only)")


def test_heic_through_pi_heif():
    pillow_heif = pytest.importorskip("pillow_heif")  # writes HEIC in tests only
    buf = io.BytesIO()
    pillow_heif.from_pillow(picture(f"Owner {NAME}")).save(buf, quality=95)
    data = buf.getvalue()
    assert sniff("IMG_0001.HEIC", data).kind == "heic"
    result = scrub("IMG_0001.HEIC", data)
    assert result.extension == ".png"
    assert_png_without(result.output, NAME)


def test_every_tiff_page_is_scrubbed_and_kept():
    pages = [picture(f"Page one {NAME}"), picture(f"Page two {OTHER}")]
    data = encoded(pages[0], "TIFF", save_all=True, append_images=pages[1:])
    result = scrub("fax.tiff", data)
    out = Image.open(io.BytesIO(result.output))
    assert out.size == (1000, 440)  # both pages, one below the other
    assert {f.text for f in result.findings} == {NAME, OTHER}
    assert {f.locator.split(":")[0] for f in result.findings} == {"page 1", "page 2"}
    text = ocr_text(result.output)
    assert "Page one" in text and "Page two" in text
    assert_png_without(result.output, NAME, OTHER)
    assert "all 2 pages were scrubbed, one below the other" in result.report["notes"]


def test_tiff_pages_over_the_pixel_limit_are_scaled_to_fit():
    pages = [picture(f"Page {n} {NAME}") for n in (1, 2, 3)]
    data = encoded(pages[0], "TIFF", save_all=True, append_images=pages[1:])
    doc = open_document("tiff", data, Limits(max_image_pixels=400_000))
    out, report = doc.render({})
    assert Image.open(io.BytesIO(out)).width * Image.open(io.BytesIO(out)).height <= 400_000
    assert any("scaled to" in n for n in report.notes)


def test_too_many_tiff_pages_fail_with_a_sentence():
    pages = [Image.new("L", (20, 20), 255) for _ in range(4)]
    data = encoded(pages[0], "TIFF", save_all=True, append_images=pages[1:])
    with pytest.raises(LimitExceeded, match="This TIFF has 4 pages; the limit is 3"):
        open_document("tiff", data, Limits(max_ocr_pages=3))


def test_animated_gif_keeps_the_first_frame_only():
    frames = [picture(f"Owner {NAME}"), picture(f"Later {OTHER}")]
    data = encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=500)
    result = scrub("loop.gif", data)
    out = Image.open(io.BytesIO(result.output))
    assert getattr(out, "n_frames", 1) == 1
    assert "Later" not in ocr_text(result.output)  # the second frame is gone, not scrubbed
    assert "only the first of 2 frames was kept" in result.report["notes"]


def test_tiff_metadata_is_dropped_and_listed():
    im = picture("Quarterly chart")
    exif = im.getexif()
    exif[0x013B] = NAME  # Artist
    exif[0x010E] = f"Scanned for {OTHER}"  # ImageDescription
    data = encoded(im, "TIFF", exif=exif)
    assert NAME.encode() in data
    result = scrub("chart.tif", data)
    assert NAME.encode() not in result.output and OTHER.encode() not in result.output
    assert any(m.startswith("EXIF") for m in result.report["metadata_removed"])
    assert Image.open(io.BytesIO(result.output)).info.get("exif") is None


def test_plain_pgm_pixel_rows_are_pixels_not_text():
    rows = "\n".join(" ".join(str((x * 37 + y * 11) % 256) for x in range(8)) for y in range(6))
    data = f"P2\n# made by hand\n8 6\n255\n{rows}\n".encode()
    assert sniff("tiny.pgm", data).kind == "ppm"
    result = scrub("tiny.pgm", data)
    assert result.output.startswith(b"\x89PNG") and not result.findings
    assert Image.open(io.BytesIO(result.output)).size == (8, 6)
    # a text that merely starts like one stays text
    assert sniff("goals.txt", b"P1 2024 10 goals for the team\n").kind == "text"


def test_picture_bomb_is_refused_before_decoding():
    data = encoded(Image.new("L", (4000, 4000), 255), "GIF")
    with pytest.raises(LimitExceeded, match="4000x4000 pixels"):
        open_document("gif", data, Limits(max_image_pixels=1_000_000))
