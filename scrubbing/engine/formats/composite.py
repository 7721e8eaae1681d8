"""Segments of a document made of its own text and of child documents.

An e-mail holds headers (its own segments) and parts read by other format modules (a .docx
attachment, a nested message); a text file holds blocks of its own and decoded base64
payloads. `Parts` keeps one flat segment list for detection, remembers which child owns each
adopted segment, and splits the edits back: the parent's own edits, and per child the edits
in the child's own segment numbering. Child write reports are merged into the parent's with
the child's label in front.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..base import Document, Edit, LimitExceeded, Segment, WriteReport

REPORT_LISTS = ("metadata_removed", "hidden_content", "rasterized", "notes", "residual")


class Parts:
    def __init__(self, segments: list[Segment], max_segments: int) -> None:
        self.segments = segments
        self.max_segments = max_segments
        self.children: list[tuple[Document, str]] = []  # (document, label for reports)
        self._owner: dict[int, tuple[int, int]] = {}  # segment -> (child slot, child index)

    def own(self, text: str, locator: str, kind: str) -> int:
        """Add a segment the parent itself writes back; returns its index."""
        if len(self.segments) >= self.max_segments:
            raise LimitExceeded("This file has more text units than we can process.")
        self.segments.append(Segment(len(self.segments), text, locator, kind))
        return len(self.segments) - 1

    def adopt(self, doc: Document, label: str, where: str) -> int:
        """Add every segment of `doc`, located as "<where>: <its locator>"; returns the slot."""
        slot = len(self.children)
        self.children.append((doc, label))
        for seg in doc.segments:
            idx = self.own(seg.text, f"{where}: {seg.locator}", seg.kind)
            self._owner[idx] = (slot, seg.index)
        return slot

    def admits(self, index: int, start: int, end: int, source: str) -> bool:
        """`Document.admits` for an adopted segment: its child decides."""
        owner = self._owner.get(index)
        if owner is None:
            return True
        return self.children[owner[0]][0].admits(owner[1], start, end, source)

    def split(
        self, edits: Mapping[int, Sequence[Edit]]
    ) -> tuple[dict[int, Sequence[Edit]], list[dict[int, Sequence[Edit]]]]:
        mine: dict[int, Sequence[Edit]] = {}
        theirs: list[dict[int, Sequence[Edit]]] = [{} for _ in self.children]
        for idx, seg_edits in edits.items():
            owner = self._owner.get(idx)
            if owner is None:
                mine[idx] = seg_edits
            else:
                theirs[owner[0]][owner[1]] = seg_edits
        return mine, theirs

    def render_children(
        self, edits: list[dict[int, Sequence[Edit]]], report: WriteReport
    ) -> list[bytes]:
        """Every child rendered (always: a child loses its own metadata even without edits),
        its report merged into `report`."""
        out = []
        for (doc, label), child_edits in zip(self.children, edits, strict=True):
            data, child = doc.render(child_edits)
            merge_report(report, child, label)
            out.append(data)
        return out


def merge_report(report: WriteReport, child: WriteReport, label: str) -> None:
    for attr in REPORT_LISTS:
        getattr(report, attr).extend(
            f"{label}: {item}" if label else item for item in getattr(child, attr)
        )


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """`text` with non-overlapping edits applied (ValueError for a bad span)."""
    out: list[str] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if not pos <= edit.start <= edit.end <= len(text):
            raise ValueError(f"bad edit span {edit.start}:{edit.end} for a {len(text)}-char text")
        out.append(text[pos : edit.start])
        out.append(edit.replacement)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


def split_edits(edits: Sequence[Edit], ranges: Sequence[tuple[int, int]]) -> list[list[Edit]]:
    """Edits on a text written back as several fields (a display name and an address, in
    "Jane Doe <jane@x.org>"), split into each range's own offsets.

    An edit that crosses a boundary puts its replacement in the first field it covers and
    only removes what it covers in the others; what falls between ranges is not written.
    """
    out: list[list[Edit]] = [[] for _ in ranges]
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        placed = False
        for n, (start, end) in enumerate(ranges):
            lo, hi = max(edit.start, start), min(edit.end, end)
            if edit.start == edit.end and start <= edit.start <= end and not placed:
                out[n].append(Edit(edit.start - start, edit.start - start, edit.replacement))
                placed = True
            elif lo < hi:
                out[n].append(Edit(lo - start, hi - start, "" if placed else edit.replacement))
                placed = True
    return out
