"""Word (.docx) reader/writer at the XML level.

Segments: one per paragraph (all runs joined, so a name split across differently formatted runs
is one span), in the body, tables (nested too), text boxes (both mc:AlternateContent copies),
headers/footers, footnotes/endnotes, comments, glossary; plus field codes, comment authors,
content-control titles, alt text, hyperlink targets, document variables and properties.

Tracked changes are resolved on open (insertions accepted, deletions dropped) so the segments
are the text the scrubbed file will show, and deleted text never reaches the output.
"""

from __future__ import annotations

import posixpath

from lxml import etree

from scrubbing.engine.base import Limits, WriteReport
from scrubbing.engine.formats.ooxml import (
    AttrTarget,
    OoxmlDocument,
    Piece,
    PiecesTarget,
    live,
    q,
    read_shared,
    shape_names,
)
from scrubbing.engine.formats.ooxml.altchunk import convert_alt_chunks

W = "{" + "http://schemas.openxmlformats.org/wordprocessingml/2006/main" + "}"
W_P, W_R, W_T, W_TBL, W_TR, W_TC = W + "p", W + "r", W + "t", W + "tbl", W + "tr", W + "tc"
W_INSTR = W + "instrText"
W_TXBX = W + "txbxContent"
MC_FALLBACK = q("mc", "Fallback")
M_T, M_R = q("m", "t"), q("m", "r")
VML_TEXTPATH = "{urn:schemas-microsoft-com:vml}textpath"

# Run children that are characters in the text a reader sees.
_RUN_CHARS = {
    W + "tab": "\t",
    W + "ptab": "\t",
    W + "br": "\n",
    W + "cr": "\n",
    W + "noBreakHyphen": "-",
    W + "softHyphen": "",
    W + "sym": "",
}

_MAIN_TYPES = (
    "document.main+xml",
    "template.main+xml",
    "document.macroEnabled.main+xml",
    "template.macroEnabledTemplate.main+xml",
)
_STORY_TYPES = {
    "wordprocessingml.header+xml": "header",
    "wordprocessingml.footer+xml": "footer",
    "wordprocessingml.footnotes+xml": "footnote",
    "wordprocessingml.endnotes+xml": "endnote",
    "wordprocessingml.comments+xml": "comment",
    "document.glossary+xml": "glossary",
}

# Revision marks: containers whose content is kept (accepted) or dropped (rejected).
_KEEP = {W + "ins", W + "moveTo"}
_DROP = {W + "del", W + "moveFrom"}
_PROPERTY_MARKS = {W + "rPr", W + "pPr", W + "trPr", W + "tcPr", W + "numPr"}
_REVISION_RECORDS = {
    W + name
    for name in (
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "tblGridChange",
        "tcPrChange",
        "trPrChange",
        "numberingChange",
        "cellIns",
        "cellDel",
        "cellMerge",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "customXmlInsRangeStart",
        "customXmlInsRangeEnd",
        "customXmlDelRangeStart",
        "customXmlDelRangeEnd",
        "customXmlMoveFromRangeStart",
        "customXmlMoveFromRangeEnd",
        "customXmlMoveToRangeStart",
        "customXmlMoveToRangeEnd",
        "delText",
        "delInstrText",
    )
}


def accept_revisions(root: etree._Element) -> int:
    """Accept insertions, drop deletions and formatting-change records. Returns the count."""
    count = 0
    for el in list(root.iter(*_DROP, *_KEEP, *_REVISION_RECORDS)):
        parent = el.getparent()
        if parent is None:
            continue  # already removed with an enclosing deletion
        count += 1
        if el.tag in _REVISION_RECORDS:
            parent.remove(el)
        elif parent.tag in _PROPERTY_MARKS:
            # A mark on a paragraph mark or table row rather than a container of runs.
            if parent.tag == W + "trPr" and el.tag in _DROP:
                row = parent.getparent()
                if row is not None and row.getparent() is not None:
                    row.getparent().remove(row)
                    continue
            parent.remove(el)
        elif el.tag in _DROP:
            parent.remove(el)
        else:
            index = parent.index(el)
            for offset, child in enumerate(list(el)):
                parent.insert(index + offset, child)
            parent.remove(el)
    return count


class _Locator:
    """Human locators for paragraphs of one story part."""

    def __init__(self, root: etree._Element) -> None:
        self.tables = {tbl: i for i, tbl in enumerate(root.iter(W_TBL), 1)}
        self._rows: dict[etree._Element, dict[etree._Element, int]] = {}
        self._cells: dict[etree._Element, dict[etree._Element, int]] = {}

    def _index(self, cache: dict, parent: etree._Element, tag: str, child: etree._Element) -> int:
        table = cache.get(parent)
        if table is None:
            table = {el: i for i, el in enumerate(parent.iterchildren(tag), 1)}
            cache[parent] = table
        return table.get(child, 0)

    def context(self, para: etree._Element) -> tuple[list[str], bool, bool, str | None]:
        """(table path, in text box, in fallback copy, container id) for a paragraph."""
        cells: list[str] = []
        textbox = fallback = False
        container = None
        el = para.getparent()
        while el is not None:
            tag = el.tag
            if tag == W_TC:
                row = el.getparent()
                tbl = row.getparent() if row is not None else None
                if row is not None and tbl is not None:
                    cells.append(
                        f"table {self.tables.get(tbl, '?')}, "
                        f"row {self._index(self._rows, tbl, W_TR, row)}, "
                        f"cell {self._index(self._cells, row, W_TC, el)}"
                    )
            elif tag == W_TXBX:
                textbox = True
            elif tag == MC_FALLBACK:
                fallback = True
            elif tag in (W + "comment", W + "footnote", W + "endnote"):
                container = el.get(W + "id")
            el = el.getparent()
        cells.reverse()
        return cells, textbox, fallback, container


