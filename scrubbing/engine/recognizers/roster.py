"""Rosters: when most entries of a list of people were found, the rest are people too.

A document-level step after column hits (one segment rarely holds the whole list: a PDF or a
Word file has a segment per bullet). A roster is
  * a run of bullet or numbered lines ("• Tsvetelina Stoyanova (chair)");
  * the lines after a roster heading ("Present", "Attendees", "References");
  * the items of one line separated by ";" or ", " / " and " (three or more, or after a
    label: "Cc: A; B", "Attendees: A, B and C").
An entry is the head of its item, cut before a role or a company ("– Kettunen Oy", "(chair)",
", Finance Director"); "Family, Given" stays whole ("Ng, Wing-yan, HR Business Partner").
When at least `MOSTLY` of a roster's entries overlap a PERSON hit (or name the person of an
e-mail address in the document; after a roster heading, which says "people" already, a
third is enough), every entry of a name's
shape (`roster_shape`) is a person: the unfound ones, and the found ones where the hit covers
only part ("Sun [Lihua]") or another type claimed them (the model's ORG on "Soo-ah Baek").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from ..base import Document
from ..hits import Hit
from ..lexicon import (
    HEADINGS,
    JOB_WORDS,
    LEGAL_SUFFIXES,
    ROSTER_HEADINGS,
)
from ..merge import merge_hits
from .context_names import SIGNOFF_LINE, signoff_name
from .name_shape import looks_like_name

_BULLET = re.compile(
    r"^[ \t>]*(?P<mark>[-*\u2022\u00b7\u2013\u25aa\u25cf\u2023]|\d{1,3}[.)])[ \t]+"
)
_CUT = re.compile(r"[ \t]+[\u2013\u2014\-|/][ \t]|[ \t]*[(\[<\t]|:[ \t]|[ \t]{3,}|[ \t]+@")
_LABEL = re.compile(r"^[ \t>]*[A-Za-z][\w \-]{0,30}:[ \t]+")
_ROLE_LABEL = re.compile(r"[ \t]*([A-Za-z][A-Za-z&/\-]*(?:[ \t][A-Za-z&/\-]+){0,3}):[ \t]+")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
Line = tuple[int, int, int]  # segment index, start, end


def _lines(doc: Document) -> list[Line]:
    out: list[Line] = []
    for seg in doc.segments:
        pos = 0
        for line in seg.text.split("\n"):
            out.append((seg.index, pos, pos + len(line.rstrip("\r"))))
            pos += len(line) + 1
    return out


def _given_like(field: str) -> bool:
    """The field after "Family," is a given name or initials, not a title ("HR Business")."""
    words = field.split()
    if not 1 <= len(words) <= 2:
        return False
    return all(
        w[:1].isupper() and w.casefold().strip(".") not in JOB_WORDS
        and not any(c.isdigit() for c in w)
        for w in words
    )  # fmt: skip


def _first_name(field: str) -> bool:
    """ "Guadalupe" after "Navarro Iglesias,": one word from the first-name lists."""
    from .known_names import name_lists

    words = field.split()
    return len(words) == 1 and words[0].casefold() in name_lists()[0]


def entry_head(text: str, s: int, e: int) -> tuple[int, int]:
    """The name part of one item text[s:e]: before a role, a company or a title; after a
    label that is no name ("Operations: Yoo Jae-seok" in an org chart)."""
    label = _ROLE_LABEL.match(text, s, e)
    if label and not looks_like_name(label.group(1), loose=True):
        s = label.end()
    m = _CUT.search(text, s, e)
    end = m.start() if m else e
    comma = text.find(",", s, end)
    if comma >= 0:
        first = text[s:comma].split()
        nxt_end = text.find(",", comma + 1, end)
        nxt = text[comma + 1 : end if nxt_end < 0 else nxt_end]
        given = _given_like(nxt) and (len(first) == 1 or (len(first) == 2 and _first_name(nxt)))
        end = comma + 1 + len(nxt.rstrip()) if given else comma
    while s < end and text[s] in " \t\"'\u201c\u2018*_":
        s += 1
    while end > s and text[end - 1] in " \t\"'\u201d\u2019*_,;":
        end -= 1
    return s, end


def roster_shape(entry: str) -> bool:
    """A roster entry that can be a name: a name's shape where a name is expected (words
    less frequent than ROSTER_ZIPF, initials allowed), and no company ("Kettunen Oy")."""
    words = entry.split()
    return looks_like_name(entry, loose=True) and words[-1] not in LEGAL_SUFFIXES


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if c.isalpha() and not unicodedata.combining(c))


def _words(text: str) -> frozenset[str]:
    """The words of a name as an e-mail local part writes them: "Marie-Claire Gonçalves" ->
    {"marieclaire", "goncalves"}."""
    return frozenset(f for f in (_fold(w) for w in _WORD.findall(text)) if f)


def _mailbox(address: str) -> frozenset[str]:
    bits = re.split(r"[._+]", address.split("@", 1)[0])
    return frozenset(f for f in (_fold(b) for b in bits) if f) if len(bits) >= 2 else frozenset()


def _candidate(text: str) -> bool:
    """Could this entry be a person at all (counted in the share found)?"""
    return (
        0 < len(text) <= 60
        and len(text.split()) <= 6
        and not any(c.isdigit() or c == "@" for c in text)
        and any(c.isalpha() for c in text)
    )


_HEAD_TAIL = re.compile(r"[ \t](?:[\u2013\u2014\-]|:)[ \t]+(?P<tail>[^\u2013\u2014:]+)$")


def _roster_heading(line: str) -> bool:
    """ "Attendees:", and a heading's last part after a dash or a colon ("KINGFISHER-LOI-8 –
    access list", "Steering group: members")."""
    head = line.strip().rstrip(":").strip().casefold()
    if head in ROSTER_HEADINGS:
        return True
    m = _HEAD_TAIL.search(head)
    return bool(m) and m.group("tail").strip() in ROSTER_HEADINGS


