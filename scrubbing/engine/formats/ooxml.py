"""Shared Office Open XML (OOXML) package handling for .docx, .xlsx and .pptx.

Why XML-level rather than python-docx/openpyxl/python-pptx: those libraries expose only part of
a package (openpyxl even drops parts on save), while personal data hides everywhere: comments,
text boxes, relationship targets, chart caches, properties. So we open the zip ourselves, parse
every XML part through one hardened parser, point "targets" at the exact text nodes/attributes a
segment came from, and on render re-serialise only the parts we changed; every other part is
copied byte-for-byte.

Pieces here are format-neutral: the zip with its limits, content types, relationships, part
removal, text targets (how an edit on a segment lands in XML), DrawingML text (shared by slides,
charts, SmartArt, spreadsheet drawings), and the Document Inspector style metadata strip.
"""

from __future__ import annotations

import io
import posixpath
import re
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote

from lxml import etree

from scrubbing.engine.base import (
    CorruptFile,
    Document,
    Edit,
    EncryptedFile,
    LimitExceeded,
    Limits,
    ScrubError,
    Segment,
    UnsupportedFile,
    WriteReport,
)

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
R_ID = q("r", "id")
_ONE_MIB = 1024 * 1024


# ----------------------------------------------------------------------------- hardened XML

_UNSAFE_MARKERS = tuple(
    marker.encode(enc)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for enc in ("utf-8", "utf-16-le", "utf-16-be")
)
UNSAFE_XML = "The file contains unsafe XML (a DOCTYPE or entity declaration) and was not processed."

_local = threading.local()


def _parser() -> etree.XMLParser:
    # One parser per thread: lxml parsers are not thread-safe.
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
            load_dtd=False,
            dtd_validation=False,
            collect_ids=False,
        )
        _local.parser = parser
    return parser


def parse_xml(data: bytes, damaged_message: str) -> etree._Element:
    """Parse one XML part; any DTD/entity declaration is refused before libxml2 sees it."""
    # A DOCTYPE can only hold entities (billion laughs, XXE); OOXML never needs one.
    for marker in _UNSAFE_MARKERS:
        if marker in data:
            raise CorruptFile(UNSAFE_XML)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        # Under a worker's memory cap libxml2 reports an allocation failure as a syntax error;
        # saying "damaged" would send the contractor looking for a broken file.
        if any(e.type_name == "ERR_NO_MEMORY" for e in exc.error_log):
            raise MemoryError("XML part too large for the memory allowed") from None
        raise CorruptFile(damaged_message) from exc
    except ValueError as exc:
        raise CorruptFile(damaged_message) from exc
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise CorruptFile(UNSAFE_XML)
    return root


def serialize_xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ----------------------------------------------------------------------------- package


@dataclass
class Rel:
    id: str
    type: str  # the last path step of the relationship type URI: "header", "hyperlink", ...
    target: str  # raw Target attribute
    external: bool
    element: etree._Element
    rels_part: str


def rels_part_name(part: str) -> str:
    """The relationships part of `part` ("" is the package itself)."""
    directory, base = posixpath.split(part)
    return posixpath.join(directory, "_rels", base + ".rels")


