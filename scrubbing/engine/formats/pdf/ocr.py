"""Scanned pages: a page showing an image over at least 5% of its area with fewer than
`SCAN_MAX_CHARS` visible characters (a scan, or a scan under an invisible OCR layer)."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

OCR_DPI = 200  # scanned pages are OCR'd and re-rendered at this resolution
SCAN_MAX_CHARS = 40  # fewer visible (non-space) characters than this: the text is in a picture
SCAN_MIN_IMAGE_AREA = 0.05  # images must cover at least this share of the page


def looks_scanned(page: pdfium.PdfPage) -> bool:
    """Images over a real share of the page and (nearly) no visible text."""
    width, height = page.get_size()
    page_area = max(width * height, 1.0)
    image_area = 0.0
    visible = 0
    for obj in page.get_objects(
        filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_TEXT), max_depth=4
    ):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            try:
                left, bottom, right, top = obj.get_bounds()
            except pdfium.PdfiumError:
                continue
            w = min(right, width) - max(left, 0)
            h = min(top, height) - max(bottom, 0)
            if w > 0 and h > 0:
                image_area += w * h
        elif (
            pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
            != pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
        ):
            visible += 1
            if visible > SCAN_MAX_CHARS:
                return False
    if image_area < SCAN_MIN_IMAGE_AREA * page_area:
        return False
    return _visible_chars(page) < SCAN_MAX_CHARS


def _visible_chars(page: pdfium.PdfPage) -> int:
    """Non-space characters drawn by text objects that are not invisible (render mode 3)."""
    tp = page.get_textpage()
    try:
        n = tp.count_chars()
        count = 0
        for i in range(n):
            ch = pdfium_c.FPDFText_GetUnicode(tp, i)
            if ch <= 32 or chr(ch).isspace():
                continue
            obj = pdfium_c.FPDFText_GetTextObject(tp, i)
            if obj and (
                pdfium_c.FPDFTextObj_GetTextRenderMode(obj)
                == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
            ):
                continue
            count += 1
            if count >= SCAN_MAX_CHARS:
                break
        return count
    finally:
        tp.close()