class DocxDocument(OoxmlDocument):
    kind = "docx"
    label = "a Word document"

    def load(self) -> None:
        pkg = self.pkg
        main = self.main_part(*_MAIN_TYPES)
        self.check_not_strict(main)
        self.main = main
        stories = [(main, "body")]
        for part in pkg.names():
            ct = pkg.content_type(part)
            for suffix, kind in _STORY_TYPES.items():
                if ct.endswith(suffix):
                    stories.append((part, kind))
        convert_alt_chunks(self, [part for part, _kind in stories])
        revisions = 0
        for part, _kind in stories:
            changed = accept_revisions(pkg.xml(part))
            if changed:
                pkg.mark(part)
                revisions += changed
        self.revisions = revisions
        labels = self._header_footer_labels(main)
        for part, kind in stories:
            where = labels.get(part, "" if kind == "body" else kind)
            if kind in ("header", "footer") and part not in labels:
                where = f"{kind} ({posixpath.basename(part)})"
            elif kind == "glossary":
                where = "building blocks"
            elif kind in ("comment", "footnote", "endnote"):
                where = ""  # the container number says it: "footnote 3, paragraph 1"
            self._read_story(part, kind, where)
        self._read_settings()
        read_shared(self)

    def _header_footer_labels(self, main: str) -> dict[str, str]:
        targets = self.pkg.rel_targets(main)
        labels: dict[str, str] = {}
        which = {"first": ", first page", "even": ", even pages", "default": ""}
        for section, sect in enumerate(self.pkg.xml(main).iter(W + "sectPr"), 1):
            for ref in sect:
                if ref.tag not in (W + "headerReference", W + "footerReference"):
                    continue
                part = targets.get(ref.get(q("r", "id")) or "")
                kind = "header" if ref.tag == W + "headerReference" else "footer"
                if part and part not in labels:
                    extra = which.get(ref.get(W + "type") or "default", "")
                    labels[part] = f"{kind} (section {section}{extra})"
        return labels

    def _read_story(self, part: str, kind: str, where: str) -> None:
        root = self.pkg.xml(part)
        paragraphs: dict[etree._Element, list[Piece]] = {}
        fields: dict[etree._Element, list[Piece]] = {}
        tags = (W_T, W_INSTR, M_T, *_RUN_CHARS)
        for el in root.iter(*tags):
            parent = el.getparent()
            if parent is None:
                continue
            tag = el.tag
            if tag in (W_T, W_INSTR):
                piece = Piece(el, el.text or "", True)
            elif tag == M_T:
                if parent.tag != M_R:
                    continue
                piece = Piece(el, el.text or "", True)
            else:
                if parent.tag != W_R:  # w:tab inside w:tabs is a tab stop, not a character
                    continue
                piece = Piece(el, _RUN_CHARS[tag], False)
            para = parent
            while para is not None and para.tag != W_P:
                para = para.getparent()
            if para is None:
                continue
            bucket = fields if tag == W_INSTR else paragraphs
            bucket.setdefault(para, []).append(piece)
        locator = _Locator(root)
        ordinal = 0
        for para, pieces in paragraphs.items():
            if not any(p.editable and p.text.strip() for p in pieces):
                continue
            ordinal += 1
            loc, seg_kind = self._describe(locator, para, kind, where, ordinal)
            target = PiecesTarget(part, pieces, preserve_space=True)
            self.add(target.text, loc, seg_kind, target)
            if para in fields:
                field = PiecesTarget(part, fields.pop(para), preserve_space=True)
                self.add(field.text, loc + " (field code)", "field", field)
        for para, pieces in fields.items():  # paragraphs holding only field codes
            ordinal += 1
            loc, _ = self._describe(locator, para, kind, where, ordinal)
            field = PiecesTarget(part, pieces, preserve_space=True)
            self.add(field.text, loc + " (field code)", "field", field)
        self._read_attributes(part, root, kind, where or kind)

    def _describe(
        self, locator: _Locator, para: etree._Element, kind: str, where: str, ordinal: int
    ) -> tuple[str, str]:
        cells, textbox, fallback, container = locator.context(para)
        parts = []
        if where:
            parts.append(where)
        if container is not None and kind in ("comment", "footnote", "endnote"):
            parts.append(f"{kind} {container}")
        parts.append(f"paragraph {ordinal}")
        seg_kind = kind
        if cells:
            parts.append(" > ".join(cells))
            seg_kind = "table" if kind == "body" else kind
        if textbox:
            parts.append("text box" + (" (copy for older Word)" if fallback else ""))
            seg_kind = "textbox"
        return ", ".join(parts), seg_kind

    def _read_attributes(self, part: str, root: etree._Element, kind: str, where: str) -> None:
        for el in root.iter(W + "fldSimple", W + "hyperlink", W + "alias", W + "tag"):
            attr = {
                W + "fldSimple": W + "instr",
                W + "hyperlink": W + "tooltip",
            }.get(el.tag, W + "val")
            if el.get(attr):
                what = etree.QName(el).localname
                self.add(el.get(attr), f"{where}: {what}", "field", AttrTarget(part, el, attr))
        for el in root.iter(VML_TEXTPATH):
            if el.get("string"):
                self.add(
                    el.get("string"), f"{where}: WordArt", kind, AttrTarget(part, el, "string")
                )
        if kind == "comment":
            for el in root.iter(W + "comment"):
                for attr, what in ((W + "author", "author"), (W + "initials", "initials")):
                    if el.get(attr):
                        self.add(
                            el.get(attr),
                            f"comment {el.get(W + 'id')}: {what}",
                            "metadata",
                            AttrTarget(part, el, attr),
                        )
        shape_names(self, part, root, where)

    def _read_settings(self) -> None:
        for part in self.pkg.parts_of_type("wordprocessingml.settings+xml"):
            for var in self.pkg.xml(part).iter(W + "docVar"):
                if var.get(W + "val"):
                    self.add(
                        var.get(W + "val"),
                        "document variable",
                        "metadata",
                        AttrTarget(part, var, W + "val"),
                    )
        for part in self.pkg.parts_of_type("wordprocessingml.numbering+xml"):
            for level in self.pkg.xml(part).iter(W + "lvlText"):
                text = level.get(W + "val") or ""
                if any(ch.isalpha() for ch in text):  # "Article %1." but not "%1."
                    self.add(text, "list numbering", "body", AttrTarget(part, level, W + "val"))
        for part in self.pkg.parts_of_type("wordprocessingml.people+xml"):
            for person in self.pkg.xml(part).iter(q("w15", "person")):
                if person.get(q("w15", "author")):
                    self.add(
                        person.get(q("w15", "author")),
                        "comment author list",
                        "metadata",
                        AttrTarget(part, person, q("w15", "author")),
                    )

    # -- writing

    def finish(self, report: WriteReport) -> None:
        pkg = self.pkg
        removed = report.metadata_removed
        if self.revisions:
            removed.append(f"tracked changes ({self.revisions}, accepted)")
        rsids = authors = 0
        for part in pkg.names():
            ct = pkg.content_type(part)
            if "wordprocessingml" not in ct or not ct.endswith("+xml"):
                continue
            changed = False
            for el in pkg.tree(part).iter():
                attrib = el.attrib
                if not attrib:
                    continue
                original_author = attrib.get(W + "author")
                for attr in list(attrib):
                    if attr.startswith(W + "rsid"):
                        del attrib[attr]
                        rsids += 1
                        changed = True
                    elif attr == W + "author":
                        attrib[attr] = self.authors(original_author)
                        authors += 1
                        changed = True
                    elif attr == W + "initials":
                        # "Author 3" -> "A3": initials must not stay the real ones.
                        attrib[attr] = "A" + self.authors(original_author).rsplit(" ", 1)[-1]
                        changed = True
            if changed:
                pkg.mark(part)
        if authors:
            removed.append(f"comment and revision authors ({len(self.authors)})")
        if rsids:
            removed.append("revision identifiers (rsid)")
        for part in pkg.parts_of_type("wordprocessingml.people+xml"):
            count = len(pkg.tree(part))
            pkg.remove_part(part)
            removed.append(f"people list ({count})")
        for part in pkg.parts_of_type("wordprocessingml.settings+xml"):
            self._clean_settings(part, removed)
        live.word(self, report)

    def _clean_settings(self, part: str, removed: list[str]) -> None:
        pkg = self.pkg
        root = pkg.tree(part)
        for tag, what in ((W + "rsids", "revision history"), (W + "attachedTemplate", None)):
            for el in list(root.iter(tag)):
                el.getparent().remove(el)
                if what:
                    removed.append(what)
                else:
                    removed.append("attached template path")
                    rel_id = el.get(q("r", "id"))
                    for rel in pkg.rels(part):
                        if rel.id == rel_id:
                            rel.element.getparent().remove(rel.element)
                            pkg.mark(rel.rels_part)
                pkg.mark(part)
        # Ask Word to keep stripping personal data on later saves (Document Inspector does).
        if root.find(W + "removePersonalInformation") is None:
            index = 0
            for i, child in enumerate(root):
                if child.tag in (W + "writeProtection", W + "view", W + "zoom"):
                    index = i + 1
            root.insert(index, etree.Element(W + "removePersonalInformation"))
            pkg.mark(part)


def open_document(data: bytes, limits: Limits, *, depth: int = 0) -> DocxDocument:
    """Open a .docx (also .docm/.dotx) and list its segments."""
    return DocxDocument.open(data, limits, depth)