class Package:
    """An OOXML zip held in memory: parts by name, parsed lazily, re-zipped on demand."""

    def __init__(self, data: bytes, limits: Limits, label: str) -> None:
        self.label = label
        self.damaged = f"The file could not be read as {label}: the file is damaged or truncated."
        self.limits = limits
        if len(data) > limits.max_file_bytes:
            raise LimitExceeded(
                f"The file is too large ({len(data) // _ONE_MIB} MB; "
                f"the limit is {limits.max_file_bytes // _ONE_MIB} MB)."
            )
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
            infos = zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise CorruptFile(self.damaged) from exc
        self._check_limits(infos, len(data))
        self.order: list[str] = []
        self.parts: dict[str, bytes] = {}
        for info in infos:
            if info.is_dir():
                continue
            try:
                with zf.open(info) as member:
                    # ZipExtFile never returns more than the header's size, so memory is bounded
                    # by the expanded-size check above.
                    blob = member.read(info.file_size + 1)
            except (
                zipfile.BadZipFile,
                zlib.error,
                EOFError,
                OSError,
                NotImplementedError,
                RuntimeError,
                ValueError,
            ) as exc:
                raise CorruptFile(self.damaged) from exc
            if len(blob) != info.file_size:
                raise CorruptFile(self.damaged)
            self.order.append(info.filename)
            self.parts[info.filename] = blob
        self._lower = {name.lower(): name for name in self.order}
        self.trees: dict[str, etree._Element] = {}
        self.dirty: set[str] = set()
        self.removed: set[str] = set()
        if "[Content_Types].xml" not in self.parts:
            raise CorruptFile(self.damaged)
        self._load_content_types()

    def _check_limits(self, infos: list[zipfile.ZipInfo], packed: int) -> None:
        limits = self.limits
        if len(infos) > limits.max_members:
            raise LimitExceeded(
                f"The file has too many internal parts ({len(infos)}; "
                f"the limit is {limits.max_members})."
            )
        total = 0
        seen: set[str] = set()
        for info in infos:
            if info.flag_bits & 0x1:
                raise EncryptedFile(
                    "The file is password-protected; remove the password and upload it again."
                )
            key = info.filename.lower()
            if key in seen:  # two parts with one name: readers could disagree on which is real
                raise CorruptFile(self.damaged)
            seen.add(key)
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > _ONE_MIB and ratio > limits.max_compression_ratio:
                raise LimitExceeded(
                    "The file expands to far more data than its size suggests "
                    "(a possible zip bomb) and was not processed."
                )
        if total > limits.max_expanded_bytes:
            raise LimitExceeded(
                f"The file expands to {total // _ONE_MIB} MB of data; "
                f"the limit is {limits.max_expanded_bytes // _ONE_MIB} MB."
            )
        if total > _ONE_MIB and total / max(packed, 1) > limits.max_compression_ratio:
            raise LimitExceeded(
                "The file expands to far more data than its size suggests "
                "(a possible zip bomb) and was not processed."
            )

    # -- names and types

    def find(self, name: str) -> str | None:
        """Exact part name, tolerating case differences (OPC names are case-insensitive)."""
        if name in self.parts and name not in self.removed:
            return name
        real = self._lower.get(name.lower())
        if real is not None and real not in self.removed:
            return real
        return None

    def names(self) -> list[str]:
        return [name for name in self.order if name not in self.removed]

    def _load_content_types(self) -> None:
        root = self.xml("[Content_Types].xml")
        self.ct_defaults: dict[str, str] = {}
        self.ct_overrides: dict[str, str] = {}
        for el in root:
            if el.tag == q("ct", "Default"):
                self.ct_defaults[(el.get("Extension") or "").lower()] = el.get("ContentType", "")
            elif el.tag == q("ct", "Override"):
                name = (el.get("PartName") or "").lstrip("/").lower()
                self.ct_overrides[name] = el.get("ContentType", "")

    def content_type(self, name: str) -> str:
        ct = self.ct_overrides.get(name.lower())
        if ct is not None:
            return ct
        return self.ct_defaults.get(posixpath.splitext(name)[1].lstrip(".").lower(), "")

    def parts_of_type(self, *suffixes: str) -> list[str]:
        """Parts whose content type ends with one of `suffixes` ("header+xml"), package order."""
        return [n for n in self.names() if self.content_type(n).endswith(suffixes)]

    # -- XML

    def xml(self, name: str) -> etree._Element:
        root = self.trees.get(name)
        if root is None:
            root = parse_xml(self.parts[name], self.damaged)
            self.trees[name] = root
        return root

    def mark(self, name: str) -> None:
        if name in self.trees:
            self.dirty.add(name)

    # -- relationships

    def rels(self, source: str) -> list[Rel]:
        name = self.find(rels_part_name(source))
        if name is None:
            return []
        out = []
        for el in self.xml(name):
            if el.tag != q("pr", "Relationship"):
                continue
            out.append(
                Rel(
                    id=el.get("Id", ""),
                    type=(el.get("Type") or "").rsplit("/", 1)[-1],
                    target=el.get("Target") or "",
                    external=el.get("TargetMode") == "External",
                    element=el,
                    rels_part=name,
                )
            )
        return out

    def resolve(self, source: str, target: str) -> str:
        if target.startswith("/"):
            return posixpath.normpath(unquote(target[1:]))
        base = posixpath.dirname(source)
        return posixpath.normpath(posixpath.join(base, unquote(target)))

    def related(self, source: str, rel_type: str) -> list[tuple[Rel, str]]:
        """(relationship, existing target part) pairs of one type from `source`."""
        out = []
        for rel in self.rels(source):
            if rel.type != rel_type or rel.external:
                continue
            target = self.find(self.resolve(source, rel.target))
            if target is not None:
                out.append((rel, target))
        return out

    def rel_targets(self, source: str) -> dict[str, str]:
        """rId -> target part for the internal relationships of `source`."""
        out = {}
        for rel in self.rels(source):
            if not rel.external:
                target = self.find(self.resolve(source, rel.target))
                if target is not None:
                    out[rel.id] = target
        return out

    def rels_parts(self) -> list[str]:
        return [n for n in self.names() if n.endswith(".rels")]

    def remove_part(self, name: str) -> None:
        """Drop a part with its relationships, its content type and every reference to it."""
        name = self.find(name) or name
        if name not in self.parts or name in self.removed:
            return
        self.removed.add(name)
        own_rels = self.find(rels_part_name(name))
        if own_rels:
            self.removed.add(own_rels)
        ct_root = self.xml("[Content_Types].xml")
        for el in list(ct_root):
            if (el.get("PartName") or "").lstrip("/").lower() == name.lower():
                ct_root.remove(el)
                self.mark("[Content_Types].xml")
        for rels_name in self.rels_parts():
            source = _source_of_rels(rels_name)
            dropped = []
            for rel in self.rels(source):
                if rel.external:
                    continue
                if self.resolve(source, rel.target).lower() == name.lower():
                    rel.element.getparent().remove(rel.element)
                    self.mark(rels_name)
                    dropped.append(rel.id)
            if dropped and source and self.find(source) and _is_xml_name(source):
                # e.g. <pageSetup r:id="rId1"/> pointing at removed printer settings
                root = self.xml(source)
                for el in root.iter():
                    for attr, value in list(el.attrib.items()):
                        if attr.startswith("{" + NS["r"] + "}") and value in dropped:
                            del el.attrib[attr]
                            self.mark(source)

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in self.names():
                blob = serialize_xml(self.trees[name]) if name in self.dirty else self.parts[name]
                # Fixed timestamp and no extra fields: zip headers leak nothing about the author.
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o600 << 16
                zf.writestr(info, blob)
        return out.getvalue()


