"""PDF: text per page and line (read with pdfium), true redaction (written with pikepdf).

One module per layer, as pikepdf splits its models:
  reading   open (pikepdf), page text and lines (pdfium), side texts;
  fonts     font decoding (ToUnicode, encodings, widths) and the placeholder font;
  rewrite   content-stream rewriting: edited glyphs removed, replacement drawn;
  raster    the fallback: a page rendered with black boxes, replaced by its picture;
  strip     document-level stripping of metadata and objects;
  ocr       scanned pages: detection, OCR;
  document  PdfDocument, which ties them together.
"""

from .document import PdfDocument, open_document
from .ocr import OCR_DPI
from .raster import RASTER_DPI

__all__ = ["OCR_DPI", "RASTER_DPI", "PdfDocument", "open_document"]
