"""Organisations named with a legal form: "Bluefin Bunkering AS", "Müller Logistik GmbH",
"Kaito Trading KK", "Acme Pty Ltd" (CLIENT), and the acronym given after one in brackets:
"Northwind Maritime Services (NMS)"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lexicon import CALENDAR, CORP_SUFFIXES, LEAD_WORDS, LEGAL_SUFFIXES, ORG_NOUNS
from .base import ScrubRecognizer, has_ascii_capital

_SUFFIX_ALT = "|".join(
    re.escape(s)
    for s in sorted(set(LEGAL_SUFFIXES) | {s.upper() for s in LEGAL_SUFFIXES}, key=len)[::-1]
)
_WORD = r"(?:[^\W\d_a-z][\w&'\u2019.\-]*|&|of|for|de|des|du|der|und)"
_ORG = re.compile(
    rf"(?P<name>(?<![\w&'\u2019.\-]){_WORD}(?: +{_WORD}){{0,5}})"
    # the legal form may wrap to the next line ("Tocantins Agropecuária\nEireli"); the name's
    # words may not (a signature's title line above a company's would join it)
    rf"(?:,)?(?: +| *\r?\n *)(?P<suffix>{_SUFFIX_ALT})(?![\w])"
)
_SUFFIX_NEXT = re.compile(rf"^(?:,)?[ \t]+(?:\(?(?:{_SUFFIX_ALT})\)?)(?![\w])")
_SUFFIX_END = re.compile(rf"[ \t,]\(?(?:{_SUFFIX_ALT})\)?$")
_ACRONYM = re.compile(r"[ \t]*\((?P<acr>[A-Z][A-Z&]{1,7})\)")
# words start where a word starts and are read possessively: linear time (issue 20)
_NAMED_ACRONYM = re.compile(
    r"(?<![\w&\-])(?P<name>(?:[A-Z][\w&\-]++[ \t]+){1,5}[A-Z][\w&\-]++)[ \t]*+\("
    r"(?P<acr>[A-Z]{2,7})\)"
)
_LEADING = (
    frozenset(LEAD_WORDS)
    | CALENDAR
    | frozenset(
        "the a an at by for from in of on to with and our their its this that these those "
        "yesterday today tomorrow supplier client customer vendor partner contractor".split()
    )
)


def has_legal_suffix(text: str, start: int, end: int) -> bool:
    """True if the span text[start:end] ends with a legal form or is followed by one ("Jan
    Novak Ltd", "Hansen Bunkering" before " AS"): company evidence, never a person."""
    return bool(_SUFFIX_END.search(text[start:end]) or _SUFFIX_NEXT.match(text[end : end + 24]))


def is_term_definition(words: str) -> bool:
    """True if the words spelt out before an acronym in brackets are a term, not an
    organisation: each is a lower-case dictionary word (an inflection too: "Sharing") or an
    acronym ("Cross Origin Resource Sharing", "Public Suffix List", "JSON
    Web Key", "Pull Request"; a surname that is also a word, as "Cross", counts as a word
    here), and none is a word companies are named with ("Northwind Maritime Services", "Blue
    Ocean Shipping" stay clients; "Goldman Sachs" is no dictionary word)."""
    from ..lexicon.dictionary import in_dictionary_inflected

    parts = [p for w in words.split() for p in w.split("-") if p and p != "&"]
    if not parts or any(p.casefold() in ORG_NOUNS or p.casefold() in CORP_SUFFIXES for p in parts):
        return False
    return all((p.isupper() and len(p) <= 6) or in_dictionary_inflected(p) for p in parts)


def _person_before_of(words: list[str]) -> bool:
    """True if the words before the name's first "of" are no company words and no dictionary
    words ("Hyun-woo of Zakłady ...", but not "Bank of Valletta", "Friends of the Earth")."""
    from ..lexicon.dictionary import in_dictionary_inflected

    if "of" not in words[1:]:
        return False
    head = words[: words.index("of")]
    return not any(w.casefold() in ORG_NOUNS or in_dictionary_inflected(w) for w in head)


_SURNAME_COMMA = re.compile(r"(?<![\w\-])[^\W\d_a-z][\w'\u2019\-]+,[ \t]+$")


def _surname_before(text: str, start: int, end: int) -> int:
    """Where the person text[start:end] starts if a surname is written first before it
    ("Shin, " before "Hyun-woo"), else `start`."""
    from .name_shape import ROSTER_ZIPF, is_common_word, looks_like_name

    m = _SURNAME_COMMA.search(text, max(0, start - 40), start)
    surname = m.group().split(",")[0] if m else ""
    # "Then, Kaito of ...": a sentence's first word, not a surname
    if not m or surname.casefold() in _LEADING or is_common_word(surname, ROSTER_ZIPF):
        return start
    return m.start() if looks_like_name(text[m.start() : end], loose=True) else start


def _past(text: str, s: int, word: str) -> int:
    """The position after `word` (found from s) and the white space after it."""
    s = text.index(word, s) + len(word)
    while text[s] in " \t\n":
        s += 1
    return s


def org_hits(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _ORG.finditer(text):
        s, words = m.start("name"), m.group("name").split()
        # sentence starts and function words are not part of the name
        while words and (words[0].casefold() in _LEADING or not words[0][0].isupper()):
            s = _past(text, s, words[0])
            words = words[1:]
        while words and not words[-1][0].isupper():
            words = words[:-1]
        if words and _person_before_of(words):
            # "Priya Raman of Bluefin Bunkering AS", "Shin, Hyun-woo of Zakłady S.A.": the
            # person is not the company
            cut, head = words.index("of"), s
            for w in words[:cut]:
                s = text.index(w, s) + len(w)
            yield _surname_before(text, head, s), s, "PERSON"
            s = _past(text, s, "of")
            words = words[cut + 1 :]
        if not words or (len(words) == 1 and len(words[0]) < 2):
            continue
        yield s, m.end("suffix"), "CLIENT"
        acr = _ACRONYM.match(text, m.end("suffix"))
        if acr and acr.group("acr")[0] == words[0][0].upper():
            yield acr.start("acr"), acr.end("acr"), "CLIENT"
    # "Northwind Maritime Services (NMS)" without a legal form: the acronym of the words
    for m in _NAMED_ACRONYM.finditer(text):
        initials = "".join(w[0] for w in m.group("name").split() if w[0].isupper())
        if initials.endswith(m.group("acr")) and len(m.group("acr")) >= 2:
            k = len(initials) - len(m.group("acr"))
            start = m.start("name")
            for _ in range(k):
                start = text.index(" ", start) + 1
                while text[start] in " \t":
                    start += 1
            if is_term_definition(text[start : m.end("name")]):
                continue  # "Cross Origin Resource Sharing (CORS)": a term, not a client
            yield start, m.end("name"), "CLIENT"
            yield m.start("acr"), m.end("acr"), "CLIENT"


class ScrubOrgRecognizer(ScrubRecognizer):
    ENTITIES = ("CLIENT", "PERSON")
    SCORE = 0.75

    @staticmethod
    def gate(text: str) -> bool:
        return has_ascii_capital(text)

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        return org_hits(text)
