"""ZIP archives (typically a code repository): each member opened by its own format module.

Segments: every member path (kind "name", so a person's name in a file name is scrubbed and the
member renamed) and every segment of every member, located as "member src/app.py: lines 3-9".
A name segment reads the path as words ("notes/Adam_Johnson_1on1.md" -> "notes", "Adam
Johnson 1on1", tab-separated, see `readable_path`) so detection sees names; edits map back to
the real path.

Refused outright (the whole archive): unsafe paths (absolute, "..", drive letters, NUL),
symlinks, encrypted members, too many members, too much expanded data, a compression ratio
typical of zip bombs (per member and overall), zips nested deeper than Limits.max_nesting.
Nested zips share one budget with their parent, so a bomb cannot hide one level down.

Dropped with a note: version-control directories (.git/ etc.: history holds the originals),
binaries no format reads (.so, .exe, fonts...), members that are damaged or password-protected
(the archive is still useful without them; the note says which).

Output: a new zip of the scrubbed members in sorted order with fixed timestamps, so the same
input and edits give byte-identical output.
"""

from __future__ import annotations

import io
import posixpath
import re
import stat
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from scrubbing.engine.base import (
    DEFAULT_LIMITS,
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
from scrubbing.engine.formats.ooxml.closed import audit as audit_package

_VCS_DIRS = frozenset({".git", ".hg", ".svn", ".bzr"})
_JUNK = frozenset({"__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini"})
# Ratio checks only bite on members/archives big enough to matter: a 4 KiB file of spaces
# compresses 500:1 and is harmless.
_RATIO_MIN_MEMBER = 1 << 20
_RATIO_MIN_TOTAL = 8 << 20
_CHUNK = 1 << 16
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_DRIVE = re.compile(r"^[A-Za-z]:")


_EXT = re.compile(r"(?<=[^/.])\.[A-Za-z0-9]{1,5}$")
_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z0-9_]*_\d+\]")  # pseudonyms.PLACEHOLDER_RE


def readable_path(path: str) -> tuple[str, list[int]]:
    """The member path as words, for detection, and the map back to path offsets.

    "repo/notes/AdamJohnson_1on1.md" -> "repo<TAB>notes<TAB>Adam Johnson 1on1   ": folders
    tab-separated (a span never crosses one; not line breaks, or recase_for_ner would read a
    lone "README" as a name), "_", "-" and "." read as spaces, the extension blanked (the
    model reads "md" as Maryland), CamelCase split, as pipeline.scrub_name does for upload
    names. `back[i]` is the path offset of view character i (len(view) + 1 entries), so an
    edit on the view maps to the path. Placeholders of an earlier scrub stay as written.
    """
    keep = [False] * len(path)
    for m in _PLACEHOLDER.finditer(path):
        keep[m.start() : m.end()] = [True] * (m.end() - m.start())
    ext = _EXT.search(path)
    ext_start = ext.start() if ext else len(path)
    view: list[str] = []
    back: list[int] = []
    for i, ch in enumerate(path):
        if keep[i]:
            view.append(ch)
        elif i >= ext_start:
            view.append(" ")
        elif ch == "/":
            view.append("\t")
        elif ch in "_-.":
            view.append(" ")
        else:
            if i and path[i - 1].islower() and ch.isupper() and not keep[i - 1]:
                view.append(" ")  # JaneDoe -> Jane Doe
                back.append(i)
            view.append(ch)
        back.append(i)
    back.append(len(path))
    return "".join(view), back


def _q(name: str) -> str:
    return f"\u201c{name}\u201d"


@dataclass
class _Budget:
    """Shared by an archive and the zips nested in it."""

    expanded_left: int
    members_left: int


@dataclass
class _Member:
    path: str
    data: bytes
    mode: int
    name_seg: int
    name_back: list[int]  # name segment offset -> path offset (see readable_path)
    doc: Document | None  # None: kept verbatim (never happens for content we could not read)
    first_seg: int = 0  # index of the member's first content segment in the archive
    n_segs: int = 0


@dataclass
class _Dropped:
    vcs: list[str] = field(default_factory=list)
    binary: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    junk: list[str] = field(default_factory=list)


def check_member_name(name: str) -> str:
    """The member path, normalised; raises CorruptFile for anything that could escape a folder."""
    if "\x00" in name:
        raise CorruptFile(f"The archive member {_q(name)} has an invalid name.")
    path = name.replace("\\", "/")
    if path.startswith("/") or _DRIVE.match(path):
        raise CorruptFile(f"The archive member {_q(name)} has an absolute path; refusing it.")
    parts = path.split("/")
    if ".." in parts:
        raise CorruptFile(
            f"The archive member {_q(name)} points outside the archive (..); refusing it."
        )
    return "/".join(p for p in parts if p not in ("", "."))


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return info.create_system == 3 and stat.S_ISLNK(mode)


