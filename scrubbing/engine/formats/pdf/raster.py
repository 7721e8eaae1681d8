"""Rasterizing fallback: a page that cannot be rewritten safely becomes a picture of itself,
rendered with black boxes burned over the edited characters."""

from __future__ import annotations

import io
import zlib

import pikepdf
import pypdfium2 as pdfium
from pikepdf import Array, Dictionary, Name

from .reading import Hit, char_rects, open_pike

RASTER_DPI = 150


def render_with_boxes(
    data: bytes, hits_by_page: dict[int, list[Hit]], dpi: int = RASTER_DPI
) -> dict[int, object]:
    """Render the pages with black boxes over the hit characters (PIL images)."""
    boxes = char_rects(data, hits_by_page)

    # Draw the boxes into a copy of the original, then let pdfium render it: pdfium's page
    # coordinates are PDF user space, so rotation and crop boxes are handled by the renderer.
    with open_pike(data) as src:
        for p, rects in boxes.items():
            page = src.pages[p]
            if "/Annots" in page.obj:
                del page.obj["/Annots"]
            page.contents_add(b"q\n", prepend=True)
            ops = "".join(
                f"{x0:.2f} {y0:.2f} {x1 - x0:.2f} {y1 - y0:.2f} re f\n" for x0, y0, x1, y1 in rects
            )
            page.contents_add(("\nQ\nq 0 0 0 rg 0 0 0 RG\n" + ops + "Q\n").encode())
        buf = io.BytesIO()
        src.save(buf)
    images: dict[int, object] = {}
    doc = pdfium.PdfDocument(buf.getvalue())
    try:
        for p in boxes:
            page = doc[p]
            bitmap = page.render(scale=dpi / 72, draw_annots=False, may_draw_forms=False)
            images[p] = bitmap.to_pil().convert("RGB")
            page.close()
    finally:
        doc.close()
    return images


def replace_with_image(
    pdf: pikepdf.Pdf, p: int, image, dpi: int = RASTER_DPI, jpeg: bool = False
) -> None:
    """Turn page p into a page that only shows `image` (same displayed size).

    `jpeg`: encode as JPEG (scans: photographic content, a fraction of the Flate size)."""
    w_px, h_px = image.size
    gray = image.convert("L")
    is_gray = gray.convert("RGB").tobytes() == image.tobytes()
    cs = Name.DeviceGray if is_gray else Name.DeviceRGB
    if jpeg:
        buf = io.BytesIO()
        # from bare pixels: PIL writes a JFIF header only, no EXIF/XMP/ICC
        (gray if is_gray else image).save(buf, "JPEG", quality=85)
        body, filt = buf.getvalue(), Name.DCTDecode
    else:
        raw = gray.tobytes() if is_gray else image.tobytes()
        body, filt = zlib.compress(raw, 6), Name.FlateDecode
    xobj = pdf.make_stream(
        body,
        Type=Name.XObject,
        Subtype=Name.Image,
        Width=w_px,
        Height=h_px,
        ColorSpace=cs,
        BitsPerComponent=8,
        Filter=filt,
    )
    w_pt, h_pt = w_px * 72 / dpi, h_px * 72 / dpi
    page = pdf.pages[p].obj
    for key in list(page.keys()):
        if key not in ("/Type", "/Parent"):
            del page[key]
    page.MediaBox = Array([0, 0, round(w_pt, 3), round(h_pt, 3)])
    page.Resources = Dictionary(XObject=Dictionary(Im0=xobj))
    page.Contents = pdf.make_stream(f"q {w_pt:.3f} 0 0 {h_pt:.3f} 0 0 cm /Im0 Do Q".encode())
