"""The Document Inspector style strip of package-level metadata, run on every render whatever
the edits: document properties, custom properties, thumbnails, printer settings."""

from __future__ import annotations

import re

from lxml import etree

from scrubbing.engine.base import WriteReport

from .oxml import q
from .package import Package

# Document properties: read as segments (detection learns the names in them for the rest of
# the document) and, like the personal ones below, blanked at render whatever the edits.
CORE_EDITABLE = {
    q("dc", "title"): "title",
    q("dc", "subject"): "subject",
    q("cp", "keywords"): "keywords",
    q("dc", "description"): "comments",
    q("cp", "category"): "category",
    q("cp", "contentStatus"): "status",
    q("dc", "identifier"): "identifier",
    q("cp", "version"): "version",
}
# Always cleared at render; shown as segments so detection learns these names.
CORE_PERSONAL = {q("dc", "creator"): "author", q("cp", "lastModifiedBy"): "last modified by"}
APP_PERSONAL = {q("ep", "Company"): "company", q("ep", "Manager"): "manager"}


_APP_REMOVE = {
    "Company": "company",
    "Manager": "manager",
    "HyperlinkBase": "hyperlink base",
    "HLinks": "hyperlink list",
    "TotalTime": "total editing time",
    "HeadingPairs": None,  # with TitlesOfParts: a copy of sheet names / slide titles
    "TitlesOfParts": "titles of parts",
    "DigSig": "digital signature blob",
}


def strip_package_metadata(pkg: Package, report: WriteReport) -> None:
    """What Office's Document Inspector removes at package level, whatever the edits."""
    removed = report.metadata_removed
    for part in pkg.parts_of_type("package.core-properties+xml"):
        root = pkg.tree(part)
        for el in list(root):
            # Document Inspector's "Document Properties": every free-text property goes,
            # title included (fail closed: a name detection missed cannot hide there).
            name = CORE_PERSONAL.get(el.tag) or CORE_EDITABLE.get(el.tag)
            if name:
                if el.text and el.text.strip():
                    removed.append(name)
                el.text = ""
                pkg.mark(part)
            elif el.tag == q("cp", "revision"):
                if (el.text or "").strip() not in ("", "1"):
                    removed.append("revision number")
                el.text = "1"
                pkg.mark(part)
            elif el.tag == q("cp", "lastPrinted"):
                root.remove(el)
                removed.append("last printed date")
                pkg.mark(part)
    for part in pkg.parts_of_type("extended-properties+xml"):
        root = pkg.tree(part)
        for el in list(root):
            local = etree.QName(el).localname if isinstance(el.tag, str) else ""
            if local in _APP_REMOVE:
                if _APP_REMOVE[local] and (len(el) or (el.text or "").strip() not in ("", "0")):
                    removed.append(_APP_REMOVE[local])
                root.remove(el)
                pkg.mark(part)
            elif local == "Template" and re.search(r"[\\/:]", el.text or ""):
                el.text = "Normal.dotm"  # a full path names the user's profile folder
                removed.append("template path")
                pkg.mark(part)
    for part in pkg.parts_of_type("custom-properties+xml"):
        count = len(pkg.tree(part))
        pkg.remove_part(part)
        removed.append(f"custom properties ({count})")
    thumbs = [target for _rel, target in pkg.related("", "thumbnail")]
    thumbs += [n for n in pkg.names() if n.lower().startswith("docprops/thumbnail")]
    if thumbs:
        for part in dict.fromkeys(thumbs):
            pkg.remove_part(part)
        removed.append("thumbnail")
    printers = [n for n in pkg.names() if "printersettings" in n.lower()]
    for part in printers:
        pkg.remove_part(part)
    if printers:
        removed.append(f"printer settings ({len(printers)})")
