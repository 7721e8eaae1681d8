"""Structured values for the independent slice: phones, IBANs, secrets, e-mail addresses.

Phone numbers are written the way each country writes them (hand-written patterns below,
``N`` = a random digit), with and without trunk prefixes, international prefixes and
extensions; the digits are redrawn until `phonenumbers` calls the number valid for its
region, because real numbers in real documents are valid. IBANs carry correct check digits.
"""

from __future__ import annotations

import random
import re
import string
from dataclasses import dataclass

#: (region, kind, pattern). kind: "intl", "national", "ext" (with an extension), "trunk"
PHONE_PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("US", "national", "(2NN) 5NN-NNNN"),
    ("US", "ext", "(3NN)4NN-NNNNxNNNN"),
    ("US", "ext", "2NN-3NN-NNNN ext. NNN"),
    ("US", "intl", "+1 4NN 6NN NNNN"),
    ("US", "trunk", "001-2NN-4NN-NNNNxNNNNN"),
    ("US", "national", "7NN.5NN.NNNN"),
    ("US", "trunk", "1-8NN-3NN-NNNN"),
    ("US", "ext", "+1 (6NN) 2NN-NNNN, ext 2NN"),
    ("GB", "intl", "+44 20 7NNN NNNN"),
    ("GB", "national", "020 8NNN NNNN"),
    ("GB", "national", "07NNN 9NNNNN"),
    ("GB", "ext", "+44 (0)161 4NN NNNN ext 2NN"),
    ("GB", "national", "0113 4NN NNNN"),
    ("DE", "intl", "+49 30 9NNNNNN"),
    ("DE", "ext", "+49 (0)89 2180-NNNN"),
    ("DE", "national", "0171 NNNNNNN"),
    ("DE", "ext", "069 2NNNN-NN"),
    ("FR", "intl", "+33 1 4N NN NN NN"),
    ("FR", "national", "01 4N NN NN NN"),
    ("FR", "national", "06.NN.NN.NN.NN"),
    ("IN", "intl", "+91 98NNN NNNNN"),
    ("IN", "national", "080-2NNN NNNN"),
    ("IN", "trunk", "098NNN NNNNN"),
    ("JP", "intl", "+81 3-5NNN-NNNN"),
    ("JP", "national", "03-6NNN-NNNN"),
    ("JP", "national", "090-NNNN-NNNN"),
    ("BR", "intl", "+55 11 9NNNN-NNNN"),
    ("BR", "national", "(21) 3NNN-NNNN"),
    ("NG", "intl", "+234 803 NNN NNNN"),
    ("NG", "national", "0805 NNN NNNN"),
    ("NL", "intl", "+31 20 NNN NNNN"),
    ("NL", "national", "06-NNNNNNNN"),
    ("AU", "intl", "+61 2 9NNN NNNN"),
    ("AU", "national", "(03) 9NNN NNNN"),
    ("AU", "national", "04NN NNN NNN"),
    ("PL", "intl", "+48 22 NNN NN NN"),
    ("PL", "national", "60N NNN NNN"),
    ("TR", "intl", "+90 212 NNN NN NN"),
    ("TR", "trunk", "0532 NNN NN NN"),
    ("CN", "intl", "+86 10 6NNN NNNN"),
    ("CN", "national", "138 NNNN NNNN"),
    ("KR", "intl", "+82 2-NNN-NNNN"),
    ("KR", "national", "010-NNNN-NNNN"),
    ("VN", "intl", "+84 28 3NNN NNNN"),
    ("VN", "national", "090N NNN NNN"),
    ("RU", "intl", "+7 495 NNN-NN-NN"),
    ("RU", "trunk", "8 (495) NNN-NN-NN"),
    ("UA", "intl", "+380 44 NNN NNNN"),
    ("ES", "intl", "+34 91N NNN NNN"),
    ("IT", "intl", "+39 06 NNNN NNNN"),
    ("AE", "intl", "+971 4 NNN NNNN"),
    ("NO", "intl", "+47 22 NN NN NN"),
    ("NO", "national", "41N NN NNN"),
    ("CA", "ext", "+1 416-NNN-NNNN x2NN"),
    ("IE", "intl", "+353 1 NNN NNNN"),
    ("MX", "intl", "+52 55 NNNN NNNN"),
    ("ZA", "intl", "+27 11 NNN NNNN"),
)
_EXT = re.compile(r"(?i),?\s*(?:x|ext\.?|extension)\s*(\d{2,5})$")

