"""What every archive kind shares: the budget, members opened by their own format module,
member paths as name segments, the drop counts, and the render of members with new names.

A container module (zip, tar, EPUB) reads its entries, checks them against the limits and
calls `add_member` for each file; `render_members` scrubs and renames them, and the container
writes them back in its own format. Reports name members by their scrubbed paths only and
say what was dropped in counts: report lines are shown to reviewers, and a dropped member's
original path can hold the very name that was scrubbed elsewhere.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from scrubbing.engine.base import (
    Document,
    Edit,
    LimitExceeded,
    Limits,
    ScrubError,
    Segment,
    UnsupportedFile,
    WriteReport,
)
from scrubbing.engine.formats.composite import merge_report
from scrubbing.engine.kinds import KINDS
from scrubbing.engine.registry import module_for
from scrubbing.engine.sniff import sniff

from .paths import quoted, readable_path, rename, unique, with_extension

VCS_DIRS = frozenset({".git", ".hg", ".svn", ".bzr"})
JUNK = frozenset({"__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini"})
#: containers whose members are archives of their own: opened with the parent's budget
NESTED = ("zip", "tar", "epub")

#: drop reason -> the report's sentence for `n` members of it
_DROP_NOTES = {
    "vcs": "dropped version-control history ({n} file(s) under .git/ or similar): "
    "old revisions keep the original, unscrubbed content",
    "binary": "dropped {n} binary file(s) no reader can read",
    "junk": "dropped {n} system file(s) (__MACOSX, .DS_Store...)",
    "link": "dropped {n} link(s) (symbolic or hard links; what they point at is scrubbed "
    "where it is a file of the archive)",
    "special": "dropped {n} special file(s) (devices, pipes)",
    "signature": "removed the archive's signature ({n} file(s)): it signed the original content",
    "font": "removed {n} embedded font(s) (no reader checks them; reading systems use their own)",
    "unknown": "removed {n} file(s) no reader of this format reads",
}


@dataclass
class Budget:
    """Shared by an archive and the archives nested in it."""

    expanded_left: int
    members_left: int


@dataclass
class Member:
    path: str
    data: bytes
    mode: int
    name_seg: int  # -1: the path holds nothing to read (well-known names only)
    name_back: list[int]  # name segment offset -> path offset (see readable_path)
    doc: Document


class MemberArchive(Document):
    """Members as segments; subclasses read and write the container."""

    #: what the limits' messages call this container
    noun = "archive"

    def __init__(self, limits: Limits, depth: int, budget: Budget | None, size: int) -> None:
        super().__init__()
        self._limits = limits
        self._depth = depth
        if depth > limits.max_nesting:
            raise LimitExceeded(
                f"The archive nests archives more than {limits.max_nesting} levels deep."
            )
        if budget is None:
            if size > limits.max_file_bytes:
                raise LimitExceeded(f"This {self.noun} is larger than the upload limit.")
            budget = Budget(limits.max_expanded_bytes, limits.max_members)
        self._budget = budget
        self._members: list[Member] = []
        self._owner: dict[int, tuple[Member, int]] = {}  # segment -> (member, child index)
        self.dropped: Counter[str] = Counter()
        self.unreadable: Counter[str] = Counter()  # reason code -> members
        self.metadata_removed: list[str] = []

    # -- reading ------------------------------------------------------------------------------

    def count_members(self, n: int) -> None:
        self._budget.members_left -= n
        if self._budget.members_left < 0:
            raise LimitExceeded(f"This {self.noun} has more than {self._limits.max_members} files.")

    @staticmethod
    def skip_reason(path: str) -> str | None:
        """Why a member is dropped without being read (history, system files), or None."""
        parts = path.split("/")
        if any(p in VCS_DIRS for p in parts[:-1]):
            return "vcs"
        if any(p in JUNK for p in parts):
            return "junk"
        return None

    def add_segment(self, text: str, locator: str, kind: str) -> int:
        if len(self.segments) >= self._limits.max_segments:
            raise LimitExceeded(f"This {self.noun} has more text units than we can process.")
        seg = Segment(len(self.segments), text, locator, kind)
        self.segments.append(seg)
        return seg.index

    def add_member(self, path: str, data: bytes, mode: int, doc: Document | None = None) -> None:
        """Open `data` with its format module (or take `doc`) and add its segments."""
        if doc is None:
            doc = self.open_member(path, data)
            if doc is None:
                return
        view, back = readable_path(path)
        name_seg = -1
        if view.strip():
            name_seg = self.add_segment(view, f"member {path}: file name", "name")
        member = Member(path, data, mode, name_seg, back, doc)
        for child in doc.segments:
            idx = self.add_segment(child.text, f"member {path}: {child.locator}", child.kind)
            self._owner[idx] = (member, child.index)
        self._members.append(member)

    def admits(self, index: int, start: int, end: int, source: str) -> bool:
        owner = self._owner.get(index)  # a member's segment: its own document decides
        return owner is None or owner[0].doc.admits(owner[1], start, end, source)

    def open_member(self, path: str, data: bytes) -> Document | None:
        """The member's document, or None when it is dropped (counted, said in the report)."""
        if not data:
            return Empty()  # __init__.py and friends: kept, nothing to scrub
        try:
            info = sniff(posixpath.basename(path), data, self._limits)
            if info.kind in NESTED:
                return open_nested(info.kind, data, self._limits, self._depth + 1, self._budget)
            return info.open(data, self._limits)  # a code file with its language (`code`)
        except LimitExceeded as exc:
            raise LimitExceeded(f"In {quoted(path)}: {exc}") from None
        except UnsupportedFile:
            self.dropped["binary"] += 1
        except ScrubError as exc:
            self.unreadable[exc.code] += 1
        return None

    # -- writing ------------------------------------------------------------------------------

    def member_edits(
        self, edits: Mapping[int, Sequence[Edit]]
    ) -> dict[int, dict[int, Sequence[Edit]]]:
        """Edits per member (by id), in the member document's own segment numbering."""
        per: dict[int, dict[int, Sequence[Edit]]] = {}
        for seg_index, seg_edits in edits.items():
            owner = self._owner.get(seg_index)
            if owner is not None:
                per.setdefault(id(owner[0]), {})[owner[1]] = seg_edits
        return per

    def new_path(self, member: Member, edits: Mapping[int, Sequence[Edit]]) -> str:
        """The member's path after its name edits (before the output extension)."""
        back = member.name_back
        name_edits = [
            Edit(back[e.start], back[e.end], e.replacement) for e in edits.get(member.name_seg, ())
        ]
        return rename(member.path, name_edits)

    def render_members(
        self, edits: Mapping[int, Sequence[Edit]], report: WriteReport
    ) -> dict[str, tuple[bytes, int]]:
        """Every member scrubbed and renamed: new path -> (bytes, mode). Child reports are
        merged into `report` under the member's new path; the drop counts are added.

        Members that link to others (an e-book's pages: they have `relink`) are written last,
        once every member's new path is known, and told where each one went."""
        per_member = self.member_edits(edits)
        files: dict[str, tuple[bytes, int]] = {}
        moved: dict[str, str] = {}  # old path -> new path
        reports: dict[str, WriteReport] = {}
        linking = [m for m in self._members if hasattr(m.doc, "relink")]
        for m in self._members:
            if hasattr(m.doc, "relink"):
                continue
            data, child = m.doc.render(per_member.get(id(m), {}))
            new = with_extension(self.new_path(m, edits), output_extension(m.doc, child))
            new = moved[m.path] = unique(new, files)  # two members renamed to the same path
            files[new], reports[m.path] = (data, m.mode), child
        for m in linking:
            moved[m.path] = unique(self.new_path(m, edits), files)
            files[moved[m.path]] = (b"", m.mode)
        for m in linking:
            m.doc.relink(moved[m.path], moved.get)  # type: ignore[attr-defined]
            data, reports[m.path] = m.doc.render(per_member.get(id(m), {}))
            files[moved[m.path]] = (data, m.mode)
        for m in self._members:  # the report in member order, whatever the render order
            merge_report(report, reports[m.path], moved[m.path])
        named = {m.path: self.new_path(m, edits) for m in self._members}
        renamed = sum(1 for old, new in named.items() if old != new)
        if renamed:
            report.notes.append(f"renamed {renamed} file(s) whose names held scrubbed text")
        retyped = sum(1 for old, new in named.items() if _ext(moved[old]) != _ext(new))
        if retyped:
            report.notes.append(f"{retyped} file(s) named for the format they were written in")
        self.add_notes(report)
        return files

    def add_notes(self, report: WriteReport) -> None:
        report.metadata_removed.extend(self.metadata_removed)
        for reason, n in sorted(self.dropped.items()):
            report.notes.append(_DROP_NOTES[reason].format(n=n))
        if self.unreadable:
            n = sum(self.unreadable.values())
            why = ", ".join(f"{k} {code}" for code, k in sorted(self.unreadable.items()))
            report.notes.append(f"dropped {n} unreadable file(s) ({why})")

    def problems(self) -> list[str]:
        """The closed-world audit of this archive (see archive.audit), member by member."""
        from scrubbing.engine.formats.ooxml.closed import audit as audit_package  # noqa: PLC0415

        n = sum(self.dropped.values()) + sum(self.unreadable.values())
        out = [f"{n} member(s): no reader reads them"] if n else []
        for m in self._members:
            if isinstance(m.doc, MemberArchive):
                out += [f"{m.path}/{p}" for p in m.doc.problems()]
            elif m.doc.kind in ("docx", "xlsx", "pptx"):
                out += [f"{m.path}/{p}" for p in audit_package(m.data)]
        return out


def _ext(path: str) -> str:
    return posixpath.splitext(path)[1].lower()


def output_extension(doc: Document, report: WriteReport) -> str:
    """The extension the writer's output has ("" when it keeps its name's), as
    results.FileResult.extension says it for uploaded files."""
    if doc.output_kind:
        return KINDS[doc.output_kind][0]
    return report.extension


def open_nested(kind: str, data: bytes, limits: Limits, depth: int, budget: Budget) -> Document:
    """An archive inside an archive: its own module's opener, sharing the outer budget."""
    return module_for(kind).open_document(data, limits, depth=depth, budget=budget)


class Empty(Document):
    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        return b"", WriteReport()
