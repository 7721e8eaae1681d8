"""The task inventory applied to one file: sweep its text for every surface form of every
entity the task knows, and give each finding its entity's type and placeholder.

`Scrubber.assign` runs `sweep` then `assign_replacements` under the task's lock (linear in the
text, no model); `assign_later` does the same for a later verification round's findings;
`task_entities` is what verification searches the output for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from .base import Document
from .lexicon import CALENDAR, HONORIFICS, WORLD_HONORIFICS
from .pseudonyms import LABELS, Pseudonymizer
from .results import Detection
from .terms import KnownStrings, TermLists, is_common_word, lone_common, normalize

#: words before a capitalised word that make it a thing's name, not a person's ("the Victor")
_DETERMINERS = frozenset("the a an this that these those our their his her its my your".split())
#: words of a name that are titles, never swept alone ("Mrs" of "Mrs. Laura Stokes")
_TITLES = frozenset(HONORIFICS) | {h.casefold() for h in WORLD_HONORIFICS}


def common_name_finder(parts: Iterable[str]) -> re.Pattern[str] | None:
    """Where a name part that is also an ordinary word ("Victor", "Grace") stands as a name:
    written Capitalised inside a sentence (after a word or a comma, not first on its line),
    and followed by punctuation or a lower-case word ("Could Victor check ...", "ask Grace.").
    "Grace period" first in a sentence, "the Victor Hotel" and "Victor Hugo" are left."""
    names = sorted(
        {p for p in parts if p.casefold() not in CALENDAR and p.casefold() not in _TITLES},
        key=len,
        reverse=True,
    )
    if not names:
        return None
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"(?:(?<=[^\W_],[ ])|(?<=[^\W_][ ]))(?P<n>{alt})"
        r"(?=[.,;:!?)'\u2019]|[ \t]+[a-z]|[ \t]*$)",
        re.M,
    )


#: a known string found in a text: start, end, entity type, source
Span = tuple[int, int, str, str]


def _common_name_spans(rx: re.Pattern[str], text: str) -> list[Span]:
    out = []
    for m in rx.finditer(text):
        before = text[max(0, m.start("n") - 24) : m.start("n")].split()
        if before and before[-1].casefold() in _DETERMINERS:
            continue
        out.append((m.start("n"), m.end("n"), "PERSON", "pattern"))
    return out


class Swept(dict):
    """`sweep`'s `swept=`: the spans found per segment text (as a plain dict), and what a
    second sweep needs to search again only the texts where a string new or changed since can
    occur: the KnownStrings searched, the common-name finder's pattern, and per text the
    spans each found."""

    def __init__(self) -> None:
        super().__init__()
        self.known: KnownStrings | None = None
        self.common: str | None = None
        self.parts: dict[str, tuple[list[Span], list[Span]]] = {}


def sweep(
    doc: Document,
    hits: list[list[Any]],
    terms: TermLists,
    known_names: Iterable[str],
    inventory_items: Iterable[tuple[str, str, str]] = (),
    *,
    swept: dict[str, list[Span]] | None = None,
) -> list[list[Any]]:
    """Redact every occurrence of what was found anywhere in the task.

    The model may tag "Gaines" in one sentence and miss it in the next; once a string is
    judged sensitive it is replaced everywhere. People also match by name part ("Doe"
    after "Jane Doe") and by the name in their e-mail address ("jane.doe@").

    `swept`: the spans found per segment text, filled in here. A second sweep of the same
    document, given its first sweep's output as `hits` and the same dict, leaves a segment
    whose text holds exactly the spans the first sweep found there as the first sweep left
    it: those spans are merged into its hits already (merging them again would only drop the
    `sweep` mark of a repeat that overlapped nothing, which findings do not carry). Only
    segments where something new is found (a new form, another type) are merged and widened
    again: on a 60,000-row sheet the second sweep changes 8 of its 180,000 segments with hits.
    """
    from .detect import Hit, merge_hits, name_parts, names_from_email
    from .widen import widened

    allow = terms.allow_keys()
    names: set[str] = {n for n in known_names if n and n.strip()}
    names |= {t.text for t in terms.deny if t.entity_type.upper() == "PERSON"}
    items: list[tuple[str, str, str]] = [(n, "PERSON", "pattern") for n in names]
    for seg_hits in hits:
        for h in seg_hits:
            if not (h.entity_type == "PERSON" and lone_common(h.text)):
                items.append((h.text, h.entity_type, h.source))
            if h.entity_type == "PERSON":
                names.add(h.text)
            elif h.entity_type == "EMAIL_ADDRESS":
                names.update(names_from_email(h.text))
    # a one-word name that is also an ordinary or a calendar word ("Dear Mr Long,", "Dear
    # Dr Sun,") is replaced where it was found, never swept for ("Long-term", "Sun 14 June")
    items += [(n, "PERSON", "pattern") for n in names if not lone_common(n)]
    # a lone surname is swept only when it is not also an ordinary word ("Doe" is, after
    # "Jane Doe"; "Long" after "Jane Long" is not: "Long-term plan")
    parts = name_parts(names)
    items += [(p, "PERSON", "pattern") for p in parts if not is_common_word(p)]
    # the task inventory's forms first: KnownStrings keeps the first type of a string
    items = [*inventory_items, *items]
    people = [t for t, etype, _src in items if etype == "PERSON" and " " in t.strip()]
    common = common_name_finder(
        p for p in parts | name_parts(people) if is_common_word(p) and normalize(p) not in allow
    )
    # two-letter strings only as a found name's part ("Ng" of "Ng Wing-yan", `short_parts`);
    # each (text, type, source) once: half the items of a big sheet repeat an earlier one (a
    # found name is an inventory form too), and KnownStrings keeps the first of a string
    unique = dict.fromkeys(items)
    known = KnownStrings([i for i in unique if _sweepable(*i, allow)], min_len=2)
    if not known:
        return hits
    out = []
    found: dict[str, list[Span]] = {}  # equal texts searched once
    before = swept or {}
    # after a first sweep (`Swept`): a text no changed string can occur in has the spans of
    # the known strings it had, and those of the common names if that pattern is the same
    memo = swept if isinstance(swept, Swept) and swept.known is not None else None
    differs = known.may_differ(memo.known) if memo is not None and memo.known else None
    pattern = common.pattern if common is not None else None
    same_common = memo is not None and memo.common == pattern
    parts: dict[str, tuple[list[Span], list[Span]]] = {}
    for seg, seg_hits in zip(doc.segments, hits, strict=True):
        spans = found.get(seg.text)
        if spans is None:
            old = memo.parts.get(seg.text) if memo is not None else None
            if old is not None and differs is not None and not differs(seg.text):
                by_known = old[0]
            else:
                by_known = list(known.finditer(seg.text))
            if common is None:
                by_common: list[Span] = []
            elif old is not None and same_common:
                by_common = old[1]
            else:
                by_common = _common_name_spans(common, seg.text)
            parts[seg.text] = (by_known, by_common)
            spans = by_known + by_common
            found[seg.text] = spans
        if not spans or before.get(seg.text) == spans:
            out.append(seg_hits)
            continue
        extra = [Hit(t, s, e, 0.7, src, seg.text[s:e], sweep=True) for s, e, t, src in spans]
        # a string found across a line break over a name found on either side is two
        # mentions meeting ("…, José Luis\nJosé Luis García" read as "Luis José"), not one
        extra = [h for h in extra if "\n" not in h.text or not _overlaps(h, seg_hits)]
        if allow:
            extra = [h for h in extra if normalize(h.text) not in allow]
        if extra:  # a swept surname may have the rest of its name beside it
            out.append(widened(seg.text, merge_hits(list(seg_hits) + extra, seg.text)))
        else:
            out.append(seg_hits)
    if swept is not None:
        swept.update(found)
    if isinstance(swept, Swept):
        swept.known, swept.common, swept.parts = known, pattern, parts
    return out


def _overlaps(h: Any, hits: Sequence[Any]) -> bool:
    return any(a.start < h.end and h.start < a.end for a in hits)


def learn_widened(inv: Any, file_key: str, hits: Sequence[Sequence[Any]]) -> bool:
    """People the sweep found only by widening a known part ("Stoyanova" found, "Tsvetelina
    Stoyanova" beside it) join the inventory; True if that added any."""
    new = [
        (h.text, "PERSON", "pattern")
        for seg in hits
        for h in seg
        if h.entity_type == "PERSON" and len(h.text.split()) >= 2 and inv.lookup(h.text) is None
    ]
    return bool(new) and inv.contribute(file_key, new)


#: types whose values are words: a form of one without a letter ("2024" left of a company
#: that won the overlap) is a number, never searched for
_WORDY = frozenset({"ADDRESS", "PERSON", "ORGANIZATION", "LOCATION", "CLIENT", "CODENAME"})


def _sweepable(text: str, etype: str, source: str, allow: frozenset[str] = frozenset()) -> bool:
    key = normalize(text)
    if key in allow:
        return False
    if etype in _WORDY and not any(c.isalpha() for c in key):
        return False
    return len(key) >= 3 or (etype == "PERSON" and len(key) == 2 and text.isalpha())


def hits_of(doc: Document, findings: Iterable[Detection]) -> list[list[Any]]:
    """Findings back as detector hits, one list per segment of `doc` (what `sweep` takes)."""
    from .detect import Hit

    hits: list[list[Any]] = [[] for _ in doc.segments]
    for f in findings:
        hits[f.segment_index].append(Hit(f.entity_type, f.start, f.end, f.score, f.source, f.text))
    return hits


def assign_replacements(findings: Iterable[Detection], pseudonymizer: Pseudonymizer) -> None:
    """Each finding gets its entity's type and placeholder (the task inventory), or a
    placeholder of its own type when no entity knows its text."""
    inv = pseudonymizer.inventory
    for f in findings:
        entity = inv.lookup(f.text, f.entity_type)
        if entity is not None and entity.type:
            f.entity_type = entity.type
            f.replacement = pseudonymizer.entity_replacement(entity.type, entity.text, f.text)
        else:
            f.replacement = pseudonymizer.replacement(f.entity_type, f.text)


def assign_later(
    findings: Sequence[Detection], pseudonymizer: Pseudonymizer, file_key: str
) -> None:
    """A later verification round's findings: they join the task inventory (so the task's other
    files are swept for them too), then get their entity's placeholder."""
    pseudonymizer.inventory.contribute(
        file_key, [(f.text, f.entity_type, f.source) for f in findings]
    )
    assign_replacements(findings, pseudonymizer)


_TYPE_OF_LABEL = {lab: etype for etype, lab in LABELS.items()}


def replaced_items(pseudonymizer: Pseudonymizer) -> list[tuple[str, str, str]]:
    """(text, entity type, "pattern") of every original the task has replaced so far."""
    return [
        (text, _TYPE_OF_LABEL.get(lab, lab), "pattern")
        for lab, table in pseudonymizer.originals.items()
        for text in table.values()
    ]


def task_entities(
    pseudonymizer: Pseudonymizer,
    allow: frozenset[str] = frozenset(),
    inventory_items: list[tuple[str, str, str]] | None = None,
) -> list[tuple[str, str, str]]:
    """(text, entity type, source) of every original the task has replaced so far and every
    surface form of every entity in its inventory (`inventory_items`: its `sweep_items(allow)`
    already listed, the inventory unchanged since)."""
    if inventory_items is None:
        inventory_items = pseudonymizer.inventory.sweep_items(allow)
    return replaced_items(pseudonymizer) + inventory_items
