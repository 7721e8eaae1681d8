"""Reading a rewritten page back with pdfium: it must show exactly what the original showed,
minus the edited characters, plus the placeholders drawn where they were.

Compared by position, not by order: pdfium orders a page's characters by its own line
heuristics, which can change when a placeholder in another font joins a line. Every character
is taken with its origin (on the baseline); an edit's region runs, per baseline it covers, from
the origin of its first character to the origin of the character that follows it. Outside the
regions the two pages must hold the same characters at the same places (within `TOLERANCE`
points); inside, only the placeholders' characters. An original glyph left anywhere, a glyph
removed that was not edited, or text drawn somewhere new fails the check.
"""

from __future__ import annotations

import bisect
import ctypes
from collections import Counter
from collections.abc import Iterable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .fonts import encode_placeholder
from .reading import Hit, is_blank, norm, page_chars

TOLERANCE = 0.5  # points
_EDGE = 0.2  # points: a region's left and right edges are shifted left by this
_Rect = tuple[float, float, float, float]


def _chars(tp: pdfium.PdfTextPage) -> list[tuple[int, str, float, float]]:
    """(index, character, origin x, origin y) of every character that is not whitespace."""
    out = []
    x, y = ctypes.c_double(), ctypes.c_double()
    px, py = ctypes.byref(x), ctypes.byref(y)
    origin = pdfium_c.FPDFText_GetCharOrigin
    for i, ch in enumerate(page_chars(tp)):
        if is_blank(ch):
            continue
        if origin(tp, i, px, py):
            out.append((i, ch, x.value, y.value))
    return out


def _regions(chars: list[tuple[int, str, float, float]], hits: Iterable[Hit]) -> _Regions:
    """Per edit and per baseline it covers (an edit can run over a line break): from its first
    character's origin there to the origin of the next character on that baseline (where the
    placeholder, squeezed into the removed advance, must end), or to the baseline's end."""
    by_index = {c[0]: c for c in chars}
    rows: dict[int, list[tuple[float, float, int]]] = {}  # round(y) -> (x, y, index), by x
    for i, _ch, x, y in chars:
        rows.setdefault(round(y), []).append((x, y, i))
    for row in rows.values():
        row.sort()
    regions = _Regions()
    for h in hits:
        runs: list[list[tuple[int, str, float, float]]] = []
        for ci in range(h.first, h.last + 1):
            c = by_index.get(ci)
            if c is None:
                continue
            run = next((r for r in runs if abs(r[0][3] - c[3]) <= TOLERANCE), None)
            if run is None:
                runs.append([c])
            else:
                run.append(c)
        for run in runs:
            x0 = min(c[2] for c in run)
            last = max(run, key=lambda c: c[2])
            y = last[3]
            x1 = None
            for key in (round(y) - 1, round(y), round(y) + 1):
                row = rows.get(key, [])
                for x, cy, i in row[bisect.bisect_right(row, (last[2] + _EDGE, float("inf"))) :]:
                    if x1 is not None and x >= x1:
                        break
                    if abs(cy - y) <= TOLERANCE and not h.first <= i <= h.last:
                        x1 = x
                        break
            if x1 is None:  # nothing follows on this baseline: the region runs to its end
                x1 = float("inf")
            regions.add((x0 - _EDGE, y - TOLERANCE, x1 - _EDGE, y + TOLERANCE))
    return regions


class _Regions:
    """Rectangles one baseline high, found by the row they lie on."""

    def __init__(self) -> None:
        self.rows: dict[int, list[_Rect]] = {}

    def add(self, rect: _Rect) -> None:
        for key in range(round(rect[1]), round(rect[3]) + 1):
            self.rows.setdefault(key, []).append(rect)

    def inside(self, x: float, y: float) -> bool:
        return any(r[0] <= x <= r[2] and r[1] <= y <= r[3] for r in self.rows.get(round(y), ()))


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
                chars_a = _chars(tp_a)
                rects = _regions(chars_a, hits)
                edited = {ci for h in hits for ci in range(h.first, h.last + 1)}
                kept_a = [(c, x, y) for i, c, x, y in chars_a if i not in edited]
                kept_a = [k for k in kept_a if not (rects.rows and rects.inside(k[1], k[2]))]
                kept_b, placed = [], Counter()
                for _i, c, x, y in _chars(tp_b):
                    if round(y) in rects.rows and rects.inside(x, y):
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