def _source_of_rels(rels_name: str) -> str:
    directory, base = posixpath.split(rels_name)
    parent = posixpath.dirname(directory)
    return posixpath.join(parent, base[: -len(".rels")]) if base != ".rels" else ""


def _is_xml_name(name: str) -> bool:
    return name.endswith((".xml", ".rels", ".vml"))


# ----------------------------------------------------------------------------- edits & targets


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    out = []
    pos = 0
    for edit in sorted(edits, key=lambda e: e.start):
        out.append(text[pos : edit.start])
        out.append(edit.replacement)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


def check_edits(text: str, edits: Sequence[Edit]) -> list[Edit]:
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    prev_end = 0
    for edit in ordered:
        if not (0 <= edit.start <= edit.end <= len(text)) or edit.start < prev_end:
            raise ValueError(f"bad edit span {edit.start}:{edit.end} for a {len(text)}-char text")
        prev_end = edit.end
    return ordered


class Target:
    """Where a segment's text lives in XML; `apply` writes edits there."""

    part: str
    text: str

    def apply(self, edits: Sequence[Edit]) -> None:
        self.set(apply_edits(self.text, edits))

    def set(self, value: str) -> None:
        raise NotImplementedError


class AttrTarget(Target):
    def __init__(self, part: str, element: etree._Element, attr: str) -> None:
        self.part, self.element, self.attr = part, element, attr
        self.text = element.get(attr) or ""

    def set(self, value: str) -> None:
        self.element.set(self.attr, value)


