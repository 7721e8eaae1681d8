"""Full names in running sentences that the model misses and no other form in the file shows.

spaCy's small model reads "Yetunde Akinwale hands over the ledger", "please ask Prasanthi
Vemulapalli or…" and "Maarten van 't Hof will chair" as nothing when the names are not English
and nothing else in the file (a From line, a signature) names the person. A run of two to four
capitalised words (particles between them allowed: "van 't", "de la", "bin") is a name here
only when all of these hold:

* it stands inside a sentence: a lower-case word right after it ("… hands over") or right
  before it ("… ask Prasanthi Vemulapalli"), but not a verb whose object is a thing
  (`name_shape.after_tool_verb`: "use Monte Carlo"), unless a possessive follows;
* no word is vocabulary (office words, products, tools, vendors, organisation nouns) or has a
  code shape, and the run is not led by a determiner ("the Kubernetes Operator");
* either one word is a known given or family name (the engine's name lists) and the others are
  no dictionary words nor inflections of one ("Ward Staffing and Discharge Audit" is none), or
  every word is a non-word: in no dictionary and rarer than
  NONWORD_ZIPF in English text ("Filmon Tekeste", "Wanjiru Kamau");
* outside a technical line (code, backticks, versions, CLI flags), where only the first kind
  counts;
* the text does not write one of its words in lower case or use it as code or a package
  (`codename.code_words`: "pip install pydantic" beside "Pydantic Logfire").

A capitalised word that opens the sentence and is a dictionary word ("Yesterday Kamau Njoroge
said") is not part of the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..hits import PATTERN_PERSON
from ..lexicon import (
    LEGAL_SUFFIXES,
    NAME_JOINERS,
    ORG_NOUNS,
    PARTICLES,
    PRODUCTS,
    TOOLS,
    VENDORS,
)
from ..lexicon.dictionary import in_dictionary, in_dictionary_inflected
from .base import ScrubRecognizer, has_upper
from .codename import _CODE_LINE, code_words
from .known_names import name_lists
from .name_shape import _VOCAB, after_tool_verb, zipf

#: a word of a name written in running text: Capitalised, its halves joined by "-" or an
#: apostrophe ("Okonkwo-Eze", "O’Gorman", "N'Guessan")
_CAP = (
    r"(?:(?:al|el)-)?[^\W\d_a-z](?:['\u2019][^\W\d_a-z])?[^\W\d_A-Z]+"
    r"(?:[\-'\u2019][^\W\d_][^\W\d_A-Z]*)*"
)
_JOINERS = (PARTICLES | NAME_JOINERS) - {"y", "o"}  # "y", "o": "and", "or" in Spanish
_PARTICLE = "(?:" + "|".join(sorted(map(re.escape, _JOINERS), key=len, reverse=True)) + ")"
_RUN = re.compile(
    rf"(?<![\w\-'\u2019./@#$`\[])(?P<name>{_CAP}(?:[ ](?:{_PARTICLE}[ ]){{0,2}}{_CAP}){{1,3}})"
    r"(?![\w\-@`(\]]|['\u2019]\w{2})"
)
_LOWER_AFTER = re.compile(r"[ \t]+[a-z]")
_LOWER_BEFORE = re.compile(r"(?<![A-Za-z])[a-z][a-z']*[ \t]+$")
_PLACE_WORDS = frozenset("in at near from via into across around".split())
_DETERMINERS = frozenset("the a an this that these those our their its your my his her".split())
#: rarer than this in English text (wordfreq), a word is no English word ("Kamau" 2.1)
NONWORD_ZIPF = 2.8
_STOP = _VOCAB | PRODUCTS | TOOLS | VENDORS | ORG_NOUNS
_SUFFIXES = frozenset(s.casefold().rstrip(".") for s in LEGAL_SUFFIXES)


def _nonword(word: str) -> bool:
    """In no dictionary and rare, each half of a double-barrelled name too ("Okonkwo-Eze")."""
    halves = [p for p in word.split("-") if len(p) > 1 and p not in _JOINERS] or [word]
    return all(not in_dictionary(p) and zipf(p.casefold()) < NONWORD_ZIPF for p in halves)


def _halves(word: str) -> list[str]:
    return [p for p in re.split(r"[\-'\u2019]", word) if len(p) > 1] or [word]


def _known(word: str, first: frozenset[str], last: frozenset[str]) -> bool:
    key = word.casefold().replace("\u2019", "'")
    return key in first or key in last or all(p.casefold() in first | last for p in _halves(word))


def _known_first(word: str) -> bool:
    return word.casefold() in name_lists()[0]


def _is_name(words: list[str], technical: bool, joined: bool = False) -> bool:
    """`joined`: a particle joins the words ("bin", "al-", "ter") and no place preposition is
    before them ("in Rio de Janeiro")."""
    first, last, _common = name_lists()
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) < 2:
        return False
    if any(w.casefold() in _STOP for w in caps):
        return False
    known = [w for w in caps if _known(w, first, last)]
    if known and all(w in known or not in_dictionary_inflected(w) for w in caps):
        return True
    if joined and not technical and not any(in_dictionary(w) for w in caps):
        return True  # "Faisal bin Rashid al-Mazrouei", "Bram ter Haar"
    return not technical and all(_nonword(w) for w in caps)


def sentence_name_spans(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of each full name in running text (see the module doc); linear in the
    text: each candidate looks at most _LOOK characters around it, and the text's words in
    lower case and its code words are worked out once, for the first candidate that needs them."""
    terms: list[frozenset[str]] = []
    for m in _RUN.finditer(text):
        s, e = m.span("name")
        words = m.group("name").split(" ")
        lo = max(0, s - _LOOK)
        line_start = text.rfind("\n", lo, s) + 1 or lo
        before = text[line_start:s]
        after = text[e : e + 2]
        in_sentence = _LOWER_BEFORE.search(before) or _LOWER_AFTER.match(text, e)
        if not in_sentence or after[:1] == "." and after[1:2].isalnum():
            continue
        prev = before.split()[-1].casefold() if before.split() else ""
        if prev in _DETERMINERS:
            continue
        if after_tool_verb(text, s, e):
            continue  # "use Monte Carlo with 100,000 paths"
        nxt = text[e : e + 30].split()
        if nxt and nxt[0].casefold().rstrip(".,") in _SUFFIXES:
            continue  # "Nordvik Bunkering AS": a company
        if not before.strip(" \t-*>•") or before.rstrip().endswith((".", ":", "!", "?")):
            # the first word of a sentence: a dictionary word there is no name ("Yesterday")
            while len(words) > 2 and in_dictionary(words[0]) and not _known_first(words[0]):
                s += len(words[0]) + 1
                words = words[1:]
        joined = prev not in _PLACE_WORDS and any(
            w in _JOINERS or w.startswith(("al-", "el-")) for w in words
        )
        line_end = text.find("\n", e, e + _LOOK)
        if not _is_name(
            words, _technical(text[line_start : line_end if line_end >= 0 else e + _LOOK]), joined
        ):
            continue
        if not terms:
            terms.append(_lower_words(text) | code_words(text))
        if not {w.casefold() for w in words if w[:1].isupper()} & terms[0]:
            yield s, e


