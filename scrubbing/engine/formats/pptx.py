"""PowerPoint (.pptx) reader/writer at the XML level.

Segments: one per DrawingML paragraph on every slide (placeholders, shapes, group shapes at any
depth, table cells), speaker notes, slide layouts, masters (slide, notes, handout), charts and
SmartArt, comments (legacy and modern, with replies) and comment authors, slide and shape names,
alt text, custom shows, sections, tags, hyperlink targets and properties.
"""

from __future__ import annotations

from lxml import etree

from scrubbing.engine.base import Limits, WriteReport
from scrubbing.engine.formats.ooxml import (
    AttrTarget,
    ElementTextTarget,
    OoxmlDocument,
    drawingml_paragraphs,
    is_default_name,
    live,
    q,
    read_shared,
    shape_names,
)

P = q("p", "")
P188 = "{http://schemas.microsoft.com/office/powerpoint/2018/8/main}"
P14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
A_TC, A_TR, A_TBL = q("a", "tc"), q("a", "tr"), q("a", "tbl")
_SHAPES = {P + "sp", P + "graphicFrame", P + "cxnSp", P + "pic", P + "grpSp"}

_MAIN_TYPES = (
    "presentation.main+xml",
    "slideshow.main+xml",
    "template.main+xml",
    "ms-powerpoint.presentation.macroEnabled.main+xml",
    "ms-powerpoint.slideshow.macroEnabled.main+xml",
    "ms-powerpoint.template.macroEnabled.main+xml",
)
_OTHER_STORIES = {
    "presentationml.slideLayout+xml": ("slide layout", "layout"),
    "presentationml.slideMaster+xml": ("slide master", "master"),
    "presentationml.notesMaster+xml": ("notes master", "master"),
    "presentationml.handoutMaster+xml": ("handout master", "master"),
}


def _shape_label(para: etree._Element) -> str:
    """'shape 'Title 1'' or 'table 'Table 3' row 2 cell 1' for the paragraph's shape."""
    cell = None
    el = para.getparent()
    while el is not None and el.tag not in _SHAPES:
        if el.tag == A_TC and cell is None:
            cell = el
        el = el.getparent()
    if el is None:
        return "text"
    nv = next(el.iter(P + "cNvPr"), None)
    name = nv.get("name") if nv is not None else "?"
    if cell is not None:
        row = cell.getparent()
        table = row.getparent() if row is not None else None
        if row is not None and table is not None:
            r = list(table.iterchildren(A_TR)).index(row) + 1
            c = list(row.iterchildren(A_TC)).index(cell) + 1
            return f"table '{name}' row {r} cell {c}"
    return f"shape '{name}'"


