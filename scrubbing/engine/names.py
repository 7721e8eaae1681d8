"""Forms of a person's name: the parts worth sweeping for, the name in an e-mail address."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .lexicon import ROLE_MAILBOX_ZIPF, SHORT_PART_ZIPF, SPAN_WORDS, STOP_SPANS


def name_parts(names: Iterable[str]) -> set[str]:
    """Single name parts worth sweeping for: "Jane Doe" -> {"Jane", "Doe"}.

    Parts that are ordinary English words ("Will", "May" are stop words) or work vocabulary
    are left out; KnownStrings matches single-word names only when capitalised, so "Doe"
    finds "Doe" and "DOE" but not "doe".
    """
    parts: set[str] = set()
    for n in names:
        parts.update(_parts_of(n))
    return parts


#: a possessive ending ("Okoro's", "Okoro’s")
POSSESSIVE = re.compile(r"['\u2019]s$")
_PART = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")


@lru_cache(maxsize=1 << 18)
def _parts_of(name: str) -> frozenset[str]:
    """`name_parts` of one name: the sweep asks for the same names again (a second sweep,
    verification), tens of thousands of them on a big sheet."""
    from spacy.lang.en.stop_words import STOP_WORDS

    parts: set[str] = set()
    for w in POSSESSIVE.sub("", name.strip()).split():
        w = w.strip(".,")
        low = w.lower()
        if (
            len(w) >= 3
            and _PART.fullmatch(w)
            and low not in STOP_WORDS
            and low not in SPAN_WORDS
            and low not in STOP_SPANS
        ):
            parts.add(w)
    return frozenset(parts)


def short_parts(name: str) -> list[str]:
    """Two-letter parts of a name of two or more words that are no English word ("Ng" of "Ng
    Wing-yan", "Xu" of "Xu Ming"): swept alone once the whole name was found ("He", "Ma",
    "Do" are words, and are not)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from .recognizers.name_shape import zipf

    words = [w.strip(".,") for w in name.replace(",", " ").split()]
    if len(words) < 2:
        return []
    return [
        w
        for w in words
        if len(w) == 2
        and w.isalpha()
        and w[0].isupper()
        and w.lower() not in STOP_WORDS
        and w.lower() not in STOP_SPANS
        and zipf(w.lower()) < SHORT_PART_ZIPF
    ]


def names_from_email(address: str) -> list[str]:
    """ "jane.doe@acme.com" -> ["Jane Doe"]: a person the rest of the task may name in prose.
    Not a role or list mailbox ("bug-tar@gnu.org", "help-desk@"): every part a dictionary
    word and no known name, one of them frequent (`lexicon.ROLE_MAILBOX_ZIPF`); "li.wei@",
    "ngoc.lan@", "will.young@", "sri.mulyanihadi@" stay names."""
    from .lexicon.dictionary import in_dictionary
    from .technical import is_known_name, zipf_of

    local = address.split("@", 1)[0]
    bits = [b for b in re.split(r"[._\-+]", local) if b]
    if len(bits) < 2 or len(bits) > 3 or not all(b.isalpha() and len(b) >= 2 for b in bits):
        return []
    if all(in_dictionary(b) and not is_known_name(b) for b in bits) and any(
        zipf_of(b) >= ROLE_MAILBOX_ZIPF for b in bits
    ):
        return []
    return [" ".join(b.capitalize() for b in bits)]