class _Overlaps:
    """The hits of a segment that overlap a span, by bisection (linear time in all)."""

    def __init__(self, hits: Sequence[Sequence[Any]]) -> None:
        self.hits = [sorted(seg, key=lambda h: h.start) for seg in hits]
        self.starts = [[h.start for h in seg] for seg in self.hits]
        self.reach = [max((h.end - h.start for h in seg), default=0) for seg in self.hits]

    def __call__(self, i: int, a: int, b: int) -> list[Any]:
        seg, starts = self.hits[i], self.starts[i]
        lo = bisect_left(starts, a - self.reach[i])
        hi = bisect_left(starts, b)
        return [h for h in seg[lo:hi] if h.end > a]


class ScrubRosterRecognizer:
    """Document-level: `hits(doc, hits)` returns per-segment hits with roster entries added."""

    ENTITIES: ClassVar[tuple[str, ...]] = ("PERSON",)
    SOURCE: ClassVar[str] = "structure"
    SCORE: ClassVar[float] = 0.65
    MOSTLY: ClassVar[float] = 0.5  # share of a roster's entries found as people
    AFTER_HEADING: ClassVar[float] = 0.3  # the same after a roster heading ("References")
    MIN_ENTRIES: ClassVar[int] = 2
    MAX_AFTER_HEADING: ClassVar[int] = 12  # lines read after a roster heading
    MAX_LINE: ClassVar[int] = 2_000  # characters of a line read as a separated list

    def rosters(self, doc: Document) -> Iterator[tuple[str, list[Line]]]:
        """Each roster: its kind ("bullets", "heading", "inline") and its items' spans
        (segment, start, end)."""
        texts = [seg.text for seg in doc.segments]
        lines = _lines(doc)
        run: list[Line] = []
        mark = ""
        for i, s, e in lines:
            t = texts[i][s:e]
            if not t.strip():
                continue  # blank lines between bullets (plain-text minutes)
            m = _BULLET.match(t)
            kind = re.sub(r"\d+", "9", m.group("mark")) + doc.segments[i].kind if m else ""
            if m and (not run or kind == mark):
                run.append((i, s + m.end(), e))
                mark = kind
                continue
            if len(run) >= self.MIN_ENTRIES:
                yield "bullets", run
            run, mark = ([(i, s + m.end(), e)], kind) if m else ([], "")
        if len(run) >= self.MIN_ENTRIES:
            yield "bullets", run
        for k, (i, s, e) in enumerate(lines):
            if not _roster_heading(texts[i][s:e]):
                continue
            block: list[Line] = []
            for j, a, b in lines[k + 1 : k + 1 + self.MAX_AFTER_HEADING]:
                if doc.segments[j].kind != doc.segments[i].kind:
                    break  # the body ends: metadata or a comment is no entry
                t = texts[j][a:b]
                if not t.strip():
                    continue
                low = t.strip().rstrip(":").casefold()
                if low in ROSTER_HEADINGS or low in HEADINGS or re.match(r"\d{1,2}\.\s", t.strip()):
                    break
                m = _BULLET.match(t)
                block.append((j, a + (m.end() if m else 0), b))
            if len(block) >= self.MIN_ENTRIES:
                yield "heading", block
        for i, s, e in lines:
            for items in self._inline(texts[i], i, s, e):
                yield "inline", items

    def signed(self, doc: Document) -> Iterator[Line]:
        """The first line of the paragraph after a sign-off paragraph ("Yours sincerely," and
        "R. Karthikeyan" are two paragraphs of a letter; within one text `context_names`
        reads them)."""
        lines = [ln for ln in _lines(doc) if doc.segments[ln[0]].text[ln[1] : ln[2]].strip()]
        for (i, s, e), (j, a, b) in zip(lines, lines[1:], strict=False):
            if j != i and SIGNOFF_LINE.match(doc.segments[i].text[s:e]):
                yield j, a, b

    def _inline(self, text: str, i: int, s: int, e: int) -> Iterator[list[Line]]:
        if e - s > self.MAX_LINE:
            return  # a wall of text or data, no line of names
        line = text[s:e]
        label = _LABEL.match(line)
        start = s + (label.end() if label else 0)
        body = text[start:e]
        if "," not in body and ";" not in body:
            return
        sep = re.compile(r";" if ";" in body else r",|[ \t]and[ \t]|[ \t]&[ \t]")
        items: list[Line] = []
        pos = start
        for m in [*sep.finditer(text, start, e), None]:
            b = m.start() if m else e
            if text[pos:b].strip():
                items.append((i, pos, b))
            pos = m.end() if m else e
        if len(items) >= 3 or (label and len(items) >= self.MIN_ENTRIES):
            yield items

    def hits(self, doc: Document, hits: Sequence[list[Any]]) -> list[list[Any]]:
        texts = [seg.text for seg in doc.segments]
        extra: dict[int, list[Hit]] = defaultdict(list)
        # the people the document's e-mail addresses name ("lihua.sun@" names "Sun Lihua")
        mailboxes = {
            _mailbox(h.text)
            for seg_hits in hits
            for h in seg_hits
            if h.entity_type == "EMAIL_ADDRESS"
        }
        mailboxes.discard(frozenset())
        index = _Overlaps(hits)
        for kind, roster in self.rosters(doc):
            entries = []
            for i, s, e in roster:
                a, b = entry_head(texts[i], s, e)
                if b > a and _candidate(texts[i][a:b]):
                    entries.append((i, a, b))
            if len(entries) < self.MIN_ENTRIES:
                continue
            # after a roster heading, which says "people", a full name's shape counts too
            # ("KINGFISHER-LOI-8 – access list" over "MacGillivray, Lachlan", "A. Sydykov")
            found = [
                any(h.entity_type == "PERSON" for h in index(i, a, b))
                or _words(texts[i][a:b]) in mailboxes
                or (kind == "heading" and looks_like_name(texts[i][a:b]))
                for i, a, b in entries
            ]
            share = self.AFTER_HEADING if kind == "heading" else self.MOSTLY
            if not any(found) or sum(found) < share * len(entries):
                continue
            for i, a, b in entries:
                near = index(i, a, b)
                if any(h.entity_type == "PERSON" and h.start <= a and b <= h.end for h in near):
                    continue  # found whole already
                if any(h.entity_type != "PERSON" and h.source != "model" for h in near):
                    continue  # a pattern's address or client is not a person
                if roster_shape(texts[i][a:b]):
                    extra[i].append(Hit("PERSON", a, b, self.SCORE, self.SOURCE, texts[i][a:b]))
        for i, a, b in self.signed(doc):
            if not any(h.entity_type == "PERSON" for h in index(i, a, b)):
                extra[i] += [
                    Hit("PERSON", s, e, self.SCORE, self.SOURCE, texts[i][s:e])
                    for s, e, _t in signoff_name(texts[i], a, b)
                ]
        if not extra:
            return list(hits)
        return [
            merge_hits([*seg_hits, *extra[k]], texts[k]) if k in extra else seg_hits
            for k, seg_hits in enumerate(hits)
        ]


def roster_hits(doc: Document, hits: Sequence[list[Any]]) -> list[list[Any]]:
    """`hits` (per segment) with the unfound entries of rosters of people added."""
    return ScrubRosterRecognizer().hits(doc, hits)
