"""Reading a rewritten page back with pdfium: it must show exactly what the original showed,
minus the edited characters, plus the placeholders drawn where they were.

Compared by position, not by order: pdfium orders a page's characters by its own line
heuristics, which can change when a placeholder in another font joins a line. Every
character is taken with its origin (on the baseline); an edit's region is the union of the
loose boxes of its characters in the original. Outside the regions, the two pages must hold the
same characters at the same places (within `TOLERANCE` points); inside, only the placeholders'
characters. An original glyph left anywhere, a glyph removed that was not edited, or text
drawn somewhere new (a Form XObject the rewrite could not see) fails the check.
"""

from __future__ import annotations

import ctypes
from collections import Counter
from collections.abc import Iterable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .fonts import encode_placeholder
from .reading import Hit, norm

TOLERANCE = 0.5  # points
_EDGE = 0.2  # points: a region's left and right edges are shifted left by this
_Rect = tuple[float, float, float, float]


def _chars(tp: pdfium.PdfTextPage) -> list[tuple[int, str, float, float]]:
    """(index, character, origin x, origin y) of every character that is not whitespace."""
    out = []
    x, y = ctypes.c_double(), ctypes.c_double()
    for i in range(tp.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(tp, i)
        ch = "-" if code == 2 else chr(code)  # 2: pdfium's mark for a hyphen ending a line
        if not norm(ch):
            continue
        if not pdfium_c.FPDFText_GetCharOrigin(tp, i, ctypes.byref(x), ctypes.byref(y)):
            continue
        out.append((i, ch, x.value, y.value))
    return out


def _regions(tp: pdfium.PdfTextPage, hits: Iterable[Hit]) -> list[_Rect]:
    rects = []
    for h in hits:
        boxes = []
        for ci in range(h.first, h.last + 1):
            try:
                left, bottom, right, top = tp.get_charbox(ci, loose=True)
            except pdfium.PdfiumError:
                continue
            if right > left or top > bottom:
                boxes.append((left, bottom, right, top))
        if boxes:
            # x: a loose box runs from the glyph's origin to the next glyph's origin, so the
            # region ends just before the origin of the character that follows the edit
            rects.append(
                (
                    min(b[0] for b in boxes) - _EDGE,
                    min(b[1] for b in boxes) - TOLERANCE,
                    max(b[2] for b in boxes) - _EDGE,
                    max(b[3] for b in boxes) + TOLERANCE,
                )
            )
    return rects


def _inside(x: float, y: float, rects: list[_Rect]) -> bool:
    return any(r[0] <= x <= r[2] and r[1] <= y <= r[3] for r in rects)


def _same_places(a: list[tuple[str, float, float]], b: list[tuple[str, float, float]]) -> bool:
    """The same characters at the same places, within TOLERANCE (a multiset match)."""
    if len(a) != len(b):
        return False
    grid: dict[tuple[str, int, int], list[tuple[float, float]]] = {}
    for ch, x, y in a:
        grid.setdefault((ch, round(x), round(y)), []).append((x, y))
    for ch, x, y in b:
        found = False
        for dx in (0, -1, 1):
            for dy in (0, -1, 1):
                cell = grid.get((ch, round(x) + dx, round(y) + dy))
                if not cell:
                    continue
                for k, (ax, ay) in enumerate(cell):
                    if abs(ax - x) <= TOLERANCE and abs(ay - y) <= TOLERANCE:
                        del cell[k]
                        found = True
                        break
                if found:
                    break
            if found:
                break
        if not found:
            return False
    return True


def reads_back(before: bytes, after: bytes, hits_by_page: dict[int, list[Hit]]) -> set[int]:
    """The pages of `hits_by_page` whose rewrite in `after` does not read back as expected."""
    bad: set[int] = set()
    doc_a, doc_b = pdfium.PdfDocument(before), pdfium.PdfDocument(after)
    try:
        for p, hits in hits_by_page.items():
            page_a, page_b = doc_a[p], doc_b[p]
            tp_a, tp_b = page_a.get_textpage(), page_b.get_textpage()
            try:
                rects = _regions(tp_a, hits)
                edited = {ci for h in hits for ci in range(h.first, h.last + 1)}
                kept_a = [(c, x, y) for i, c, x, y in _chars(tp_a) if i not in edited]
                kept_a = [k for k in kept_a if not _inside(k[1], k[2], rects)]
                kept_b, placed = [], Counter()
                for _i, c, x, y in _chars(tp_b):
                    if _inside(x, y, rects):
                        placed[c] += 1
                    else:
                        kept_b.append((c, x, y))
                drawn = Counter(norm("".join(encode_placeholder(h.replacement)[2] for h in hits)))
                if placed != drawn or not _same_places(kept_a, kept_b):
                    bad.add(p)
            finally:
                tp_a.close()
                tp_b.close()
                page_a.close()
                page_b.close()
    finally:
        doc_a.close()
        doc_b.close()
    return bad
