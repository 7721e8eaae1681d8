"""Known-name recognizer: recall on short, context-free fragments the NER model misses.

spaCy's small English model rarely tags a bare "Gerti Preiß" in a table cell, "owner Puccio
Tornatore" in a bullet or a Dutch name in a CSV row: there is no sentence around them and the
names are not English. This recognizer reads runs of capitalised words and accepts
    first name  [middle name | particle]*  surname
where the first name is in a first-name list and the surname (one word, or particle + word
as in "Le Gall", "van der Velden", or a double-barrelled "Grein Groth") in a surname list.
The lists are Faker's person providers for the locales the corpus and our users write in
(en_US, en_GB, de_DE, fr_FR, es_ES, nl_NL, it_IT), loaded once per process from the installed
package (no network).

Over-redaction guard: a word in `exclude` (stop words, work vocabulary, tool names) is never
part of a match, and a match made only of common English words ("Rose Page", "Summer
Sales") is dropped. Faker's lorem word list stands in for a common-word lexicon.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from functools import lru_cache

from ..hits import PATTERN_PERSON
from ..lexicon import CALENDAR, NAME_EXCLUDE, NAME_LOCALES, PARTICLES, english_words
from .base import ScrubRecognizer, has_upper

_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
_GAP = re.compile(r"[ \u00a0]{1,2}")  # words of one name: one or two spaces, nothing else


@lru_cache(maxsize=1)
def name_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(first names, surnames, common English words); casefolded; built once per process."""
    first: set[str] = set()
    last: set[str] = set()
    for loc in NAME_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:  # pragma: no cover - Faker is a dependency
            continue
        for n in provider.first_names:
            first.add(n.casefold())
            first.update(p.casefold() for p in re.split(r"[ \-]", n) if len(p) >= 2)
        for n in provider.last_names:
            n = re.sub(r"^(.*), (\w+)$", r"\2 \1", n)  # "Bourgondië, van" -> "van Bourgondië"
            last.add(n.casefold())
    return frozenset(first), frozenset(last), english_words()


def _is_cap(tok: str, upper_run: bool = False) -> bool:
    """Capitalised ("Dupont"), or in capitals inside a run of capitals ("JEAN-PIERRE DUPONT")."""
    return tok[:1].isupper() and (upper_run or not (len(tok) > 1 and tok.isupper()))


def _key(words: list[str] | str) -> str:
    text = words if isinstance(words, str) else " ".join(words)
    key = text.casefold()
    return key.replace("\u2019", "'") if "\u2019" in key else key  # O’Connor is O'Connor


def _is_first(tok: str, first: frozenset[str]) -> bool:
    key = _key(tok)
    if key in first:
        return True
    parts = key.split("-")
    return len(parts) > 1 and all(p in first for p in parts)  # "Eva-Maria"


def _unpossessed(s: int, e: int, tok: str) -> tuple[int, int, str]:
    """ "O’Shaughnessy’s" is "O’Shaughnessy" and its possessive: the name ends before it."""
    if len(tok) > 4 and tok[-2] in "'\u2019" and tok[-1] in "sS":
        return s, e - 2, tok[:-2]
    return s, e, tok


def known_name_spans(
    text: str, exclude: frozenset[str] = frozenset(), weak: frozenset[str] = frozenset()
) -> Iterable[tuple[int, int]]:
    """(start, end) of every first-name + surname sequence in `text`.

    Words in `exclude` are never part of a match. Words in `weak` (calendar words such as
    "Sep", "June") may start one only before a surname that is not an ordinary word: "Sep
    Vaessen" is a person, "June Update" is not.
    """
    first, last, common = name_lists()
    toks = [_unpossessed(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    n = len(toks)
    i = 0
    while i < n:
        s0, _e0, t0 = toks[i]
        weak_start = t0.casefold() in weak
        nxt = toks[i + 1][2] if i + 1 < n else ""
        upper_run = t0.isupper() and nxt.isupper() and len(nxt) > 1
        if not (_is_cap(t0, upper_run) and len(t0) >= 2 and _is_first(t0, first)) or (
            t0.casefold() in exclude and not weak_start
        ):
            i += 1
            continue
        # the words after it that belong to the same name: joined by plain spaces only
        words = [t0]
        ends = [_e0]
        j = i + 1
        while j < n and len(words) < 5:
            gap = text[toks[j - 1][1] : toks[j][0]]
            tok = toks[j][2]
            if not _GAP.fullmatch(gap) or tok.casefold() in exclude:
                break
            if not (_is_cap(tok, upper_run) or tok.casefold() in PARTICLES):
                break
            words.append(tok)
            ends.append(toks[j][1])
            j += 1
        best = 0
        for k in range(1, len(words)):
            if words[k].casefold() in PARTICLES:
                continue  # a name does not end on "van"
            tail = _key(words[1 : k + 1])
            surname = _key(words[k]) in last or tail in last
            if not surname:
                # the surname may start after middle names/particles: "van der Velden"
                surname = any(_key(words[m : k + 1]) in last for m in range(2, k + 1))
            middles_ok = all(
                w.casefold() in PARTICLES
                or _is_first(w, first)
                or _key(w) in last
                or _key(words[m : k + 1]) in last
                or (len(w) == 1 and w.isupper())  # a bare middle initial: "John Q Public"
                for m, w in enumerate(words[1:k], start=1)
            )
            if surname and middles_ok:
                best = k
        if best:
            span_words = words[: best + 1]
            caps = [w for w in span_words if w.casefold() not in PARTICLES]
            ordinary = all(w.casefold() in common for w in caps)
            if weak_start:
                ordinary = any(w.casefold() in common for w in caps[1:])
            if not ordinary:
                yield s0, ends[best]
                i += best + 1
                continue
        i += 1


class ScrubKnownNameRecognizer(ScrubRecognizer):
    ENTITIES = (PATTERN_PERSON,)
    SCORE = 0.75

    @staticmethod
    def gate(text: str) -> bool:
        return has_upper(text)  # a match starts with a capital

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        for s, e in known_name_spans(text, NAME_EXCLUDE, CALENDAR):
            yield s, e, PATTERN_PERSON
