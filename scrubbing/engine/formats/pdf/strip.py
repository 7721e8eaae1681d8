"""Document-level stripping: info, XMP, annotations, forms, embedded files, JavaScript and
actions, outlines, thumbnails, structure tree, page-piece data, ActualText/Alt in marked
content, EXIF/XMP in embedded JPEGs."""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name

from scrubbing.engine.base import WriteReport
from scrubbing.engine.formats.image import strip_jpeg_metadata

_CATALOG_DROP = {
    "/Metadata": "XMP metadata",
    "/AcroForm": "form fields (AcroForm)",
    "/OpenAction": "open action",
    "/AA": "document actions (AA)",
    "/Outlines": "bookmarks",
    "/StructTreeRoot": "structure tree (tags, alt text)",
    "/MarkInfo": None,
    "/PieceInfo": "private application data",
    "/SpiderInfo": "web capture data",
    "/Threads": "article threads",
    "/Collection": "portfolio",
    "/URI": "base URI",
    "/PageLabels": "page labels",
    "/Perms": "signature permissions",
    "/Legal": None,
    "/Dests": None,
}
_NAME_TREE_LABELS = {
    "/EmbeddedFiles": "embedded files",
    "/JavaScript": "JavaScript",
}
_PAGE_DROP = {
    "/Annots": None,  # counted separately
    "/Thumb": "page thumbnails",
    "/AA": "page actions (AA)",
    "/PieceInfo": "private application data",
    "/Metadata": "XMP metadata",
    "/B": "article threads",
    "/StructParents": None,
}
_MC_TEXT_KEYS = ("/ActualText", "/Alt", "/E")


def strip_document(pdf: pikepdf.Pdf, report: WriteReport) -> None:
    removed: list[str] = []

    def note(label: str | None) -> None:
        if label and label not in removed:
            removed.append(label)

    info = pdf.trailer.get("/Info")
    if isinstance(info, Dictionary):
        keys = sorted(str(k)[1:] for k in info)
        note("document info (" + ", ".join(keys) + ")" if keys else None)
    if "/Info" in pdf.trailer:
        del pdf.trailer["/Info"]

    root = pdf.Root
    names = root.get("/Names")
    if isinstance(names, Dictionary):
        for key, label in _NAME_TREE_LABELS.items():
            if key in names:
                note(label)
        del root["/Names"]  # named destinations go with the links and bookmarks
    for key, label in _CATALOG_DROP.items():
        if key in root:
            note(label)
            del root[key]

    n_annots = 0
    kinds: set[str] = set()
    for page in pdf.pages:
        annots = page.obj.get("/Annots")
        if isinstance(annots, Array):
            for a in annots:
                if isinstance(a, Dictionary):
                    n_annots += 1
                    kinds.add(str(a.get("/Subtype", "/?"))[1:])
                    if a.get("/Subtype") == "/FileAttachment":
                        note("embedded files")
                    if isinstance(a.get("/A"), Dictionary) and a.A.get("/S") == "/JavaScript":
                        note("JavaScript")
        for key, label in _PAGE_DROP.items():
            if key in page.obj:
                note(label)
                del page.obj[key]
    if n_annots:
        note(f"annotations ({n_annots}: {', '.join(sorted(kinds))})")

    # Anything else anywhere: XMP on images/forms, app data, associated files, text in
    # marked-content property lists, EXIF inside embedded JPEGs.
    n_exif = 0
    for obj in pdf.objects:
        if not isinstance(obj, Dictionary | pikepdf.Stream):
            continue
        for key, label in (
            ("/Metadata", "XMP metadata"),
            ("/PieceInfo", "private application data"),
            ("/AF", "embedded files"),
            ("/AA", None),
        ):
            if key in obj:
                note(label)
                del obj[key]
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
            if obj.get("/Filter") == "/DCTDecode":
                raw = obj.read_raw_bytes()
                clean = strip_jpeg_metadata(raw)
                if clean != raw:
                    obj.write(clean, filter=Name.DCTDecode)
                    n_exif += 1
        elif isinstance(obj, Dictionary) and obj.get("/Type") == "/EmbeddedFile":
            note("embedded files")
        # Marked-content properties in resources (/Properties) can carry ActualText/Alt.
        if isinstance(obj, Dictionary) and "/Properties" in obj:
            props = obj.get("/Properties")
            if isinstance(props, Dictionary):
                for v in props.values():
                    if isinstance(v, Dictionary):
                        for k in _MC_TEXT_KEYS:
                            if k in v:
                                del v[k]
                                note("alternate text in marked content")
    if n_exif:
        note(f"EXIF/XMP in {n_exif} embedded JPEG image(s)")
    if _strip_inline_marked_text(pdf):
        note("alternate text in marked content")
    report.metadata_removed.extend(removed)


def _strip_inline_marked_text(pdf: pikepdf.Pdf) -> bool:
    """Drop ActualText/Alt/E from inline BDC property lists in page content streams."""
    changed_any = False
    for page in pdf.pages:
        try:
            raw = page.obj.get("/Contents")
            if raw is None:
                continue
            data = (
                b"".join(s.read_bytes() for s in raw)
                if isinstance(raw, Array)
                else raw.read_bytes()
            )
        except Exception:  # noqa: S112 - unreadable content renders as nothing anyway
            continue
        if b"/ActualText" not in data and b"/Alt" not in data and b"/E" not in data:
            continue
        instructions = list(pikepdf.parse_content_stream(page))
        changed = False
        for ins in instructions:
            if isinstance(ins, pikepdf.ContentStreamInlineImage):
                continue
            if str(ins.operator) == "BDC" and len(ins.operands) == 2:
                props = ins.operands[1]
                if isinstance(props, Dictionary):
                    for k in ("/ActualText", "/Alt", "/E"):
                        if k in props:
                            del props[k]
                            changed = True
        if changed:
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
            changed_any = True
    return changed_any
