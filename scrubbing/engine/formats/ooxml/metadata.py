"""Document properties, custom XML data and relationship targets, read as segments (the strip
of the same properties at render is in strip.py)."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING
from urllib.parse import unquote

from lxml import etree

from .package import source_of_rels
from .strip import APP_PERSONAL, CORE_EDITABLE, CORE_PERSONAL
from .targets import AttrTarget, ElementTextTarget, UriTarget

if TYPE_CHECKING:
    from .document import OoxmlDocument


_HYPERLINK_TYPES = {"hyperlink": "hyperlink target"}


def external_targets(doc: OoxmlDocument) -> None:
    """Every external relationship target (hyperlinks, mailto:, linked files, templates)."""
    pkg = doc.pkg
    for rels_name in pkg.rels_parts():
        source = source_of_rels(rels_name)
        for rel in pkg.rels(source):
            if rel.external and rel.target.strip():
                what = _HYPERLINK_TYPES.get(rel.type, f"linked {rel.type} target")
                where = source or "package"
                doc.add(
                    unquote(rel.target),
                    f"{what} ({where})",
                    "hyperlink",
                    UriTarget(rels_name, rel.element),
                )


def core_metadata(doc: OoxmlDocument) -> None:
    pkg = doc.pkg
    for part in pkg.parts_of_type("package.core-properties+xml"):
        for el in pkg.xml(part):
            name = CORE_EDITABLE.get(el.tag) or CORE_PERSONAL.get(el.tag)
            if name and el.text and el.text.strip():
                doc.add(el.text, f"metadata: {name}", "metadata", ElementTextTarget(part, el))
    for part in pkg.parts_of_type("extended-properties+xml"):
        for el in pkg.xml(part):
            name = APP_PERSONAL.get(el.tag)
            if name and el.text and el.text.strip():
                doc.add(el.text, f"metadata: {name}", "metadata", ElementTextTarget(part, el))
    for part in pkg.parts_of_type("custom-properties+xml"):
        for prop in pkg.xml(part):
            for value in prop:
                if value.text and value.text.strip():
                    doc.add(
                        value.text,
                        "metadata: custom property",
                        "metadata",
                        ElementTextTarget(part, value),
                    )


def custom_xml_items(doc: OoxmlDocument) -> None:
    """customXml/item*.xml: bibliography sources, cover-page fields, content-control data."""
    pkg = doc.pkg
    items = [
        n
        for n in pkg.names()
        if n.lower().startswith("customxml/item")
        and "props" not in n.lower()
        and n.lower().endswith(".xml")
    ]
    for part in items:
        root = pkg.xml(part)
        found = False
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            if el.text and el.text.strip() and len(el) == 0:
                local = etree.QName(el).localname
                doc.add(
                    el.text,
                    f"custom XML data {posixpath.basename(part)}: {local}",
                    "metadata",
                    ElementTextTarget(part, el),
                )
                found = True
            for attr, value in el.attrib.items():
                if value.strip() and not attr.startswith("{") and len(value) > 2:
                    doc.add(
                        value,
                        f"custom XML data {posixpath.basename(part)}: {etree.QName(el).localname}"
                        f"@{attr}",
                        "metadata",
                        AttrTarget(part, el, attr),
                    )
        if found:
            doc.hidden_content.append(f"custom XML data part {posixpath.basename(part)}")
