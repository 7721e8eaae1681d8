"""EMF/WMF pictures inside Office files, rasterized by LibreOffice so OCR can read them.

A metafile is drawing commands: its text records hold the words it shows, and also words it
never shows (clipped, white on white, comment records, an EMF copy inside a WMF). So a
metafile never stays: each one (EMF, WMF and their gzip forms EMZ/WMZ) that a relationship
reaches is drawn to a PNG of its own aspect ratio (its header's frame; long side at 300 dpi,
at most RASTER_LONG_SIDE pixels), the part is replaced by that PNG under a .png name (the
relationships follow) and pictures.py reads it with OCR and boxes it like any picture. When
LibreOffice is missing, fails or runs out of time, the metafiles are removed instead and the
report says why; the file is not made residual for them.

LibreOffice runs once per Office file for all of its metafiles (each wrapped in a one-page
flat ODF drawing sized to the picture, so the export is exactly the picture), through the
engine's one sandboxed runner (`scrubbing.engine.convert.run_soffice`: its own hardened
profile, bubblewrap or no network, a time limit, one conversion at a time per process).
"""

from __future__ import annotations

import base64
import posixpath
import struct
import zlib
from typing import TYPE_CHECKING

from scrubbing.engine.base import LimitExceeded
from scrubbing.engine.convert import RunnerBusy, RunnerTimeout, RunnerUnavailable, run_soffice

if TYPE_CHECKING:
    from .document import OoxmlDocument

METAFILE_EXTENSIONS = frozenset({".emf", ".wmf", ".emz", ".wmz"})
_TYPES = ("image/x-emf", "image/x-wmf", "image/emf", "image/wmf", "image/x-emz", "image/x-wmz")
RASTER_LONG_SIDE = 2000
_RASTER_DPI = 300
_EXPORT_DPI = 96  # LibreOffice's PNG export draws a page at this resolution
_FODG = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.graphics">
<office:styles/>
<office:automatic-styles><style:page-layout style:name="PM1"><style:page-layout-properties
 fo:margin-top="0mm" fo:margin-bottom="0mm" fo:margin-left="0mm" fo:margin-right="0mm"
 fo:page-width="{w:.3f}mm" fo:page-height="{h:.3f}mm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="M1" style:page-layout-name="PM1"/>
</office:master-styles>
<office:body><office:drawing><draw:page draw:name="p1" draw:master-page-name="M1">
<draw:frame svg:x="0mm" svg:y="0mm" svg:width="{w:.3f}mm" svg:height="{h:.3f}mm"><draw:image>
<office:binary-data>{data}</office:binary-data></draw:image></draw:frame>
</draw:page></office:drawing></office:body></office:document>
"""


class ConversionError(Exception):
    """Why no metafile could be converted, as the end of a report sentence."""


def is_metafile(name: str, content_type: str) -> bool:
    return posixpath.splitext(name)[1].lower() in METAFILE_EXTENSIONS or content_type in _TYPES


def frame_mm(blob: bytes) -> tuple[float, float] | None:
    """The picture's size in millimetres from its header, or None if it is no metafile."""
    if len(blob) >= 88 and blob[:4] == b"\x01\x00\x00\x00" and blob[40:44] == b" EMF":
        left, top, right, bottom = struct.unpack("<4i", blob[24:40])  # rclFrame, 0.01 mm
        if right > left and bottom > top:
            return (right - left) / 100, (bottom - top) / 100
        left, top, right, bottom = struct.unpack("<4i", blob[8:24])  # rclBounds, pixels
        if right > left and bottom > top:
            return (right - left) * 25.4 / _EXPORT_DPI, (bottom - top) * 25.4 / _EXPORT_DPI
        return None
    if len(blob) >= 22 and blob[:4] == b"\xd7\xcd\xc6\x9a":  # placeable WMF
        left, top, right, bottom, inch = struct.unpack("<4hH", blob[6:16])
        if right != left and bottom != top and inch:
            return abs(right - left) / inch * 25.4, abs(bottom - top) / inch * 25.4
        return None
    if len(blob) >= 18 and blob[:2] in (b"\x01\x00", b"\x02\x00") and blob[2:4] == b"\x09\x00":
        return _wmf_window(blob)
    return None