class PptxDocument(OoxmlDocument):
    kind = "pptx"
    label = "a PowerPoint presentation"

    def load(self) -> None:
        pkg = self.pkg
        self.presentation = pres = self.main_part(*_MAIN_TYPES)
        self.check_not_strict(pres)
        root = pkg.xml(pres)
        targets = pkg.rel_targets(pres)
        ordered = []
        for sld in root.iter(P + "sldId"):
            part = targets.get(sld.get(q("r", "id")) or "")
            if part and part not in ordered:
                ordered.append(part)
        for part in pkg.parts_of_type("presentationml.slide+xml"):
            if part not in ordered:  # not in the show but still in the file
                ordered.append(part)
        for number, part in enumerate(ordered, 1):
            label = f"slide {number}"
            self._read_story(part, label, "slide")
            for _rel, notes in pkg.related(part, "notesSlide"):
                self._read_story(notes, f"{label} notes", "note")
            for _rel, chart in pkg.related(part, "chart"):
                self.part_labels[chart] = f"{label} chart"
                for _rel2, data in pkg.related(chart, "package"):
                    self.part_labels[data] = f"{label} chart data"
            self._read_comments(part, label)
        for suffix, (what, kind) in _OTHER_STORIES.items():
            for number, part in enumerate(pkg.parts_of_type(suffix), 1):
                self._read_story(part, f"{what} {number}", kind)
        self._read_presentation(pres, root)
        self._read_authors()
        for part in pkg.parts_of_type("presentationml.tags+xml"):
            for tag in pkg.xml(part).iter(P + "tag"):
                if tag.get("val"):
                    self.add(tag.get("val"), "add-in tag", "metadata", AttrTarget(part, tag, "val"))
        read_shared(self)

    def _read_story(self, part: str, label: str, kind: str) -> None:
        root = self.pkg.xml(part)
        csld = root.find(P + "cSld")
        if csld is not None and csld.get("name") and not is_default_name(csld.get("name")):
            self.add(csld.get("name"), f"{label} name", "name", AttrTarget(part, csld, "name"))

        def locate(para: etree._Element, _n: int) -> tuple[str, str]:
            where = _shape_label(para)
            return f"{label} / {where}", ("table" if where.startswith("table") else kind)

        drawingml_paragraphs(self, part, root, locate)
        shape_names(self, part, root, label)

    def _read_comments(self, slide: str, label: str) -> None:
        pkg = self.pkg
        for rel in pkg.rels(slide):
            if rel.external or rel.type != "comments":
                continue
            part = pkg.find(pkg.resolve(slide, rel.target))
            if part is None:
                continue
            root = pkg.xml(part)
            # Legacy comments: <p:cm><p:text>...</p:text></p:cm>
            for number, cm in enumerate(root.iter(P + "cm"), 1):
                text = cm.find(P + "text")
                if text is not None and text.text:
                    self.add(
                        text.text,
                        f"{label} comment {number}",
                        "comment",
                        ElementTextTarget(part, text),
                    )
            # Modern comments and replies: DrawingML text bodies.
            drawingml_paragraphs(
                self,
                part,
                root,
                lambda _p, n, label=label: (f"{label} comment text {n}", "comment"),
            )

    def _read_presentation(self, part: str, root: etree._Element) -> None:
        for el in root.iter(P + "custShow", P14 + "section"):
            if el.get("name"):
                what = "custom show" if el.tag == P + "custShow" else "section"
                self.add(el.get("name"), f"{what} name", "name", AttrTarget(part, el, "name"))

    def _read_authors(self) -> None:
        pkg = self.pkg
        # legacy comment authors, then modern ones (which also carry a user id)
        for part_type, tag, attrs in (
            ("presentationml.commentAuthors+xml", P + "cmAuthor", ("name", "initials")),
            ("ms-powerpoint.authors+xml", P188 + "author", ("name", "initials", "userId")),
        ):
            for part in pkg.parts_of_type(part_type):
                for el in pkg.xml(part).iter(tag):
                    for attr in attrs:
                        if el.get(attr):
                            self.add(
                                el.get(attr),
                                f"comment author ({attr})",
                                "metadata",
                                AttrTarget(part, el, attr),
                            )

    # -- writing

    def finish(self, report: WriteReport) -> None:
        pkg = self.pkg
        count = 0
        for part in pkg.parts_of_type("presentationml.commentAuthors+xml"):
            for el in pkg.tree(part).iter(P + "cmAuthor"):
                neutral = self.authors(el.get("name"))
                el.set("name", neutral)
                el.set("initials", "A" + neutral.rsplit(" ", 1)[-1])
                count += 1
            pkg.mark(part)
        for part in pkg.parts_of_type("ms-powerpoint.authors+xml"):
            for el in pkg.tree(part).iter(P188 + "author"):
                neutral = self.authors(el.get("name"))
                el.set("name", neutral)
                el.set("initials", "A" + neutral.rsplit(" ", 1)[-1])
                # userId/providerId identify the account (e-mail, AD id): blank them.
                el.set("userId", neutral)
                el.set("providerId", "None")
                count += 1
            pkg.mark(part)
        if count:
            report.metadata_removed.append(f"comment authors ({len(self.authors)})")
        live.powerpoint(self, report)


def open_document(data: bytes, limits: Limits, *, depth: int = 0) -> PptxDocument:
    """Open a .pptx (also .pptm/.potx/.ppsx) and list its segments."""
    return PptxDocument.open(data, limits, depth)
