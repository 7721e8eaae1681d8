"""PNG/JPEG: OCR lines as segments, black boxes over edited words, metadata dropped.

The pixel count is checked from the header before anything is decoded (decompression bombs are
refused in milliseconds). EXIF orientation is applied before OCR and baked into the output,
because the output carries no EXIF. Output is re-encoded from bare pixels, so no EXIF, XMP,
ICC profile, JPEG comment/APPn segment or PNG text chunk can survive.

OCR misses are the known risk of this format: the mean confidence goes into the notes so a
reviewer can judge how much to trust the result.
"""

from __future__ import annotations

import io
import os
import struct
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PIL import ExifTags, Image, ImageDraw, ImageOps, UnidentifiedImageError

from scrubbing.engine.base import (
    CorruptFile,
    Document,
    Edit,
    LimitExceeded,
    Limits,
    Segment,
    UnsupportedFile,
    WriteReport,
)
from scrubbing.engine.magic import PNG_MAGIC, png_or_jpeg

# Small images OCR badly; tesseract likes x-heights of ~20px+.
_OCR_MIN_SIDE = 1600
_BOX_PAD = 3
_EXIF_TEXT_TAGS = {
    "Artist",
    "ImageDescription",
    "Copyright",
    "Make",
    "Model",
    "Software",
    "UserComment",
    "XPAuthor",
    "XPComment",
    "XPTitle",
    "XPSubject",
    "XPKeywords",
    "HostComputer",
    "CameraOwnerName",
    "BodySerialNumber",
    "DocumentName",
}


def _kind(data: bytes) -> str:
    kind = png_or_jpeg(data)
    if kind is not None:
        return kind
    raise UnsupportedFile("This image type is not supported; upload PNG or JPEG.")


def strip_jpeg_metadata(data: bytes) -> bytes:
    """Drop APP1..APP13, APP15 and COM segments (EXIF, XMP, IPTC, ICC...) from JPEG bytes.

    Keeps APP0 (JFIF) and APP14 (Adobe colour transform, needed to decode CMYK correctly).
    Pixel data is untouched. Returns the input unchanged if it does not parse.
    """
    if not data.startswith(b"\xff\xd8"):
        return data
    out = bytearray(b"\xff\xd8")
    i = 2
    n = len(data)
    while i + 4 <= n:
        if data[i] != 0xFF:
            return data
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0xDA or marker == 0xD9:  # start of scan / end: copy the rest verbatim
            out += data[i:]
            return bytes(out)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out += data[i : i + 2]
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if length < 2 or i + 2 + length > n:
            return data
        seg = data[i : i + 2 + length]
        drop = (0xE1 <= marker <= 0xED) or marker == 0xEF or marker == 0xFE
        if not drop:
            out += seg
        i += 2 + length
    return data


# PNG chunks that only describe pixels; everything else (tEXt/zTXt/iTXt text, eXIf, tIME,
# iCCP profile names, private chunks) is dropped by strip_png_metadata.
_PNG_KEEP = {
    b"IHDR",
    b"PLTE",
    b"IDAT",
    b"IEND",
    b"tRNS",
    b"gAMA",
    b"cHRM",
    b"sRGB",
    b"sBIT",
    b"pHYs",
    b"bKGD",
    b"acTL",
    b"fcTL",
    b"fdAT",
}


def strip_png_metadata(data: bytes) -> bytes | None:
    """PNG bytes without text/EXIF/time/ICC/private chunks, pixels untouched; None if the
    chunk structure does not parse (the caller then re-encodes from pixels)."""
    if not data.startswith(PNG_MAGIC):
        return None
    out = bytearray(PNG_MAGIC)
    i, n = len(PNG_MAGIC), len(data)
    while i + 12 <= n:
        (length,) = struct.unpack(">I", data[i : i + 4])
        ctype = data[i + 4 : i + 8]
        end = i + 12 + length
        if end > n:
            return None
        if ctype in _PNG_KEEP:
            out += data[i:end]
        i = end
        if ctype == b"IEND":
            return bytes(out)
    return None


@dataclass(frozen=True)
class _Word:
    start: int  # offset in the line text
    end: int
    box: tuple[int, int, int, int]  # left, top, right, bottom in output-image pixels