def _wmf_window(blob: bytes) -> tuple[float, float] | None:
    """A WMF without a placeable header: the first SETWINDOWEXT record gives its aspect."""
    pos, records = 18, 0
    while pos + 6 <= len(blob) and records < 10_000:
        size, function = struct.unpack("<IH", blob[pos : pos + 6])
        if function == 0x020C and pos + 10 <= len(blob):
            height, width = struct.unpack("<hh", blob[pos + 6 : pos + 10])
            if width and height:
                scale = 150 / max(abs(width), abs(height))  # aspect only: 150 mm long side
                return abs(width) * scale, abs(height) * scale
        if size < 3:
            return None
        pos, records = pos + size * 2, records + 1
    return None


def _unpacked(blob: bytes, max_bytes: int) -> bytes:
    """EMZ/WMZ are gzip-compressed metafiles: inflated within the limit."""
    if not blob.startswith(b"\x1f\x8b"):
        return blob
    out = zlib.decompressobj(31).decompress(blob, max_bytes + 1)
    if len(out) > max_bytes:
        raise LimitExceeded("A compressed picture in this file expands to too much data.")
    return out


def rasterize_metafiles(doc: OoxmlDocument) -> None:
    """Replace every reachable metafile of `doc` by its PNG, or remove it (with a note)."""
    pkg = doc.pkg
    reachable = pkg.reachable()
    names = [n for n in pkg.names() if n in reachable and is_metafile(n, pkg.content_type(n))]
    if not names:
        return
    cap = doc.limits.max_ocr_images
    todo: dict[str, tuple[bytes, tuple[float, float]]] = {}
    unreadable = []
    for name in names[:cap]:
        try:
            blob = _unpacked(pkg.parts[name], doc.limits.max_file_bytes)
        except (OSError, EOFError, zlib.error):
            blob = b""
        size = frame_mm(blob)
        if size is None:
            unreadable.append(name)
        else:
            todo[name] = (blob, size)
    pngs: dict[str, bytes] = {}
    failure = ""
    if todo:
        try:
            pngs = _convert(todo)
        except ConversionError as exc:
            failure = str(exc)
    for name in names[:cap]:
        if name in pngs:
            stem = posixpath.splitext(name)[0]
            new, n = stem + ".png", 2
            while pkg.find(new) is not None:
                new, n = f"{stem}_{n}.png", n + 1
            pkg.rename_part(name, new)
            pkg.replace(new, pngs[name])
            pkg.set_content_type(new, "image/png")
    gone = [n for n in names if pkg.find(n) is not None]
    pkg.remove_parts(gone)
    if pngs:
        doc.notes.append(
            f"{len(pngs)} EMF/WMF picture(s) drawn as PNG by LibreOffice so their text could be "
            "read; the drawings' own text records are gone"
        )
    if unreadable:
        doc.notes.append(f"{len(unreadable)} EMF/WMF picture(s) removed: they could not be read")
    failed = len(todo) - len(pngs)
    if failed:
        why = failure or "LibreOffice could not draw them"
        doc.notes.append(f"{failed} EMF/WMF picture(s) removed: {why}")
    if len(names) > cap:
        doc.notes.append(
            f"{len(names) - cap} EMF/WMF picture(s) removed: more than {cap} in one file"
        )


# -- LibreOffice ------------------------------------------------------------------------------


def _convert(todo: dict[str, tuple[bytes, tuple[float, float]]]) -> dict[str, bytes]:
    """part name -> PNG bytes for each metafile LibreOffice drew (one run for all)."""
    inputs, outputs = {}, {}
    for n, (name, (blob, (w, h))) in enumerate(todo.items(), 1):
        scale = min(1.0, RASTER_LONG_SIDE / (max(w, h) / 25.4 * _RASTER_DPI))
        scale *= _RASTER_DPI / _EXPORT_DPI  # the page at 96 dpi gives 300 dpi pixels
        page = _FODG.format(w=w * scale, h=h * scale, data=base64.b64encode(blob).decode())
        inputs[f"pic{n}.fodg"] = page.encode("utf-8")
        outputs[name] = f"pic{n}.png"
    try:
        run = run_soffice(inputs, "png")
    except RunnerUnavailable as exc:
        reason = exc.args[0].replace("LibreOffice is", "LibreOffice, which draws them, is")
        raise ConversionError(reason) from None
    except RunnerTimeout as exc:
        raise ConversionError(
            f"drawing them took longer than the {exc.seconds:g} s limit"
        ) from None
    except RunnerBusy as exc:
        raise ConversionError(f"the converter was busy for longer than {exc.seconds:g} s") from None
    return {name: run.outputs[png] for name, png in outputs.items() if run.outputs.get(png)}
