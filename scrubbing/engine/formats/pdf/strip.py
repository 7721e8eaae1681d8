"""Document-level stripping, closed world: every object the output keeps is there because the
reader read it and the writer rewrote it (page content, fonts, pictures after their own pass),
or because its key is on one of the short allow-lists below. Everything else is removed and
named in the report: document info, XMP (everywhere), annotations (links, comments, widgets
and so the values of form fields, file attachments), AcroForm, embedded files, JavaScript and
every action, outlines (their titles are segments, so detection reports them), page labels,
the structure tree (tags, alt text), thumbnails, alternate images, page-piece and other private
application data, unknown catalog, page, resource and XObject entries, ActualText/Alt in
marked content and EXIF/XMP in embedded JPEGs. Hidden layers go before reading (`layers`).
"""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name

from scrubbing.engine.base import WriteReport
from scrubbing.engine.formats.image import strip_jpeg_metadata

from .layers import strip_marked_content_text

#: what the output's catalog, page tree, resource and XObject dictionaries may keep
TRAILER_KEEP = frozenset({"/Root", "/Size", "/ID"})
CATALOG_KEEP = frozenset({"/Type", "/Pages", "/Version", "/Lang", "/PageLayout"})
PAGES_NODE_KEEP = frozenset(
    {"/Type", "/Kids", "/Count", "/Parent", "/Resources", "/MediaBox", "/CropBox", "/Rotate"}
)
PAGE_KEEP = frozenset(
    {
        "/Type",
        "/Parent",
        "/Resources",
        "/Contents",
        "/MediaBox",
        "/CropBox",
        "/BleedBox",
        "/TrimBox",
        "/ArtBox",
        "/Rotate",
        "/UserUnit",
        "/Group",
    }
)
RESOURCES_KEEP = frozenset(
    {
        "/Font",
        "/XObject",
        "/ExtGState",
        "/ColorSpace",
        "/Pattern",
        "/Shading",
        "/ProcSet",
        "/Properties",
    }
)
_STREAM = frozenset({"/Length", "/Filter", "/DecodeParms"})
IMAGE_KEEP = _STREAM | {
    "/Type",
    "/Subtype",
    "/Width",
    "/Height",
    "/ColorSpace",
    "/BitsPerComponent",
    "/Decode",
    "/Interpolate",
    "/ImageMask",
    "/Mask",
    "/SMask",
    "/SMaskInData",
    "/Intent",
    "/Matte",
}
FORM_KEEP = _STREAM | {
    "/Type",
    "/Subtype",
    "/FormType",
    "/BBox",
    "/Matrix",
    "/Resources",
    "/Group",
}

#: labels for what the report names; a key without a label is reported as unknown
_LABELS = {
    "/Info": "document info",
    "/Metadata": "XMP metadata",
    "/AcroForm": "form fields and their values (AcroForm)",
    "/OpenAction": "open action",
    "/AA": "actions (AA)",
    "/Outlines": "bookmarks (their titles were read and scrubbed)",
    "/DocChecksum": "document checksum",
    "/StructTreeRoot": "structure tree (tags, alt text)",
    "/MarkInfo": "structure tree (tags, alt text)",
    "/PieceInfo": "private application data",
    "/SpiderInfo": "web capture data",
    "/Threads": "article threads",
    "/B": "article threads",
    "/Collection": "portfolio",
    "/URI": "base URI",
    "/PageLabels": "page labels",
    "/Perms": "signature permissions",
    "/Legal": "signature permissions",
    "/Dests": "named destinations",
    "/Names": "name trees (destinations, JavaScript, embedded files)",
    "/OCProperties": "optional content (layers)",
    "/OC": "optional content (layers)",
    "/ViewerPreferences": "viewer preferences",
    "/PageMode": "viewer preferences",
    "/OutputIntents": "output intents (colour profile)",
    "/Thumb": "page thumbnails",
    "/Annots": "annotations",
    "/StructParents": "structure tree (tags, alt text)",
    "/StructParent": "structure tree (tags, alt text)",
    "/Tabs": None,
    "/Alternates": "alternate images",
    "/OPI": "prepress (OPI) references",
    "/AF": "embedded files",
    "/Ref": "reference to an external document",
    "/LastModified": "private application data",
    "/Name": None,
    "/ID": None,
    "/Trans": "page transitions",
    "/Dur": "page transitions",
    "/PresSteps": "page transitions",
}
_NAME_TREE_LABELS = {"/EmbeddedFiles": "embedded files", "/JavaScript": "JavaScript"}