#: country: BBAN structure (n = digit, a = upper letter, c = either, 0 = a literal zero)
IBAN_LENGTHS = {"DE": 22, "GB": 22, "FR": 27, "NL": 18, "NO": 15, "ES": 24, "IT": 27, "PL": 28,
                "TR": 26, "BR": 29}  # fmt: skip
IBAN_FORMATS = {
    "DE": "nnnnnnnnnnnnnnnnnn",
    "GB": "aaaannnnnnnnnnnnnn",
    "FR": "nnnnnnnnnncccccccccccnn",
    "NL": "aaaannnnnnnnnn",
    "NO": "nnnnnnnnnnn",
    "ES": "nnnnnnnnnnnnnnnnnnnn",
    "IT": "annnnnnnnnncccccccccccc",
    "PL": "nnnnnnnnnnnnnnnnnnnnnnnn",
    "TR": "nnnnn0nnnnnnnnnnnnnnnn",
    "BR": "nnnnnnnnnnnnnnnnnnnnnnnac",
}


@dataclass(frozen=True)
class Phone:
    value: str
    region: str
    kind: str

    @property
    def main_digits(self) -> str:
        """The subscriber digits without any extension (what must not be left)."""
        main = _EXT.sub("", self.value) if self.kind in ("ext", "trunk") else self.value
        return re.sub(r"\D", "", main)


def _fill(pattern: str, rnd: random.Random) -> str:
    return "".join(rnd.choice(string.digits) if c == "N" else c for c in pattern)


def make_phone(rnd: random.Random, region: str, kind: str, pattern: str) -> Phone:
    import phonenumbers

    for _ in range(400):
        value = _fill(pattern, rnd)
        main = _EXT.sub("", value) if kind in ("ext", "trunk") else value
        if main.startswith("001-"):
            main = "+1-" + main[4:]
        try:
            num = phonenumbers.parse(main, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num):
            return Phone(value, region, kind)
    raise ValueError(f"pattern {pattern!r} never gives a valid {region} number")


def make_iban(rnd: random.Random, country: str, grouped: bool) -> str:
    bban = "".join(
        rnd.choice(string.digits)
        if c == "n"
        else rnd.choice(string.ascii_uppercase)
        if c == "a"
        else c
        if c == "0"
        else rnd.choice(string.digits + string.ascii_uppercase)
        for c in IBAN_FORMATS[country]
    )
    digits = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    check = 98 - int(digits) % 97
    iban = f"{country}{check:02d}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)) if grouped else iban


def iban_is_valid(iban: str) -> bool:
    s = iban.replace(" ", "")
    digits = "".join(str(int(ch, 36)) for ch in s[4:] + s[:4])
    return int(digits) % 97 == 1


def make_secret(rnd: random.Random, kind: str) -> str:
    def rs(n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
        return "".join(rnd.choice(alphabet) for _ in range(n))

    makers = {
        "aws_key": lambda: "AKIA" + rs(16, string.ascii_uppercase + "234567"),
        "github": lambda: "ghp_" + rs(36),
        "slack": lambda: f"xoxb-{rs(12, string.digits)}-{rs(13, string.digits)}-{rs(24)}",
        "stripe": lambda: "sk_live_" + rs(24),
        "google": lambda: "AIza" + rs(35, string.ascii_letters + string.digits + "_-"),
        "password": lambda: rs(5) + rnd.choice("!#%*&$") + rs(3, string.digits) + rs(4),
    }
    return makers[kind]()
