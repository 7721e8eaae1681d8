"""The XML members of an e-book: XHTML content, the package document (OPF), the NCX table of
contents, SVG pictures and META-INF/container.xml. Text is scrubbed, markup stays markup.

Parsed as XML (a bare DOCTYPE is allowed, as EPUB 2 and 3 write it; an internal subset or an
entity declaration is refused; HTML entities such as `&nbsp;` become character references
first, the XML parser knows none). Segments are blocks: an XHTML paragraph across its inline
tags ("<b>Jane</b> Doe" is one segment, the edit lands in the node where it starts), an NCX
label, an SVG text, each metadata field of the OPF (creator, publisher, rights, `file-as`...).
Attributes that carry words (alt, title, aria-label, a meta's content) are segments too.

Links are not words: an `href`/`src`/`full-path` that points at another member is rewritten
to where that member went (renamed, or another extension: an OPF item's `media-type` follows),
or removed with it (an OPF item leaves the manifest and the spine). External links are
scrubbed as text; remote sources (an `<img src="https://...">` would tell a server the book
was opened), embedded `data:` (an SVG `<image href="data:...">`: no reader here decodes it),
scripts, embedded objects, comments, processing instructions and event handlers are removed
and counted. Rendering parses the bytes again (the walk is deterministic) and
writes into the fresh tree.
"""

from __future__ import annotations

import html.entities
import mimetypes
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from lxml import etree

from scrubbing.engine.base import CorruptFile, Document, Edit, Limits, Segment, WriteReport
from scrubbing.engine.formats.composite import apply_edits
from scrubbing.engine.formats.ooxml.oxml import UNSAFE_XML
from scrubbing.engine.formats.ooxml.targets import Piece, PiecesTarget, drop_keeping_tail

#: member extension -> flavour
FLAVOURS = {".xhtml": "xhtml", ".html": "xhtml", ".htm": "xhtml", ".opf": "opf", ".ncx": "ncx"}
FLAVOURS[".svg"] = "svg"
XHTML_BLOCKS = frozenset(
    "address article aside blockquote body caption dd div dl dt figcaption figure footer h1 h2 "
    "h3 h4 h5 h6 head header hr li main nav ol p pre section style table tbody td tfoot th "
    "thead title tr ul".split()
)
_INLINE_SVG = frozenset({"tspan", "a", "textPath"})
_DROP = frozenset("script object embed applet iframe frame frameset noscript".split())
_TEXT_ATTRS = frozenset("alt title aria-label label summary placeholder".split())
_LINK_ATTRS = frozenset("href src poster data full-path".split())
_REMOTE_ONLY = frozenset("src poster data".split())  # fetched when shown: never kept remote
_SCHEME = re.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")
_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_ENTITY_MARKERS = tuple("<!ENTITY".encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be"))
_XML_ENTITIES = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})
_OPF = "{http://www.idpf.org/2007/opf}"
_TYPES = mimetypes.MimeTypes()  # the built-in table only: no system files, same everywhere
_URI_SAFE = "/!$&'()*+,;=:@~-._"
_DECLARATION = re.compile(rb"\A(?:\xef\xbb\xbf)?(<\?xml\s[^<>]*\?>)")
_ENCODING = re.compile(rb"""(\sencoding\s*=\s*)(["'])[^"']*\2""")


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _char_refs(data: bytes) -> bytes:
    """HTML's named entities as numeric references (XML knows only its five)."""

    def sub(m: re.Match[bytes]) -> bytes:
        name = m.group(1)
        chars = html.entities.html5.get(name.decode("ascii") + ";")
        if name in _XML_ENTITIES or chars is None:
            return m.group(0)
        return "".join(f"&#{ord(c)};" for c in chars).encode("ascii")

    return _ENTITY.sub(sub, data)


def parse(
    data: bytes, not_xml: str = "A page of this e-book is not well-formed XML."
) -> etree._ElementTree:
    """`data` parsed without network, DTD or entities (`not_xml`: the error when it is not
    XML; a declared entity is refused as unsafe)."""
    if any(marker in data for marker in _ENTITY_MARKERS):
        raise CorruptFile(UNSAFE_XML)
    try:
        # a parser per call: lxml parsers are not thread-safe (no collect_ids=False: with it,
        # libxml2 fetches the DTD an XHTML 1.1 DOCTYPE names, and no_network refuses that)
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        tree = etree.ElementTree(etree.fromstring(_char_refs(data), parser))
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise CorruptFile(not_xml) from exc
    dtd = tree.docinfo.internalDTD  # a bare DOCTYPE has one, empty
    if dtd is not None and (list(dtd.iterelements()) or list(dtd.iterentities())):
        raise CorruptFile(UNSAFE_XML)
    return tree


