"""Sensitive sentences without a model: a local rule set flags sentences that discuss prices,
salaries, margins, forecasts, acquisitions, disputes or security weaknesses, for the contractor
to confirm. Flagged, never redacted: a flag changes neither the output nor the file's status.

The word lists live here and only here. Each topic has *strong* phrases (a sentence using one
is about the topic) and *weak* words, which flag a sentence only beside a concrete figure (an
amount, a percentage) or a word of secrecy, so "the price of progress" or "a weather forecast"
stay quiet while "we priced the module at $480 per seat" does not.
"""

from __future__ import annotations

import re
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


def _words(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alts = sorted((re.escape(p).replace(r"\ ", r"\s+") for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


_STRONG = {t: _words(s) for t, (s, _, _) in TOPICS.items()}
_WEAK = {t: _words(w) for t, (_, w, _) in TOPICS.items()}
_SECRECY = _words(SECRECY)


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
    """The sentences of `text` that discuss a sensitive topic, each once (its first topic)."""
    flags = []
    for s, e in sentences(text):
        sentence = text[s:e]
        if len(sentence) > MAX_SENTENCE_CHARS or len(sentence.split()) < 4:
            continue  # a table cell or a heading is not a sentence; a page-long run is not one
        concrete = bool(_FIGURE.search(sentence) or _SECRECY.search(sentence))
        for topic, (_, _, reason) in TOPICS.items():
            if _STRONG[topic].search(sentence) or (concrete and _WEAK[topic].search(sentence)):
                flags.append(Flag(s, e, topic, reason))
                break
    return flags
