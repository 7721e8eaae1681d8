"""Sensitive sentences without a model: a local rule set flags sentences that discuss prices,
salaries, margins, forecasts, acquisitions, disputes or security weaknesses, for the contractor
to confirm. Flagged, never redacted: a flag changes neither the output nor the file's status.

The word lists live here and only here. Each topic has *strong* phrases (a sentence using one
is about the topic) and *weak* words, which flag a sentence only beside a concrete figure (an
amount, a percentage) or a word of secrecy, so "the price of progress" or "a weather forecast"
stay quiet while "we priced the module at $480 per seat" does not.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

#: topic -> (strong phrases, weak words, the reason shown to the contractor)
TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "pricing": (
        ("price list", "list price", "unit price", "rate card", "pricing model", "price increase",
         "volume discount", "discount of"),
        ("price", "prices", "priced", "pricing", "discount", "discounts", "quote", "quoted",
         "fee", "fees", "tariff", "per seat", "per unit", "per licence", "per license"),
        "It discusses prices or discounts.",
    ),
    "salaries": (
        ("salary", "salaries", "payroll", "pay rise", "pay raise", "compensation package",
         "bonus pool", "severance"),
        ("bonus", "bonuses", "wage", "wages", "compensation", "remuneration", "stock options"),
        "It discusses salaries or pay.",
    ),
    "margins": (
        ("gross margin", "net margin", "operating margin", "profit margin", "ebitda",
         "contribution margin"),
        ("margin", "margins", "markup", "mark-up", "profit", "profits", "profitability"),
        "It discusses margins or profit.",
    ),
    "forecasts": (
        ("revenue forecast", "sales forecast", "revenue target", "sales target",
         "financial projections", "earnings guidance", "internal forecast"),
        ("forecast", "forecasts", "forecasted", "projection", "projections", "projected",
         "outlook", "guidance", "pipeline", "run rate", "run-rate"),
        "It discusses forecasts or targets.",
    ),
    "acquisitions": (
        ("merger", "takeover", "buyout", "due diligence", "term sheet", "letter of intent",
         "acquisition of", "acquire the company", "purchase price", "valuation of"),
        ("acquisition", "acquisitions", "acquire", "acquiring", "divestiture", "deal", "bid",
         "valuation"),
        "It discusses an acquisition, merger or deal.",
    ),
    "disputes": (
        ("lawsuit", "litigation", "arbitration", "legal action", "injunction",
         "breach of contract", "settlement agreement", "cease and desist", "sued", "suing",
         "class action"),
        ("dispute", "disputes", "disputed", "claim", "claims", "settlement", "damages",
         "penalty", "penalties"),
        "It discusses a dispute or legal claim.",
    ),
    "security weaknesses": (
        ("vulnerability", "vulnerabilities", "exploitable", "unpatched", "zero-day", "backdoor",
         "weak password", "default password", "misconfigured", "security hole", "security flaw",
         "data breach", "privilege escalation", "sql injection", "remote code execution",
         "not encrypted", "unencrypted"),
        ("exploit", "breach", "exposed", "insecure", "weakness", "weaknesses", "bypass"),
        "It discusses a security weakness.",
    ),
}  # fmt: skip
#: words of secrecy: a weak word beside one of these flags its sentence too
SECRECY = (
    "confidential", "internal only", "not public", "undisclosed", "unannounced", "secret",
    "do not share", "do not forward", "under nda", "embargoed", "privileged",
)  # fmt: skip

# a concrete figure: an amount of money, a percentage, a number with a magnitude
_FIGURE = re.compile(
    r"(?:[$€£¥₹]\s?\d|\d\s?(?:[$€£¥₹]|%|percent\b|per\s?cent\b|k\b|m\b|bn\b|mm\b)"
    r"|\b\d[\d,.]*\s?(?:thousand|million|billion|usd|eur|gbp|chf|dollars|euros|pounds)\b"
    r"|\b(?:usd|eur|gbp|chf)\s?\d)",
    re.IGNORECASE,
)
# a sentence ends at . ! ? before whitespace and a capital (or a digit, a quote), or at a line
# break: "3 p.m. on Monday" and "2.4 million" stay inside their sentence
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'\u201d)]*\s+(?=[\"'\u201c(\[]?[A-Z0-9])|\n\s*")
MAX_SENTENCE_CHARS = 600


#: a word: letters and digits, hyphenated parts included ("zero-day", "run-rate")
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_SECRET = "secrecy"  # the "topic" of a word of secrecy: it makes a sentence concrete
#: first word -> (words, topic, strong) of every phrase, longest first: one pass over the words
_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
for _topic, (_strong, _weak, _) in TOPICS.items():
    for _phrases, _is_strong in ((_weak, False), (_strong, True)):
        for _p in _phrases:
            _BY_FIRST.setdefault(_p.split()[0], []).append((tuple(_p.split()), _topic, _is_strong))
for _p in SECRECY:
    _BY_FIRST.setdefault(_p.split()[0], []).append((tuple(_p.split()), _SECRET, False))
for _entries in _BY_FIRST.values():
    _entries.sort(key=lambda e: (-len(e[0]), not e[2]))  # longest, then strong, first
_ORDER = {t: i for i, t in enumerate(TOPICS)}


def _phrases_in(text: str) -> Iterator[tuple[int, str, bool]]:
    """(position, topic, strong) of every phrase of the lists in `text`, by word."""
    words = [(m.start(), m.group().lower()) for m in _TOKEN.finditer(text)]
    for k, (pos, word) in enumerate(words):
        for phrase, topic, strong in _BY_FIRST.get(word, ()):
            n = len(phrase)
            if n == 1 or tuple(w for _, w in words[k : k + n]) == phrase:
                yield pos, topic, strong
                break


@dataclass(frozen=True)
class Flag:
    start: int
    end: int
    topic: str
    reason: str


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, without its surrounding whitespace."""
    out = []
    pos = 0
    for m in [*_BOUNDARY.finditer(text), None]:
        s, e = pos, (m.start() if m else len(text))
        pos = m.end() if m else len(text)
        chunk = text[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if e - trail > s + lead:
            out.append((s + lead, e - trail))
    return out


def flag_sentences(text: str) -> list[Flag]:
    """The sentences of `text` that discuss a sensitive topic, each once (its first topic).

    Two passes over the whole text (its words against the lists, the figures), each match
    then counted in its sentence: linear in the text, whatever its length."""
    spans = [
        (s, e)
        for s, e in sentences(text)
        if e - s <= MAX_SENTENCE_CHARS and len(text[s:e].split()) >= 4
    ]  # a table cell or a heading is not a sentence; a page-long run is not one
    if not spans:
        return []
    starts = [s for s, _ in spans]
    hits: dict[int, list[tuple[str, bool]]] = {}
    concrete: set[int] = set()

    def sentence_of(pos: int) -> int | None:
        i = bisect.bisect_right(starts, pos) - 1
        return i if i >= 0 and pos < spans[i][1] else None

    for pos, topic, strong in _phrases_in(text):
        i = sentence_of(pos)
        if i is None:
            continue
        if topic == _SECRET:
            concrete.add(i)
        else:
            hits.setdefault(i, []).append((topic, strong))
    for m in _FIGURE.finditer(text):
        i = sentence_of(m.start())
        if i is not None:
            concrete.add(i)
    flags = []
    for i in sorted(hits):
        topics = [t for t, strong in hits[i] if strong or i in concrete]
        if topics:
            topic = min(topics, key=_ORDER.__getitem__)
            flags.append(Flag(*spans[i], topic, TOPICS[topic][2]))
    return flags