def _describe_metadata(im: Image.Image) -> tuple[list[str], list[tuple[str, str]]]:
    """What metadata the input carries (labels) and readable text values in it."""
    labels: list[str] = []
    texts: list[tuple[str, str]] = []
    info = im.info
    try:
        exif = im.getexif()
    except Exception:
        exif = None
    if exif is not None and (len(exif) or "exif" in info):
        names = []
        for tag, value in exif.items():
            name = ExifTags.TAGS.get(tag, f"tag {tag}")
            names.append(name)
            if name in _EXIF_TEXT_TAGS:
                if isinstance(value, bytes):
                    value = value.decode(
                        "utf-16-le" if name.startswith("XP") else "latin-1", "ignore"
                    )
                if isinstance(value, str) and value.strip("\x00 "):
                    texts.append((f"EXIF {name}", value.strip("\x00 ")))
        try:
            if exif.get_ifd(ExifTags.IFD.GPSInfo):
                names.append("GPS location")
        except Exception:  # noqa: S110
            pass
        labels.append("EXIF" + (f" ({', '.join(sorted(set(names)))})" if names else ""))
    if "xmp" in info or "XML:com.adobe.xmp" in info:
        labels.append("XMP")
    if info.get("icc_profile"):
        labels.append("ICC profile")
    if info.get("comment"):
        labels.append("comment")
        c = info["comment"]
        texts.append(("comment", c.decode("latin-1", "ignore") if isinstance(c, bytes) else str(c)))
    png_text = getattr(im, "text", None) if im.format == "PNG" else None
    if png_text:
        labels.append("PNG text chunks (" + ", ".join(sorted(png_text)) + ")")
        texts.extend((f"PNG text {k}", str(v)) for k, v in png_text.items())
    applist = getattr(im, "applist", None) or []
    apps = sorted({m for m, _ in applist if m not in ("APP0", "APP1", "APP2", "APP14")})
    if apps:
        labels.append("JPEG segments " + ", ".join(apps))
    return labels, texts


def ocr_lines(
    image: Image.Image, timeout: float = 120
) -> tuple[list[tuple[str, list[_Word]]], float | None]:
    """OCR one image: (line text, its words with boxes in `image` pixels) per line, and the
    mean word confidence (None when nothing was read). Shared by images, PDF scans and
    pictures inside Office files. Tesseract runs with one thread unless OMP_THREAD_LIMIT says
    otherwise: workers are processes already, and threads made it 5x slower on 2 cores."""
    import pytesseract  # imported late: the binary is only needed when images are scrubbed

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")

    im = image
    scale = 1.0
    if max(im.size) < _OCR_MIN_SIDE:
        scale = min(3.0, _OCR_MIN_SIDE / max(im.size))
        im = im.resize((round(im.width * scale), round(im.height * scale)), Image.LANCZOS)
    try:
        data = pytesseract.image_to_data(
            _on_white(im), output_type=pytesseract.Output.DICT, timeout=timeout
        )
    except RuntimeError:
        raise LimitExceeded("Reading the text in this image took too long.") from None
    lines: dict[tuple[int, int, int], list[tuple[str, tuple[int, int, int, int]]]] = {}
    confs: list[float] = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        confs.append(conf)
        left, top = data["left"][i] / scale, data["top"][i] / scale
        right = left + data["width"][i] / scale
        bottom = top + data["height"][i] / scale
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        box = (int(left), int(top), int(right + 0.999), int(bottom + 0.999))
        lines.setdefault(key, []).append((text, box))
    out: list[tuple[str, list[_Word]]] = []
    for key in sorted(lines):
        words: list[_Word] = []
        parts: list[str] = []
        pos = 0
        for text, box in lines[key]:
            if parts:
                pos += 1
            words.append(_Word(pos, pos + len(text), box))
            parts.append(text)
            pos += len(text)
        out.append((" ".join(parts), words))
    return out, (sum(confs) / len(confs) if confs else None)


def _on_white(im: Image.Image) -> Image.Image:
    """RGB for OCR; transparent pixels become white (black text on a transparent background
    would otherwise be read as black on black)."""
    if "A" not in im.getbands() and "transparency" not in im.info:
        return im.convert("RGB")
    rgba = im.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, rgba).convert("RGB")


