"""Strict scoring of one engine's outputs against the slice's ground truth.

The unit is an entity in a document (a person in a mail thread, an address in a letter).
It counts as leaked when any of its written forms is still in the output, or when one of its
identifying words (a surname, a first name, a street line, a postcode...) is left more often
than the document uses that word for something else: "[PERSON_1] Kuznetsova" is a leak.
Before words are counted, every planted value and every other entity's words are blanked out
of both texts, so a word is charged to the entity it belongs to.

Structured values (e-mail, phone, IBAN, secret) leak when the value is left in any form the
output can hold it (tests/corpus/evaluate.py's Haystack), phones also when their subscriber
digits are left with the formatting or an extension changed, IBANs also without their spaces.

Over-redaction: in the technical prose, the share of terms (see prose.survive_terms) that
occur fewer times in the output than in the input; the people and companies some prose
documents name are scored as in any other document.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from tests.corpus.evaluate import Haystack, _norm_ws, forms

from .views import View
from .writer import ADDRESS, CODENAME, EMAIL, IBAN, ORG, PERSON, PHONE, SECRET, Doc, Planted

ENTITY_TYPES = (PERSON, ADDRESS, ORG, CODENAME)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass
class Unit:
    doc: str
    family: str
    type: str
    key: str
    detail: str
    leaked: bool
    why: str = ""  # the value or words left, and where


@dataclass
class Score:
    config: str
    units: list[Unit] = field(default_factory=list)
    survive_total: int = 0
    survive_lost: list[tuple[str, str]] = field(default_factory=list)  # (doc, term)
    words_total: int = 0
    words_lost: int = 0
    statuses: Counter = field(default_factory=Counter)
    pdf_text_pages: int = 0
    pdf_rasterized: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # by document family
    words: dict[str, int] = field(default_factory=dict)

    def rate(self, types: tuple[str, ...], **where: str) -> tuple[int, int]:
        """(units, leaked) of these types, optionally filtered by detail prefix or family."""
        sel = [u for u in self.units if u.type in types]
        if "detail" in where:
            sel = [u for u in sel if u.detail.startswith(where["detail"])]
        if "family" in where:
            sel = [u for u in sel if u.family == where["family"]]
        return len(sel), sum(u.leaked for u in sel)

    def recall(self, types: tuple[str, ...], **where: str) -> float | None:
        n, k = self.rate(types, **where)
        return (n - k) / n if n else None


@lru_cache(maxsize=65536)
def _word_rx(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W\d_])" + re.escape(word) + r"(?![^\W\d_])", re.I)


def count(word: str, text: str) -> int:
    if _CJK.search(word):
        return text.count(word)
    return len(_word_rx(word).findall(text))


def blank(text: str, strings: set[str]) -> str:
    """`text` with every whole occurrence of these strings (as `count` finds them) blanked."""
    for s in sorted(strings, key=len, reverse=True):
        if len(s) >= 2:
            text = text.replace(s, " ") if _CJK.search(s) else _word_rx(s).sub(" ", text)
    return text


def _hay(v: View) -> Haystack:
    return Haystack(
        raw=[b.lower() for b in v.raw] or [v.text.encode().lower()], text=_norm_ws(v.text)
    )


def _snippet(text: str, word: str) -> str:
    m = re.search(re.escape(word), text) if _CJK.search(word) else _word_rx(word).search(text)
    if not m:
        return ""
    a, b = max(0, m.start() - 50), min(len(text), m.end() + 30)
    return re.sub(r"\s+", " ", text[a:b]).strip()


_DIGIT_RUN = re.compile(r"\d[\d \t().\-/+]*\d")


def _phone_left(p: Planted, out_text: str) -> bool:
    tail = p.digits[-7:]
    return any(tail in re.sub(r"\D", "", run) for run in _DIGIT_RUN.findall(out_text))


def _left_whole(hay: Haystack, value: str) -> bool:
    """The value is still in the output: anywhere for a value of several words, as a word of
    its own for a single word (a call name "Nam" is not left in "[USERNAME_1]", nor "Ana" in
    "analyst")."""
    if not hay.contains(value):
        return False
    if " " in value.strip() or _CJK.search(value):
        return True
    if _word_rx(value).search(hay.text):
        return True
    return any(
        re.search(rb"(?<![a-z0-9\x80-\xff])" + re.escape(f) + rb"(?![a-z0-9\x80-\xff])", blob)
        for blob in hay.raw
        for f in forms(value)
    )


def score_doc(s: Score, doc: Doc, inp: View, out: View | None) -> None:
    """Add one document's units to `s` (a failed file, `out` None, releases nothing)."""
    if doc.family == "prose":
        _score_prose(s, doc, inp, out)
        if not doc.planted:
            return
    hay = _hay(out) if out else None
    values = {p.value for p in doc.planted}
    by_key: dict[tuple[str, str], list[Planted]] = defaultdict(list)
    for p in doc.planted:
        by_key[(p.type, p.key)].append(p)
    parts_of_type: dict[str, set[str]] = defaultdict(set)
    for p in doc.planted:
        parts_of_type[p.type] |= p.parts
    blanked: dict[str, tuple[str, str]] = {}
    for t in ENTITY_TYPES:
        others = values | {w for t2, ws in parts_of_type.items() if t2 != t for w in ws}
        blanked[t] = (blank(inp.text, others), blank(out.text, others) if out else "")
    for (etype, key), planted in by_key.items():
        unit = Unit(doc.name, doc.family, etype, key, planted[0].detail, False)
        s.units.append(unit)
        if out is None or hay is None:
            continue
        whole = [p.value for p in planted if _left_whole(hay, p.value)]
        if whole:
            unit.leaked, unit.why = True, f"left whole: {whole[0]!r}"
            continue
        if etype in ENTITY_TYPES:
            b_in, b_out = blanked[etype]
            for word in sorted(planted[0].parts | {w for p in planted for w in p.parts}):
                if etype == CODENAME:
                    left = b_out.casefold().count(word.casefold()) > b_in.casefold().count(
                        word.casefold()
                    )
                else:
                    left = count(word, b_out) > count(word, b_in)
                if left:
                    unit.leaked = True
                    unit.why = f"{word!r} left: …{_snippet(b_out, word)}…"
                    break
        elif etype == PHONE:
            unit.leaked = _phone_left(planted[0], out.text)
            unit.why = "subscriber digits left" if unit.leaked else ""
        elif etype == IBAN:
            compact = planted[0].value.replace(" ", "").upper()
            unit.leaked = compact in re.sub(r"\s", "", out.text).upper()
            unit.why = "left without spaces" if unit.leaked else ""


_WORD = re.compile(r"[^\W_]+(?:[.'’_-][^\W_]+)*")


def _score_prose(s: Score, doc: Doc, inp: View, out: View | None) -> None:
    # the names planted in a document are not terms: blanked in both before counting
    planted = {p.value for p in doc.planted} | {w for p in doc.planted for w in p.parts}
    in_text = blank(inp.text, planted) if planted else inp.text
    out_text = out.text if out else ""
    out_text = blank(out_text, planted) if planted else out_text
    for term in doc.survive:
        s.survive_total += 1
        if count(term, out_text) < count(term, in_text):
            s.survive_lost.append((doc.name, term))
    words_in = Counter(_WORD.findall(in_text))
    words_out = Counter(_WORD.findall(out_text))
    s.words_total += sum(words_in.values())
    s.words_lost += sum((words_in - words_out).values())


STRUCTURED_TYPES = (EMAIL, PHONE, IBAN, SECRET)
