"""Organisations named with a legal form: "Bluefin Bunkering AS", "Müller Logistik GmbH",
"Kaito Trading KK", "Acme Pty Ltd" (CLIENT), and the acronym given after one in brackets:
"Northwind Maritime Services (NMS)"; not the holder on a copyright line of a software
licence ("Copyright (c) 2019 MySQL AB" above the GNU GPL)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..hits import Hit
from ..lexicon import (
    CALENDAR,
    CORP_SUFFIXES,
    INSTITUTION_NOUNS,
    LEAD_WORDS,
    LEGAL_SUFFIXES,
    ORG_NOUNS,
    ROSTER_ZIPF,
    TERM_WORD_ZIPF,
)
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


_COPYRIGHT_MARK = re.compile(r"(?i)\bcopyright\b|\(c\)|\u00a9")
_LICENCE_WORDS = re.compile(
    r"(?i:\blicen[cs](?:e|ed|es|ing)\b|\bspdx\b|\bfree software\b|\bopen[ -]source\b|"
    r"\bredistribut|\bpermission is hereby granted\b)|"
    r"\b(?:MIT|BSD|[AL]?GPL|MPL|EPL|CDDL|ISC|OFL|Apache-2\.0|GPLv[23])\b"
)
#: how far around a copyright line the licence's words are looked for (a header's lines)
_LICENCE_REACH = 600


def in_licence_notice(text: str, start: int) -> bool:
    """True if text[start:] is the holder on a copyright line of a licence notice: the line
    before it carries a copyright mark ("Copyright (c) 2019", "©") and the words of a
    software licence stand near it ("GNU General Public License", "Licensed under",
    "SPDX-License-Identifier", an SPDX id such as "MIT" or "LGPL-3.0" in the same table
    row). The holder of public software's copyright ("MySQL AB", "The Qt Company Ltd.") is
    no client; a company's own "© 2026 Northwind Maritime AS. All rights reserved." footer,
    with no licence near, stays one."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    if not _COPYRIGHT_MARK.search(line):
        return False
    reach = text[max(0, start - _LICENCE_REACH) : start + _LICENCE_REACH]
    return bool(_LICENCE_WORDS.search(reach))


def drop_licence_holders(texts: Sequence[str], hits: list[list[Hit]]) -> list[list[Hit]]:
    """`hits` (one list per text of a document) without the organisations that hold the
    copyright of a licence notice (`in_licence_notice`), read across the document's texts: a
    source file's comment blocks are texts of their own, and its "Copyright (c) 2019 MySQL AB"
    line is one text, the GNU GPL's words the next. A deny-listed name is always kept, and so
    is an author the model read as an organisation (`_given_name_in`)."""
    if not any(_COPYRIGHT_MARK.search(t) for t in texts):
        return hits
    joined = "\n".join(texts)
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    return [
        [
            h
            for h in seg
            if h.entity_type not in ("CLIENT", "ORGANIZATION")
            or h.source == "deny-list"
            or (h.entity_type == "ORGANIZATION" and _given_name_in(h.text))
            or not in_licence_notice(joined, starts[i] + h.start)
        ]
        for i, seg in enumerate(hits)
    ]


def _given_name_in(span: str) -> bool:
    """A model organisation on a copyright line that holds a known given name and no word of
    a firm is the author ("Copyright (c) 2017-2023, Artur Maciag"): a person, kept."""
    from .known_names import name_lists

    first, _last, _c = name_lists()
    words = [w.strip(".,;:()") for w in span.split()]
    return not names_a_firm(words, anywhere=True) and any(w.casefold() in first for w in words)


def has_legal_suffix(text: str, start: int, end: int) -> bool:
    """True if the span text[start:end] ends with a legal form or is followed by one ("Jan
    Novak Ltd", "Hansen Bunkering" before " AS"): company evidence, never a person. A legal
    form in brackets that spells the span's initials is its acronym ("American Society of
    Anesthesiologists (ASA)"), no legal form."""
    if _SUFFIX_END.search(text[start:end]):
        return True
    m = _SUFFIX_NEXT.match(text[end : end + 24])
    if not m:
        return False
    form = m.group().strip(" \t,")
    if form.startswith("(") and form.endswith(")"):
        initials = "".join(w[0] for w in text[start:end].split() if w[:1].isupper())
        return form[1:-1].upper() != initials.upper()
    return True


#: a lower-case noun after a spelt-out name and its acronym that makes it a part of the
#: writer's own organisation ("the Quality Assurance (QA) unit"); not "team", which a
#: client's people are as often
_UNIT_AFTER = re.compile(r"[ \t]+(?:unit|department|division|function)\b")


