"""Pictures other than PNG/JPEG: decoded to bare pixels, scrubbed by the image module, written
back as PNG (`output_kind`). Kinds gif, tiff, webp, heic, avif, bmp and ppm (Netpbm); SVG is
XML and has its own module (`svg`).

- **GIF, WebP, AVIF**: the first frame of an animation is scrubbed and kept; the other frames
  are dropped and the report says how many.
- **TIFF**: every page is read (OCR per page, boxes per page) and the pages are written one
  below the other into a single PNG. Pages beyond `Limits.max_ocr_pages` fail the file; pages
  that together exceed the pixel limit are scaled down to fit, and the report says so.
- **HEIC/HEIF**: decoded by pi-heif (libheif; decoding only); the primary image is kept.
- **BMP, PBM/PGM/PPM**: one picture each, read by Pillow.

Every input's metadata (EXIF, XMP, ICC profiles, text chunks, comments) is dropped, because the
output is encoded from pixels alone; the report lists what there was.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Mapping, Sequence

from PIL import Image, ImageOps, UnidentifiedImageError

from scrubbing.engine.sniff import detect_kind

from ..base import CorruptFile, Document, Edit, LimitExceeded, Limits, UnsupportedFile, WriteReport
from .composite import Parts
from .image import ImageDocument, _describe_metadata

NAMES = {
    "gif": "GIF",
    "tiff": "TIFF",
    "webp": "WebP",
    "heic": "HEIC",
    "avif": "AVIF",
    "bmp": "BMP",
    "ppm": "Netpbm",
}
_ANIMATED = frozenset({"gif", "webp", "avif", "heic"})


class PictureDocument(Document):
    output_kind = "png"

    def __init__(self, kind: str, pages: list[Image.Image], limits: Limits) -> None:
        super().__init__()
        self.kind = kind
        self.notes: list[str] = []
        self.metadata: list[str] = []
        self.parts = Parts(self.segments, limits.max_segments)
        pages = self._fit(pages, limits)
        several = len(pages) > 1
        for n, page in enumerate(pages, 1):
            child = ImageDocument(_png(page), limits, where="", transpose=False)
            self.parts.adopt(
                child, f"page {n}" if several else "", f"page {n}" if several else "image"
            )

    def _fit(self, pages: list[Image.Image], limits: Limits) -> list[Image.Image]:
        """Pages scaled down so that all of them together fit the pixel limit (the output is
        one picture, re-read by verification under the same limit)."""
        total = sum(p.width * p.height for p in pages)
        if total <= limits.max_image_pixels:
            return pages
        factor = math.sqrt(limits.max_image_pixels / total) * 0.999
        self.notes.append(
            f"the {len(pages)} pages were scaled to {factor:.0%} to fit the "
            f"{limits.max_image_pixels:,}-pixel limit"
        )
        return [
            p.resize((max(1, int(p.width * factor)), max(1, int(p.height * factor))), Image.LANCZOS)
            for p in pages
        ]

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        report = WriteReport(metadata_removed=list(self.metadata))
        _mine, theirs = self.parts.split(edits)
        outputs = self.parts.render_children(theirs, report)
        data = outputs[0] if len(outputs) == 1 else _stack(outputs)
        name = NAMES[self.kind]
        report.notes.insert(0, f"{name} picture written back as PNG (pixels only)")
        report.notes.extend(self.notes)
        return data, report


def _png(im: Image.Image) -> bytes:
    out = io.BytesIO()
    Image.frombytes(im.mode, im.size, im.tobytes()).save(out, "PNG")
    return out.getvalue()


def _stack(pngs: list[bytes]) -> bytes:
    """Pages one below the other on white, as one PNG."""
    pages = [Image.open(io.BytesIO(p)).convert("RGB") for p in pngs]
    sheet = Image.new("RGB", (max(p.width for p in pages), sum(p.height for p in pages)), "white")
    y = 0
    for page in pages:
        sheet.paste(page, (0, y))
        y += page.height
    return _png(sheet)


def _plain(im: Image.Image) -> Image.Image:
    im = ImageOps.exif_transpose(im)
    if im.mode in ("L", "RGB", "RGBA", "LA"):
        return im.copy()
    if im.mode in ("1", "I", "I;16", "I;16B", "F"):
        return im.convert("L")
    has_alpha = "A" in im.getbands() or "transparency" in im.info
    return im.convert("RGBA" if has_alpha else "RGB")


def _frames(kind: str, data: bytes, limits: Limits) -> tuple[list[Image.Image], list[str], int]:
    """The pages to keep, the metadata labels, and how many frames there were."""
    if kind == "heic":
        try:
            import pi_heif
        except ImportError:
            raise UnsupportedFile(
                "HEIC pictures cannot be read on this server; convert it to PNG or JPEG and "
                "upload again."
            ) from None
        pi_heif.register_heif_opener()
    pages: list[Image.Image] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data))
            metadata, _texts = _describe_metadata(im)
            count = getattr(im, "n_frames", 1)
            keep = count if kind == "tiff" else 1
            if keep > limits.max_ocr_pages:
                raise LimitExceeded(
                    f"This TIFF has {count} pages; the limit is {limits.max_ocr_pages}."
                )
            for n in range(keep):
                im.seek(n)
                w, h = im.size  # header only so far: refuse bombs before decoding
                if w * h > limits.max_image_pixels:
                    raise LimitExceeded(
                        f"This picture is {w}x{h} pixels; the limit is "
                        f"{limits.max_image_pixels:,} pixels."
                    )
                im.load()
                pages.append(_plain(im))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise LimitExceeded("This picture has too many pixels to process.") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise CorruptFile(
            f"This {NAMES[kind]} picture is damaged or of a variant that cannot be read."
        ) from None
    return pages, metadata, count


def open_document(data: bytes, limits: Limits) -> PictureDocument:
    kind = detect_kind("picture", data, limits)
    if kind not in NAMES:
        raise UnsupportedFile("This file is not a picture of a kind this module reads.")
    if len(data) > limits.max_file_bytes:
        raise LimitExceeded("This picture is larger than the upload limit.")
    pages, metadata, count = _frames(kind, data, limits)
    doc = PictureDocument(kind, pages, limits)
    doc.metadata = metadata
    if kind in _ANIMATED and count > 1:
        doc.notes.append(f"only the first of {count} frames was kept")
    elif kind == "tiff" and count > 1:
        doc.notes.append(f"all {count} pages were scrubbed, one below the other")
    return doc
