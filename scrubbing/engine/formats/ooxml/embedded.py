"""Embedded files: Office files inside Office files are scrubbed recursively with the opener the
registry gives for their kind (as archive.py does for zip members); anything else embedded is
removed with the preview pictures that show it."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lxml import etree

from scrubbing.engine.base import CorruptFile, Edit
from scrubbing.engine.magic import png_or_jpeg
from scrubbing.engine.registry import module_for

from .oxml import NS, q
from .package import drop_element, is_xml_name, source_of_rels
from .targets import ChildTarget

if TYPE_CHECKING:
    from .document import OoxmlDocument


_EMBEDDED_KINDS = {
    ".docx": "docx",
    ".docm": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".pptx": "pptx",
    ".pptm": "pptx",
}


def embedded_objects(doc: OoxmlDocument) -> None:
    """Embedded Office files (chart data workbooks, pasted documents) are scrubbed recursively;
    anything else embedded (OLE binaries, .msg, .pdf, packages) cannot be scrubbed and is
    removed with its relationships, content type and non-OCR-able preview picture."""
    unscrubbable: list[str] = []
    for name in doc.pkg.names():
        if "/embeddings/" not in name.lower():
            continue
        kind = _EMBEDDED_KINDS.get(posixpath.splitext(name)[1].lower())
        blob = doc.pkg.parts[name]
        if kind and blob[:2] == b"PK" and doc.depth < doc.limits.max_nesting:
            try:
                child = module_for(kind).open_document(blob, doc.limits, depth=doc.depth + 1)
            except CorruptFile:
                pass
            else:
                _adopt(doc, name, child)
                continue
        if png_or_jpeg(blob):
            continue  # a picture stored under embeddings/: media_images reads it
        unscrubbable.append(name)
    if unscrubbable:
        previews = _ole_previews(doc, unscrubbable)
        for name in unscrubbable:
            doc.pkg.remove_part(name)
        for name in previews:
            doc.pkg.remove_part(name)
        n = len(unscrubbable)
        doc.notes.append(
            f"removed {n} embedded object{'s' if n != 1 else ''} that could not be scrubbed"
            + (f" (and {len(previews)} preview picture(s) showing them)" if previews else "")
        )
        doc.hidden_content += [
            f"embedded object '{posixpath.basename(n)}' (removed)" for n in unscrubbable
        ]


_OLE_CONTAINERS = {"object", "graphicFrame", "oleObject", "oleObj"}
_R = "{" + NS["r"] + "}"
_OLE_LINK = "{urn:schemas-microsoft-com:office:office}OLEObject"
_P = q("p", "")


def ole_links(doc: OoxmlDocument) -> None:
    """Linked (not embedded) OLE objects: Office refreshes them from their source. The link
    goes (a slide's whole object frame with it) with the preview pictures we cannot OCR; a
    PNG/JPEG preview stays as the last value and is OCR'd like any picture."""
    pkg = doc.pkg
    count = 0
    for rels_name in pkg.rels_parts():
        source = source_of_rels(rels_name)
        links = [r for r in pkg.rels(source) if r.external and r.type == "oleObject"]
        if not links or not source or pkg.find(source) is None or not is_xml_name(source):
            continue
        ids = {r.id for r in links}
        targets = pkg.rel_targets(source)
        root = pkg.tree(source)
        for el in list(root.iter(_OLE_LINK, _P + "oleObj")):
            if el.get(_R + "id") not in ids:
                continue
            # Word: <w:object> holds the preview and the link; a slide: the object's frame
            box = el.getparent() if el.tag == _OLE_LINK else el
            while el.tag != _OLE_LINK and box.getparent() is not None:
                if box.tag == _P + "graphicFrame":
                    break
                box = box.getparent()
            if box is None or box.getroottree().getroot() is not root:
                continue  # the other copy of an object already removed (mc:Fallback)
            previews = {
                targets[v]
                for sub in box.iter()
                if isinstance(sub.tag, str)
                for a, v in sub.attrib.items()
                if a.startswith(_R) and v in targets and not png_or_jpeg(pkg.parts[targets[v]])
            }
            drop_element(el if el.tag == _OLE_LINK else box)
            for target in previews:
                pkg.remove_part(target)
            count += 1
        for rel in links:
            pkg.remove_rel(source, rel)
        pkg.mark(source)
    if count:
        doc.notes.append(f"{count} OLE link(s) removed")


def _ole_previews(doc: OoxmlDocument, objects: list[str]) -> list[str]:
    """Preview pictures drawn in place of the given embedded objects that we cannot OCR
    (EMF/WMF...): they show the object's content, so they go with the object. PNG/JPEG
    previews stay and are OCR'd like any picture."""
    pkg = doc.pkg
    wanted = {n.lower() for n in objects}
    out: list[str] = []
    for rels_name in pkg.rels_parts():
        source = source_of_rels(rels_name)
        if not source or not is_xml_name(source) or pkg.find(source) is None:
            continue
        targets = pkg.rel_targets(source)
        ole_ids = {rid for rid, t in targets.items() if t.lower() in wanted}
        if not ole_ids:
            continue
        root = pkg.tree(source)
        for el in root.iter():
            if not any(
                a.startswith("{" + NS["r"] + "}") and v in ole_ids for a, v in el.attrib.items()
            ):
                continue
            box = el
            while box is not None and etree.QName(box).localname not in _OLE_CONTAINERS:
                box = box.getparent()
            container = box if box is not None else el
            # pptx: the oleObj sits in a graphicFrame; take the outermost known container
            while (
                container.getparent() is not None
                and isinstance(container.getparent().tag, str)
                and etree.QName(container.getparent()).localname in _OLE_CONTAINERS
            ):
                container = container.getparent()
            for sub in container.iter():
                if not isinstance(sub.tag, str):
                    continue
                for a, v in sub.attrib.items():
                    target = targets.get(v) if a.startswith("{" + NS["r"] + "}") else None
                    if (
                        target
                        and target.lower() not in wanted
                        and not png_or_jpeg(pkg.parts[target])
                        and target not in out
                        and "/embeddings/" not in target.lower()
                    ):
                        out.append(target)
    return out


def _adopt(doc: OoxmlDocument, name: str, child: OoxmlDocument) -> None:
    store: dict[int, Sequence[Edit]] = {}
    label = doc.part_labels.get(name, "embedded file " + posixpath.basename(name))
    for seg in child.segments:
        doc.add(
            seg.text,
            f"{label}: {seg.locator}",
            seg.kind,
            ChildTarget(name, seg.text, seg.index, store),
        )

    def flush() -> None:
        # Always re-rendered, so the embedded file loses its own metadata too.
        data, report = child.render(store)
        doc.pkg.replace(name, data)
        doc.child_reports.append((posixpath.basename(name), report))

    doc.flushers.append(flush)
