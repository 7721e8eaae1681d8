"""Each whole address one span: the parts other recognizers found, joined with their postcode.

The address recognizer finds street lines, PO boxes and "postcode city" lines; the model finds
cities, regions and countries as LOCATION. Beside them a bare postcode is found by neither
("Rajasthan 302021 India", "13353 Berlin" under a street line, "Abuja 904101 Nigeria"), and
it is as identifying as the street. Here, after overlaps are resolved, a run of ADDRESS and
LOCATION hits, postcodes and country names, apart by nothing but spaces, commas and at most
one line break each, becomes one ADDRESS when it is an address:

* it holds an ADDRESS hit and anything else (a city beside a street is part of the address);
* or it holds a LOCATION and a postcode of five or more characters ("Maharashtra 400093",
  "80-958 Gdańsk"). A four-digit number beside a city is a year as often as a postcode
  ("London 2019"): it joins only a run with a street or PO box in it.

A number followed by a lower-case word ("Berlin 10000 visitors") or after a currency sign is
no postcode. A run of LOCATION hits alone ("Paris, France") is left as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .hits import PRIORITY, Hit
from .lexicon import ADDRESS_UNIT_WORDS, CALENDAR, COUNTRY_ALIASES, country_names

_CODE = (
    r"(?:\d{5}-\d{3}|\d{5,6}|\d{2}-\d{3}|\d{3}[ ]\d{3}|\d{3}[ ]\d{2}|\d{4}-\d{3}|\d{3}-\d{4}|"
    r"[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}|[A-Z]\d[A-Z][ ]\d[A-Z]\d|\d{4}(?:[ ]?[A-Z]{2}(?![\w]))?)"
)
_NAME = r"[^\W\d_a-z][^\W\d_]*(?:[ \t\-][^\W\d_a-z][^\W\d_]*){0,2}"
#: postcode shapes: 5-6 digits (DE, ES, FR, IT, US, IN, NG, CN, RU), "400 050" (IN), "80-958"
#: (PL), "111 22" (SE, CZ, GR), "1000-001" (PT), "160-0023" (JP), UK, Canadian and Dutch
#: forms, 4 digits; with the place written beside it on its line when there is one
#: ("Rajasthan 302021", "13353 Berlin"), the place ending or starting the line or field
_POSTCODE = re.compile(
    rf"(?:(?P<left>{_NAME}),?[ \t]+)?"
    rf"(?<![\w\-+.,/$€£¥#])(?P<code>{_CODE})(?![\w\-]|[.,]\d|[ \t]*%)"
    rf"(?:[ \t]+(?P<right>{_NAME})(?=[ \t]*(?:$|[\r\n,;|·])))?",
    re.M,
)


def _unit_word(phrase: str) -> str:
    return "".join(r"\.?[ \t]*" if c == "." else r"[ \t]+" if c == " " else re.escape(c)
                   for c in phrase)  # fmt: skip


_UNITS = "|".join(_unit_word(w) for w in sorted(ADDRESS_UNIT_WORDS, key=len, reverse=True))
#: "Plot 7", "Flat 402", "SCO 45", "Sector 17-C"; "C-12," starting a line
_UNIT = re.compile(
    rf"(?<![\w\-])(?i:{_UNITS})[ \t]*\d{{1,5}}(?:[\-/]?[A-Za-z\d]{{1,3}})?(?![\w\-])|"
    # "2nd Cross", "5th Main", "3rd Floor": an ordinal street or floor of an Indian address
    r"(?<![\w\-])\d{1,3}(?:st|nd|rd|th)[ \t]+(?:Cross|Main|Stage|Phase|Block|Floor|Sector)\b|"
    r"^[ \t]*[A-Z]-\d{1,4}(?=,)",
    re.M,
)
#: a word that may start a country's name ("Polska", "United Kingdom", "U.K.", "日本")
_WORD = re.compile(r"(?<![\w\-.])[^\W\d_](?:[^\W\d_]|\.(?=[^\W\d_]))*\.?(?![\w\-])")
_PROSE = re.compile(r"[ \t]+[a-z]")
_GAP = re.compile(r"[ \t,]*(?:\r?\n[ \t,]*)?")
_LINE_GAP = re.compile(r"[ \t,]*")
# after a street: one short unit or district ("3º izq.", "Wuse II") ended by a comma or the
# line break, as the address recognizer joins its parts
_STREET_GAP = re.compile(r"[ \t,]*(?:[^\n,;:]{1,14}(?:,|(?=\r?\n)))?[ \t,]*(?:\r?\n)?[ \t,]*")
_JOINABLE = ("ADDRESS", "LOCATION")
#: a model ORGANIZATION inside an address line is a district or an estate ("MIDC Industrial
#: Area", "Oyo State"): it joins a run on the same line only
_INLINE = ("ORGANIZATION",)


@dataclass
class _Run:
    start: int
    end: int
    members: list[Hit] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    codes: list[tuple[bool, bool, bool]] = field(default_factory=list)  # named, long, prose


Item = tuple[str, int, int, Any]  # kind, start, end, the hit (None: found here)


def join_addresses(text: str, hits: Sequence[Hit]) -> list[Hit]:
    """`hits` (sorted, not overlapping) with every address run made one ADDRESS hit."""
    if not any(h.entity_type in _JOINABLE for h in hits) and not _UNIT.search(text):
        return list(hits)  # a unit with its postcode is an address without any hit
    out: list[Hit] = []
    run: _Run | None = None
    for kind, s, e, hit in _items(text, hits):
        if run is not None and _joins(text, run, kind, s):
            _add(run, kind, s, e, hit)
            continue
        if run is not None:
            out += _close(text, run)
            run = None
        if kind in ("other", "ORGANIZATION"):
            out.append(hit)
        else:
            run = _Run(s, e)
            _add(run, kind, s, e, hit)
    if run is not None:
        out += _close(text, run)
    return out


def _joins(text: str, run: _Run, kind: str, s: int) -> bool:
    if kind == "other":
        return False
    if s <= run.end:
        return True
    if kind == "ORGANIZATION":
        return _LINE_GAP.fullmatch(text, run.end, s) is not None
    gap = _STREET_GAP if "ADDRESS" in run.kinds else _GAP
    return gap.fullmatch(text, run.end, s) is not None


def _items(text: str, hits: Sequence[Hit]) -> list[Item]:
    """Hits and, outside them, postcodes, units and country names, in text order."""
    starts = [h.start for h in hits]  # sorted, not overlapping: a bisection finds neighbours

    def free(a: int, b: int) -> bool:
        k = bisect_left(starts, b)  # hits starting before b: only the last can reach past a
        return k == 0 or hits[k - 1].end <= a

    items: list[Item] = []
    for h in hits:
        kind = h.entity_type
        if kind not in _JOINABLE and not (kind in _INLINE and h.source == "model"):
            kind = "other"
        items.append((kind, h.start, h.end, h))
    extra: list[Item] = []
    if any(c.isdigit() for c in text):
        for m in _POSTCODE.finditer(text):
            a, b = m.span("code")
            if not free(a, b):
                continue
            named = False
            if m.group("left") and free(m.start("left"), a):
                a, named = m.start("left"), True
            if m.group("right") and free(b, m.end("right")):
                b, named = m.end("right"), True
            # "Berlin 10000 visitors": a number a sentence goes on from is a count, unless a
            # unit says address ("SCO 45, Sector 17-C, Chandigarh 160017 this morning")
            prose = _PROSE.match(text, b) is not None
            long = not re.fullmatch(r"\d{4}", m["code"])
            if m.group("left") and m["left"].split()[-1].casefold() in CALENDAR:
                continue  # "March 2026": a date
            extra.append(("postcode", a, b, (named, long, prose)))
        extra += [("unit", m.start(), m.end(), None) for m in _UNIT.finditer(text)]
    items += [x for x in extra if free(x[1], x[2])]
    # a country ends an address: looked for only right after a part (not over every word)
    ends = sorted({e for kind, _s, e, _h in items if kind != "other"})
    items += [x for x in _countries(text, ends) if free(x[1], x[2])]
    items.sort(key=lambda x: (x[1], x[2]))
    return items


def _countries(text: str, after: Sequence[int]) -> list[Item]:
    """Country names right after the positions `after` (past spaces, commas and one line
    break), capitalised, the longest of up to four words ("United Kingdom", not "United");
    three letters or more unless an alias ("UK")."""
    names = country_names()
    out: list[Item] = []
    for pos in after:
        gap = _GAP.match(text, pos)
        start = gap.end() if gap else pos
        words: list[tuple[int, int]] = []
        for m in _WORD.finditer(text, start, min(len(text), start + 80)):
            joined = text[words[-1][1] : m.start()] == " " if words else m.start() == start
            if not joined:
                break
            words.append((m.start(), m.end()))
            if len(words) == 4:
                break
        for k in range(len(words), 0, -1):
            e = words[k - 1][1]
            phrase = text[start:e].casefold()
            long = len(phrase) >= 3 or phrase in COUNTRY_ALIASES
            if phrase in names and long and not text[start].islower():
                out.append(("country", start, e, None))
                break
    return out


def _add(run: _Run, kind: str, s: int, e: int, hit: Any) -> None:
    run.end = max(run.end, e)
    run.kinds.add(kind)
    if isinstance(hit, Hit):
        run.members.append(hit)
    if kind == "postcode":
        run.codes.append(hit)  # (named, long, prose)


def is_address_run(kinds: set[str], codes: list[tuple[bool, bool, bool]], places: int = 0) -> bool:
    """A run of parts is an address: a street with anything else; a place with a postcode
    that cannot be a year or a count; a postcode written with its place beside a unit ("SCO
    45, Sector 17-C, Chandigarh 160017"); a city and its region with their postcode, even
    when the sentence goes on ("at Jaipur, Rajasthan 302021 this morning": `places`, the
    run's place hits, and the places written with a postcode make 2 or more)."""
    if "ADDRESS" in kinds and kinds - {"ADDRESS"}:
        return True
    if kinds & {"LOCATION", "country"} and any(long and not prose for _n, long, prose in codes):
        return True
    named = sum(n for n, _long, _p in codes)  # a place written into the postcode's item
    if places + named >= 2 and any(long for _n, long, _p in codes):
        return True
    place = bool(kinds & {"LOCATION", "country"})
    return "unit" in kinds and any((named or place) and long for named, long, _p in codes)


def _close(text: str, run: _Run) -> list[Hit]:
    multi = len(run.members) > 1 and "ADDRESS" in run.kinds
    places = sum(h.entity_type == "LOCATION" for h in run.members) + ("country" in run.kinds)
    if not (multi or is_address_run(run.kinds, run.codes, places)):
        return run.members  # the hits as they were; postcodes and countries alone are none
    best = max(run.members, key=lambda h: PRIORITY[h.source]) if run.members else None
    return [
        Hit(
            "ADDRESS",
            run.start,
            run.end,
            max((h.score for h in run.members), default=0.7),
            best.source if best else "pattern",
            text[run.start : run.end],
        )
    ]


# --------------------------------------------------------------------------- across segments
#: segment kinds whose neighbours are the next lines of one text (paragraphs, PDF lines), not
#: cells of a table or fields of metadata
_FLOWING = frozenset({"body", "header", "footer", "ocr", "note", "footnote", "comment"})
#: segment kinds whose paragraphs flow only inside their container: a table row of a Word
#: document ("paragraph 24, table 3, row 1, cell 4"), a slide's shape or table row ("slide 3
#: / shape 'Content Placeholder 2'"); an address block written in one cell, one text box or
#: across the cells of one row
_CONTAINED = frozenset({"table", "slide"})
_PARAGRAPH_NO = re.compile(r"^paragraph \d+, ")
_CELL_NO = re.compile(r",? cell \d+$")


def _container(seg: Any) -> str | None:
    """What a segment's text flows on into: every flowing segment into the next, a cell's or a
    shape's paragraph into the next one of the same cell or shape; None: it stands alone."""
    if seg.kind in _FLOWING:
        return "flow"
    if seg.kind in _CONTAINED:
        # the cells of one table row read on like a line ("Registered office | Bryggen 15 |
        # 5003 Bergen | Norge")
        return f"{seg.kind}:{_CELL_NO.sub('', _PARAGRAPH_NO.sub('', seg.locator))}"
    return None


def join_across_segments(doc: Any, hits: Sequence[list[Hit]]) -> list[list[Hit]]:
    """The same over consecutive paragraphs of a document: a Word letter's address block is a
    paragraph per line ("Müllerstraße 42" / "13353 Berlin" / "Germany"), also inside one
    table cell or one slide's text box (`_container`)."""
    segs = doc.segments
    out = [list(h) for h in hits]
    i = 0
    while i < len(segs):
        j = i
        key = _container(segs[i])
        while j + 1 < len(segs) and key is not None and _container(segs[j + 1]) == key:
            j += 1
        if j > i:
            _join_chain(segs, out, i, j, cells=segs[i].kind in _CONTAINED)
        i = j + 1
    return out


def _join_chain(segs: Any, out: list[list[Hit]], i: int, j: int, cells: bool = False) -> None:
    """`cells`: the chain is one cell, shape or table row: its address parts are looked for
    in the chain's text as a whole too, so a part that is an address only beside another
    ("Bryggen 15" in one cell, "5003 Bergen" in the next) is found."""
    offsets, pos = [], 0
    for k in range(i, j + 1):
        offsets.append(pos)
        pos += len(segs[k].text) + 1
    text = "\n".join(segs[k].text for k in range(i, j + 1))
    found = sorted(
        [replace(h, start=h.start + offsets[k - i], end=h.end + offsets[k - i])
         for k in range(i, j + 1) for h in out[k]],
        key=lambda h: (h.start, h.end),
    )  # fmt: skip
    extra = _chain_addresses(text) if cells else _block_addresses(segs, i, j, offsets)
    joined = join_addresses(text, sorted([*found, *extra], key=lambda h: (h.start, h.end)))
    if joined == found:
        return  # nothing joined, nothing new
    n = 0  # the first joined hit that may reach segment k (linear over the chain)
    for k in range(i, j + 1):
        a, b = offsets[k - i], offsets[k - i] + len(segs[k].text)
        seg_hits = []
        while n < len(joined) and joined[n].end <= a:
            n += 1
        for h in joined[n:]:
            if h.start >= b:
                break
            s, e = max(h.start, a), min(h.end, b)
            if s >= e or not segs[k].text[s - a : e - a].strip():
                continue
            s += len(text[s:e]) - len(text[s:e].lstrip())
            e -= len(text[s:e]) - len(text[s:e].rstrip())
            seg_hits.append(replace(h, start=s - a, end=e - a, text=segs[k].text[s - a : e - a]))
        out[k] = seg_hits


def _chain_addresses(text: str, base: int = 0) -> list[Hit]:
    from .recognizers.address import ScrubAddressRecognizer, address_spans

    if not ScrubAddressRecognizer.gate(text):
        return []
    return [
        Hit("ADDRESS", base + s, base + e, 0.7, "pattern", text[s:e])
        for s, e in address_spans(text)
    ]


#: the longest line of an address block written a paragraph per line
_BLOCK_LINE = 90


def _block_addresses(segs: Any, i: int, j: int, offsets: list[int]) -> list[Hit]:
    """Addresses that span the short paragraphs of an address block ("Flat 7B, Sea Breeze
    Apartments, Carter Road" / "Mumbai – 400 050"): parts that are one only beside another,
    each in a paragraph of its own. Only spans across a paragraph break are new: each
    paragraph was read alone already."""
    out: list[Hit] = []
    k = i
    while k <= j:
        m = k
        while m <= j and 0 < len(segs[m].text) <= _BLOCK_LINE:
            m += 1
        if m - k >= 2:
            block = "\n".join(segs[x].text for x in range(k, m))
            out += [h for h in _chain_addresses(block, offsets[k - i]) if "\n" in h.text]
        k = m + 1
    return out
