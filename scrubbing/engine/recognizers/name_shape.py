"""Does a short piece of text look like a person's name, in any script?

Used where the place already says "a person goes here" (an attendee list, a To/Cc line, a
sign-off, a bullet, a table cell): the shape decides, not a list of names. Latin, Cyrillic and
Greek names are capitalised words (particles and initials allowed: "Anh T Nguyen", "Ana de la
Cruz", "Siobhán O’Connor", "Jean-Luc Picard"); Devanagari, Arabic, Hebrew and Thai names are
two to four words of that script; Chinese, Japanese and Korean names are short runs that start
with a frequent surname ("王伟", "山田 太郎", "김민준").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import (
    CALENDAR,
    CHINESE_COMPOUND_SURNAMES,
    CHINESE_SURNAMES,
    COMMON_ZIPF,
    GROUP_WORDS,
    JAPANESE_SURNAMES,
    KOREAN_SURNAMES,
    MAIL_HEADERS,
    NAME_EXCLUDE,
    NAME_JOINERS,
    OFFICE_WORDS,
    PARTICLES,
    PRODUCTS,
    ROSTER_ZIPF,
    TOOL_VERBS,
)

_RANGES = (
    (0x0041, 0x02AF, "latin"),  # with the IPA block: Azerbaijani "ə" ("Məmmədova")
    (0x02BB, 0x02BC, "latin"),  # the ʻokina of Hawaiian and Samoan ("Faʻafetai", "Kaʻahanui")
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x09FF, "bengali"),
    (0x0E00, 0x0E7F, "thai"),
    (0x1E00, 0x1EFF, "latin"),
    (0x3005, 0x3005, "han"),  # 々, the repeat mark of 佐々木
    (0x3040, 0x30FF, "kana"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xAC00, 0xD7AF, "hangul"),
)
CASED = frozenset({"latin", "greek", "cyrillic"})
UNCASED_WORDS = frozenset({"hebrew", "arabic", "devanagari", "bengali", "thai"})
_VOCAB = NAME_EXCLUDE | OFFICE_WORDS | PRODUCTS | MAIL_HEADERS | GROUP_WORDS
_VOCAB_LOOSE = _VOCAB - CALENDAR  # where a name is expected, "Sun" and "June" may be names
_INITIAL = re.compile(r"^[^\W\d_]\.?$")
_PIECE = re.compile(r"^[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*\.?$")


def script_of(ch: str) -> str:
    o = ord(ch)
    for lo, hi, name in _RANGES:
        if lo <= o <= hi:
            return name
    return "other"


def word_script(word: str) -> str | None:
    """The one script of a word's letters (None if mixed or letterless)."""
    seen = {script_of(c) for c in word if c.isalpha()}
    return seen.pop() if len(seen) == 1 else None


@lru_cache(maxsize=8192)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def is_common_word(word: str, threshold: float = COMMON_ZIPF) -> bool:
    """An ordinary English word ("Cabin", "Hedge"), unless it is also a known name; where a
    name is expected (`looks_like_name(loose=True)`) the threshold is ROSTER_ZIPF."""
    from .known_names import name_lists

    key = word.casefold().strip(".")
    if key in _VOCAB:
        return True
    first, last, _common = name_lists()
    return zipf(key) >= threshold and key not in first and key not in last


def _cased_word_ok(w: str) -> bool:
    if w.casefold() in PARTICLES or w.casefold() in NAME_JOINERS:
        return True
    if _INITIAL.match(w):
        return w[0].isupper()
    return bool(_PIECE.match(w)) and w[0].isupper()


def looks_like_name(item: str, loose: bool = False) -> bool:
    """True if `item` (already cut to the candidate) has the shape of a person's name;
    "Family, Given" ("Navarro Iglesias, Mercedes", "Ouma, Achieng") too.

    `loose` (the place says a person goes here: a value under a name key, a roster entry, a
    sign-off): one name word with initials is enough ("Venkatesh, G.", "Sun L.", "Lý H. N."),
    and a calendar word may be a name ("Sun", "June")."""
    if item.count(",") == 1:
        family, given = (x.strip() for x in item.split(","))
        return bool(family and given) and looks_like_name(f"{given} {family}", loose)
    words = item.split()
    if not words or len(words) > 5 or len(item) > 60:
        return False
    scripts = {word_script(w) for w in words}
    if None in scripts or len(scripts) != 1:
        return False
    script = scripts.pop()
    if script in CASED:
        if not all(_cased_word_ok(w) for w in words):
            return False
        names = [w for w in words if len(w.rstrip(".")) > 1 and w[0].isupper()]
        initials = [w for w in words if _INITIAL.match(w)]
        if len(names) < 2 and not (loose and names and initials):
            return False
        vocab = _VOCAB_LOOSE if loose else _VOCAB
        if any(w.casefold() in vocab for w in names):
            return False
        if loose and initials:
            return True
        threshold = ROSTER_ZIPF if loose else COMMON_ZIPF
        return not all(is_common_word(w, threshold) for w in names if w.casefold() not in vocab)
    if script in UNCASED_WORDS:
        return 2 <= len(words) <= 4
    if script == "han":
        joined = "".join(words)
        if loose and len(words) == 2 and all(1 <= len(w) <= 3 for w in words):
            return True  # "柴田 明日香": family and given name apart, where a name is expected
        if any(
            joined.startswith(f) and len(f) < len(joined) <= len(f) + 3 for f in JAPANESE_SURNAMES
        ):
            return True  # "佐々木 健太", "長谷川七海": a frequent Japanese family name first
        if not 2 <= len(joined) <= 4:
            return False
        if joined[:2] in CHINESE_COMPOUND_SURNAMES:
            return len(joined) >= 3
        return joined[0] in CHINESE_SURNAMES or any(
            joined.startswith(s) and len(joined) > len(s) for s in JAPANESE_SURNAMES
        )
    if script == "hangul":
        joined = "".join(words)
        return 2 <= len(joined) <= 4 and joined[0] in KOREAN_SURNAMES
    return False


_TOOL_VERB_BEFORE = re.compile(rf"(?i)(?<![\w\-])(?:{'|'.join(sorted(TOOL_VERBS))})[ \t]+$")
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?(?!\w)")


def after_tool_verb(text: str, start: int, end: int) -> bool:
    """ "the path-dependent ones use [Monte Carlo] with 100,000 paths": right after a verb
    whose object is a method, tool or product (`lexicon.TOOL_VERBS`) a capitalised run names a
    thing; not when a possessive follows ("we use Ayodele Bankole's checklist")."""
    if _POSSESSIVE_AFTER.match(text, end):
        return False
    return bool(_TOOL_VERB_BEFORE.search(text, max(0, start - 12), start))
