"""The package layer (OPC): the zip with its limits, content types, relationships, part removal.

An OOXML zip is held in memory: parts by name, parsed lazily through the hardened parser, and
re-zipped on demand; only parts that changed are re-serialised, every other part is copied
byte for byte, with fixed timestamps and no extra fields.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote

from lxml import etree

from scrubbing.engine.base import CorruptFile, EncryptedFile, LimitExceeded, Limits

from .oxml import NS, parse_xml, q, serialize_xml

_ONE_MIB = 1024 * 1024


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
        #: parts a reader parsed for text (`xml`), and parts whose bytes a writer replaced
        #: (`replace`): the closed world keeps a part of a read kind only if it is in one
        self.read: set[str] = set()
        self.rewritten: set[str] = set()
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
        root = self.tree("[Content_Types].xml")
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
        """A part's XML, for a reader: the part counts as read (see `read`)."""
        self.read.add(name)
        return self.tree(name)

    def tree(self, name: str) -> etree._Element:
        """A part's XML for housekeeping (writers, relationships, removal): not a read."""
        root = self.trees.get(name)
        if root is None:
            # Legacy VML is often HTML-flavoured (<br>): read what libxml2 can recover of it, and
            # always write the tree back, so nothing the recovery skipped stays in the bytes.
            vml = name.endswith(".vml")
            root = parse_xml(self.parts[name], self.damaged, recover=vml)
            self.trees[name] = root
            if vml:
                self.dirty.add(name)
        return root

    def replace(self, name: str, data: bytes) -> None:
        """New bytes for a part (a scrubbed embedded file or picture)."""
        self.parts[name] = data
        self.trees.pop(name, None)
        self.dirty.discard(name)
        self.rewritten.add(name)

    def rename_part(self, old: str, new: str) -> None:
        """Move a part to `new` (same folder or not): the relationships that point at it, its
        content-type override and its own relationships part follow."""
        for rels_name in self.rels_parts():
            source = source_of_rels(rels_name)
            for rel in self.rels(source):
                if not rel.external and self.find(self.resolve(source, rel.target)) == old:
                    rel.element.set(
                        "Target", quote(posixpath.relpath(new, posixpath.dirname(source) or "."))
                    )
                    self.mark(rel.rels_part)
        ct_root = self.tree("[Content_Types].xml")
        for el in ct_root:
            if (el.get("PartName") or "").lstrip("/").lower() == old.lower():
                el.set("PartName", "/" + quote(new))
                self.mark("[Content_Types].xml")
        if old.lower() in self.ct_overrides:
            self.ct_overrides[new.lower()] = self.ct_overrides.pop(old.lower())
        own = self.find(rels_part_name(old))
        self._move(old, new)
        if own is not None:
            self._move(own, rels_part_name(new))

    def _move(self, old: str, new: str) -> None:
        self.parts[new] = self.parts.pop(old)
        self.order[self.order.index(old)] = new
        self._lower.pop(old.lower(), None)
        self._lower[new.lower()] = new
        for names in (self.dirty, self.read, self.rewritten):
            if old in names:
                names.discard(old)
                names.add(new)
        if old in self.trees:
            self.trees[new] = self.trees.pop(old)

    def set_content_type(self, name: str, content_type: str) -> None:
        """Give one part this content type (an override, unless its extension's default is it)."""
        if self.content_type(name) == content_type:
            return
        root = self.tree("[Content_Types].xml")
        for el in list(root.iter(q("ct", "Override"))):
            if (el.get("PartName") or "").lstrip("/").lower() == name.lower():
                root.remove(el)
        override = etree.SubElement(root, q("ct", "Override"))
        override.set("PartName", "/" + quote(name))
        override.set("ContentType", content_type)
        self.ct_overrides[name.lower()] = content_type
        self.mark("[Content_Types].xml")

    def mark(self, name: str) -> None:
        if name in self.trees:
            self.dirty.add(name)

    # -- relationships

    def rels(self, source: str) -> list[Rel]:
        name = self.find(rels_part_name(source))
        if name is None:
            return []
        out = []
        for el in self.tree(name):
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

    def reachable(self) -> set[str]:
        """Parts reached from the package root through internal relationships."""
        seen: set[str] = set()
        todo = [""]
        while todo:
            source = todo.pop()
            for target in self.rel_targets(source).values():
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return seen

    def remove_part(self, name: str) -> None:
        """Drop a part with its relationships, its content type and every reference to it."""
        self.remove_parts([name])

    def remove_parts(self, names: Iterable[str], referenced: bool = True) -> None:
        """`remove_part` for many parts in one pass over the relationships
        (`referenced=False`: the caller knows no relationship points at them)."""
        gone: set[str] = set()
        for name in names:
            name = self.find(name) or name
            if name in self.parts and name not in self.removed:
                gone.add(name.lower())
                self.removed.add(name)
                own_rels = self.find(rels_part_name(name))
                if own_rels:
                    self.removed.add(own_rels)
        if not gone:
            return
        ct_root = self.tree("[Content_Types].xml")
        for el in list(ct_root):
            if (el.get("PartName") or "").lstrip("/").lower() in gone:
                ct_root.remove(el)
                self.mark("[Content_Types].xml")
        if not referenced:
            return
        for rels_name in self.rels_parts():
            source = source_of_rels(rels_name)
            rels = self.rels(source)
            dropped = [
                r for r in rels if not r.external and self.resolve(source, r.target).lower() in gone
            ]
            if dropped:
                self.remove_rels(source, dropped)

    def remove_rel(self, source: str, rel: Rel) -> None:
        self.remove_rels(source, [rel])

    def remove_rels(self, source: str, rels: Sequence[Rel]) -> None:
        """Drop relationships and what refers to them in their source part: the r:* attribute
        (<pageSetup r:id="rId1"/> pointing at removed printer settings) or, where the schema
        requires the reference, the whole element (<sheet>, <altChunk>, <a:videoFile>...)."""
        ids = set()
        for rel in rels:
            parent = rel.element.getparent()
            if parent is not None:
                parent.remove(rel.element)
                self.mark(rel.rels_part)
                ids.add(rel.id)
        if not ids or not source or self.find(source) is None or not is_xml_name(source):
            return
        for el in list(self.tree(source).iter()):
            if not isinstance(el.tag, str):
                continue
            refs = [a for a, v in el.attrib.items() if a.startswith(_R) and v in ids]
            if not refs:
                continue
            self.mark(source)
            if el.tag in REQUIRES_REFERENCE:
                drop_element(el)
            else:
                for attr in refs:
                    del el.attrib[attr]

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


