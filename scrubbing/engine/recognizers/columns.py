"""Columns typed by their header, and columns of people.

A document-level step after detection (a cell alone does not say which column it is in):
CSV/TSV text files and workbook cells ("Sheet1!B4") are read as columns; a value under a
header such as "Owner", "Customer", "Phone" or "Address" gets that header's type, and a
column whose detected values are mostly people is a column of people: its other name-shaped
values are people too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ..base import Document
from ..hits import Hit
from ..merge import merge_hits
from .structure import generic_key, key_type, value_fits

_CELL = re.compile(r"^(?P<sheet>.+)!(?P<col>[A-Z]{1,3})(?P<row>\d+)(?: \(\+\d+ more\))?$")
#: a cell of a .docx or .pptx table: "paragraph 5, table 1, row 2, cell 1", "slide 4 / table
#: 'Table 3' row 2 cell 2"
_TABLE_CELL = re.compile(
    r"(?:^|, )(?P<sheet>(?:slide \d+ / )?table [^,]*?),? row (?P<row>\d+),? cell (?P<col>\d+)$"
)
MOSTLY = 0.5  # share of a column's values found as people that makes it a column of people
MIN_VALUES = 3
Cell = tuple[int, int, int]  # segment index, start, end


def _fields(line: str, delim: str) -> list[tuple[int, int]]:
    """(start, end) of each field of one CSV line, quotes handled, offsets into `line`."""
    out = []
    i, n = 0, len(line)
    while i <= n:
        if i < n and line[i] == '"':
            j = i + 1
            while j < n and not (line[j] == '"' and (j + 1 >= n or line[j + 1] != '"')):
                j += 2 if line[j] == '"' else 1
            out.append((i + 1, min(j, n)))
            k = line.find(delim, j)
            i = n + 1 if k < 0 else k + 1
        else:
            k = line.find(delim, i)
            k = n if k < 0 else k
            out.append((i, k))
            i = k + 1
    return out


def _csv_columns(doc: Document) -> tuple[list[str], dict[int, list[Cell]]] | None:
    segs = doc.segments
    if getattr(doc, "kind", "") != "text" or not segs:
        return None
    header = segs[0].text.split("\n", 1)[0].rstrip("\r")
    delim = max(",;\t|", key=header.count)
    if header.count(delim) < 1:
        return _tab_tables(doc)  # "Contacts\nName\tCompany...": a sheet pasted as text
    names = [header[s:e].strip() for s, e in _fields(header, delim)]
    if any(len(n.split()) > 4 for n in names):
        return None  # prose with commas, not a header row
    cols: dict[int, list[Cell]] = defaultdict(list)
    for seg in segs:
        pos = 0
        for line in seg.text.split("\n"):
            if seg.index == 0 and pos == 0:
                pos += len(line) + 1
                continue
            fields = _fields(line.rstrip("\r"), delim)
            if len(fields) != len(names):
                pos += len(line) + 1
                continue
            for j, (s, e) in enumerate(fields):
                cols[j].append((seg.index, pos + s, pos + e))
            pos += len(line) + 1
    return names, cols


def _header_like(fields: list[str]) -> bool:
    """A row of column names: two or more short fields without digits or addresses."""
    fields = [f.strip() for f in fields]
    return len(fields) >= 2 and all(
        f and len(f.split()) <= 4 and len(f) <= 40 and not any(c.isdigit() or c == "@" for c in f)
        for f in fields
    )


_PIPE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?[ \t]*)?$")


def _row(line: str) -> list[tuple[int, int]]:
    """The fields of one row of a text table: tab-separated, or a Markdown table's
    "| a | b |" (its outer bars hold no field); none for any other line."""
    if "\t" in line:
        return _fields(line, "\t")
    if line.lstrip().startswith("|") and line.rstrip().endswith("|") and line.count("|") >= 3:
        return _fields(line.rstrip(), "|")[1:-1]
    return []


def _tab_tables(doc: Document) -> tuple[list[str], dict[int, list[Cell]]] | None:
    """Tab-separated and Markdown tables anywhere in a text (the plain text of a workbook: a
    sheet's name, its header row, its rows, a blank line; of a document or a deck: a blank
    line between rows too, each row a paragraph of its own): each header row names the
    columns below it (a tab table's; a Markdown table's columns have no name)."""
    names: list[str] = []
    cols: dict[int, list[Cell]] = defaultdict(list)
    lines: list[tuple[int, int, str]] = []  # segment index, start, line: the whole text
    for seg in doc.segments:
        pos = 0
        for line in seg.text.split("\n"):
            lines.append((seg.index, pos, line.rstrip("\r")))
            pos += len(line) + 1
    k = 0
    while k < len(lines):
        line = lines[k][2]
        head = _row(line)
        if not head or not _header_like([line[a:b] for a, b in head]):
            k += 1
            continue
        rows = []
        used = 0  # lines of the table after its header, blank ones between rows too
        for n, (seg_index, row_start, row) in enumerate(lines[k + 1 :], 1):
            blank = not row.strip() and k + 1 + n < len(lines) and lines[k + 1 + n][2].strip()
            if blank or (n == 1 and _PIPE_RULE.match(row)):
                continue  # a blank line between rows; the rule under a Markdown header
            fields = _row(row)
            if len(fields) != len(head):
                break
            rows.append((seg_index, row_start, fields))
            used = n
        if len(rows) < MIN_VALUES - 1:
            k += 1
            continue
        base = len(names)
        # a Markdown table is typed by its values alone ("a column of people"): its headers
        # are a README's words ("| client | version |" lists software, not customers)
        markdown = "\t" not in line
        names += ["" if markdown else line[a:b].strip() for a, b in head]
        for seg_index, row_start, fields in rows:
            for j, (a, b) in enumerate(fields):
                cols[base + j].append((seg_index, row_start + a, row_start + b))
        k += 1 + used
    return (names, cols) if cols else None


def _sheet_columns(doc: Document) -> tuple[list[str], dict[int, list[Cell]]] | None:
    """The columns of a workbook's sheets, or of the tables of a document or a deck (its first
    row the header: "Owner" over "Zhou Y.")."""
    by_sheet: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for seg in doc.segments:
        m = _CELL.match(seg.locator) or _TABLE_CELL.search(seg.locator)
        if m:
            by_sheet[m.group("sheet")][m.group("col")].append((int(m.group("row")), seg.index))
    if not by_sheet:
        return None
    names: list[str] = []
    cols: dict[int, list[Cell]] = defaultdict(list)
    for columns in by_sheet.values():
        top = min(r for cells in columns.values() for r, _i in cells)
        for cells in columns.values():
            cells.sort()
            head = [i for r, i in cells if r == top]
            j = len(names)
            names.append(doc.segments[head[0]].text.strip() if head else "")
            for r, i in cells:
                if r != top:
                    cols[j].append((i, 0, len(doc.segments[i].text)))
    return names, cols


def column_hits(doc: Document, hits: Sequence[list[Any]]) -> list[list[Any]]:
    """`hits` (per segment) with the values of typed columns and columns of people added."""
    table = _csv_columns(doc) or _sheet_columns(doc)
    if table is None:
        return list(hits)
    names, cols = table
    extra: dict[int, list[Hit]] = defaultdict(list)
    for j, cells in cols.items():
        etype = key_type(re.sub(r"\s+", "_", names[j])) if j < len(names) else None
        values = [(i, s, e, doc.segments[i].text[s:e].strip()) for i, s, e in cells]
        values = [v for v in values if v[3]]
        if etype is None and len(values) >= MIN_VALUES:
            # a cell counts when a person was found in it, part of it too ("Zhukov" of
            # "Konstantin Zhukov"): value_fits then judges each whole value
            people = sum(
                any(h.entity_type == "PERSON" and h.start < e and s < h.end for h in hits[i])
                for i, s, e, _v in values
            )
            if people >= MOSTLY * len(values):
                etype = "PERSON"  # a column of people
        if etype is None:
            continue
        for i, s, e, _value in values:
            text = doc.segments[i].text
            while s < e and text[s] in ' \t"':
                s += 1
            while e > s and text[e - 1] in ' \t"\r':
                e -= 1
            if value_fits(etype, text[s:e], etype == "CODENAME" and generic_key(names[j])):
                extra[i].append(Hit(etype, s, e, 0.65, "structure", text[s:e]))
    if not extra:
        return list(hits)
    return [
        merge_hits([*seg_hits, *extra[k]], doc.segments[k].text) if k in extra else seg_hits
        for k, seg_hits in enumerate(hits)
    ]
