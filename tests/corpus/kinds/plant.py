"""What both slices are made of: a `Case` per file, values drawn from the independent slice.

Every personal value goes through the independent slice's `Writer` (its hand-written people
from 40 cultures, addresses, companies, code names, phone patterns and secrets), so each
`Case.doc.planted` is the file's ground truth and `tests/corpus/independent/score.py` scores
it strictly. `KindWriter` only narrows which people fit a file: text drawn in a picture is
read back by tesseract's English model, so pictures get names written in ASCII.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from tests.corpus.independent.people import FIRST_ROUND, Person, name_parts
from tests.corpus.independent.places import FIRST_ROUNDS
from tests.corpus.independent.split import DEV
from tests.corpus.independent.writer import PERSON, Doc, Planted, Pools, Writer, person_form

#: a secret kind per file, in turn (make_secret's kinds; passwords are in connection strings)
SECRET_KINDS = ("aws_key", "github", "slack", "stripe", "google")


@dataclass(frozen=True)
class Token:
    """A must-survive string: kept when the output holds it as often as the input does
    (`alt`: what a writer may legitimately turn it into, `&copy;` -> `©`)."""

    text: str
    alt: tuple[str, ...] = ()


@dataclass
class Case:
    name: str  # the file name the engine is given
    kind: str  # the row of the report: "py", "docx", "tar.gz"...
    data: bytes
    doc: Doc  # planted values; doc.text is the file's plain text as a reader reads it
    check: str  # code slice: the output's check (checks.CHECKS); formats: "opens"
    made_with: str = ""  # the library that wrote the file
    survive: list[Token] = field(default_factory=list)
    #: a converted file: the file it was made from, read in its place for the input's counts
    source: bytes = b""
    source_name: str = ""


class KindWriter(Writer):
    """A Writer for one file; `ascii_only` for text drawn in pictures (OCR reads English)."""

    def __init__(self, pools: Pools, name: str, fmt: str, ascii_only: bool = False) -> None:
        super().__init__(pools, name, "kinds", fmt)
        self.ascii_only = ascii_only
        self._secret = 0

    def renderable(self, text: str) -> bool:
        if self.ascii_only:
            return text.isascii()
        return super().renderable(text)

    def file_name(self, p: Person, suffix: str) -> str:
        """A file named after a person (`Dmitry_Volkov_1on1.md`), planted as a PERSON form."""
        western = person_form(p, "western", self.rnd)
        value = western.replace(" ", "_") + suffix
        parts = p.parts | frozenset(name_parts(western))
        return self._put(Planted(PERSON, p.id, value, parts, f"{p.culture}:file_name"))

    def any_secret(self) -> str:
        n = sum(ord(c) for c in self.name_) + self._secret
        self._secret += 1
        return self.secret(SECRET_KINDS[n % len(SECRET_KINDS)])


def pools(seed: int) -> Pools:
    """The dev part's items only: this slice's report shows every value left, and examples
    of the independent slice's held-out part are never shown (split.py)."""
    return Pools(
        random.Random(seed), part=DEV, people_upto=FIRST_ROUND, addresses_upto=FIRST_ROUNDS
    )


def occurrences(token: str, text: str) -> int:
    """How often `token` occurs in `text`, as a whole word where it starts or ends with one
    (`def` is not counted in `undefined`, `0.25` not in `10.255`)."""
    head = r"(?<![\w.])" if re.match(r"[\w.]", token) else ""
    tail = r"(?![\w])" if re.search(r"\w$", token) else ""
    return len(re.findall(head + re.escape(token) + tail, text))


def kept(token: Token, before: str, after: str) -> bool:
    want = occurrences(token.text, before)
    have = occurrences(token.text, after) + sum(occurrences(a, after) for a in token.alt)
    return have >= want


def tokens(*texts: str) -> list[Token]:
    return [Token(t) for t in texts]
