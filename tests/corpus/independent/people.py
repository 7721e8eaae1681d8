"""Hand-written person names for the independent slice (not Faker, not any engine list).

One identity per line of data/people.txt: ``culture | written form ; ... | e-mail local part``.
The family name is between slashes (GEDCOM style), so "/Nguyễn/ Thị Minh Anh" is written
family-first and "Olga /Kuznetsova/" given-first; a second form is the same person in another
script. The documents derive the other forms people really write (``Kuznetsova, Olga``,
``KUZNETSOVA Olga``, ``O. Kuznetsova``, ``Olga Kuznetsova/LON/ECT@ECT``, ``Hi Olga,``) from
the first Latin form. The e-mail local part is given only where the name has no Latin form.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "people.txt"
#: issue 18's fifth round of names, in a file of its own (read after DATA)
DATA_MORE = DATA.with_name("people_more.txt")
#: how many people the list had before issue 18's second round of names (the kinds slices,
#: whose pictures were checked to be read back by OCR, still draw from these only)
FIRST_ROUND = 381

#: Lower-case words inside a name that identify nobody on their own.
PARTICLES = frozenset(
    "van von der den de da das dos do del della di du la y e ter ten op 't bin binti bint ibn "
    "al el ap ní ó mac dela ni thị thi văn los las zu nic e".split()
)
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
NATIVE = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2019'\s./-]")  # not Latin script


@dataclass(frozen=True)
class Person:
    id: str
    culture: str
    given: str  # as written in the first Latin form ("" when there is none)
    family: str
    family_first: bool  # the first form is written family-first
    forms: tuple[str, ...]  # every written form, slashes removed
    native: tuple[str, ...]  # the forms in a non-Latin script
    email_local: str
    raw: tuple[str, ...]  # the written forms with their /family/ slashes

    @property
    def full(self) -> str:
        """The first form: how the person writes their name."""
        return self.forms[0]

    @property
    def latin(self) -> bool:
        return bool(self.given or self.family) and not NATIVE.search(self.given + self.family)

    @property
    def parts(self) -> frozenset[str]:
        """Every word of every written form that identifies the person (see name_parts)."""
        out: set[str] = set()
        for raw in self.raw:
            out |= name_parts(raw.replace("/", " "))
            if CJK.search(raw):  # "/王/秀英": the family name and the given name apart
                out |= {p.strip() for p in raw.split("/") if p.strip()}
        out |= {ascii_fold(p) for p in out} | {p.upper() for p in out}
        return frozenset(out)

    @property
    def call_name(self) -> str:
        """What colleagues call them in a greeting ("Hi Anh," for Nguyễn Thị Minh Anh)."""
        words = [w for w in self.given.split() if len(w.strip(".")) > 1]
        if not words:
            return ""
        return words[-1] if self.culture == "vi" else words[0]


def ascii_fold(text: str) -> str:
    table = str.maketrans(
        {"ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "æ": "ae",
         "ı": "i", "’": "'"}
    )  # fmt: skip
    text = unicodedata.normalize("NFKD", text.translate(table))
    return "".join(c for c in text if not unicodedata.combining(c))


def _email_local(call: str, family: str) -> str:
    g = re.sub(r"[^a-z]", "", ascii_fold(call).lower())
    f = re.sub(r"[^a-z-]", "", ascii_fold(family).lower())
    return f"{g}.{f}" if g else f


def _parse(line: str, n: int) -> Person:
    cells = [c.strip() for c in line.split("|")]
    culture, written = cells[0], [f.strip() for f in cells[1].split(";")]
    first = next((f for f in written if not NATIVE.search(f.replace("/", ""))), written[0])
    m = re.fullmatch(r"(.*?)/(.+?)/(.*)", first)
    if not m:
        raise ValueError(f"no /family/ in {first!r}")
    before, family, after = (s.strip() for s in m.groups())
    family_first = not before
    given = after if family_first else before
    forms = tuple(re.sub(r"\s+", " ", f.replace("/", "")).strip() for f in written)
    native = tuple(f for f in forms if NATIVE.search(f))
    if NATIVE.search(first):
        given = family = ""  # no Latin form: only the written forms are used
    p = Person(f"P{n:03d}", culture, given, family, family_first, forms, native, "", tuple(written))
    local = cells[2] if len(cells) > 2 else _email_local(p.call_name, family)
    return replace(p, email_local=local)


@cache
def people() -> tuple[Person, ...]:
    text = DATA.read_text(encoding="utf-8") + "\n" + DATA_MORE.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(_parse(ln, i + 1) for i, ln in enumerate(lines))


def name_parts(text: str) -> set[str]:
    """The words of a written name that identify the person when left in a document.

    Initials, particles ("van", "bin", "Ó") and honorifics do not; hyphenated and
    apostrophe names give their halves too ("Kowalska-Nowak" -> Kowalska, Nowak;
    "O’Connor" -> Connor); a name in a CJK script gives its characters' runs.
    """
    out: set[str] = set()
    for word in re.split(r"[\s,]+", text):
        word = word.strip('.,;:()"')
        if not word or word.casefold() in PARTICLES or word.casefold().rstrip(".") in _TITLES:
            continue
        if CJK.search(word):
            out.add(word)
            continue
        # halves of a hyphenated name count when capitalised: Kowalska-Nowak, Anna-Lena,
        # Al-Mansouri (not the "jun" of Min-jun)
        pieces = {word} | {h for h in word.split("-") if h[:1].isupper()}
        for p in list(pieces):
            if re.match(r"^[A-Za-z][’']\w", p):  # O'Brien, D’Arcy
                pieces.add(p[2:])
        for p in pieces:
            letters = [c for c in p if c.isalpha()]
            if len(letters) >= 2 and p.casefold() not in PARTICLES:
                out.add(p)
    return out


_TITLES = frozenset("mr mrs ms dr prof sir".split())