def _read_bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> bytes:
    """Read a member without trusting its declared size."""
    out = bytearray()
    limit = min(info.file_size, budget.expanded_left)
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            out += chunk
            if len(out) > limit:
                raise LimitExceeded(
                    f"The archive member {_q(info.filename)} expands to more data than allowed."
                )
    budget.expanded_left -= len(out)
    return bytes(out)


def _sniff(name: str, data: bytes, limits: Limits):
    # Imported at call time: sniff/registry import every format lazily and may import us.
    from scrubbing.engine.sniff import sniff

    return sniff(name, data, limits)


def _open_member(kind: str, data: bytes, limits: Limits) -> Document:
    from scrubbing.engine.registry import module_for

    return module_for(kind).open_document(data, limits)


class ArchiveDocument(Document):
    kind = "zip"

    def __init__(
        self, data: bytes, limits: Limits, depth: int = 1, budget: _Budget | None = None
    ) -> None:
        super().__init__()
        self._limits = limits
        self._depth = depth
        if depth > limits.max_nesting:
            raise LimitExceeded(
                f"The archive nests zip files more than {limits.max_nesting} levels deep."
            )
        if budget is None:
            if len(data) > limits.max_file_bytes:
                raise LimitExceeded("This archive is larger than the upload limit.")
            budget = _Budget(limits.max_expanded_bytes, limits.max_members)
        self._budget = budget
        self._members: list[_Member] = []
        self._owner: dict[int, tuple[_Member, int]] = {}  # segment -> (member, child index)
        self._dropped = _Dropped()
        self._notes: list[str] = []
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError):
            raise CorruptFile("This archive is damaged and cannot be read as a ZIP.") from None
        with zf:
            self._read(zf, len(data))

    # -- reading ------------------------------------------------------------------------------

    def _read(self, zf: zipfile.ZipFile, packed_size: int) -> None:
        limits = self._limits
        infos = zf.infolist()
        self._budget.members_left -= len(infos)
        if len(infos) > limits.max_members or self._budget.members_left < 0:
            raise LimitExceeded(f"This archive has more than {limits.max_members} files.")
        # Declared sizes first: refuse obvious bombs before decompressing anything.
        declared = sum(i.file_size for i in infos)
        if declared > self._budget.expanded_left:
            raise LimitExceeded(
                f"This archive expands to {declared / 2**20:.0f} MB; the limit is "
                f"{limits.max_expanded_bytes / 2**20:.0f} MB."
            )
        if declared >= _RATIO_MIN_TOTAL and declared > packed_size * limits.max_compression_ratio:
            raise LimitExceeded("This archive is compressed suspiciously well (a zip bomb?).")
        seen: set[str] = set()
        for info in infos:
            path = check_member_name(info.filename)
            if _is_symlink(info):
                raise CorruptFile(f"The archive member {_q(info.filename)} is a symbolic link.")
            if info.flag_bits & 0x1:
                raise EncryptedFile(
                    f"The archive member {_q(info.filename)} is password-protected; "
                    "remove the password and upload again."
                )
            if info.is_dir() or not path:
                continue
            if path in seen:
                raise CorruptFile(f"The archive lists {_q(path)} twice.")
            seen.add(path)
            parts = path.split("/")
            if any(p in _VCS_DIRS for p in parts[:-1]):
                self._dropped.vcs.append(path)
                continue
            if any(p in _JUNK for p in parts):
                self._dropped.junk.append(path)
                continue
            if (
                info.file_size >= _RATIO_MIN_MEMBER
                and info.file_size > max(info.compress_size, 1) * limits.max_compression_ratio
            ):
                raise LimitExceeded(
                    f"The archive member {_q(path)} is compressed suspiciously well (a zip bomb?)."
                )
            try:
                data = _read_bounded(zf, info, self._budget)
            except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile):
                self._dropped.unreadable.append(f"{path} (damaged)")
                continue
            except NotImplementedError:
                self._dropped.unreadable.append(f"{path} (unsupported compression)")
                continue
            self._add_member(path, data, (info.external_attr >> 16) & 0o777)

    def _add_seg(self, text: str, locator: str, kind: str) -> int:
        if len(self.segments) >= self._limits.max_segments:
            raise LimitExceeded("This archive has more text units than we can process.")
        seg = Segment(len(self.segments), text, locator, kind)
        self.segments.append(seg)
        return seg.index

    def _add_member(self, path: str, data: bytes, mode: int) -> None:
        doc = self._open(path, data)
        if doc is None:
            return
        view, back = readable_path(path)
        name_seg = self._add_seg(view, f"member {path}: file name", "name")
        member = _Member(path, data, mode, name_seg, back, doc, first_seg=len(self.segments))
        for child in doc.segments:
            idx = self._add_seg(child.text, f"member {path}: {child.locator}", child.kind)
            self._owner[idx] = (member, child.index)
        member.n_segs = len(self.segments) - member.first_seg
        self._members.append(member)

    def _open(self, path: str, data: bytes) -> Document | None:
        if not data:
            return _Empty()  # __init__.py and friends: kept, nothing to scrub
        try:
            info = _sniff(posixpath.basename(path), data, self._limits)
            if info.kind == "zip":
                return ArchiveDocument(data, self._limits, self._depth + 1, self._budget)
            return _open_member(info.kind, data, self._limits)
        except LimitExceeded as exc:
            raise LimitExceeded(f"In {_q(path)}: {exc}") from None
        except UnsupportedFile:
            self._dropped.binary.append(path)
        except (EncryptedFile, CorruptFile) as exc:
            self._dropped.unreadable.append(f"{path} ({exc.code})")
        except ScrubError as exc:
            self._dropped.unreadable.append(f"{path} ({exc.code})")
        return None

    # -- writing ------------------------------------------------------------------------------

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        report = WriteReport()
        per_member: dict[int, dict[int, Sequence[Edit]]] = {}
        for seg_index, seg_edits in edits.items():
            owner = self._owner.get(seg_index)
            if owner is not None:
                per_member.setdefault(id(owner[0]), {})[owner[1]] = seg_edits

        files: dict[str, tuple[bytes, int]] = {}
        renamed = 0
        for m in self._members:
            assert m.doc is not None
            data, child = m.doc.render(per_member.get(id(m), {}))
            for attr in ("metadata_removed", "hidden_content", "rasterized", "notes"):
                getattr(report, attr).extend(f"{m.path}: {x}" for x in getattr(child, attr))
            name_edits = [
                Edit(m.name_back[e.start], m.name_back[e.end], e.replacement)
                for e in edits.get(m.name_seg, ())
            ]
            new = _rename(m.path, name_edits)
            if new != m.path:
                renamed += 1
            base, n = new, 2
            while new in files:  # two members renamed to the same path
                stem, ext = posixpath.splitext(base)
                new, n = f"{stem}~{n}{ext}", n + 1
            files[new] = (data, m.mode)

        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(files):
                data, mode = files[path]
                zi = zipfile.ZipInfo(path, date_time=_FIXED_TIME)
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.create_system = 3
                zi.external_attr = (stat.S_IFREG | (0o755 if mode & 0o111 else 0o644)) << 16
                zf.writestr(zi, data)
        if renamed:
            report.notes.append(f"renamed {renamed} file(s) whose names held scrubbed text")
        report.notes.extend(self._drop_notes())
        return out.getvalue(), report

    def _drop_notes(self) -> list[str]:
        d = self._dropped
        notes = []
        if d.vcs:
            notes.append(
                f"dropped version-control history ({len(d.vcs)} files under .git/ or similar): "
                "old revisions keep the original, unscrubbed content"
            )
        if d.binary:
            notes.append(f"dropped {len(d.binary)} binary file(s): " + _listing(d.binary))
        if d.unreadable:
            notes.append(
                f"dropped {len(d.unreadable)} unreadable file(s): " + _listing(d.unreadable)
            )
        if d.junk:
            notes.append(f"dropped {len(d.junk)} system file(s) (__MACOSX, .DS_Store...)")
        return notes


