"""Names the model misses, found by where they stand: e-mail and document headers, display
names before an address, sign-offs, "J. Smith", and a name beside an address that names the
same person."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..hits import PATTERN_PERSON
from .base import ScrubRecognizer

_HEADER_LINE = re.compile(
    r"(?im)^[ \t>]*(?:from|to|cc|bcc|reply-to|sender|attendees?|organi[sz]er|author|owner|"
    r"reviewer|approver|prepared by|approved by|reviewed by|contact|assignee|reporter|"
    r"requested by|submitted by|signed)[ \t]*:[ \t]*(?P<val>[^\n]+)$"
)
_DISPLAY_NAME = re.compile(
    r"(?P<name>[A-Z][\w'\u2019\-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'\u2019\-]+)){0,3})[ \t]*<[^>\n]+@"
)
_NAME_ITEM = re.compile(
    r"^[ \t]*\"?(?P<name>[A-Z][a-z'\u2019\-]+(?:[ \t]+(?:[A-Z]\.?|[A-Z][a-z'\u2019\-]+)){1,3})"
    r"\"?[ \t]*(?:\([^)]*\))?[ \t]*$"
)
_INITIAL_SURNAME = re.compile(
    r"(?<![\w.])(?<!^)(?P<name>[A-Z]\.(?:[ \t]?[A-Z]\.)?[ \t]?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
    r"(?![\w])",
    re.M,
)
_SIGNOFF = re.compile(
    r"(?im)^[ \t]*(?:best|kind|warm|many)?[ \t]*(?:regards|wishes|thanks|thank you|cheers|"
    r"sincerely|yours(?: sincerely| truly)?|best)[ \t]*[,!.]?[ \t]*\r?\n"
    r"[ \t]*(?P<name>[A-Z][\w'\u2019\-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'\u2019\-]+)){0,3})[ \t]*$"
)
_EMAIL_IN_TEXT = re.compile(r"(?<![\w.+\-])([\w.+\-]+)@[\w\-]+(?:\.[\w\-]+)+")
_CAP_RUN = re.compile(
    r"(?<![\w\-])[^\W\d_a-z][^\W\d_]+(?:[ \t]+(?:[a-z]{1,3}[ \t]+)?[^\W\d_a-z][^\W\d_]+){0,2}"
)

_NOT_LOWER_LETTER = re.compile(r"[^\W\d_a-z]")


def email_name_hits(text: str) -> Iterable[tuple[int, int, str]]:
    """A name next to an address whose local part names the same person: "Ask Steve Taylor
    (steve@acme.com)" -> "Steve Taylor", even where the model only saw "Steve"."""
    for em in _EMAIL_IN_TEXT.finditer(text):
        local = em.group(1).casefold()
        bits = {b for b in re.split(r"[._\-+\d]+", local) if len(b) >= 3}
        if not bits:
            continue
        a = text.rfind("\n", 0, em.start()) + 1
        b = text.find("\n", em.end())
        b = len(text) if b < 0 else b
        for run in _CAP_RUN.finditer(text, a, b):
            if run.start() <= em.start() < run.end() or em.start() <= run.start() < em.end():
                continue
            words = [w.casefold() for w in re.findall(r"[^\W\d_]+", run.group(0))]
            initials = "".join(w[0] for w in words[:-1]) + (words[-1] if words else "")
            if any(w in bits for w in words if len(w) >= 3) or (
                len(words) >= 2 and local.replace(".", "") in (initials, words[0] + words[-1])
            ):
                yield run.start(), run.end(), "PERSON"


def name_hits(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _HEADER_LINE.finditer(text):
        val, base = m.group("val"), m.start("val")
        found = False
        for d in _DISPLAY_NAME.finditer(val):
            found = True
            yield base + d.start("name"), base + d.end("name"), "PERSON"
        if not found and "@" not in val:
            pos = 0
            for item in re.split(r"[,;]", val):
                n = _NAME_ITEM.match(item)
                if n:
                    yield base + pos + n.start("name"), base + pos + n.end("name"), "PERSON"
                pos += len(item) + 1
    for m in _SIGNOFF.finditer(text):
        yield m.start("name"), m.end("name"), "PERSON"
    if "@" in text:
        yield from email_name_hits(text)
    for m in _INITIAL_SURNAME.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start : m.start()].strip(" \t-*>\u2022#"):
            continue  # "A. Background" at the start of a line is outline numbering
        yield m.start("name"), m.end("name"), "PERSON"


class ScrubNameRecognizer(ScrubRecognizer):
    # Own entity name: Presidio drops a result contained in a same-type result with a
    # higher score, so a model span "Katherine Allen katherine.allen97" (rejected later
    # as a false positive) would otherwise swallow the pattern's "Katherine Allen".
    ENTITIES = (PATTERN_PERSON,)
    SCORE = 0.6

    @staticmethod
    def gate(text: str) -> bool:
        return _NOT_LOWER_LETTER.search(text) is not None  # every rule needs one

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        for s, e, _etype in name_hits(text):
            yield s, e, PATTERN_PERSON