class _Notes:
    def __init__(self) -> None:
        self.labels: list[str] = []

    def __call__(self, label: str | None) -> None:
        if label and label not in self.labels:
            self.labels.append(label)

    def dropped(self, obj: Dictionary, keep: frozenset[str], where: str) -> None:
        """Remove every key of `obj` that is not in `keep`, naming it."""
        unknown = []
        keys = [str(k) for k in list(obj.keys())]
        for key in keys:
            if key in keep:
                continue
            if key in _LABELS:
                self(_LABELS[key])
            else:
                unknown.append(key)
            del obj[key]
        if unknown:
            self(f"unknown {where} entries ({', '.join(sorted(unknown))})")


def strip_document(pdf: pikepdf.Pdf, report: WriteReport) -> None:
    note = _Notes()
    info = pdf.trailer.get("/Info")
    if isinstance(info, Dictionary):
        keys = sorted(str(k)[1:] for k in info)
        note("document info (" + ", ".join(keys) + ")" if keys else None)
    note.dropped(pdf.trailer, TRAILER_KEEP | {"/Info"}, "trailer")
    if "/Info" in pdf.trailer:
        del pdf.trailer["/Info"]

    root = pdf.Root
    names = root.get("/Names")
    if isinstance(names, Dictionary):
        for key, label in _NAME_TREE_LABELS.items():
            if key in names:
                note(label)
    note.dropped(root, CATALOG_KEEP, "document catalog")

    _strip_page_tree(pdf, note)
    _strip_objects(pdf, note)
    if strip_marked_content_text(pdf):
        note("alternate text in marked content")
    report.metadata_removed.extend(note.labels)


def _strip_page_tree(pdf: pikepdf.Pdf, note: _Notes) -> None:
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
            del page.obj["/Annots"]
        note.dropped(page.obj, PAGE_KEEP, "page")
    if n_annots:
        note(f"annotations ({n_annots}: {', '.join(sorted(kinds))})")
    # intermediate /Pages nodes (inherited attributes live there)
    stack, seen = [pdf.Root.get("/Pages")], set()
    while stack:
        node = stack.pop()
        if not isinstance(node, Dictionary) or node.get("/Type") != "/Pages":
            continue
        if node.is_indirect:
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        note.dropped(node, PAGES_NODE_KEEP, "page tree")
        kids = node.get("/Kids")
        if isinstance(kids, Array):
            stack.extend(kids)


def _strip_objects(pdf: pikepdf.Pdf, note: _Notes) -> None:
    """Every object reachable or not: resources, XObjects, metadata streams, JPEG EXIF."""
    n_exif = 0
    for obj in pdf.objects:
        if not isinstance(obj, Dictionary | pikepdf.Stream):
            continue
        for key in ("/Metadata", "/PieceInfo", "/AF", "/AA"):
            if key in obj:
                note(_LABELS[key])
                del obj[key]
        if obj.get("/Type") == "/EmbeddedFile":
            note("embedded files")
        res = obj.get("/Resources")
        if isinstance(res, Dictionary):
            note.dropped(res, RESOURCES_KEEP, "resource")
        if not isinstance(obj, pikepdf.Stream):
            continue
        subtype = obj.get("/Subtype")
        if obj.get("/Type") == "/XObject" or subtype in ("/Image", "/Form", "/PS"):
            if subtype == "/Image":
                note.dropped(obj, IMAGE_KEEP, "image")
                if obj.get("/Filter") == "/DCTDecode":
                    raw = obj.read_raw_bytes()
                    clean = strip_jpeg_metadata(raw)
                    if clean != raw:
                        obj.write(clean, filter=Name.DCTDecode)
                        n_exif += 1
            elif subtype == "/Form":
                note.dropped(obj, FORM_KEEP, "form XObject")
            else:  # PostScript XObjects: code for printers, never read
                obj.write(b"")
                note("PostScript XObjects")
    if n_exif:
        note(f"EXIF/XMP in {n_exif} embedded JPEG image(s)")
