"""Presidio's own pattern recognizers, each with a gate: a necessary condition for a match of
its 2.2.366 patterns (compiled case-insensitively), so a text failing it skips the regexes."""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import predefined_recognizers

from .base import Gated

_CRYPTO_RUN = re.compile(r"[^\W_]{26}")
# every IPv4 pattern has digit "." digit; every IPv6 one a hex digit before ":" or "::"
_IP_HINT = re.compile(r"(?i)\d\.\d|[0-9a-f]:|::")


# every IBAN match begins with two letters and two digits ([A-Z]{2}[0-9]{2}; letters and
# digits of any script here, so the gate holds whatever flags the pattern is compiled with)
_IBAN_HINT = re.compile(r"[^\W\d_]{2}\d{2}")


def _ascii_digits(text: str) -> int:
    return sum(text.count(d) for d in "0123456789")


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
        return _ascii_digits(text) >= 9


class ScrubUkNinoRecognizer(Gated, predefined_recognizers.UkNinoRecognizer):
    @staticmethod
    def gate(text: str) -> bool:
        return _ascii_digits(text) >= 6


class ScrubCryptoRecognizer(Gated, predefined_recognizers.CryptoRecognizer):
    @staticmethod
    def gate(text: str) -> bool:
        return _CRYPTO_RUN.search(text) is not None  # 26+ chars of [a-z0-9] in a row
