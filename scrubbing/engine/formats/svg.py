"""SVG pictures: scrubbed as the XML they are and written back as SVG. Kind "svg".

An SVG is markup and numbers (path data, coordinates, colours, transforms). Read as plain text
its numbers look like phone numbers and its namespace URIs like links; rasterized it loses
every character (issue 20). So it is parsed as XML (lxml: no network, no DTD; a DOCTYPE that
declares entities is refused, `archive.xmltext.parse`) and read as a reader reads it:

- **text**: each element's text is a segment: `<text>` across its `<tspan>`s, `<title>`,
  `<desc>`, `<metadata>` (an RDF creator, rights, dates), `<foreignObject>` content;
- **drawing attributes** (`DRAWING`: `d`, `points`, `viewBox`, coordinates, sizes, colours,
  opacities, transforms, gradient stops, markers, filter numbers...) are kept as they are: their
  grammar is numbers, colours, keywords and `url(#id)`;
- **every other attribute** (`id`, `class`, `style`, `font-family`, `aria-label`,
  `inkscape:label`, `sodipodi:docname`, `data-*`, RDF resources...) is a segment, scrubbed as
  text; `<a href>` is a link, scrubbed as text; a `#fragment` reference stays;
- **`<style>`** is CSS, read by the text module (comments and strings scrubbed, `code.py`).

Closed world: what the file would fetch or run when shown, and what no reader reads, is
removed and counted in the report: scripts and `<handler>`s, event handlers (`on*`), animations
that set a link or a handler, comments and processing instructions (`<?xml-stylesheet?>`
fetches a style sheet), every reference to something outside the file (`<image>`, `<use>`,
`<feImage>`... `href`s that are not `#id`, `url()` that is not `#id`, `@import`), and in
embedded HTML iframes, objects and embeds. An embedded picture (`href="data:image/png;base64,
..."`) is decoded and scrubbed by its own module (a PNG/JPEG: OCR and boxes) and re-encoded;
a `data:` URI no reader reads is removed (`payloads`); pictures beyond `Limits.max_ocr_images`
are removed.

Written back: the XML declaration as it was (quotes, `standalone`), the DOCTYPE, namespaces and
attribute order; character references come back as the characters they stand for; the output
is UTF-8 (a declaration that named another encoding says UTF-8). Text drawn as outlines
(paths) is drawing, not text: it is not read (README).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from lxml import etree

from ..base import CorruptFile, Document, Edit, LimitExceeded, Limits, WriteReport
from . import text
from .archive.xmltext import parse, serialize, text_blocks
from .composite import Parts, apply_edits
from .ooxml.targets import Piece, PiecesTarget, drop_keeping_tail

_WORDS = str.split
#: attributes whose value is drawing: numbers, lengths, colours, keywords, `url(#id)`
DRAWING = frozenset(
    _WORDS(
        "d points x y x1 y1 x2 y2 cx cy r rx ry fx fy fr dx dy width height viewBox "
        "preserveAspectRatio transform gradientTransform patternTransform gradientUnits "
        "patternUnits patternContentUnits clipPathUnits maskUnits maskContentUnits "
        "primitiveUnits filterUnits spreadMethod offset stop-color stop-opacity fill "
        "fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap "
        "stroke-linejoin stroke-miterlimit stroke-dasharray stroke-dashoffset opacity clip-path "
        "clip-rule mask filter marker-start marker-mid marker-end markerWidth markerHeight "
        "markerUnits refX refY orient color display visibility overflow font-size font-weight "
        "font-style font-stretch font-variant text-anchor dominant-baseline alignment-baseline "
        "baseline-shift letter-spacing word-spacing text-decoration rotate textLength "
        "lengthAdjust startOffset method spacing pathLength version baseProfile in in2 result "
        "stdDeviation operator k1 k2 k3 k4 type mode scale xChannelSelector yChannelSelector "
        "baseFrequency numOctaves seed stitchTiles tableValues slope intercept amplitude exponent "
        "kernelMatrix kernelUnitLength order divisor bias targetX targetY edgeMode preserveAlpha "
        "surfaceScale specularConstant specularExponent diffuseConstant azimuth elevation z "
        "pointsAtX pointsAtY pointsAtZ limitingConeAngle radius flood-color flood-opacity "
        "lighting-color vector-effect shape-rendering text-rendering image-rendering "
        "color-rendering color-interpolation color-interpolation-filters enable-background "
        "space lang writing-mode direction unicode-bidi kerning paint-order mix-blend-mode "
        "isolation cursor-type"
    )
)
_DROP = frozenset(_WORDS("script handler iframe object embed applet frame frameset noscript"))
_ANIMATIONS = frozenset(_WORDS("set animate animateMotion animateTransform animateColor"))
_CSS = frozenset({"style"})  # read by the text module as CSS
_INLINE = frozenset(_WORDS("tspan a textPath tref altGlyph"))
_FOREIGN_URL = re.compile(r"url\(\s*(?![\"']?\s*#)[^)]*\)", re.I)
_IMPORT = re.compile(r"@import\b[^;]*;?", re.I)
_SCRIPT_LINK = re.compile(r"^\s*(?:javascript|vbscript):", re.I)
_XML_NS = "{http://www.w3.org/XML/1998/namespace}"
NOT_XML = "This SVG picture is not well-formed XML and cannot be read."


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


@dataclass
class _Walk:
    """What one pass over the tree found, in document order."""

    blocks: list[list[Piece]] = field(default_factory=list)
    attrs: list[tuple[etree._Element, str]] = field(default_factory=list)
    embedded: list[tuple[etree._Element, str]] = field(default_factory=list)  # data: URIs
    styles: list[etree._Element] = field(default_factory=list)
    removed: Counter[str] = field(default_factory=Counter)


def _walk(tree: etree._ElementTree, max_images: int) -> _Walk:
    w = _Walk()
    root = tree.getroot()
    outside = (*root.itersiblings(preceding=True), *root.itersiblings())
    if outside:  # comments and processing instructions around the root: not written (`serialize`)
        w.removed["comments and processing instructions"] += len(outside)
    for node in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        w.removed["comments and processing instructions"] += 1
        drop_keeping_tail(node)
    for el in list(root.iter()):
        local = _local(el.tag) if isinstance(el.tag, str) else ""
        target = _local(el.get("attributeName") or "")
        if local in _DROP or (
            local in _ANIMATIONS and (target.startswith("on") or target == "href")
        ):
            w.removed["scripts, animated links and embedded objects"] += 1
            drop_keeping_tail(el)
    for el in root.iter():
        _attributes(el, w, max_images)
        if _local(el.tag) == "style":
            css = el.text or ""
            clean = _IMPORT.sub("", _FOREIGN_URL.sub("none", css))
            if clean != css:
                w.removed["references to other files"] += 1
            el.text = clean
            w.styles.append(el)
    w.blocks = text_blocks(root, lambda el: _local(el.tag) not in _INLINE, _CSS)
    return w


def _attributes(el: etree._Element, w: _Walk, max_images: int) -> None:
    for name in list(el.attrib):
        local, value = _local(name), el.attrib[name]
        if local.startswith("on"):
            del el.attrib[name]
            w.removed["event handlers"] += 1
        elif local in ("href", "src"):
            _link(el, name, value, w, max_images)
        else:
            if _FOREIGN_URL.search(value):  # `fill="url(https://...)"`: fetched when shown
                el.attrib[name] = value = _FOREIGN_URL.sub("none", value)
                w.removed["references to other files"] += 1
            if not _drawing(name) and value.strip():
                w.attrs.append((el, name))


def _drawing(name: str) -> bool:
    """A drawing attribute of SVG itself (no namespace, or xml:space/xml:lang)."""
    return _local(name) in DRAWING and ("}" not in name or name.startswith(_XML_NS))


def _link(el: etree._Element, name: str, value: str, w: _Walk, max_images: int) -> None:
    stripped = value.strip()
    if stripped.startswith("#"):
        return  # a place in this picture
    if stripped.lower().startswith("data:"):
        if len(w.embedded) < max_images:
            w.embedded.append((el, name))
            return
        w.removed[f"embedded data beyond the first {max_images}"] += 1
    elif _local(el.tag) == "a" and stripped and not _SCRIPT_LINK.match(stripped):
        w.attrs.append((el, name))  # a link: followed only when clicked; its words are read
        return
    else:
        w.removed["references to other files"] += 1
    del el.attrib[name]


class SvgDocument(Document):
    kind = "svg"

    def __init__(self, data: bytes, limits: Limits) -> None:
        super().__init__()
        self.data, self.limits = data, limits
        self.parts = Parts(self.segments, limits.max_segments)
        tree = _tree(data)
        w = _walk(tree, limits.max_ocr_images)
        self.removed = w.removed
        self._blocks = [
            self.parts.own("".join(p.text for p in b), f"svg text {n}", "body")
            for n, b in enumerate(w.blocks, 1)
        ]
        self._attrs = []
        for el, name in w.attrs:
            kind = "hyperlink" if _local(name) == "href" else "attribute"
            where = f"svg {_local(el.tag)} {_local(name)}"
            self._attrs.append(self.parts.own(el.get(name) or "", where, kind))
        for n, (el, name) in enumerate(w.embedded, 1):
            child = text.open_document((el.get(name) or "").encode("utf-8"), limits)
            self.parts.adopt(child, f"embedded data {n}", f"svg embedded data {n}")
        for n, el in enumerate(w.styles, 1):
            child = text.open_document((el.text or "").encode("utf-8"), limits, language="css")
            self.parts.adopt(child, "", f"svg style {n}")

    def admits(self, index: int, start: int, end: int, source: str) -> bool:
        return self.parts.admits(index, start, end, source)

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        report = WriteReport()
        mine, theirs = self.parts.split(edits)
        tree = _tree(self.data)
        w = _walk(tree, self.limits.max_ocr_images)
        for seg, block in zip(self._blocks, w.blocks, strict=True):
            if mine.get(seg):
                PiecesTarget("", block).apply(mine[seg])
        for seg, (el, name) in zip(self._attrs, w.attrs, strict=True):
            if mine.get(seg):
                el.set(name, apply_edits(el.get(name) or "", mine[seg]))
        outputs = self.parts.render_children(theirs, report)
        for (el, name), out in zip(w.embedded, outputs[: len(w.embedded)], strict=True):
            el.set(name, out.decode("utf-8"))
        for el, out in zip(w.styles, outputs[len(w.embedded) :], strict=True):
            el.text = out.decode("utf-8")
        if self.removed:
            what = ", ".join(f"{what} \u00d7{n}" for what, n in sorted(self.removed.items()))
            report.notes.append(f"SVG: removed {what}")
        return serialize(tree, self.data), report


def _tree(data: bytes) -> etree._ElementTree:
    tree = parse(data, NOT_XML)
    if _local(tree.getroot().tag) != "svg":
        raise CorruptFile("This file does not hold an SVG picture.")
    return tree


def open_document(data: bytes, limits: Limits) -> SvgDocument:
    if len(data) > limits.max_file_bytes:
        raise LimitExceeded("This picture is larger than the upload limit.")
    return SvgDocument(data, limits)
