"""Namespaces and the one hardened XML parser every OOXML part goes through.

Any DTD or entity declaration is refused before libxml2 sees the bytes (billion laughs, XXE):
OOXML never needs one. One parser per thread (lxml parsers are not thread-safe).
"""

from __future__ import annotations

import threading

from lxml import etree

from scrubbing.engine.base import CorruptFile

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    "cup": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "tc": "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments",
    "xm": "http://schemas.microsoft.com/office/excel/2006/main",
    "p188": "http://schemas.microsoft.com/office/powerpoint/2018/8/main",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
    "x14": "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
    "xml": "http://www.w3.org/XML/1998/namespace",
}

# Strict OOXML (ISO 29500 strict) uses other namespaces; our readers would see nothing and the
# file would pass unscrubbed, so it is refused instead.
STRICT_MARKER = "http://purl.oclc.org/ooxml/"


def q(prefix: str, local: str) -> str:
    """Clark notation tag: q("w", "t") -> "{http://...wordprocessingml...}t"."""
    return f"{{{NS[prefix]}}}{local}"


XML_SPACE = q("xml", "space")


_UNSAFE_MARKERS = tuple(
    marker.encode(enc)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for enc in ("utf-8", "utf-16-le", "utf-16-be")
)
UNSAFE_XML = "The file contains unsafe XML (a DOCTYPE or entity declaration) and was not processed."

_local = threading.local()


def _parser(recover: bool = False) -> etree.XMLParser:
    # One parser per thread: lxml parsers are not thread-safe.
    key = "recovering" if recover else "parser"
    parser = getattr(_local, key, None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
            load_dtd=False,
            dtd_validation=False,
            collect_ids=False,
            recover=recover,
        )
        setattr(_local, key, parser)
    return parser


def parse_xml(data: bytes, damaged_message: str, recover: bool = False) -> etree._Element:
    """Parse one XML part; any DTD/entity declaration is refused before libxml2 sees it."""
    # A DOCTYPE can only hold entities (billion laughs, XXE); OOXML never needs one.
    for marker in _UNSAFE_MARKERS:
        if marker in data:
            raise CorruptFile(UNSAFE_XML)
    try:
        root = etree.fromstring(data, _parser(recover))
    except etree.XMLSyntaxError as exc:
        # Under a worker's memory cap libxml2 reports an allocation failure as a syntax error;
        # saying "damaged" would send the contractor looking for a broken file.
        if any(e.type_name == "ERR_NO_MEMORY" for e in exc.error_log):
            raise MemoryError("XML part too large for the memory allowed") from None
        raise CorruptFile(damaged_message) from exc
    except ValueError as exc:
        raise CorruptFile(damaged_message) from exc
    if root is None:  # recovering parser, nothing recoverable
        raise CorruptFile(damaged_message)
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise CorruptFile(UNSAFE_XML)
    return root


def serialize_xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