def serialize(tree: etree._ElementTree, data: bytes) -> bytes:
    """UTF-8 bytes of `tree` parsed from `data`: its XML declaration as written (quotes,
    `standalone`; an encoding other than UTF-8 named UTF-8), its DOCTYPE, its root element
    (comments and processing instructions around the root are not written)."""
    m = _DECLARATION.match(data)
    head = b""
    if m:
        head = m.group(1)
        if tree.docinfo.encoding.upper() not in ("UTF-8", "UTF8", "US-ASCII", "ASCII"):
            head = _ENCODING.sub(lambda e: e.group(1) + e.group(2) + b"UTF-8" + e.group(2), head)
        head += b"\n"
    elif not data.startswith((b"<", b"\xef\xbb\xbf", b" ", b"\n", b"\r", b"\t")):
        head = b'<?xml version="1.0" encoding="UTF-8"?>\n'  # UTF-16/32: now UTF-8, say so
    doctype = tree.docinfo.doctype
    if doctype:
        head += doctype.encode("utf-8") + b"\n"
    body = etree.tostring(tree.getroot(), encoding="UTF-8", xml_declaration=False)
    return head + body + b"\n"


@dataclass
class _Link:
    el: etree._Element
    attr: str
    target: str  # the member path it points at
    suffix: str  # "#fragment" / "?query" kept as written


@dataclass
class _Walk:
    blocks: list[list[Piece]] = field(default_factory=list)
    attrs: list[tuple[etree._Element, str]] = field(default_factory=list)
    links: list[_Link] = field(default_factory=list)
    removed: Counter[str] = field(default_factory=Counter)


