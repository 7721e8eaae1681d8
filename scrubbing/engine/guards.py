"""Precision: which model spans are work vocabulary, and where a name span really ends.

Every list read here lives in `lexicon`; every group has a unit test in
tests/unit/engine/test_detect.py.
"""

from __future__ import annotations

import re

from .hits import MODEL_ENTITIES
from .lexicon import (
    BY_VERBS,
    CALENDAR,
    FORM_PHRASES,
    HONORIFICS,
    LEAD_WORDS,
    MAIL_HEADERS,
    OFFICE_WORDS,
    PRODUCT_PHRASES,
    PRODUCTS,
    SPAN_WORDS,
    SPLIT_WORDS,
    STOP_SPANS,
    TRAIL_WORDS,
)
from .terms import normalize

_QUARTER = re.compile(
    r"(?i)^(?:q[1-4]|h[12]|fy\s?'?\d{2,4}|q[1-4]\s*(?:fy)?\s*'?\d{2,4}|\d{4}\s*q[1-4]|"
    r"(?:cy|fy)\d{2,4}|week\s*\d+|w\d{1,2}|sprint\s*\d+)$"
)


def _alternation(items: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", " ") for w in items)


# Words the model glues onto the front of a name ("Call Bob Smith", "Dear Dr. Jones",
# "Prepared by Jane Doe"): stripped repeatedly, so honorifics stay as text too.
_LEAD_STRIP = re.compile(
    rf"(?i)^(?:{_alternation(LEAD_WORDS)}|(?:{_alternation(BY_VERBS)})\s+by|"
    rf"{_alternation(HONORIFICS)})"
    r"(?:\.|:)?(?:[\s,]+|$)"
)
_TRAIL_WORDS = re.compile(rf"(?i)[\s,]+(?:{_alternation(TRAIL_WORDS)})\s*$")
_TRAIL_STRIP = re.compile(r"(?:['\u2019]s|['\u2019])?[\s.,;:!?)\]]*$")
#: a bracket the span opens and does not close: "the Quality Assurance (QA" is the words and,
#: apart, what the bracket holds (an acronym defined there), never one name
_OPEN_BRACKET = re.compile(r"[ \t]*[(\[](?P<inner>[^()\[\]]*)$")
_SPLIT = re.compile(r"[ \t]+(?:" + "|".join(sorted(SPLIT_WORDS)) + r")[ \t]+")
_VOCABULARY = SPAN_WORDS | STOP_SPANS | OFFICE_WORDS | PRODUCTS
#: a cell boundary inside one text: CSV's '","' and a table's " | " end a name
_CELL_SEP = re.compile(r"[ \t]*\"[ \t]*[,;][ \t]*\"?[ \t]*|[ \t]*[,;][ \t]*\"[ \t]*|[ \t]*\|[ \t]*")
#: a dash with spaces either side joins the parts of a title, not the words of a name
#: ("Carter, Serrano and Simmons - Quarterly Valuation Review")
_SPACED_DASH = r"[ \t]+[\-\u2013\u2014][ \t]+"
_BREAKS = re.compile(
    r"(\r?\n|\r|\t|" + _SPLIT.pattern + "|" + _CELL_SEP.pattern + "|" + _SPACED_DASH + ")"
)


_INITIALLED = re.compile(r"^[^\W\d_a-z][^\W\d_]+(?:[ \t]+[^\W\d_a-z]\.){0,2}[ \t]+[^\W\d_a-z]\.?$")


def initialled_name(text: str) -> bool:
    """ "Sun L.", "May T. R.": a word and initials (the last dot tidied off) that a name rule
    found where a name is expected (a sign-off); a calendar word may be the name here."""
    m = _INITIALLED.match(text.strip())
    word = text.split()[0].casefold() if m else ""
    return bool(m) and (word in CALENDAR or word not in STOP_SPANS | SPAN_WORDS)


_HONORIFIC_BEFORE = re.compile(rf"(?i)(?<![\w.])(?:{_alternation(HONORIFICS)})\.?[ \t]+$")


def after_honorific(text: str, start: int) -> bool:
    """ "Dear Dr [Sun],": right after an honorific a word is a family name, even a weekday
    or an ordinary word."""
    return bool(_HONORIFIC_BEFORE.search(text, max(0, start - 12), start))


def is_false_positive(text: str, entity_type: str) -> bool:
    """True for model spans that are ordinary work vocabulary, not a name."""
    from .technical import is_known_name

    key = normalize(text)
    if len(key) < 2 or not any(c.isalpha() for c in key):
        return True
    if key in STOP_SPANS or _QUARTER.match(key) or key in PRODUCT_PHRASES:
        return True
    if key in OFFICE_WORDS or key in PRODUCTS or key in MAIL_HEADERS:
        return True  # "Whiteboard", "Kafka", "X-Folder"
    words = [w.strip(".,:;()'\u2019") for w in key.split()]
    if all(w in SPAN_WORDS or w in STOP_SPANS or len(w) <= 1 for w in words):
        return True  # "Senior Analyst", "Action Items", "Dear", "Regards"
    if len(words) > 1 and all(w in _VOCABULARY or len(w) <= 1 for w in words):
        return True  # "Appendix C. The Cabin", "Grafana Whiteboard"
    if re.search(r"[_=/\\{}<>$#@|]|\d|\w\(|[a-z]\.[a-z]", text) and entity_type in MODEL_ENTITIES:
        return True  # DB_PASSWORD, user_id, paths, calls, Pool.alloc: code, not a name
    if entity_type == "PERSON" and "@" in key:
        return True  # the e-mail recognizer owns addresses
    if (
        entity_type == "PERSON"
        and len(words) == 1
        and text.lower() != text.upper()
        and not any(c.isupper() for c in text)
    ):
        return True  # "config": a name in a cased script is written with a capital
    if (
        entity_type in MODEL_ENTITIES
        and len(words) > 1
        and text.lower() != text.upper()
        and not any(c.isupper() for c in text)
        and not any(is_known_name(w) for w in words if w)
    ):
        return True  # "maintenance mode", "custom functions": names are capitalised
    if (
        entity_type in ("ORGANIZATION", "LOCATION")
        and len(words) == 1
        and text.lower() != text.upper()
        and text == text.lower()
    ):
        return True  # "checksum", "sha": organisations and places are capitalised too
    if entity_type == "PERSON" and len(words) == 1 and key.isalpha():
        from .recognizers.name_shape import is_common_word

        if is_common_word(key):
            return True  # "Cabin", "Hedge": ordinary words, unless also first names
    # 2-3 letter ORG acronyms ("HR", "QA", "R&D"): real clients go on the deny-list
    return entity_type == "ORGANIZATION" and len(words) == 1 and len(key) <= 3


def out_of_place(text: str, start: int, end: int, entity_type: str) -> bool:
    """True for a span that its surroundings show is not a name: "Bill" in "Bill to:", "Tel"
    in "Tel-Aviv", a header field name before its colon."""
    if entity_type not in ("PERSON", "ORGANIZATION"):
        return False
    after = text[end : end + 12]
    if end < len(text) and text[end] == "-" and text[end + 1 : end + 2].isalpha():
        return True  # part of a hyphenated word
    phrase = normalize(text[start:end] + " " + after.split(":")[0].split("\n")[0])
    if any(phrase.startswith(p) for p in FORM_PHRASES):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return (
        not text[line_start:start].strip()
        and after.startswith(":")
        and normalize(text[start:end]) in MAIL_HEADERS
    )


def tidy_model_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split spans at line breaks, drop greeting prefixes and possessive suffixes."""
    out: list[tuple[int, int]] = []
    pos = start
    # "Northwind Maritime is Priya Raman": two entities, and "is" stays text
    pieces = _BREAKS.split(text[start:end])
    for piece in pieces:
        s, e = pos, pos + len(piece)
        pos = e
        if (
            not piece.strip()
            or piece in ("\n", "\r\n", "\r", "\t")
            or _SPLIT.fullmatch(piece)
            or _CELL_SEP.fullmatch(piece)
            or re.fullmatch(_SPACED_DASH, piece)
        ):
            continue
        for _ in range(4):  # "Hi Dr. Jones", "Thanks, Prof. Lee"
            m = _LEAD_STRIP.match(text[s:e])
            if not m or not m.end():
                break
            s += m.end()
        for _ in range(2):
            m3 = _TRAIL_WORDS.search(text[s:e])
            if not m3 or m3.start() == 0:
                break
            e = s + m3.start()
        chunk = text[s:e]
        m2 = _TRAIL_STRIP.search(chunk)
        if m2 and m2.start() > 0:
            e = s + m2.start()
        while s < e and text[s] in " \"'(\u201c\u2018[":
            s += 1
        m4 = _OPEN_BRACKET.search(text, s, e)
        if m4 and m4.start() > s:
            if m4.group("inner").strip():
                out.append((m4.start("inner"), e))
            e = m4.start()
        if e > s:
            out.append((s, e))
    return out
