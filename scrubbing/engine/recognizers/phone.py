"""Phone numbers: candidate runs of digits checked with `phonenumbers` (libphonenumber)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..lexicon import PHONE_LABELS, PHONE_REGIONS
from .base import ScrubRecognizer

_PHONE_CAND = re.compile(
    r"(?<![\w+./\-])(?P<num>(?:\+|00|\(\+?)?\d[\d \t().\-/]{5,22}\d)"
    r"(?:[ \t]*(?:x|ext\.?|extension|#)[ \t]*\d{1,6})?(?![\w/]|\.\d)",
    re.I,
)
_DATE_LIKE = re.compile(
    r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$|^\d{4}\s*-\s*\d{4}$"
)
# "Phone: ", "Tel.", "Mobile -", "Tél :", "Telefon", "Cell #" right before a number
_PHONE_CONTEXT = re.compile(
    r"(?i)(?<![^\W\d_])(?:" + "|".join(PHONE_LABELS) + r")"
    r"(?:\s*(?:no|nr|number|num)\b)?[\s.:#\-/()]*\Z"
)
# Written the way phone numbers are (NANP "(589)364-9829", "589-364-9829", "589.364.9829",
# with an optional "1-"/"+1 "/"001-" trunk or country prefix): a phone even when the area code
# is not assigned (generated contact sheets, test data), as long as libphonenumber finds the
# length possible.
_PHONE_SHAPE = re.compile(r"^(?:(?:\+?1|001)[ .\-]?)?(?:\(\d{3}\)[ ]?|\d{3}[.\-])\d{3}[.\-]\d{4}$")
_SEVEN_DIGITS = re.compile(r"\d(?:[ \t().\-/]*\d){6}")


def phone_hits(text: str) -> Iterable[tuple[int, int, str]]:
    import phonenumbers

    for m in _PHONE_CAND.finditer(text):
        cand = m.group("num").strip()
        if re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){3}", cand):
            continue  # an IPv4 address, the IP recognizer owns it
        digits = sum(c.isdigit() for c in cand)
        if digits < 7 or digits > 15 or _DATE_LIKE.match(cand):
            continue
        bare = bool(re.fullmatch(r"\d+", cand))
        if bare and digits not in (10, 11) and not cand.startswith("0"):
            # a bare run of digits is an id or an amount more often than a phone, unless the
            # line says it is one ("Phone: 352017238", an Italian mobile number)
            line_start = text.rfind("\n", 0, m.start()) + 1
            if not _PHONE_CONTEXT.search(text, max(line_start, m.start() - 40), m.start()):
                continue
        intl = cand.startswith(("+", "00", "(+"))
        # "00" is the international call prefix in most of the world: "0049 30..." is +49
        parse_as = "+" + cand[2:].lstrip(" -.") if cand.startswith("00") else cand
        shaped = _PHONE_SHAPE.match(cand) is not None
        regions: Sequence[str | None] = (None,) if intl else PHONE_REGIONS
        for region in regions:
            try:
                num = phonenumbers.parse(parse_as, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(num) or (
                (intl or shaped) and phonenumbers.is_possible_number(num)
            ):
                yield m.start(), m.start() + len(m.group(0).rstrip()), "PHONE_NUMBER"
                break


class ScrubPhoneRecognizer(ScrubRecognizer):
    ENTITIES = ("PHONE_NUMBER",)
    SCORE = 0.7
    CONTEXT = ("phone", "tel", "mobile", "cell", "fax", "call", "whatsapp")

    @staticmethod
    def gate(text: str) -> bool:
        # a candidate holds seven digits with nothing but separators between them
        return _SEVEN_DIGITS.search(text) is not None

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        return phone_hits(text)