class XmlTextDocument(Document):
    """One XML member of an e-book. `path` is its own member path, `members` every path of the
    archive (links to them are rewritten, not read)."""

    kind = "xml"

    def __init__(
        self, data: bytes, limits: Limits, flavour: str, path: str, members: set[str]
    ) -> None:
        super().__init__()
        self.data, self.flavour, self.path, self.members = data, flavour, path, members
        self._resolve: Callable[[str], str | None] = lambda target: target
        self._new_path = path
        w = self._walk(parse(data).getroot())
        for n, block in enumerate(w.blocks, 1):
            text = "".join(p.text for p in block)
            self.segments.append(Segment(len(self.segments), text, f"{flavour} text {n}", "body"))
        self._first_attr = len(self.segments)
        for el, attr in w.attrs:
            kind = "hyperlink" if attr in _LINK_ATTRS else "attribute"
            where = f"{flavour} {_local(el.tag)} {_local(attr)}"
            self.segments.append(Segment(len(self.segments), el.get(attr) or "", where, kind))
        if len(self.segments) > limits.max_segments:
            raise CorruptFile("This e-book has more text units than we can process.")

    def relink(self, new_path: str, resolve: Callable[[str], str | None]) -> None:
        """Before render: where this member goes, and where each other member went."""
        self._new_path, self._resolve = new_path, resolve

    # -- the walk -----------------------------------------------------------------------------

    def _is_block(self, el: etree._Element) -> bool:
        if self.flavour == "xhtml":
            return _local(el.tag) in XHTML_BLOCKS
        return self.flavour != "svg" or _local(el.tag) not in _INLINE_SVG

    def _walk(self, root: etree._Element) -> _Walk:
        w = _Walk()
        for node in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
            w.removed["comments and processing instructions"] += 1
            drop_keeping_tail(node)
        for el in list(root.iter()):
            if isinstance(el.tag, str) and _local(el.tag) in _DROP:
                w.removed["scripts and embedded objects"] += 1
                drop_keeping_tail(el)
        texts = root if self.flavour != "opf" else root.find(f"{_OPF}metadata")
        for el in root.iter():
            self._attributes(el, w, in_text=texts is not None and _inside(el, texts))
        if self.flavour != "container" and texts is not None:
            w.blocks = text_blocks(texts, self._is_block)
        return w

    def _attributes(self, el: etree._Element, w: _Walk, in_text: bool) -> None:
        for name in list(el.attrib):
            local, value = _local(name), el.attrib[name]
            if local.startswith("on"):
                del el.attrib[name]
                w.removed["event handlers"] += 1
            elif local in _LINK_ATTRS:
                self._link(el, name, local, value, w)
            elif (
                in_text
                and value.strip()
                and (local in _TEXT_ATTRS or local in ("content", "file-as"))
            ):
                w.attrs.append((el, name))

    def _link(self, el: etree._Element, name: str, local: str, value: str, w: _Walk) -> None:
        if _SCHEME.match(value):
            if local in _REMOTE_ONLY or value.lstrip()[:5].lower() == "data:":
                del el.attrib[name]  # fetched when shown, or data no reader here decodes
                w.removed["remote sources and embedded data"] += 1
            elif value.strip():
                w.attrs.append((el, name))  # an external link: scrubbed as text
            return
        cut = min((i for i in (value.find("#"), value.find("?")) if i >= 0), default=len(value))
        if cut == 0:
            return  # "#note-3": a place in this page
        base = "" if local == "full-path" else posixpath.dirname(self.path)
        target = posixpath.normpath(posixpath.join(base, unquote(value[:cut])))
        if target in self.members:
            w.links.append(_Link(el, name, target, value[cut:]))
        elif value.strip():
            w.attrs.append((el, name))  # points at nothing we hold: its words are scrubbed

    # -- writing ------------------------------------------------------------------------------

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        tree = parse(self.data)
        w = self._walk(tree.getroot())
        for index, seg_edits in edits.items():
            if not seg_edits:
                continue
            if index < self._first_attr:
                PiecesTarget("", w.blocks[index]).apply(seg_edits)
            else:
                el, attr = w.attrs[index - self._first_attr]
                el.set(attr, apply_edits(el.get(attr) or "", seg_edits))
        gone = [link for link in w.links if not self._move(link)]
        for link in gone:
            self._unlink(link, tree.getroot())
        report = WriteReport()
        if w.removed:
            what = ", ".join(f"{what} \u00d7{n}" for what, n in sorted(w.removed.items()))
            report.notes.append(f"removed {what}")
        return serialize(tree, self.data), report

    def _move(self, link: _Link) -> bool:
        """Point the link at where its member went; False when the member is gone."""
        new = self._resolve(link.target)
        if new is None:
            return False
        if new == link.target and self._new_path == self.path:
            return True
        base = "" if _local(link.attr) == "full-path" else posixpath.dirname(self._new_path)
        rel = posixpath.relpath(new, base or ".")
        link.el.set(link.attr, quote(rel, safe=_URI_SAFE) + link.suffix)
        if posixpath.splitext(new)[1] != posixpath.splitext(link.target)[1]:
            media = _TYPES.guess_type(new)[0]
            if media and link.el.get("media-type") is not None:
                link.el.set("media-type", media)
        return True

    def _unlink(self, link: _Link, root: etree._Element) -> None:
        el = link.el
        if self.flavour == "opf" and _local(el.tag) == "item":
            item_id = el.get("id")
            for ref in list(root.iter(f"{_OPF}itemref")):
                if item_id and ref.get("idref") == item_id:
                    drop_keeping_tail(ref)
            drop_keeping_tail(el)
        else:
            del el.attrib[link.attr]


def text_blocks(
    top: etree._Element,
    is_block: Callable[[etree._Element], bool],
    unread: frozenset[str] = frozenset(),
) -> list[list[Piece]]:
    """The text of `top` in blocks: a block element's text with its inline children's (a `<br>`
    a line break); the own text of elements named in `unread` is left to another reader."""
    blocks: list[list[Piece]] = []
    current: list[Piece] = []

    def flush() -> None:
        nonlocal current
        if any(p.text.strip() for p in current):
            blocks.append(current)
        current = []

    for event, el in etree.iterwalk(top, events=("start", "end")):
        if event == "start":
            if is_block(el):
                flush()
            if _local(el.tag) == "br":
                current.append(Piece(el, "\n", editable=False))
            if el.text and _local(el.tag) not in unread:
                current.append(Piece(el, el.text, editable=True))
        else:
            if is_block(el):
                flush()
            if el.tail and el is not top:
                current.append(Piece(el, el.tail, editable=True, attr="tail"))
    flush()
    return blocks


def _inside(el: etree._Element, top: etree._Element) -> bool:
    while el is not None:
        if el is top:
            return True
        el = el.getparent()
    return False