class _Empty(Document):
    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        return b"", WriteReport()


def _listing(items: list[str], limit: int = 10) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _rename(path: str, edits: Sequence[Edit]) -> str:
    """Apply name edits, keep the directory structure, never produce an unsafe path."""
    if not edits:
        return path
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        out.append(path[pos : e.start])
        # A replacement must not create or remove folders.
        out.append(re.sub(r"[/\\:\x00]", "_", e.replacement))
        pos = e.end
    out.append(path[pos:])
    parts = []
    for p in "".join(out).split("/"):
        p = p.strip()
        if p in ("", ".", ".."):
            p = "_"
        parts.append(p)
    return "/".join(parts)


def open_document(data: bytes, limits: Limits) -> ArchiveDocument:
    return ArchiveDocument(data, limits)


def audit(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[str]:
    """Members of a written archive that no rule explains, one sentence each (empty: closed).

    A member is explained when its own format module reads it; Office members and nested
    archives are audited in turn (ooxml.closed.audit). Used by the tests on every output.
    """
    return _audit(ArchiveDocument(data, limits))


def _audit(doc: ArchiveDocument) -> list[str]:
    d = doc._dropped
    problems = [f"{p}: no reader reads it" for p in d.vcs + d.binary + d.unreadable + d.junk]
    for m in doc._members:
        if isinstance(m.doc, ArchiveDocument):
            problems += [f"{m.path}/{p}" for p in _audit(m.doc)]
        elif m.doc is not None and m.doc.kind in ("docx", "xlsx", "pptx"):
            problems += [f"{m.path}/{p}" for p in audit_package(m.data)]
    return problems
