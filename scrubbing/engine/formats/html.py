"""HTML (pages and the bodies of e-mail): text nodes and a few attributes scrubbed, active
content removed. Kind "html" for .html/.htm files; `mail.message` reads HTML bodies with it.

Read with lxml's HTML parser (comments and processing instructions dropped at parse time, so
Outlook's conditional comments go too). Removed with their content: script, style, noscript,
object, embed, applet, iframe, frame(set), meta, link, base, template. Attributes are a closed
world: text-bearing ones (href, title, alt, aria-label, placeholder, value, label, summary)
are scrubbed; presentational ones (style without remote url(), class, width, align, ...) are
kept; `src` is kept only as a rewritten `cid:` reference or a `data:` URI (read as an encoded
payload); everything else (event handlers, remote image sources that would tell a sender the
mail was opened, ids, names, targets) is removed and counted.

Segments are blocks: the text of one paragraph, cell or list item across its inline tags
("<b>Jane</b> Doe" is one segment); an edit's replacement goes into the text node where the
span starts, the rest of the span is trimmed from the following nodes. A text node that holds
an encoded payload is read on its own by the text module. Rendering parses the HTML again
(the walk is deterministic) and writes into that fresh tree.

An HTML file (`page=True`) differs from a mail body where a page needs it: its DOCTYPE is kept
verbatim and a `<meta charset="utf-8">` is written (the output is UTF-8; other meta elements,
which hold authors, generators and refreshes, go); `<style>` elements are kept, their text
read by the text module (comments and content strings scrubbed) with every `url()` and
`@import` removed; relative `src`/`background` references (files next to the page) are kept
and scrubbed like links, remote ones removed; `id`, `name`, `datetime`, `cite`, `abbr`, `for`,
`headers`, `role`, `rel`, `hreflang`, `aria-*` and `data-*` are scrubbed as text, not removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from lxml import etree
from lxml import html as lhtml

from ..base import Document, Edit, Limits, WriteReport
from . import payloads, text
from .composite import Parts, apply_edits

DROP = frozenset(
    "script style noscript object embed applet iframe frame frameset meta link base "
    "template".split()
)
BLOCKS = frozenset(
    "address article aside blockquote body caption dd div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 head header hr html li main nav ol p pre section table "
    "tbody td tfoot th thead title tr ul".split()
)
TEXT_ATTRS = frozenset("href title alt aria-label placeholder value label summary".split())
KEEP_ATTRS = frozenset(
    "style class width height align valign bgcolor color border cellpadding cellspacing "
    "colspan rowspan dir lang face size type start span nowrap scope hspace vspace clear "
    "noshade".split()
)
_REMOTE_URL = re.compile(r"url\(\s*(?![\"']?\s*cid:)[^)]*\)", re.I)
_IMPORT = re.compile(r"@import\b[^;]*;?", re.I)
_SCHEME = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//|\\\\)", re.I)  # not a relative reference
_DOCTYPE = re.compile(
    r"\A\ufeff?\s*(?:<!--.*?-->\s*)*+(<!DOCTYPE\s+html(?:\s+(?:PUBLIC|SYSTEM)"
    r'(?:\s+"[^"<>]{0,200}"){1,2})?\s*>)',
    re.I | re.S,
)
_ANY_DOCTYPE = re.compile(r"\A\ufeff?\s*(?:<!--.*?-->\s*)*+<!DOCTYPE", re.I | re.S)
#: in a page, read as text rather than removed: they carry meaning (a `<time datetime>`, a
#: table cell's `headers`, a label's `for`) and, like every word, may carry a name
PAGE_TEXT_ATTRS = frozenset("id name datetime cite abbr for headers role rel hreflang".split())
_PAGE_TEXT_PREFIXES = ("aria-", "data-")
_URI_SAFE = ":/?#[]@!$&'()*+,;=%~.-_"
_URLS = frozenset({"href", "src", "background"})


@dataclass
class _Piece:
    el: etree._Element | None  # None: a <br> read as a line break (not editable)
    attr: str  # "text" | "tail"
    text: str


@dataclass
class _Walk:
    """What one pass over the tree found, in document order."""

    blocks: list[list[_Piece]] = field(default_factory=list)
    attrs: list[tuple[etree._Element, str, str]] = field(default_factory=list)  # el, attr, text
    encoded: list[_Piece | tuple[etree._Element, str]] = field(default_factory=list)
    removed: dict[str, int] = field(default_factory=dict)
    styles: list[etree._Element] = field(default_factory=list)  # kept <style> (pages)

    def count(self, what: str) -> None:
        self.removed[what] = self.removed.get(what, 0) + 1


def _parse(source: str) -> etree._Element:
    parser = lhtml.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lhtml.document_fromstring(source or "<html></html>", parser=parser)
    except (etree.ParserError, ValueError):
        root = lhtml.document_fromstring("<html></html>", parser=parser)
    return root


def _walk(root: etree._Element, cids: Mapping[str, str], page: bool = False) -> _Walk:
    w = _Walk()
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if page and el.tag == "style":
            css = el.text or ""
            clean = _IMPORT.sub("", _REMOTE_URL.sub("none", css))
            if clean != css:
                w.count("style url() or @import")
            el.text = clean
            w.styles.append(el)
        elif el.tag in DROP:
            w.count(f"<{el.tag}> element")
            el.drop_tree()
    current: list[_Piece] = []

    def flush() -> None:
        nonlocal current
        if any(p.text.strip() for p in current):
            w.blocks.append(current)
        current = []

    def add(el: etree._Element, attr: str, value: str | None) -> None:
        if not value:
            return
        if payloads.has_candidates(value):
            flush()
            w.encoded.append(_Piece(el, attr, value))
        else:
            current.append(_Piece(el, attr, value))

    for event, el in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        if event == "start":
            _clean_attrs(el, cids, w, page)
            if el.tag in BLOCKS:
                flush()
            if el.tag == "br":
                current.append(_Piece(None, "text", "\n"))
            if el.tag != "style":  # a kept <style> is read by the text module
                add(el, "text", el.text)
        else:
            if el.tag in BLOCKS:
                flush()
            add(el, "tail", el.tail)
    flush()
    return w


def _clean_attrs(el: etree._Element, cids: Mapping[str, str], w: _Walk, page: bool) -> None:
    for name in list(el.attrib):
        value = el.attrib[name]
        low = name.lower()
        if low in ("src", "background"):
            if value.lower().startswith("cid:") and value[4:].strip("<> ") in cids:
                el.attrib[name] = "cid:" + cids[value[4:].strip("<> ")]
            elif value.lower().startswith("data:"):
                w.encoded.append((el, name))
            elif page and value.strip() and not _SCHEME.match(value):
                w.attrs.append((el, name, unquote(value)))  # a file next to the page
            else:
                del el.attrib[name]
                w.count("remote or unknown image source")
        elif low in TEXT_ATTRS or (
            page and (low in PAGE_TEXT_ATTRS or low.startswith(_PAGE_TEXT_PREFIXES))
        ):
            if low == "href" and value.strip().lower().startswith(("javascript:", "vbscript:")):
                del el.attrib[name]
                w.count("script link")
            elif value.lower().startswith("data:"):
                w.encoded.append((el, name))
            elif value.strip():
                w.attrs.append((el, name, unquote(value) if low == "href" else value))
        elif low == "style" and _REMOTE_URL.search(value):
            el.attrib[name] = _REMOTE_URL.sub("none", value)
            w.count("remote style image")
        elif low not in KEEP_ATTRS:
            del el.attrib[name]
            w.count("attribute")


class HtmlDocument(Document):
    kind = "html"

    def __init__(
        self, source: str, cids: Mapping[str, str], limits: Limits, *, page: bool = False
    ) -> None:
        super().__init__()
        self.source = source
        self.cids = dict(cids)
        self.page = page
        self.parts = Parts(self.segments, limits.max_segments)
        w = _walk(_parse(source), self.cids, page)
        self.removed = w.removed
        if page and "<!--" in source:  # the parser drops comments; count them for the report
            self.removed["comment"] = source.count("<!--")
        self._blocks = [
            self.parts.own(_joined(b), f"html block {n}", "body") for n, b in enumerate(w.blocks, 1)
        ]
        self._attrs = [
            self.parts.own(
                value, f"html {name} attribute", "hyperlink" if name == "href" else "attribute"
            )
            for _el, name, value in w.attrs
        ]
        self._encoded = []
        for n, item in enumerate(w.encoded, 1):
            value = item.text if isinstance(item, _Piece) else item[0].attrib[item[1]]
            child = text.open_document(value.encode("utf-8"), limits)
            self._encoded.append(self.parts.adopt(child, "", f"html encoded text {n}"))
        for n, el in enumerate(w.styles, 1):
            child = text.open_document((el.text or "").encode("utf-8"), limits)
            self.parts.adopt(child, "", f"html style {n}")

    def admits(self, index: int, start: int, end: int, source: str) -> bool:
        return self.parts.admits(index, start, end, source)

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        report = WriteReport()
        mine, theirs = self.parts.split(edits)
        root = _parse(self.source)
        w = _walk(root, self.cids, self.page)
        for seg, block in zip(self._blocks, w.blocks, strict=True):
            if seg in mine:
                _spread(block, mine[seg])
        for seg, (el, name, value) in zip(self._attrs, w.attrs, strict=True):
            if seg in mine:
                new = apply_edits(value, mine[seg])
                el.attrib[name] = quote(new, safe=_URI_SAFE) if name.lower() in _URLS else new
        outputs = self.parts.render_children(theirs, report)
        for item, data in zip(w.encoded, outputs[: len(w.encoded)], strict=True):
            _setter(item)(data.decode("utf-8"))
        for el, data in zip(w.styles, outputs[len(w.encoded) :], strict=True):
            el.text = data.decode("utf-8")
        if self.removed:
            what = ", ".join(f"{what} \u00d7{n}" for what, n in sorted(self.removed.items()))
            report.notes.append(f"HTML: removed {what}")
        if self.page:
            return _page(root, self.source), report
        out = lhtml.tostring(root, encoding="unicode", method="html")
        return out.encode("utf-8"), report


def _page(root: etree._Element, source: str) -> bytes:
    """A whole HTML file: the original DOCTYPE, a UTF-8 charset declaration, the tree."""
    head = root.find("head")
    if head is None:
        head = etree.Element("head")
        root.insert(0, head)
    meta = etree.Element("meta", charset="utf-8")
    meta.tail = head.text
    head.text = None
    head.insert(0, meta)
    m = _DOCTYPE.match(source)
    if m:
        doctype = m.group(1)  # verbatim
    elif _ANY_DOCTYPE.match(source):
        doctype = root.getroottree().docinfo.doctype  # as the parser read it
    else:
        doctype = ""  # none in the source: none added
    out = lhtml.tostring(root, encoding="unicode", method="html")
    return ((doctype + "\n" if doctype else "") + out).encode("utf-8")


_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([A-Za-z0-9._:-]{1,40})", re.I)


def decode_page(data: bytes) -> str:
    """An HTML file's text: a BOM or valid UTF-8 first, then the charset its <meta> declares,
    then Windows-1252."""
    source, encoding, _bom = text.decode(data)
    if encoding == "cp1252":
        m = _CHARSET.search(data[:4096])
        if m:
            try:
                return data.decode(m.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
    return source


def open_document(data: bytes, limits: Limits) -> HtmlDocument:
    """An .html/.htm file."""
    return HtmlDocument(decode_page(data), {}, limits, page=True)


def _joined(block: list[_Piece]) -> str:
    return "".join(p.text for p in block)


def _setter(item: _Piece | tuple[etree._Element, str]) -> Callable[[str], None]:
    if isinstance(item, _Piece):
        el, attr = item.el, item.attr
        return lambda value: setattr(el, attr, value)
    el, name = item
    return lambda value: el.attrib.__setitem__(name, value)


def _spread(block: list[_Piece], edits: Sequence[Edit]) -> None:
    """Write a block's edits into its text nodes: each replacement where its span starts."""
    starts = []
    pos = 0
    for piece in block:
        starts.append(pos)
        pos += len(piece.text)
    new = [p.text for p in block]
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):  # right to left
        placed = False
        for i in range(len(block)):
            p_start, p_end = starts[i], starts[i] + len(block[i].text)
            lo, hi = max(edit.start, p_start), min(edit.end, p_end)
            if lo > hi or (lo == hi and edit.start != edit.end):
                continue
            if block[i].el is None:
                continue  # a <br>: kept; the replacement goes into a text node
            rep = "" if placed else edit.replacement
            new[i] = new[i][: lo - p_start] + rep + new[i][hi - p_start :]
            placed = True
        if not placed:
            raise ValueError("an edit over line breaks only")
    for piece, value in zip(block, new, strict=True):
        if piece.el is not None:
            setattr(piece.el, piece.attr, value)
