"""Payment cards: Presidio's CreditCardRecognizer pattern has no 2-series Mastercard
(2221-2720) and accepts only 4-4-4-4-ish groupings; this one takes 13-19 digits, one kind of
separator (space or hyphen) or none, a known issuer prefix with a length that issuer uses
(ISO/IEC 7812 issuer ranges: Visa 13/16/19, Mastercard 16, Amex 15, UATP 15...), and the
Luhn check. The length matters: a millisecond timestamp (`1709286000000`, 13 digits from "1")
passes Luhn one time in ten, and no issuer writes 13 digits after a "1" (Presidio's own
pattern leaves a "1" and twelve digits out for that reason)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .base import ScrubRecognizer

_CARD_CAND = re.compile(r"(?<![\w.\-+/])\d(?:[ \-]?\d){12,18}(?![\w\-/]|[.,]\d)")
#: (issuer prefix, the numbers of digits its cards have)
_ISSUERS = tuple(
    (re.compile(prefix), lengths)
    for prefix, lengths in (
        (r"4", (13, 16, 19)),  # Visa
        (r"5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720", (16,)),  # Mastercard
        (r"3[47]", (15,)),  # American Express
        (r"30[0-5]|3095|36|38|39", range(14, 20)),  # Diners Club
        (r"35(?:2[89]|[3-8]\d)", range(16, 20)),  # JCB
        (r"6011|64[4-9]|65|62", range(16, 20)),  # Discover, UnionPay
        (r"50|5[6-9]|6\d", range(13, 20)),  # Maestro
        (r"1", (15,)),  # UATP
    )
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


def issuer_length_ok(digits: str) -> bool:
    """Whether an issuer's prefix starts `digits` and that issuer uses its length."""
    return any(rx.match(digits) and len(digits) in lengths for rx, lengths in _ISSUERS)


def card_hits(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _CARD_CAND.finditer(text):
        cand = m.group(0)
        seps = set(re.findall(r"[ \-]", cand))
        if len(seps) > 1:
            continue
        digits = re.sub(r"\D", "", cand)
        if seps and any(len(g) < 3 for g in re.split(r"[ \-]", cand)):
            continue  # "4 111 ..." or "12-34-...": not how cards are written
        if len(set(digits)) < 2 or not issuer_length_ok(digits) or not luhn_ok(digits):
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