#: how far around a candidate its line is read
_LOOK = 200
_TECHNICAL = re.compile(r"`|(?<![\w-])--?[a-z][\w-]+|\b\d+\.\d+\.\d+\b|\w\(\)|[{};]\s*$|=>|::")


def _technical(line: str) -> bool:
    """A line of code or about code: backticks, a CLI flag, a version, a call, braces."""
    return bool(_TECHNICAL.search(line) or _CODE_LINE.search(line))


def _lower_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case on their own ("pip install pydantic",
    "github.com/pydantic/"): a capitalised run with one of them is a thing's name. A name's
    word in an e-mail address ("prasanthi.vemulapalli@") is no sign."""
    return frozenset(
        m.group(0) for m in _LOWER_WORD.finditer(text) if not _IN_MAILBOX.match(text, m.end())
    )


_LOWER_WORD = re.compile(r"(?<![\w@.])[^\W\d_A-Z]{3,}(?![\w@])")
_IN_MAILBOX = re.compile(r"\.[\w.\-]+@")


class ScrubSentenceNameRecognizer(ScrubRecognizer):
    ENTITIES = (PATTERN_PERSON,)
    SCORE = 0.6

    @staticmethod
    def gate(text: str) -> bool:
        return has_upper(text)

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        for s, e in sentence_name_spans(text):
            yield s, e, PATTERN_PERSON