def draw_boxes(
    im: Image.Image,
    words_by_segment: Mapping[int, Sequence[_Word]],
    edits: Mapping[int, Sequence[Edit]],
    scale: float = 1.0,
) -> int:
    """Black boxes (in place) over every OCR word an edit touches; returns how many."""
    draw = ImageDraw.Draw(im)
    fill = {"L": 0, "LA": (0, 255), "RGB": (0, 0, 0)}.get(im.mode, (0, 0, 0, 255))
    pad = _BOX_PAD * max(scale, 1.0)
    boxes = 0
    for seg_index, seg_edits in edits.items():
        for word in words_by_segment.get(seg_index, []):
            if any(e.start < word.end and word.start < e.end for e in seg_edits):
                x0, y0, x1, y1 = (v * scale for v in word.box)
                draw.rectangle((x0 - pad, y0 - pad, x1 + pad, y1 + pad), fill=fill)
                boxes += 1
    return boxes


class ImageDocument(Document):
    """`where` prefixes OCR locators ("image " -> "image line 3"). Pictures inside other
    files pass `transpose=False` (their container sizes the picture, so the output must keep
    the stored pixel size) and may pass `ocr=False` (metadata strip only)."""

    def __init__(
        self,
        data: bytes,
        limits: Limits,
        *,
        where: str = "image ",
        transpose: bool = True,
        ocr: bool = True,
    ) -> None:
        super().__init__()
        self.where = where
        self.kind = _kind(data)
        if len(data) > limits.max_file_bytes:
            raise LimitExceeded("This image is larger than the upload limit.")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                im = Image.open(io.BytesIO(data))
                # Header only so far: refuse bombs before any pixel is decoded.
                w, h = im.size
                if w * h > limits.max_image_pixels:
                    raise LimitExceeded(
                        f"This image is {w}x{h} pixels; the limit is "
                        f"{limits.max_image_pixels:,} pixels."
                    )
                self.metadata, meta_texts = _describe_metadata(im)
                self.frames = getattr(im, "n_frames", 1)
                im.load()
                if transpose:
                    im = ImageOps.exif_transpose(im)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise LimitExceeded("This image has too many pixels to process.") from None
        except LimitExceeded:
            raise
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, struct.error):
            raise CorruptFile("This image is damaged or incomplete and cannot be read.") from None
        self.image = _plain_mode(im)
        self._words: dict[int, list[_Word]] = {}
        self.confidence: float | None = None
        if ocr:
            self._ocr()
        for label, text in meta_texts:
            self.segments.append(
                Segment(len(self.segments), text, f"metadata: {label}", "metadata")
            )

    def _ocr(self) -> None:
        lines, self.confidence = ocr_lines(self.image)
        for n, (text, words) in enumerate(lines, 1):
            seg = Segment(len(self.segments), text, f"{self.where}line {n}", "ocr")
            self.segments.append(seg)
            self._words[seg.index] = words

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        report = WriteReport(metadata_removed=list(self.metadata))
        im = self.image.copy()
        boxes = draw_boxes(im, self._words, edits)
        # Fresh image from bare pixels: nothing from im.info (EXIF, ICC, text) is carried over.
        clean = Image.frombytes(im.mode, im.size, im.tobytes())
        out = io.BytesIO()
        if self.kind == "png":
            clean.save(out, "PNG", optimize=False)
        else:
            if clean.mode not in ("L", "RGB"):
                clean = clean.convert("RGB")
            clean.save(out, "JPEG", quality=92, subsampling=0)
        if self.confidence is None:
            report.notes.append("OCR found no text in this image")
        else:
            report.notes.append(
                f"OCR mean confidence {self.confidence:.0f}/100 over "
                f"{sum(1 for s in self.segments if s.kind == 'ocr')} line(s); "
                "text the OCR misses is not scrubbed"
            )
        if boxes:
            report.notes.append(f"{boxes} word(s) covered with black boxes")
        if self.frames > 1:
            report.notes.append(f"only the first of {self.frames} frames was kept")
        return out.getvalue(), report


def _plain_mode(im: Image.Image) -> Image.Image:
    """A mode we can draw black boxes in and save as PNG/JPEG."""
    if im.mode in ("L", "RGB", "RGBA", "LA"):
        return im
    has_alpha = "A" in im.getbands() or "transparency" in im.info
    return im.convert("RGBA" if has_alpha else "RGB")


def open_document(data: bytes, limits: Limits) -> ImageDocument:
    return ImageDocument(data, limits)
