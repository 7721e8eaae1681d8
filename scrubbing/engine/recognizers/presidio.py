"""Presidio's own pattern recognizers, each with a gate: a necessary condition for a match of
its 2.2.366 patterns (compiled case-insensitively), so a text failing it skips the regexes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, predefined_recognizers

from .base import Gated

_CRYPTO_RUN = re.compile(r"[^\W_]{26}")
# every IPv4 pattern has digit "." digit; every IPv6 one a hex digit before ":" or "::"
_IP_HINT = re.compile(r"(?i)\d\.\d|[0-9a-f]:|::")


# every IBAN match begins with two letters and two digits ([A-Z]{2}[0-9]{2}; letters and
# digits of any script here, so the gate holds whatever flags the pattern is compiled with)
_IBAN_HINT = re.compile(r"[^\W\d_]{2}\d{2}")


#: a character Presidio's e-mail pattern can match (local part, "@", domain), in its own regex
#: engine and flags, so that \w is the same
_ADDRESS_CHAR = regex.compile(r"[!#$%&'*+\-/=?^_`{|}~.\w@]", regex.IGNORECASE)


def address_runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of such characters that holds an "@": every match of the
    pattern lies inside one (its \b reads the character past a run's end as it reads the end of
    a text: no word character). Linear: each character is looked at once or twice."""
    n, done = len(text), 0
    at = text.find("@")
    while at >= 0:
        s, e = at, at + 1
        while s > done and _ADDRESS_CHAR.match(text, s - 1):
            s -= 1
        while e < n and _ADDRESS_CHAR.match(text, e):
            e += 1
        yield s, e
        done = e
        at = text.find("@", e)


def _ascii_digits(text: str) -> int:
    return sum(text.count(d) for d in "0123456789")


# the digits and separators of every SSN pattern (nnnnn-nnnn, nnn-nnnnnn, nine digits,
# nnn-nn-nnnn, nnn nn nnnn, nnn.nn.nnnn), with no digit on either side (what their word
# boundaries ask at least): a phone number ("555-123-4567", "5551234567") has none of them.
# Written to start with a digit (the look-behind after it), so the regex skips to digits
_SSN_DIGITS = re.compile(
    r"[0-9](?<![0-9][0-9])[0-9]{2}"
    r"(?:[0-9]{2}-[0-9]{4}|-[0-9]{6}|[0-9]{6}|[- .][0-9]{2}[- .][0-9]{4})(?![0-9])"
)
# the three pairs of digits and the letter after them of the NINO pattern ("QQ 12 34 56 C");
# no letter folds to a-d in any case, so the class holds under the pattern's IGNORECASE
_NINO_DIGITS = re.compile(r"[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[a-dA-D]")


class ScrubEmailRecognizer(Gated, predefined_recognizers.EmailRecognizer):
    """Addresses; the domain is checked against tldextract's bundled suffix list (offline)."""

    @staticmethod
    def gate(text: str) -> bool:
        return "@" in text

    def __init__(self, tld: Any) -> None:
        self._tld = tld
        super().__init__()

    def validate_result(self, pattern_text: str) -> bool:
        return self._tld(pattern_text.rsplit("@", 1)[-1]).fqdn != ""

    def analyze_passed(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        """Presidio's analysis of each run of address characters holding an "@" (the same
        results as of the whole text: its pattern scans every word of a text otherwise)."""
        results = []
        for s, e in address_runs(text):
            for r in super().analyze_passed(text[s:e], entities, nlp_artifacts):
                r.start, r.end = r.start + s, r.end + s
                results.append(r)
        return EntityRecognizer.remove_duplicates(results)


class ScrubIbanRecognizer(Gated, predefined_recognizers.IbanRecognizer):
    @staticmethod
    def gate(text: str) -> bool:
        return _IBAN_HINT.search(text) is not None


class ScrubIpRecognizer(Gated, predefined_recognizers.IpRecognizer):
    @staticmethod
    def gate(text: str) -> bool:
        return _IP_HINT.search(text) is not None


class ScrubUsSsnRecognizer(Gated, predefined_recognizers.UsSsnRecognizer):
    @staticmethod
    def gate(text: str) -> bool:
        return _ascii_digits(text) >= 9 and _SSN_DIGITS.search(text) is not None


class ScrubUkNinoRecognizer(Gated, predefined_recognizers.UkNinoRecognizer):
    @staticmethod
    def gate(text: str) -> bool:
        return _ascii_digits(text) >= 6 and _NINO_DIGITS.search(text) is not None


class ScrubCryptoRecognizer(Gated, predefined_recognizers.CryptoRecognizer):
    @staticmethod
    def gate(text: str) -> bool:
        return _CRYPTO_RUN.search(text) is not None  # 26+ chars of [a-z0-9] in a row
