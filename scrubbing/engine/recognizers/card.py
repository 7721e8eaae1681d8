"""Payment cards: Presidio's CreditCardRecognizer pattern has no 2-series Mastercard
(2221-2720) and accepts only 4-4-4-4-ish groupings; this one takes 13-19 digits, one kind of
separator (space or hyphen) or none, a known issuer prefix, and the Luhn check."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .base import ScrubRecognizer

_CARD_CAND = re.compile(r"(?<![\w.\-+/])\d(?:[ \-]?\d){12,18}(?![\w\-/]|[.,]\d)")
_CARD_PREFIX = re.compile(
    r"^(?:4|5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720|3[47]|30[0-5]|3095|36|38|39|"
    r"35(?:2[89]|[3-8]\d)|6011|64[4-9]|65|62|50|5[6-9]|6[0-9]|1)"
)
_THIRTEEN_DIGITS = re.compile(r"\d(?:[ \-]?\d){12}")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def card_hits(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _CARD_CAND.finditer(text):
        cand = m.group(0)
        seps = set(re.findall(r"[ \-]", cand))
        if len(seps) > 1:
            continue
        digits = re.sub(r"\D", "", cand)
        if seps and any(len(g) < 3 for g in re.split(r"[ \-]", cand)):
            continue  # "4 111 ..." or "12-34-...": not how cards are written
        if len(set(digits)) < 2 or not _CARD_PREFIX.match(digits) or not luhn_ok(digits):
            continue
        yield m.start(), m.end(), "CREDIT_CARD"


class ScrubCardRecognizer(ScrubRecognizer):
    ENTITIES = ("CREDIT_CARD",)
    SCORE = 0.9
    CONTEXT = ("card", "credit", "visa", "mastercard", "amex", "cc", "pan")

    @staticmethod
    def gate(text: str) -> bool:
        return _THIRTEEN_DIGITS.search(text) is not None

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        return card_hits(text)
