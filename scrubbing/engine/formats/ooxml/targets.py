"""Edit targets: where a segment's text lives in XML, and how an edit on it lands there."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from urllib.parse import quote, unquote

from lxml import etree

from scrubbing.engine.base import Edit

from .oxml import XML_SPACE


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
    """One node's text: the element's `text`, or with attr="tail" the text after it."""

    __slots__ = ("attr", "editable", "el", "removed", "text")

    def __init__(self, el: etree._Element, text: str, editable: bool, attr: str = "text") -> None:
        self.el, self.text, self.editable, self.removed = el, text, editable, False
        self.attr = attr


class PiecesTarget(Target):
    """Text spread over several nodes (Word runs, DrawingML runs, rich-text cell runs).

    An edit's replacement goes into the node where the span starts (so it takes that run's
    formatting) and the rest of the span is trimmed from the following nodes; untouched nodes
    keep their text and formatting. Tabs/breaks are non-editable one-character pieces: if an
    edit covers them they are removed.
    """

    def __init__(self, part: str, pieces: list[Piece], preserve_space: bool = False) -> None:
        self.part, self.pieces, self.preserve = part, pieces, preserve_space
        if len(pieces) == 1:  # most cells and shared strings: one run
            self.starts, self.text = [0], pieces[0].text
            return
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
                setattr(piece.el, piece.attr, piece.text)
                if self.preserve and piece.text != piece.text.strip():
                    piece.el.set(XML_SPACE, "preserve")
            elif piece.removed:
                drop_keeping_tail(piece.el)


class ChildTarget(Target):
    """A segment of an embedded Office file (e.g. a chart's data workbook)."""

    def __init__(self, part: str, text: str, index: int, store: dict[int, Sequence[Edit]]) -> None:
        self.part, self.text, self.index, self.store = part, text, index, store

    def apply(self, edits: Sequence[Edit]) -> None:
        self.store[self.index] = list(edits)


def drop_keeping_tail(el: etree._Element) -> None:
    """Remove `el` and its content; the text after it (its tail) stays where it was."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)