def before_unit(text: str, pos: int) -> bool:
    """True if a department noun follows text[pos:] ("... (QA) unit"): `_UNIT_AFTER`."""
    return bool(_UNIT_AFTER.match(text, pos))


def is_term_definition(words: str, firm_heads: bool = True) -> bool:
    """True if the words spelt out before an acronym in brackets are a term, not an
    organisation: each is a lower-case dictionary word (an inflection or a British spelling
    too: "Sharing", "Realisable"), a frequent modern word no name list holds ("Online",
    "European": wordfreq, at least `ROSTER_ZIPF`) or an acronym ("Cross Origin Resource
    Sharing", "Online Certificate Status Protocol", "JSON Web Key"; a surname that is also a
    word, as "Cross", counts as a word here); no word is a legal form, and the head of the
    name (its last word, or the one before "of") is no word firms are named with
    ("Northwind Maritime Services", "Blue Ocean Shipping" stay clients; "Goldman Sachs" is no
    dictionary word). A head that names a public body or a service as often
    (`lexicon.INSTITUTION_NOUNS`: "Health Research Authority", "Key Management Service") and
    the company words elsewhere in a term ("Transport Layer Security", "Software Development
    Kit") are no sign of a client. Without `firm_heads`, a head firms are named with is no
    sign of one either (a department: "Quality Assurance" before "unit"); a legal form's word
    still is."""
    parts = [p for w in words.split() for p in w.split("-") if p and p != "&"]
    if not parts:
        return False
    if firm_heads and names_a_firm(parts):
        return False
    if not firm_heads and any(p.casefold() in CORP_SUFFIXES for p in parts):
        return False  # a legal form's word ("Group", "Partners") still says company
    odd = [i for i, p in enumerate(parts) if not _term_word(p)]
    if not odd:
        return True
    # "Fast Fourier Transform", "Corporate Sustainability Reporting Directive": one word a
    # dictionary lacks but wordfreq knows well, not the first, in a term of three or more
    return len(parts) >= 3 and len(odd) == 1 and odd[0] > 0 and _known_word(parts[odd[0]])


def _known_word(part: str) -> bool:
    """A word wordfreq knows well (`TERM_WORD_ZIPF`) that no name list holds."""
    from .known_names import name_lists
    from .name_shape import zipf

    first, last, _c = name_lists()
    key = part.casefold()
    return (
        part.isascii()
        and part.isalpha()
        and zipf(key) >= TERM_WORD_ZIPF
        and key not in first
        and key not in last
    )


_NOT_FIRM_WORDS = frozenset({"the", "and", "&"})


def names_a_firm(parts: list[str], anywhere: bool = False) -> bool:
    """True if the words of a name say company: a legal form or a word of one anywhere
    ("Group", "Ltd", "Partners"), or a head (the last word, or the one before "of"; any word
    with `anywhere`) that firms are named with ("Blue Ocean Shipping", "Bank of Valletta",
    "MIDC Industrial Area" with `anywhere`); not a head that names a public body or a
    service as often (`lexicon.INSTITUTION_NOUNS`: "Health Research Authority", "Royal
    College of Physicians", "Key Management Service"), whatever the other words. Without
    `anywhere`, a firm's word inside a term is no sign of a firm ("Transport Layer
    Security", "Software Development Kit")."""
    lower = [p.casefold() for p in parts]
    if any(p in CORP_SUFFIXES and p not in _NOT_FIRM_WORDS for p in lower):
        return True
    head = lower[lower.index("of") - 1] if "of" in lower[1:] else lower[-1]
    if head in INSTITUTION_NOUNS:
        return False  # "Health Research Authority": the head names the body
    heads = lower if anywhere else [head]
    return any(h in ORG_NOUNS and h not in INSTITUTION_NOUNS for h in heads)


def _term_word(part: str) -> bool:
    from ..lexicon.dictionary import in_dictionary_inflected
    from .known_names import name_lists
    from .name_shape import zipf

    if (part.isupper() and len(part) <= 6) or part in ("of", "and", "for", "the"):
        return True
    if in_dictionary_inflected(part):
        return True
    first, last, _c = name_lists()
    key = part.casefold()
    return zipf(key) >= ROSTER_ZIPF and key not in first and key not in last


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
        if not words or (len(words) == 1 and len(words[0]) < 2) or in_licence_notice(text, s):
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
            if is_term_definition(text[start : m.end("name")]) or in_licence_notice(text, start):
                continue  # "Cross Origin Resource Sharing (CORS)": a term, not a client
            if before_unit(text, m.end()) and is_term_definition(
                text[start : m.end("name")], firm_heads=False
            ):
                continue  # "the Quality Assurance (QA) unit": a part of one's own firm
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
