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
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
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


class ImageDocument(Document):
    def __init__(self, data: bytes, limits: Limits) -> None:
        super().__init__()
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
                self._metadata, meta_texts = _describe_metadata(im)
                self.frames = getattr(im, "n_frames", 1)
                im.load()
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
        self._ocr()
        for label, text in meta_texts:
            self.segments.append(
                Segment(len(self.segments), text, f"metadata: {label}", "metadata")
            )

    def _ocr(self) -> None:
        import pytesseract  # imported late: the binary is only needed when images are scrubbed

        im = self.image
        scale = 1.0
        if max(im.size) < _OCR_MIN_SIDE:
            scale = min(3.0, _OCR_MIN_SIDE / max(im.size))
            im = im.resize((round(im.width * scale), round(im.height * scale)), Image.LANCZOS)
        try:
            data = pytesseract.image_to_data(
                im.convert("RGB"), output_type=pytesseract.Output.DICT, timeout=120
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
        for n, key in enumerate(sorted(lines), 1):
            words: list[_Word] = []
            parts: list[str] = []
            pos = 0
            for text, box in lines[key]:
                if parts:
                    pos += 1
                words.append(_Word(pos, pos + len(text), box))
                parts.append(text)
                pos += len(text)
            seg = Segment(len(self.segments), " ".join(parts), f"image line {n}", "ocr")
            self.segments.append(seg)
            self._words[seg.index] = words
        self.confidence = sum(confs) / len(confs) if confs else None

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        report = WriteReport(metadata_removed=list(self._metadata))
        im = self.image.copy()
        draw = ImageDraw.Draw(im)
        fill = {"L": 0, "LA": (0, 255), "RGB": (0, 0, 0)}.get(im.mode, (0, 0, 0, 255))
        boxes = 0
        for seg_index, seg_edits in edits.items():
            for word in self._words.get(seg_index, []):
                if any(e.start < word.end and word.start < e.end for e in seg_edits):
                    x0, y0, x1, y1 = word.box
                    draw.rectangle(
                        (x0 - _BOX_PAD, y0 - _BOX_PAD, x1 + _BOX_PAD, y1 + _BOX_PAD), fill=fill
                    )
                    boxes += 1
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
