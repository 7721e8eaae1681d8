"""The ground truth of one document while it is written: every value goes through a Writer.

A document builder asks the Writer for a person, an address, a company... and for the exact
surface form to put in the text (``w.name(p, "last_first")`` -> "Kuznetsova, Olga"); the
Writer records each as a `Planted` value. People in one document never share a name word, so
a word left in the output belongs to exactly one person.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .contacts import PHONE_PATTERNS, Phone, make_iban, make_phone, make_secret
from .orgs import CodeName, Company, codenames, companies
from .people import CJK, Person, ascii_fold, name_parts, people
from .places import Address, addresses
from .split import part_of

PERSON, ADDRESS, ORG, CODENAME = "PERSON", "ADDRESS", "ORG", "CODENAME"
EMAIL, PHONE, IBAN, SECRET = "EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "SECRET"
#: Lotus Notes organisation units as they appear in real mail exports
NOTES_OU = ("LON", "HOU", "NA", "SFO", "AMS", "FRA", "SIN", "TYO", "ECT", "EES")


@dataclass(frozen=True)
class Planted:
    type: str
    key: str  # the entity (person/address/company/code-name id, or the value itself)
    value: str  # one surface form, exactly as written
    parts: frozenset[str] = frozenset()  # words whose survival is a leak
    detail: str = ""  # culture, country, form or kind
    digits: str = ""  # phones: the subscriber digits


@dataclass
class Doc:
    name: str
    family: str  # mail, minutes, letter, cv, export, prose
    fmt: str  # eml txt docx xlsx pdf csv json md py
    content: Any  # what render.py turns into bytes
    text: str  # the plain-text view (what a reader reads; what stock Presidio is given)
    planted: list[Planted]
    survive: list[str] = field(default_factory=list)


class Pools:
    """Every entity of the slice, shuffled once; drawn in turn so that all get used."""

    def __init__(
        self,
        rnd: random.Random,
        part: str | None = None,
        people_upto: int | None = None,
        addresses_upto: int | None = None,
    ) -> None:
        """`part` (split.DEV or split.HELD_OUT) keeps only that part's items; None keeps all.
        `people_upto` / `addresses_upto` keep only the first people / addresses of the lists
        (a slice built before later rounds were added keeps its draws)."""
        self.rnd = rnd

        def mine(kind: str, text: str) -> bool:
            return part is None or part_of(kind, text) == part

        everyone = people()[:people_upto]
        self.people = self._shuffled([p for p in everyone if mine("person", p.raw[0])])
        self.addresses = self._shuffled(
            [
                a
                for a in addresses()[:addresses_upto]
                if mine("address", f"{a.country}|{a.one_line}")
            ]
        )
        self.companies = self._shuffled([c for c in companies() if mine("company", c.name)])
        self.codenames = self._shuffled([k for k in codenames() if mine("codename", k.word)])
        self.phones = self._shuffled(PHONE_PATTERNS)
        self._next: dict[str, int] = {}

    def _shuffled(self, items: Sequence[Any]) -> list[Any]:
        out = list(items)
        self.rnd.shuffle(out)
        return out

    def draw(self, pool: str, ok: Callable[[Any], bool] = lambda _x: True) -> Any:
        items = getattr(self, pool)
        start = self._next.get(pool, 0)
        for i in range(len(items)):
            item = items[(start + i) % len(items)]
            if ok(item):
                # move the chosen one to the cursor so skipped items come next
                j = (start + i) % len(items)
                k = start % len(items)
                items[j], items[k] = items[k], items[j]
                self._next[pool] = start + 1
                return item
        raise LookupError(f"no {pool} fits")


class Writer:
    def __init__(self, pools: Pools, name: str, family: str, fmt: str) -> None:
        self.pools, self.rnd = pools, pools.rnd
        self.name_, self.family, self.fmt = name, family, fmt
        self.planted: list[Planted] = []
        self._words: set[str] = set()  # casefolded name words already in this document

    # ------------------------------------------------------------------ drawing entities
    def renderable(self, text: str) -> bool:
        """PDFs are drawn with DejaVu Sans: no CJK, Devanagari, Tamil or Thai glyphs; and by
        reportlab, which neither shapes nor reorders right-to-left text (Arabic, Persian,
        Hebrew: its text layer would not hold the name as written)."""
        if self.fmt != "pdf":
            return True
        return not re.search(
            r"[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0e7f\u3000-\u9fff\uac00-\ud7af\ufb1d-\ufdff"
            r"\ufe70-\ufeff]",
            text,
        )

    def person(self) -> Person:
        """The next person whose name shares no word with anyone already in this document."""

        def ok(p: Person) -> bool:
            if not all(self.renderable(f) for f in (p.forms if not p.latin else p.forms[:1])):
                return False
            words = {w.casefold() for w in p.parts}
            return not (words & self._words) and not any(
                CJK.search(w) and any(w in x or x in w for x in self._words) for w in words
            )

        p = self.pools.draw("people", ok)
        self._words |= {w.casefold() for w in p.parts}
        return p

    def people(self, n: int) -> list[Person]:
        return [self.person() for _ in range(n)]

    def address(self, country: str = "") -> Address:
        """An address, in `country` when the slice has one there."""

        def ok(a: Address) -> bool:
            return self.renderable(a.one_line) and (not country or a.country == country)

        try:
            return self.pools.draw("addresses", ok)
        except LookupError:
            return self.pools.draw("addresses", lambda a: self.renderable(a.one_line))

    def company(self) -> Company:
        """A company whose name shares no word with the people of this document."""

        def ok(c: Company) -> bool:
            return self.renderable(c.name) and not {w.casefold() for w in c.parts} & self._words

        c = self.pools.draw("companies", ok)
        self._words |= {w.casefold() for w in c.parts}
        return c

    def codename(self) -> CodeName:
        return self.pools.draw("codenames")

    # ------------------------------------------------------------------ surface forms
    def _put(self, planted: Planted) -> str:
        self.planted.append(planted)
        return planted.value

    def name(self, p: Person, form: str = "full") -> str:
        value = person_form(p, form, self.rnd)
        if not self.renderable(value):
            value = person_form(p, "latin", self.rnd) if p.latin else p.full
        parts = p.parts | frozenset(name_parts(value))
        if form == "native" and value not in p.native:
            form = "full"  # no other script for this person
        return self._put(Planted(PERSON, p.id, value, parts, f"{p.culture}:{form}"))

    def address_text(self, a: Address, style: str = "block", country_line: bool = False) -> str:
        from .places import COUNTRY_NAMES

        lines = list(a.lines)
        if country_line and COUNTRY_NAMES.get(a.country):
            lines.append(COUNTRY_NAMES[a.country])
        value = "\n".join(lines) if style == "block" else ", ".join(lines)
        return self._put(Planted(ADDRESS, a.id, value, a.parts, f"{a.country}:{style}"))

    def address_cells(self, a: Address, country_line: bool = False) -> list[str]:
        """The address one line per table cell or export column ("address_line_1"...): one
        value planted, written over several cells."""
        from .places import COUNTRY_NAMES

        lines = list(a.lines)
        if country_line and COUNTRY_NAMES.get(a.country):
            lines.append(COUNTRY_NAMES[a.country])
        # one unit (the address's key), a value per cell that holds a street, a box or a
        # postcode (a city or a country alone is no leak)
        for line in lines:
            if any(part in line for part in a.parts):
                self._put(Planted(ADDRESS, a.id, line, a.parts, f"{a.country}:cells"))
        return lines

    def org(self, c: Company) -> str:
        return self._put(Planted(ORG, c.id, c.name, c.parts, c.country))

    def code(self, k: CodeName, i: int = 0) -> str:
        value = k.forms[i % len(k.forms)]
        return self._put(Planted(CODENAME, k.id, value, k.parts, f"form{i}"))

    def email(self, p: Person, c: Company | None = None, style: str = "dot") -> str:
        local = p.email_local
        if style == "initial" and "." in local:
            first, last = local.split(".", 1)
            local = f"{first[:1]}{last}"
        elif style == "underscore":
            local = local.replace(".", "_")
        domain = c.domain if c else self.rnd.choice(("gmail.com", "outlook.com", "yahoo.co.uk"))
        value = f"{local}@{domain}"
        return self._put(Planted(EMAIL, value, value, detail=style))

    def phone(self, region: str | None = None, kind: str | None = None) -> str:
        """A phone number written as people in `region` write it (any region if none)."""
        region = {"UK": "GB"}.get(region or "", region)

        def ok(pattern: tuple[str, str, str]) -> bool:
            return (region is None or pattern[0] == region) and (kind is None or pattern[1] == kind)

        try:
            reg, knd, pat = self.pools.draw("phones", ok)
        except LookupError:
            reg, knd, pat = self.pools.draw("phones", lambda p: kind is None or p[1] == kind)
        ph: Phone = make_phone(self.rnd, reg, knd, pat)
        return self._put(Planted(PHONE, ph.value, ph.value, detail=knd, digits=ph.main_digits))

    def iban(self, country: str | None = None) -> str:
        from .contacts import IBAN_FORMATS

        country = country or self.rnd.choice(sorted(IBAN_FORMATS))
        value = make_iban(self.rnd, country, grouped=self.rnd.random() < 0.6)
        return self._put(Planted(IBAN, value, value, detail=country))

    def secret(self, kind: str) -> str:
        value = make_secret(self.rnd, kind)
        return self._put(Planted(SECRET, value, value, detail=kind))

    def doc(self, content: Any, text: str) -> Doc:
        return Doc(self.name_, self.family, self.fmt, content, text, self.planted)


def person_form(p: Person, form: str, rnd: random.Random) -> str:
    """One way of writing a person's name (see the module docstring of people.py)."""
    if not p.latin:
        return p.full
    given, family = p.given, p.family
    if not given:  # one name only ("Hartono"): every form is that name
        caps = {"caps": family.upper(), "upper_last": family.upper()}
        return {"possessive": f"{family}’s"}.get(form, caps.get(form, family))
    ascii_name = ascii_fold(f"{given} {family}")
    initials = " ".join(f"{w[0]}." for w in given.split() if w[0].isalpha())
    org = rnd.choice(("ECT", "EES", "CORP", "ENRON"))
    forms = {
        "full": p.full,
        "latin": f"{family} {given}" if p.family_first else f"{given} {family}",
        "western": f"{given} {family}",
        "native": p.native[0] if p.native else p.full,
        "family": family,
        "last_first": f"{family}, {given}",
        "upper_last": f"{family.upper()} {given}",
        "caps": p.full.upper(),
        "initial": f"{initials} {family}" if not p.family_first else f"{family} {initials}",
        "initial_after": f"{family} {initials}",
        "call": p.call_name or p.full,
        "possessive": f"{p.call_name or family}’s" if rnd.random() < 0.5 else f"{family}'s",
        "middle": f"{given} {rnd.choice('ABCDEFGHJKLMNPRSTW')} {family}",
        "notes": f"{ascii_name}/{rnd.choice(NOTES_OU)}/{org}@{org}",
    }
    return forms[form]
