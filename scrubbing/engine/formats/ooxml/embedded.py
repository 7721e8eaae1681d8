"""Embedded files: Office files inside Office files are scrubbed recursively with the opener the
registry gives for their kind (as archive.py does for zip members); anything else embedded is
removed with the preview pictures that show it."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lxml import etree

from scrubbing.engine.base import CorruptFile, Edit
from scrubbing.engine.registry import module_for

from .oxml import NS
from .package import is_xml_name, source_of_rels
from .pictures import image_kind
from .targets import ChildTarget

if TYPE_CHECKING:
    from .document import OoxmlDocument


_EMBEDDED_KINDS = {
    ".docx": "docx",
    ".docm": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".pptx": "pptx",
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
        if image_kind(blob):
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
        root = pkg.xml(source)
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
                        and not image_kind(pkg.parts[target])
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
        doc.pkg.parts[name] = data
        doc.child_reports.append((posixpath.basename(name), report))

    doc.flushers.append(flush)