class ElementTextTarget(Target):
    def __init__(self, part: str, element: etree._Element, preserve_space: bool = False) -> None:
        self.part, self.element, self.preserve = part, element, preserve_space
        self.text = element.text or ""

    def set(self, value: str) -> None:
        self.element.text = value
        if self.preserve and value != value.strip():
            self.element.set(XML_SPACE, "preserve")


class CallbackTarget(Target):
    def __init__(self, part: str, text: str, setter: Callable[[str], None]) -> None:
        self.part, self.text, self._setter = part, text, setter

    def set(self, value: str) -> None:
        self._setter(value)


class UriTarget(Target):
    """A relationship Target URI, shown percent-decoded so detection sees 'Project Falcon'."""

    def __init__(self, part: str, element: etree._Element) -> None:
        self.part, self.element = part, element
        self.raw = element.get("Target") or ""
        self.text = unquote(self.raw)

    def set(self, value: str) -> None:
        # Re-encode only what cannot stand in a URI; reserved characters stay as they are.
        self.element.set("Target", quote(value, safe=":/?#[]@!$&'()*+,;=%~.-_\\"))


class Piece:
    __slots__ = ("el", "text", "editable", "removed")

    def __init__(self, el: etree._Element, text: str, editable: bool) -> None:
        self.el, self.text, self.editable, self.removed = el, text, editable, False


class PiecesTarget(Target):
    """Text spread over several nodes (Word runs, DrawingML runs, rich-text cell runs).

    An edit's replacement goes into the node where the span starts (so it takes that run's
    formatting) and the rest of the span is trimmed from the following nodes; untouched nodes
    keep their text and formatting. Tabs/breaks are non-editable one-character pieces: if an
    edit covers them they are removed.
    """

    def __init__(self, part: str, pieces: list[Piece], preserve_space: bool = False) -> None:
        self.part, self.pieces, self.preserve = part, pieces, preserve_space
        self.starts = []
        pos = 0
        for piece in pieces:
            self.starts.append(pos)
            pos += len(piece.text)
        self.text = "".join(p.text for p in pieces)

    def apply(self, edits: Sequence[Edit]) -> None:
        # Right to left: an edit only changes piece text at or after its own start, so the
        # original offsets of everything to its left stay valid.
        for edit in sorted(edits, key=lambda e: e.start, reverse=True):
            self._apply_one(edit.start, edit.end, edit.replacement)
        self._flush()

    def _apply_one(self, start: int, end: int, replacement: str) -> None:
        placed = not replacement
        pieces, starts = self.pieces, self.starts
        for i, piece in enumerate(pieces):
            p_start = starts[i]
            p_end = starts[i + 1] if i + 1 < len(pieces) else len(self.text)
            if p_end < start or p_start > end:
                continue
            if start == end:  # pure insertion
                if piece.editable and p_start <= start <= p_end and not placed:
                    local = start - p_start
                    piece.text = piece.text[:local] + replacement + piece.text[local:]
                    placed = True
                continue
            if p_end == start or p_start == end:  # touching, not overlapping
                continue
            lo, hi = max(start, p_start) - p_start, min(end, p_end) - p_start
            if piece.editable:
                insert = replacement if not placed else ""
                piece.text = piece.text[:lo] + insert + piece.text[hi:]
                placed = True
            elif lo == 0 and hi == len(piece.text):
                piece.removed = True
        if not placed:
            # The span held only tabs/breaks; put the replacement after the nearest text before.
            for i in range(len(pieces) - 1, -1, -1):
                if pieces[i].editable and self.starts[i] < start:
                    pieces[i].text += replacement
                    break

    def _flush(self) -> None:
        for piece in self.pieces:
            if piece.editable:
                piece.el.text = piece.text
                if self.preserve and piece.text != piece.text.strip():
                    piece.el.set(XML_SPACE, "preserve")
            elif piece.removed:
                parent = piece.el.getparent()
                if parent is not None:
                    parent.remove(piece.el)


# ----------------------------------------------------------------------------- document


