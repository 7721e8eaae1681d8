"""DrawingML text (slides, charts, SmartArt, spreadsheet drawings) and drawing-object names."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import TYPE_CHECKING

from lxml import etree

from .boilerplate import is_default_name
from .oxml import q
from .targets import AttrTarget, ElementTextTarget, Piece, PiecesTarget

if TYPE_CHECKING:
    from .document import OoxmlDocument

A_P, A_T, A_BR = q("a", "p"), q("a", "t"), q("a", "br")


def drawingml_paragraphs(
    doc: OoxmlDocument,
    part: str,
    root: etree._Element,
    locate: Callable[[etree._Element, int], tuple[str, str]],
) -> None:
    """One segment per DrawingML paragraph (a:p), wherever it sits in `root`.

    `locate(paragraph, ordinal)` returns (locator, kind).
    """
    ordinal = 0
    for para in root.iter(A_P):
        pieces = []
        for el in para.iter(A_T, A_BR):
            if el.tag == A_T:
                pieces.append(Piece(el, el.text or "", True))
            else:
                pieces.append(Piece(el, "\n", False))
        if not any(p.editable and p.text.strip() for p in pieces):
            continue
        ordinal += 1
        locator, kind = locate(para, ordinal)
        doc.add("".join(p.text for p in pieces), locator, kind, PiecesTarget(part, pieces))


def shape_names(doc: OoxmlDocument, part: str, root: etree._Element, where: str) -> None:
    """Alt text and names of drawing objects: cNvPr/docPr descr, title and name attributes."""
    for el in root.iter(q("p", "cNvPr"), q("a", "cNvPr"), q("wp", "docPr"), *_other_cnvpr()):
        for attr, what in (("descr", "alt text"), ("title", "alt text title"), ("name", "name")):
            value = el.get(attr)
            if attr == "name" and value and is_default_name(value):
                continue
            if value and value.strip():
                doc.add(value, f"{where}: shape {what}", "name", AttrTarget(part, el, attr))


def _other_cnvpr() -> tuple[str, ...]:
    # cNvPr also appears in the spreadsheet-drawing, chart-drawing and picture namespaces.
    return (
        "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}cNvPr",
        "{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr",
        "{http://schemas.openxmlformats.org/drawingml/2006/chartDrawing}cNvPr",
        "{http://schemas.microsoft.com/office/drawing/2010/main}cNvPr",
    )


def chart_parts(doc: OoxmlDocument, where: Callable[[str], str]) -> None:
    """Charts: titles and labels (a:p) and cached strings (series names, categories)."""
    pkg = doc.pkg
    for part in pkg.parts_of_type("drawingml.chart+xml", "drawingml.chartshapes+xml"):
        root = pkg.xml(part)
        label = where(part)
        drawingml_paragraphs(
            doc, part, root, lambda _p, n, label=label: (f"{label}: text {n}", "chart")
        )
        for v in root.iter(q("c", "v")):
            parent = v.getparent()
            if parent is not None and parent.tag == q("c", "pt"):
                cache = parent.getparent()
                if cache is not None and cache.tag in (q("c", "strCache"), q("c", "lvl")):
                    doc.add(
                        v.text or "", f"{label}: cached label", "chart", ElementTextTarget(part, v)
                    )
        shape_names(doc, part, root, label)


def diagram_parts(doc: OoxmlDocument) -> None:
    """SmartArt: data model and the cached drawing both hold the text."""
    pkg = doc.pkg
    for part in pkg.parts_of_type("drawingml.diagramData+xml", "drawingml.diagramDrawing+xml"):
        label = "SmartArt diagram " + posixpath.basename(part)
        drawingml_paragraphs(
            doc, part, pkg.xml(part), lambda _p, n, label=label: (f"{label}: text {n}", "diagram")
        )
