"""w:altChunk: a chunk of HTML, MHT, RTF or plain text that Word converts into body text when
the document opens. Our readers cannot edit HTML or RTF in place, so on open each chunk we can
read becomes plain paragraphs where it stood (read and scrubbed like any body text; its
formatting is lost) and its part goes; a chunk we cannot read (another .docx, an unknown
format, one outside the file) is removed. The report says which.
"""

from __future__ import annotations

import email
import email.policy
from collections import Counter
from typing import TYPE_CHECKING

from lxml import etree, html

from .oxml import XML_SPACE, q

if TYPE_CHECKING:
    from .document import OoxmlDocument

W = q("w", "")
_BLOCKS = frozenset(
    "p div br li tr h1 h2 h3 h4 h5 h6 table ul ol dl dt dd pre blockquote title section".split()
)
_HTML = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)


def html_lines(data: bytes) -> list[str]:
    """The visible lines of an HTML document (scripts and styles dropped)."""
    root = html.fromstring(data, parser=_HTML) if data.strip() else None
    if root is None:
        return []
    for el in list(root.iter("script", "style", "noscript", "template")):
        el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    return _lines(root.text_content())


def chunk_lines(content_type: str, data: bytes) -> tuple[str, list[str] | None]:
    """(what the chunk is, its lines), or lines None when we cannot read it."""
    ct = content_type.lower()
    if ct in ("text/html", "application/xhtml+xml"):
        return "HTML", html_lines(data)
    if ct == "text/plain":
        return "text", _lines(data.decode("utf-8", "replace"))
    if ct in ("application/rtf", "text/rtf"):
        from striprtf.striprtf import rtf_to_text  # noqa: PLC0415 - rare

        return "RTF", _lines(rtf_to_text(data.decode("latin-1"), errors="ignore"))
    if ct in ("message/rfc822", "multipart/related"):
        message = email.message_from_bytes(data, policy=email.policy.default)
        body = message.get_body(preferencelist=("html", "plain"))
        if body is None:
            return "MHT", None
        payload = body.get_payload(decode=True) or b""
        if body.get_content_type() == "text/html":
            return "MHT", html_lines(payload)
        return "MHT", _lines(payload.decode(body.get_content_charset() or "utf-8", "replace"))
    return content_type or "unknown", None


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def convert_alt_chunks(doc: OoxmlDocument, stories: list[str]) -> None:
    pkg = doc.pkg
    read: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    for part in stories:
        root = pkg.tree(part)
        chunks = list(root.iter(W + "altChunk"))
        if not chunks:
            continue
        targets = pkg.rel_targets(part)
        for chunk in chunks:
            target = targets.get(chunk.get(q("r", "id")) or "")
            what, lines = "external", None
            if target is not None:
                what, lines = chunk_lines(pkg.content_type(target), pkg.parts[target])
            parent = chunk.getparent()
            index = parent.index(chunk)
            parent.remove(chunk)
            if lines is None:
                dropped[what] += 1
            else:
                read[what] += 1
                for offset, line in enumerate(lines):
                    parent.insert(index + offset, _paragraph(line))
            if target is not None:
                pkg.remove_part(target)
        pkg.mark(part)
    for what, n in sorted(read.items()):
        doc.notes.append(f"{n} {what} chunk(s) (altChunk) turned into paragraphs and scrubbed")
    for what, n in sorted(dropped.items()):
        doc.notes.append(f"{n} {what} chunk(s) (altChunk) we cannot read removed")


def _paragraph(text: str) -> etree._Element:
    p = etree.Element(W + "p")
    t = etree.SubElement(etree.SubElement(p, W + "r"), W + "t")
    t.text = text
    t.set(XML_SPACE, "preserve")
    return p