_R = "{" + NS["r"] + "}"
_X = q("x", "")
_P = q("p", "")
_A = q("a", "")
_W = q("w", "")
_C = q("c", "")
_P14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"

#: elements that mean nothing without the part they refer to (their r:id is required by the
#: schema): removed with it, so the file still opens without a repair prompt
REQUIRES_REFERENCE = frozenset(
    [_W + t for t in ("altChunk", "subDoc", "attachedTemplate", "control")]
    + [
        _X + t
        for t in (
            "sheet",
            "externalReference",
            "pivotCache",
            "legacyDrawing",
            "legacyDrawingHF",
            "drawing",
            "control",
            "picture",
            "tablePart",
        )
    ]
    + [_P + t for t in ("sldId", "notesMasterId", "handoutMasterId", "custData", "tags")]
    + [_A + t for t in ("videoFile", "audioFile", "quickTimeFile", "wavAudioFile")]
    + [_P14 + "media", _C + "externalData", _C + "userShapes"]
)
#: containers the schema wants non-empty: removed when their last child goes
_NON_EMPTY = frozenset(
    [_X + t for t in ("externalReferences", "pivotCaches", "controls", "tableParts")]
    + [_P + "custDataLst"]
)
_MC_CHOICE = q("mc", "")


def drop_element(el: etree._Element) -> None:
    """Remove `el`, then any container left empty that must not be; keep `count` right.

    Inside mc:AlternateContent the whole alternate goes (every branch holds a copy)."""
    holder = el.getparent()
    if holder is not None and holder.tag in (_MC_CHOICE + "Choice", _MC_CHOICE + "Fallback"):
        el = holder.getparent() if holder.getparent() is not None else holder
    parent = el.getparent()
    if parent is None:
        return
    parent.remove(el)
    children = [c for c in parent if isinstance(c.tag, str)]
    if parent.tag in _NON_EMPTY and not children:
        drop_element(parent)
    elif parent.get("count") is not None:
        parent.set("count", str(len(children)))


def source_of_rels(rels_name: str) -> str:
    directory, base = posixpath.split(rels_name)
    parent = posixpath.dirname(directory)
    return posixpath.join(parent, base[: -len(".rels")]) if base != ".rels" else ""


def is_xml_name(name: str) -> bool:
    return name.endswith((".xml", ".rels", ".vml"))
