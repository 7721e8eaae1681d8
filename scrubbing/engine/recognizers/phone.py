"""Phone numbers: candidate runs of digits checked with `phonenumbers` (libphonenumber).

A number is a phone only when it is written like one (issue 20: data stays data): with a
country code ("+47 ...", "0047 ..."), a label before it ("Tel.", "Mobile:"), a national trunk
prefix ("020 7946 0958", "01134960123"), or digit groups the way phone numbers are grouped
("415-555-0123", "06.12.34.56.78", "0171 1234567"). Never a phone: decimals and coordinates
("0.70710678", "61.536232"), numbers with thousands groups ("12.345.678"), version numbers
("10.0.19045"), times and timestamps ("2023-12-31 23:59", "1700000000"), runs of one-digit
groups ("1 2 3 4 5 6 7") and bare ids without a label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..lexicon import PHONE_LABELS, PHONE_REGIONS, PHONE_REGIONS_LABELLED, PHONE_VERBS
from .base import ScrubRecognizer

_PHONE_CAND = re.compile(
    r"(?<![\w+./\-])(?<!\d:)(?P<num>(?:\+|00|\(\+?)?\d[\d ().\-/]{5,22}\d)"
    r"(?:[ \t]*,?[ \t]*(?:x|ext\.?|extension|#)[ \t]*\d{1,6})?(?![\w/]|[.:]\d)",
    re.I,
)
_GROUPS = re.compile(r"\d+")
_SEPARATORS = re.compile(r"[^\d+]")
_DATE_LIKE = re.compile(
    r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$|^\d{4}\s*-\s*\d{4}$"
)
# "Phone: ", "Tel.", "Mobile -", "Tél :", "Telefon", "Cell #" right before a number
_PHONE_CONTEXT = re.compile(
    r"(?i)(?<![^\W\d_])(?:" + "|".join(PHONE_LABELS) + r")"
    r"(?:\s*(?:no|nr|number|num)\b)?[\s.:#\-/()='\"]*\Z"
)
# Written the way phone numbers are (NANP "(589)364-9829", "589-364-9829", "589.364.9829",
# with an optional "1-"/"+1 "/"001-" trunk or country prefix): a phone even when the area code
# is not assigned (generated contact sheets, test data), as long as libphonenumber finds the
# length possible.
_PHONE_SHAPE = re.compile(r"^(?:(?:\+?1|001)[ .\-]?)?(?:\(\d{3}\)[ ]?|\d{3}[.\-])\d{3}[.\-]\d{4}$")
# an international number a PDF or a narrow column wrapped at the end of a line ("+7 495\r\n
# 007-47-99"): accepted only when libphonenumber finds it valid with the break as a space
_PHONE_WRAPPED = re.compile(
    r"(?<![\w+./\-])\+\d[\d ().\-]{1,14}\d[ \t]*\r?\n[ \t]*\d[\d ().\-]{1,14}\d(?![\w/]|[.:]\d)"
)
# a national number wrapped the same way ("Eireli – 601 272\r\n611, name@firm.com.br"):
# accepted only in a contact block
_NATIONAL_WRAPPED = re.compile(
    r"(?<![\w+./\-(])(?:\(\d{1,4}\)|\d[\d ().\-]{1,14}\d)[ \t]*\r?\n[ \t]*\d[\d ().\-]{0,14}\d"
    r"(?![\w/]|[.:]\d)"
)  # "Call (21)\r\n3731-4747 or write to ...": an area code in brackets too
#: the trunk prefix an international number keeps in brackets ("+44 (0)20 ...")
_TRUNK_IN_BRACKETS = re.compile(r"\(0\)")
_SEVEN_DIGITS = re.compile(r"\d(?:[ \t\r\n().\-/]*\d){6}")  # wrapped numbers too


def phone_shaped(cand: str, intl: bool) -> bool:
    """Whether digit groups `cand` are grouped the way phone numbers are (not a decimal, a
    thousands-grouped amount, a version number or a row of one-digit values)."""
    if intl:
        cand = _TRUNK_IN_BRACKETS.sub(" ", cand, count=1)  # "+33 (0)7 72 34 93 60"
    groups = [len(g) for g in _GROUPS.findall(cand)]
    seps = set(_SEPARATORS.findall(cand)) - {"(", ")"} if len(groups) > 1 else set()
    if sum(n == 1 for n in groups) > 1 or groups[-1] < 2:
        return False  # "1 2 3 4 5 6 7", "12 34 5"
    # dotted phones use dots only, two or more ("589.364.9829", "06.12.34.56.78"):
    # "0.70710678" is a decimal, "1.5 2.25" coordinates, "12.345.678" an amount, "10.0.19045"
    # a version
    return not (
        "." in seps
        and not intl
        and (seps != {"."} or len(groups) < 3 or min(groups[1:]) < 2 or set(groups[1:]) == {3})
    )


# "called on", "reach me at", "ring him on": a verb of calling right before the number
_VERBS = "|".join(sorted(PHONE_VERBS))
_PHONE_VERB = re.compile(
    r"(?i)(?<![^\W\d_])(?:" + _VERBS + r")"
    r"(?:[ \t]+(?:me|us|him|her|them|you))?[ \t]+(?:on|at)[ \t:]*\Z"
)
#: a verb of calling right before a wrapped number, with no "on"/"at" ("Call (21)\r\n3731-4747")
_BARE_PHONE_VERB = re.compile(r"(?i)(?<![^\W\d_])(?:" + _VERBS + r")[ \t:]*\Z")


def _labelled(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    a = max(line_start, start - 40)
    return (
        _PHONE_CONTEXT.search(text, a, start) is not None
        or _PHONE_VERB.search(text, a, start) is not None
    )


#: what a contact block holds besides the number: an e-mail or web address, an international
#: number, a phone label
_CONTACT_CUE = re.compile(
    r"(?i)@[\w\-]+\.\w|\bwww\.|https?://|\+\d|(?<![^\W\d_])(?:" + "|".join(PHONE_LABELS) + r")\b"
)
_NOT_CONTACT = re.compile(r"[$€£¥%\d]")
#: lines either side of a number that make its block
_BLOCK_LINES = 3
#: the rest of a contact line besides its number: a name, a role, a company, an e-mail address
_CONTACT_LINE_REST = 120


def _line_of(text: str, start: int, end: int) -> tuple[int, int]:
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def in_contact_block(text: str, start: int, end: int) -> bool:
    """The number at `start:end` stands in a contact block: a short line of its own (no
    amount, no other number: "601 272 611", "Jan Nowak · 601 272 611") within three lines of
    an e-mail or web address, an international number or a phone label (a signature, a CV's
    header). A number in a sentence or in a row of figures is not in one."""
    a, b = _line_of(text, start, end)
    rest = (text[a:start] + " " + text[end:b]).strip(" \t\r|·•,;:-\u2013/()")
    if len(rest) > _CONTACT_LINE_REST or _NOT_CONTACT.search(rest):
        return False
    # words of a sentence ("was paid", "the grant of"), not a name or an address
    if sum(w[0].islower() and "@" not in w and "." not in w for w in rest.split()) > 1:
        return False
    lo, hi = a, b
    for _ in range(_BLOCK_LINES):
        lo = text.rfind("\n", 0, max(lo - 1, 0)) + 1 if lo > 0 else 0
        nxt = text.find("\n", hi + 1)
        hi = len(text) if nxt < 0 or hi >= len(text) else nxt
    block = text[lo:start] + " " + text[end:hi]
    return _CONTACT_CUE.search(block) is not None


#: (a sentence's full stop may follow: "write to x@firm.com.br.")
_TLD = re.compile(r"(?i)(?:@|\bwww\.|://)[\w.\-]*\.([a-z]{2})(?![\w\-@]|\.\w)")
_CALLING_CODE = re.compile(r"(?<![\w+])\+(\d{1,3})[ .\-(]")


def country_hints(text: str) -> tuple[str, ...]:
    """Regions the text points at: the country-code top-level domains of its e-mail and web
    addresses ("jan@firma.pl": PL), the calling codes of its international numbers ("+47")."""
    if "@" not in text and "." not in text and "+" not in text:
        return ()
    import phonenumbers

    out: dict[str, None] = {}
    for m in _TLD.finditer(text):
        cc = m.group(1).upper()
        out["GB" if cc == "UK" else cc] = None
    for m in _CALLING_CODE.finditer(text):
        region = phonenumbers.region_code_for_country_code(int(m.group(1)))
        if region != "ZZ":
            out[region] = None
    known = phonenumbers.SUPPORTED_REGIONS
    return tuple(r for r in out if r in known)


def phone_hits(text: str) -> Iterable[tuple[int, int, str]]:
    yield from _phone_hits(text)
    if "\n" in text and "+" in text:
        yield from _wrapped_hits(text)
    if "\n" in text and ("@" in text or "www." in text):
        yield from _national_wrapped_hits(text)


def _national_wrapped_hits(text: str) -> Iterable[tuple[int, int, str]]:
    import phonenumbers

    for m in _NATIONAL_WRAPPED.finditer(text):
        cand = re.sub(r"[ \t]*\r?\n[ \t]*", " ", m.group(0))
        if not 8 <= sum(c.isdigit() for c in cand) <= 12 or not phone_shaped(cand, False):
            continue
        if not (
            in_contact_block(text, m.start(), m.end())
            or _labelled(text, m.start())
            or _BARE_PHONE_VERB.search(text, max(0, m.start() - 16), m.start())
        ):
            continue
        for region in country_hints(text) + PHONE_REGIONS:
            try:
                num = phonenumbers.parse(cand, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(num):
                yield m.start(), m.end(), "PHONE_NUMBER"
                break


def _wrapped_hits(text: str) -> Iterable[tuple[int, int, str]]:
    import phonenumbers

    for m in _PHONE_WRAPPED.finditer(text):
        cand = re.sub(r"[ \t]*\r?\n[ \t]*", " ", m.group(0))
        if not 8 <= sum(c.isdigit() for c in cand) <= 15 or not phone_shaped(cand, True):
            continue
        try:
            num = phonenumbers.parse(cand, None)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num):
            yield m.start(), m.end(), "PHONE_NUMBER"


def _phone_hits(text: str) -> Iterable[tuple[int, int, str]]:
    import phonenumbers

    for m in _PHONE_CAND.finditer(text):
        cand = m.group("num").strip()
        if re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){3}", cand):
            continue  # an IPv4 address, the IP recognizer owns it
        digits = sum(c.isdigit() for c in cand)
        if digits < 7 or digits > 15 or _DATE_LIKE.match(cand):
            continue
        intl = cand.startswith(("+", "00", "(+"))
        if not phone_shaped(cand, intl):
            continue
        # a bare run of digits is an id, an amount or a timestamp more often than a phone,
        # unless the line says it is one ("Phone: 352017238", an Italian mobile), it starts
        # with a trunk prefix ("01134960123"), or it is a cell of its own ("9517946417")
        trunk = cand.startswith("0") and digits in (10, 11)
        alone = digits in (10, 11) and text.strip() == cand
        labelled = _labelled(text, m.start())
        if cand.isdigit() and not (intl or trunk or alone or labelled):
            continue
        # "601 272 611" under a name and beside an e-mail address: a contact block vouches for
        # a grouped national number as a label does ("Tel. 411 28 840")
        contact = not (intl or labelled or cand.isdigit()) and in_contact_block(
            text, m.start(), m.end()
        )
        # "00" is the international call prefix in most of the world: "0049 30..." is +49
        parse_as = "+" + cand[2:].lstrip(" -.") if cand.startswith("00") else cand
        shaped = _PHONE_SHAPE.match(cand) is not None
        regions: Sequence[str | None] = PHONE_REGIONS
        if intl:
            regions = (None,)
        elif labelled:
            regions = PHONE_REGIONS + PHONE_REGIONS_LABELLED
        elif contact:
            # the regions the text points at ("@firma.pl", "+47 ..."), else every region here
            hints = country_hints(text)
            regions = hints + PHONE_REGIONS if hints else PHONE_REGIONS + PHONE_REGIONS_LABELLED
        for region in regions:
            try:
                num = phonenumbers.parse(parse_as, region)
            except phonenumbers.NumberParseException:
                continue
            # the cheap length check first: the same answer (both are pure), and a number
            # written like one is accepted before the costly check of every number type
            if ((intl or shaped) and phonenumbers.is_possible_number(num)) or (
                phonenumbers.is_valid_number(num)
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
