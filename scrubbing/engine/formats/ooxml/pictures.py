"""Pictures inside Office files: metadata stripped always, OCR'd and boxed like standalone
images; EMF/WMF drawn as PNG first (metafiles.py); formats we cannot read make the file
residual."""

from __future__ import annotations

import io
import posixpath
from collections.abc import Sequence
from typing import TYPE_CHECKING

from scrubbing.engine.base import Edit, ScrubError, WriteReport
from scrubbing.engine.magic import png_or_jpeg

from .metafiles import is_metafile, rasterize_metafiles
from .targets import ChildTarget

if TYPE_CHECKING:
    from .document import OoxmlDocument


_OTHER_PICTURES = {"gif", "tif", "tiff", "bmp", "svg", "wdp", "jxr"}
OCR_MIN_SIDE = 64  # pictures smaller than this either way (icons, bullets) are not OCR'd


def media_images(doc: OoxmlDocument) -> None:
    """Pictures (PNG/JPEG anywhere in the package, e.g. word/media/image1.png).

    Always: EXIF/XMP/text chunks/ICC are removed (losslessly when nothing is boxed). Pictures at
    least OCR_MIN_SIDE pixels both ways are OCR'd like standalone images, up to
    Limits.max_ocr_images per file (past it the file is residual); their lines are segments
    ("image media/image1.png, line 2", kind "ocr") and edited words are boxed in a re-encoded
    picture of the same format and pixel size.
    """
    from PIL import Image  # noqa: PLC0415 - only when there are pictures

    from scrubbing.engine.formats.image import (  # noqa: PLC0415
        ImageDocument,
        strip_jpeg_metadata,
        strip_png_metadata,
    )

    rasterize_metafiles(doc)  # before the loop: a metafile becomes a PNG part, or goes
    ocr_done = 0
    other: list[str] = []
    skipped: list[str] = []
    unreadable: list[str] = []
    stats = {"images": 0, "boxed": 0}
    for name in doc.pkg.names():
        blob = doc.pkg.parts[name]
        kind = png_or_jpeg(blob)
        if name.lower().startswith("docprops/thumbnail"):
            continue
        if kind is None:
            ext = posixpath.splitext(name)[1].lstrip(".").lower()
            if is_metafile(name, doc.pkg.content_type(name)):
                continue  # not reached by a relationship: the closed world removes it
            if ext in _OTHER_PICTURES or doc.pkg.content_type(name).startswith("image/"):
                other.append(name.split("/", 1)[1] if "/" in name else name)
            continue
        short = name.split("/", 1)[1] if "/" in name else name  # "media/image1.png"
        try:
            with Image.open(io.BytesIO(blob)) as probe:
                w, h = probe.size
        except Exception:  # noqa: BLE001 - any decoder error: we cannot look inside it
            unreadable.append(short)
            continue
        want_ocr = min(w, h) >= OCR_MIN_SIDE
        if want_ocr and ocr_done >= doc.limits.max_ocr_images:
            skipped.append(short)
            want_ocr = False
        try:
            child = ImageDocument(
                blob, doc.limits, where=f"image {short}, ", transpose=False, ocr=want_ocr
            )
        except ScrubError:
            unreadable.append(short)
            continue
        if want_ocr:
            ocr_done += 1
        store: dict[int, Sequence[Edit]] = {}
        for seg in child.segments:
            doc.add(seg.text, seg.locator, seg.kind, ChildTarget(name, seg.text, seg.index, store))

        def flush(name=name, child=child, store=store, kind=kind, blob=blob) -> None:
            boxed = any(child.segments[i].kind == "ocr" and e for i, e in store.items())
            lossless = None
            if not boxed:
                lossless = strip_png_metadata(blob) if kind == "png" else strip_jpeg_metadata(blob)
            if kind == "jpeg" and lossless == blob and child.metadata:
                lossless = None  # did not parse: re-encode rather than keep the metadata
            if lossless is not None:
                data = lossless
                child_report = WriteReport(metadata_removed=list(child.metadata))
            else:
                data, child_report = child.render(store)
                child_report.notes = []
                stats["boxed"] += 1
            doc.pkg.replace(name, data)
            doc.child_reports.append((posixpath.basename(name), child_report))

        doc.flushers.append(flush)
    if ocr_done:
        doc.notes.append(
            f"{ocr_done} picture(s) read with OCR; text the OCR misses is not scrubbed"
        )

        def boxed_note() -> None:
            if stats["boxed"]:
                doc.notes.append(f"words covered with black boxes in {stats['boxed']} picture(s)")

        doc.flushers.append(boxed_note)
    if skipped:
        doc.residual.append(
            f"This file has more than {doc.limits.max_ocr_images} pictures; the text in "
            f"{len(skipped)} of them (from {skipped[0]}) was not read or scrubbed."
        )
    if other:
        doc.residual.append(
            f"{len(other)} picture(s) ({', '.join(other[:3])}) are in a format whose text we "
            "cannot read (only PNG and JPEG pictures are checked); they were left as they are."
        )
    if unreadable:
        doc.residual.append(
            f"{len(unreadable)} picture(s) ({', '.join(unreadable[:3])}) could not be decoded, "
            "so any text in them was not scrubbed."
        )