class AuthorMap:
    """Maps real author names to neutral "Author 1", "Author 2"... consistently per file."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}

    def __call__(self, name: str | None) -> str:
        key = (name or "").strip().lower()
        if key not in self._names:
            self._names[key] = f"Author {len(self._names) + 1}"
        return self._names[key]

    def __len__(self) -> int:
        return len(self._names)


class OoxmlDocument(Document):
    """Base for the three OOXML formats: segments + targets + render pipeline."""

    label = "an Office document"

    def __init__(self, data: bytes, limits: Limits, depth: int = 0) -> None:
        super().__init__([])
        self._data, self.limits, self.depth = data, limits, depth
        self.child_reports: list[tuple[str, WriteReport]] = []
        self.pkg = Package(data, limits, self.label)
        self.targets: list[Target] = []
        self.flushers: list[Callable[[], None]] = []
        self.hidden_content: list[str] = []
        self.notes: list[str] = []
        self.residual: list[str] = []  # WriteReport.residual: what could not be scrubbed
        self.authors = AuthorMap()
        self.part_labels: dict[str, str] = {}  # part name -> "slide 3 chart", for locators
        self._rendered = False

    # -- building

    def add(self, text: str, locator: str, kind: str, target: Target) -> None:
        if not text or not text.strip():
            return
        if len(self.segments) >= self.limits.max_segments:
            raise LimitExceeded(
                f"The file holds more than {self.limits.max_segments} pieces of text; "
                "split it into smaller files."
            )
        self.segments.append(Segment(len(self.segments), text, locator, kind))
        self.targets.append(target)

    def load(self) -> None:
        """Fill segments. Subclasses call the shared readers then their own."""
        raise NotImplementedError

    def check_not_strict(self, main_part: str) -> None:
        root = self.pkg.xml(main_part)
        if root.tag.startswith("{" + STRICT_MARKER):
            raise UnsupportedFile(
                "Strict Open XML files are not supported; save the file in the normal "
                "(Transitional) format and upload it again."
            )

    def main_part(self, *suffixes: str) -> str:
        for rel in self.pkg.rels(""):
            if rel.type == "officeDocument" and not rel.external:
                name = self.pkg.find(self.pkg.resolve("", rel.target))
                if name is not None and self.pkg.content_type(name).endswith(suffixes):
                    return name
        found = self.pkg.parts_of_type(*suffixes)
        if not found:
            raise CorruptFile(self.pkg.damaged)
        return found[0]

    # -- rendering

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        doc = self
        if self._rendered:  # targets were consumed by an earlier render: start from the bytes
            doc = type(self)(self._data, self.limits, self.depth)
            doc.load()
        self._rendered = True
        return doc._render(edits)

    def _render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        report = WriteReport()
        for index, seg_edits in edits.items():
            if not seg_edits:
                continue
            target = self.targets[index]
            ordered = check_edits(self.segments[index].text, seg_edits)
            target.apply(ordered)
            self.pkg.mark(target.part)
        for flush in self.flushers:
            flush()
        self.finish(report)
        strip_package_metadata(self.pkg, report)
        report.hidden_content.extend(self.hidden_content)
        report.notes.extend(self.notes)
        report.residual.extend(self.residual)
        for base, child in self.child_reports:
            report.metadata_removed += [f"{m} (embedded {base})" for m in child.metadata_removed]
            report.hidden_content += [f"{m} (embedded {base})" for m in child.hidden_content]
            report.notes += child.notes
            report.residual += child.residual
        for name in ("metadata_removed", "hidden_content", "notes", "residual"):
            setattr(report, name, list(dict.fromkeys(getattr(report, name))))
        return self.pkg.to_bytes(), report

    def finish(self, report: WriteReport) -> None:
        """Format-specific metadata strip, run after edits."""


# ----------------------------------------------------------------------------- shared readers

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


# Names Office gives shapes, layouts and themes by itself ("Title 1", "Content Placeholder 2",
# "Title and Content", "Office Theme"): they hold nothing personal, and the model mistakes them for
# organisations, so they are not offered for detection.
_DEFAULT_NAME_WORDS = frozenset(
    "title subtitle content text textbox text box placeholder picture image graphic chart table "
    "diagram rectangle rounded oval ellipse line straight connector arrow freeform group shape "
    "slide number date footer header notes body object media video audio smartart vertical two "
    "comparison only blank section caption with and of the office theme master layout "
    "clip art online custom design ink google p".split()
)
_DEFAULT_NAME = re.compile(r"^[A-Za-z ;]+?(?:[ ;]\d+)*;?[a-z]?\d*$")


def is_default_name(value: str) -> bool:
    """True for a name Office generated, like "Content Placeholder 2" or "Title and Content"."""
    words = re.findall(r"[A-Za-z]+", value)
    return (
        bool(words)
        and bool(_DEFAULT_NAME.match(value.strip()))
        and all(w.lower() in _DEFAULT_NAME_WORDS for w in words)
    )


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


_HYPERLINK_TYPES = {"hyperlink": "hyperlink target"}


def external_targets(doc: OoxmlDocument) -> None:
    """Every external relationship target (hyperlinks, mailto:, linked files, templates)."""
    pkg = doc.pkg
    for rels_name in pkg.rels_parts():
        source = _source_of_rels(rels_name)
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


# Document properties: read as segments (detection learns the names in them for the rest of
# the document) and, like the personal ones below, blanked at render whatever the edits.
_CORE_EDITABLE = {
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
_CORE_PERSONAL = {q("dc", "creator"): "author", q("cp", "lastModifiedBy"): "last modified by"}
_APP_PERSONAL = {q("ep", "Company"): "company", q("ep", "Manager"): "manager"}


def core_metadata(doc: OoxmlDocument) -> None:
    pkg = doc.pkg
    for part in pkg.parts_of_type("package.core-properties+xml"):
        for el in pkg.xml(part):
            name = _CORE_EDITABLE.get(el.tag) or _CORE_PERSONAL.get(el.tag)
            if name and el.text and el.text.strip():
                doc.add(el.text, f"metadata: {name}", "metadata", ElementTextTarget(part, el))
    for part in pkg.parts_of_type("extended-properties+xml"):
        for el in pkg.xml(part):
            name = _APP_PERSONAL.get(el.tag)
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


class ChildTarget(Target):
    """A segment of an embedded Office file (e.g. a chart's data workbook)."""

    def __init__(self, part: str, text: str, index: int, store: dict[int, Sequence[Edit]]) -> None:
        self.part, self.text, self.index, self.store = part, text, index, store

    def apply(self, edits: Sequence[Edit]) -> None:
        self.store[self.index] = list(edits)


_EMBEDDED_KINDS = {
    ".docx": "docx",
    ".docm": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".pptx": "pptx",
}


def embedded_objects(doc: OoxmlDocument) -> None:
    """Embedded Office files (chart data workbooks, pasted documents) are scrubbed recursively;
    anything else embedded (OLE binaries, .msg, .pdf, packages) cannot be scrubbed and is
    removed with its relationships, content type and non-OCR-able preview picture."""
    unscrubbable: list[str] = []
    for name in doc.pkg.names():
        if "/embeddings/" not in name.lower():
            continue
        kind = _EMBEDDED_KINDS.get(posixpath.splitext(name)[1].lower())
        blob = doc.pkg.parts[name]
        if kind and blob[:2] == b"PK" and doc.depth < doc.limits.max_nesting:
            from scrubbing.engine.formats import docx, pptx, xlsx  # noqa: PLC0415 (cycle)

            cls = {"docx": docx.DocxDocument, "xlsx": xlsx.XlsxDocument, "pptx": pptx.PptxDocument}
            try:
                child = cls[kind](blob, doc.limits, depth=doc.depth + 1)
                child.load()
            except CorruptFile:
                pass
            else:
                _adopt(doc, name, child)
                continue
        if _image_kind(blob):
            continue  # a picture stored under embeddings/: media_images reads it
        unscrubbable.append(name)
    if unscrubbable:
        previews = _ole_previews(doc, unscrubbable)
        for name in unscrubbable:
            doc.pkg.remove_part(name)
        for name in previews:
            doc.pkg.remove_part(name)
        n = len(unscrubbable)
        doc.notes.append(
            f"removed {n} embedded object{'s' if n != 1 else ''} that could not be scrubbed"
            + (f" (and {len(previews)} preview picture(s) showing them)" if previews else "")
        )
        doc.hidden_content += [
            f"embedded object '{posixpath.basename(n)}' (removed)" for n in unscrubbable
        ]


_OLE_CONTAINERS = {"object", "graphicFrame", "oleObject", "oleObj"}


def _ole_previews(doc: OoxmlDocument, objects: list[str]) -> list[str]:
    """Preview pictures drawn in place of the given embedded objects that we cannot OCR
    (EMF/WMF...): they show the object's content, so they go with the object. PNG/JPEG
    previews stay and are OCR'd like any picture."""
    pkg = doc.pkg
    wanted = {n.lower() for n in objects}
    out: list[str] = []
    for rels_name in pkg.rels_parts():
        source = _source_of_rels(rels_name)
        if not source or not _is_xml_name(source) or pkg.find(source) is None:
            continue
        targets = pkg.rel_targets(source)
        ole_ids = {rid for rid, t in targets.items() if t.lower() in wanted}
        if not ole_ids:
            continue
        root = pkg.xml(source)
        for el in root.iter():
            if not any(
                a.startswith("{" + NS["r"] + "}") and v in ole_ids for a, v in el.attrib.items()
            ):
                continue
            box = el
            while box is not None and etree.QName(box).localname not in _OLE_CONTAINERS:
                box = box.getparent()
            container = box if box is not None else el
            # pptx: the oleObj sits in a graphicFrame; take the outermost known container
            while (
                container.getparent() is not None
                and isinstance(container.getparent().tag, str)
                and etree.QName(container.getparent()).localname in _OLE_CONTAINERS
            ):
                container = container.getparent()
            for sub in container.iter():
                if not isinstance(sub.tag, str):
                    continue
                for a, v in sub.attrib.items():
                    target = targets.get(v) if a.startswith("{" + NS["r"] + "}") else None
                    if (
                        target
                        and target.lower() not in wanted
                        and not _image_kind(pkg.parts[target])
                        and target not in out
                        and "/embeddings/" not in target.lower()
                    ):
                        out.append(target)
    return out


def _adopt(doc: OoxmlDocument, name: str, child: OoxmlDocument) -> None:
    store: dict[int, Sequence[Edit]] = {}
    label = doc.part_labels.get(name, "embedded file " + posixpath.basename(name))
    for seg in child.segments:
        doc.add(
            seg.text,
            f"{label}: {seg.locator}",
            seg.kind,
            ChildTarget(name, seg.text, seg.index, store),
        )

    def flush() -> None:
        # Always re-rendered, so the embedded file loses its own metadata too.
        data, report = child.render(store)
        doc.pkg.parts[name] = data
        doc.child_reports.append((posixpath.basename(name), report))

    doc.flushers.append(flush)


_OTHER_PICTURES = {"emf", "wmf", "emz", "wmz", "gif", "tif", "tiff", "bmp", "svg", "wdp", "jxr"}
OCR_MIN_SIDE = 64  # pictures smaller than this either way (icons, bullets) are not OCR'd


def _image_kind(blob: bytes) -> str | None:
    if blob.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if blob.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    return None


def media_images(doc: OoxmlDocument) -> None:
    """Pictures (PNG/JPEG anywhere in the package, e.g. word/media/image1.png).

    Always: EXIF/XMP/text chunks/ICC are removed (losslessly when nothing is boxed). Pictures at
    least OCR_MIN_SIDE pixels both ways are OCR'd like standalone images, up to
    Limits.max_ocr_images per file (past it the file is residual); their lines are segments
    ("image media/image1.png, line 2", kind "ocr") and edited words are boxed in a re-encoded
    picture of the same format and pixel size.
    """
    from PIL import Image  # noqa: PLC0415 - only when there are pictures

    from scrubbing.engine.formats.image import (  # noqa: PLC0415
        ImageDocument,
        strip_jpeg_metadata,
        strip_png_metadata,
    )

    ocr_done = 0
    other: list[str] = []
    skipped: list[str] = []
    unreadable: list[str] = []
    stats = {"images": 0, "boxed": 0}
    for name in doc.pkg.names():
        blob = doc.pkg.parts[name]
        kind = _image_kind(blob)
        if name.lower().startswith("docprops/thumbnail"):
            continue
        if kind is None:
            ext = posixpath.splitext(name)[1].lstrip(".").lower()
            if ext in _OTHER_PICTURES or doc.pkg.content_type(name).startswith("image/"):
                other.append(name.split("/", 1)[1] if "/" in name else name)
            continue
        short = name.split("/", 1)[1] if "/" in name else name  # "media/image1.png"
        try:
            with Image.open(io.BytesIO(blob)) as probe:
                w, h = probe.size
        except Exception:  # noqa: BLE001 - any decoder error: we cannot look inside it
            unreadable.append(short)
            continue
        want_ocr = min(w, h) >= OCR_MIN_SIDE
        if want_ocr and ocr_done >= doc.limits.max_ocr_images:
            skipped.append(short)
            want_ocr = False
        try:
            child = ImageDocument(
                blob, doc.limits, where=f"image {short}, ", transpose=False, ocr=want_ocr
            )
        except ScrubError:
            unreadable.append(short)
            continue
        if want_ocr:
            ocr_done += 1
        store: dict[int, Sequence[Edit]] = {}
        for seg in child.segments:
            doc.add(seg.text, seg.locator, seg.kind, ChildTarget(name, seg.text, seg.index, store))

        def flush(name=name, child=child, store=store, kind=kind, blob=blob) -> None:
            boxed = any(child.segments[i].kind == "ocr" and e for i, e in store.items())
            lossless = None
            if not boxed:
                lossless = strip_png_metadata(blob) if kind == "png" else strip_jpeg_metadata(blob)
            if kind == "jpeg" and lossless == blob and child.metadata:
                lossless = None  # did not parse: re-encode rather than keep the metadata
            if lossless is not None:
                data = lossless
                child_report = WriteReport(metadata_removed=list(child.metadata))
            else:
                data, child_report = child.render(store)
                child_report.notes = []
                stats["boxed"] += 1
            doc.pkg.parts[name] = data
            doc.child_reports.append((posixpath.basename(name), child_report))

        doc.flushers.append(flush)
    if ocr_done:
        doc.notes.append(
            f"{ocr_done} picture(s) read with OCR; text the OCR misses is not scrubbed"
        )

        def boxed_note() -> None:
            if stats["boxed"]:
                doc.notes.append(f"words covered with black boxes in {stats['boxed']} picture(s)")

        doc.flushers.append(boxed_note)
    if skipped:
        doc.residual.append(
            f"This file has more than {doc.limits.max_ocr_images} pictures; the text in "
            f"{len(skipped)} of them (from {skipped[0]}) was not read or scrubbed."
        )
    if other:
        doc.residual.append(
            f"{len(other)} picture(s) ({', '.join(other[:3])}) are in a format whose text we "
            "cannot read (only PNG and JPEG pictures are checked); they were left as they are."
        )
    if unreadable:
        doc.residual.append(
            f"{len(unreadable)} picture(s) ({', '.join(unreadable[:3])}) could not be decoded, "
            "so any text in them was not scrubbed."
        )


def read_shared(doc: OoxmlDocument) -> None:
    core_metadata(doc)
    external_targets(doc)
    custom_xml_items(doc)
    chart_parts(doc, lambda part: doc.part_labels.get(part, "chart " + posixpath.basename(part)))
    diagram_parts(doc)
    embedded_objects(doc)
    media_images(doc)


# ----------------------------------------------------------------------------- metadata strip

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
        root = pkg.xml(part)
        for el in list(root):
            # Document Inspector's "Document Properties": every free-text property goes,
            # title included (fail closed: a name detection missed cannot hide there).
            name = _CORE_PERSONAL.get(el.tag) or _CORE_EDITABLE.get(el.tag)
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
        root = pkg.xml(part)
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
        count = len(pkg.xml(part))
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


def neutral_author_attrs(
    pkg: Package,
    part: str,
    elements: Iterable[etree._Element],
    attrs: Iterable[str],
    authors: AuthorMap,
) -> int:
    """Replace author-like attributes with neutral names; returns how many were changed."""
    count = 0
    attrs = tuple(attrs)
    for el in elements:
        for attr in attrs:
            value = el.get(attr)
            if value is not None:
                el.set(attr, authors(value))
                count += 1
    if count:
        pkg.mark(part)
    return count


def open_checked(cls: type[OoxmlDocument], data: bytes, limits: Limits) -> OoxmlDocument:
    doc = cls(data, limits)
    doc.load()
    return doc
