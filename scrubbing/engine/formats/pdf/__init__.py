"""PDF: text per page in blocks of lines (read with pdfium), true redaction (pikepdf).

One module per layer, as pikepdf splits its models:
  reading   open (pikepdf; empty-password encryption), page text, blocks, side texts;
  fonts     font decoding (pdfminer.six's CMap parser, encodings, widths), placeholder font;
  rewrite   content-stream rewriting: edited glyphs removed, placeholder drawn as text;
  readback  the rewritten page read back with pdfium, by position;
  raster    the fallback: a page rendered with black boxes, replaced by its picture;
  pictures  images on text pages: placements, pixels, boxes;
  ocr       what each page is, bounded OCR of scans and pictures;
  layers    hidden optional content (removed before reading), alternate text;
  strip     the closed world: allow-lists for every object kept, the rest removed and named;
  document  PdfDocument, which ties them together.
"""

from .document import PdfDocument, open_document
from .ocr import OCR_DPI
from .raster import RASTER_DPI

__all__ = ["OCR_DPI", "RASTER_DPI", "PdfDocument", "open_document"]
