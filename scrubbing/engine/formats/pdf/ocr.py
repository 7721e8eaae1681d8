"""What each page is, and the bounded OCR of the pages and pictures that need it.

A page is read from its text layer whenever it has one; only a page with no text at all that
shows pictures over at least `SCAN_MIN_IMAGE_AREA` of it (a scan) is rendered and OCR'd, at
the resolution of its pictures (so re-reading our own re-rendered page costs one pass at the
resolution the redaction used). A page whose only text is invisible over a picture is a scan
with an OCR layer: the layer is its text. Pictures on text pages get their own pass
(`pictures`). Pages, pictures and seconds of OCR per file are bounded (`OcrBudget`): past a
bound, what was not read is named in a sentence that makes the file residual, never a stall.
"""

from __future__ import annotations

import time
from enum import Enum

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from scrubbing.engine.base import LimitExceeded, Limits

from .reading import norm

OCR_DPI = 200  # a scan whose pictures' resolution is unknown is OCR'd and re-rendered at this
MIN_DPI, MAX_DPI = 100, 300
SCAN_MIN_IMAGE_AREA = 0.05  # pictures must cover at least this share of a page without text


class PageKind(Enum):
    TEXT = "text"
    SCAN = "scan"  # no text layer, pictures: OCR'd
    SCAN_WITH_TEXT = "scan with a text layer"  # invisible text over pictures
    EMPTY = "empty"


def classify(page: pdfium.PdfPage, tp: pdfium.PdfTextPage, chars: str) -> PageKind:
    has_text = bool(norm(chars))
    share = _image_share(page)
    if not has_text:
        return PageKind.SCAN if share >= SCAN_MIN_IMAGE_AREA else PageKind.EMPTY
    if share >= SCAN_MIN_IMAGE_AREA and not _any_visible(tp):
        return PageKind.SCAN_WITH_TEXT
    return PageKind.TEXT


def _images(page: pdfium.PdfPage):
    return page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4)


def _image_share(page: pdfium.PdfPage) -> float:
    width, height = page.get_size()
    area = 0.0
    for obj in _images(page):
        try:
            left, bottom, right, top = obj.get_bounds()
        except pdfium.PdfiumError:
            continue
        w, h = min(right, width) - max(left, 0), min(top, height) - max(bottom, 0)
        if w > 0 and h > 0:
            area += w * h
    return area / max(width * height, 1.0)


def _any_visible(tp: pdfium.PdfTextPage) -> bool:
    for i in range(tp.count_chars()):
        ch = pdfium_c.FPDFText_GetUnicode(tp, i)
        if ch <= 32 or chr(ch).isspace():
            continue
        obj = pdfium_c.FPDFText_GetTextObject(tp, i)
        if not obj or (
            pdfium_c.FPDFTextObj_GetTextRenderMode(obj) != pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
        ):
            return True
    return False


def scan_dpi(page: pdfium.PdfPage) -> int:
    """The resolution the page's largest picture is drawn at (within MIN_DPI..MAX_DPI)."""
    best, dpi = 0.0, float(OCR_DPI)
    for obj in _images(page):
        try:
            left, bottom, right, top = obj.get_bounds()
            px_w, _px_h = obj.get_px_size()
        except (pdfium.PdfiumError, AttributeError):
            continue
        area = (right - left) * (top - bottom)
        if area > best and right > left:
            best, dpi = area, px_w / ((right - left) / 72.0)
    return int(min(MAX_DPI, max(MIN_DPI, round(dpi))))


class OcrBudget:
    """Pages, pictures and seconds of OCR for one file; `sentences()` says what was left."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.max_ocr_seconds
        self.pages_read = 0
        self.pictures_read = 0
        self.unread_pages: list[int] = []  # 0-based page numbers
        self.unread_pictures: list[int] = []  # page of each picture not read
        self.out_of_time = False

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def take_page(self, p: int) -> bool:
        if self.pages_read >= self.limits.max_ocr_pages or not self._time():
            if p not in self.unread_pages:
                self.unread_pages.append(p)
            return False
        self.pages_read += 1
        return True

    def take_picture(self, p: int) -> bool:
        if self.pictures_read >= self.limits.max_ocr_images or not self._time():
            self.unread_pictures.append(p)
            return False
        self.pictures_read += 1
        return True

    def _time(self) -> bool:
        if self.left() <= 1:
            self.out_of_time = True
            return False
        return True

    def ocr(self, image, p: int, unread: list[int]):
        """`ocr_lines` within what is left of the time; None (and noted) past it."""
        from scrubbing.engine.formats.image import ocr_lines

        try:
            return ocr_lines(image, timeout=max(1.0, min(120.0, self.left())))
        except LimitExceeded:
            self.out_of_time = True
            unread.append(p)
            return None

    def sentences(self) -> list[str]:
        out = []
        pages, pics = self.unread_pages, self.unread_pictures
        if self.out_of_time and (pages or pics):
            what = _count(len(pages), "scanned page") if pages else ""
            if pics:
                what += (" and " if what else "") + _count(len(pics), "picture")
            first = min(pages + pics) + 1
            verb = "was" if len(pages) + len(pics) == 1 else "were"
            out.append(
                f"Reading the text in the pictures of this PDF took longer than its "
                f"{self.limits.max_ocr_seconds:g}-second budget; {what} (from page {first}) "
                f"{verb} not read or scrubbed. Split the file and upload the parts."
            )
            return out
        if pages:
            out.append(
                f"This PDF has more than {self.limits.max_ocr_pages} scanned pages; the text "
                f"in the pictures of {len(pages)} page(s) (from page {pages[0] + 1}) was not "
                "read or scrubbed. Split the file and upload the parts."
            )
        if pics:
            out.append(
                f"This PDF has more than {self.limits.max_ocr_images} pictures on its text "
                f"pages; {_count(len(pics), 'picture')} (from page {min(pics) + 1}) "
                f"{'was' if len(pics) == 1 else 'were'} not read or scrubbed. Split the file "
                "and upload the parts."
            )
        return out


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
