"""Names by their script and shape where no list or context helps.

* A CJK name in a mostly Latin text ("ask 佐々木 健太 about it", "王小明 (Wang Xiaoming)",
  "김민준 joined"): a run of Han or Hangul of a name's length and shape (`looks_like_name`:
  a frequent surname first) that stands alone between Latin words or punctuation. A text
  mostly in a CJK script is left to the model and the context rules (every run of it is
  not a name there).
* An East Asian name in Latin letters with a hyphenated two-syllable given name, next to a
  frequent family name: "Ko Eun-chae", "Eun-chae Ko", "PARK MIN-SEO", "Wong Ka-wai".
* A Vietnamese name: two to four capitalised syllables, one of them with a mark
  Vietnamese writes (hook above, dot below, horn, breve, "đ"), a frequent family name first
  or last:
  "Lý Hải Nam", "Đỗ Minh Tuấn", "Thảo Nguyễn".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..hits import PATTERN_PERSON
from ..lexicon import EAST_ASIAN_SURNAMES_LATIN, VIETNAMESE_SURNAMES
from .base import ScrubRecognizer
from .name_shape import looks_like_name

_CJK_CHAR = r"\u3005\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_CJK_RUN = re.compile(
    rf"(?<![{_CJK_CHAR}\u3040-\u30ff])[{_CJK_CHAR}]{{1,4}}(?: [{_CJK_CHAR}]{{1,3}})?"
    rf"(?![{_CJK_CHAR}\u3040-\u30ff])"
)
_CJK_ANY = re.compile(rf"[{_CJK_CHAR}\u3040-\u30ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
#: a mostly Latin text: CJK characters are at most this share of its letters
MAX_CJK_SHARE = 0.2
_SYL = r"[A-Z][a-z]{1,5}-[a-z]{2,5}|[A-Z]{2,6}-[A-Z]{2,6}"
_SURNAME = r"[A-Z][a-z]{1,5}|[A-Z]{2,6}"
#: one romanised Korean or Chinese syllable ("eun", "chae", "hyuk", "siu", "fung", "wai")
_ROMAN_SYLLABLE = re.compile(r"[bcdfghjklmnprstwy]{0,3}[aeiouyw]{1,3}(?:ng|n|m|k|l|p|t|h)?")
_HYPHENATED = re.compile(
    rf"(?<![\w\-])(?:(?P<fam1>{_SURNAME}) (?P<giv1>{_SYL})|(?P<giv2>{_SYL}) (?P<fam2>{_SURNAME}))"
    r"(?![\w\-])"
)


_VI_SYLLABLE = r"[^\W\d_a-z](?:[^\W\d_A-Z]{0,6}|[^\W\d_a-z]{0,6})"  # "Ngọc", "NGỌC"
_VI_RUN = re.compile(rf"(?<![\w\-]){_VI_SYLLABLE}(?:[ \t]+{_VI_SYLLABLE}){{1,3}}(?![\w\-])")
#: combining marks Vietnamese puts on Latin letters: hook above, dot below, horn, breve
_VI_MARKS = frozenset("\u0309\u0323\u031b\u0306")
_VI_GATE = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


def _vietnamese_mark(word: str) -> bool:
    return "đ" in word.casefold() or any(c in _VI_MARKS for c in unicodedata.normalize("NFD", word))


def vietnamese_name_hits(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _VI_RUN.finditer(text):
        words = m.group(0).split()
        if not any(_vietnamese_mark(w) for w in words):
            continue
        if (
            words[0].casefold() in VIETNAMESE_SURNAMES
            or words[-1].casefold() in VIETNAMESE_SURNAMES
        ):
            yield m.start(), m.end(), PATTERN_PERSON


def cjk_name_hits(text: str) -> Iterable[tuple[int, int, str]]:
    cjk = len(_CJK_ANY.findall(text))
    if not cjk or cjk > MAX_CJK_SHARE * (cjk + len(_LATIN.findall(text))):
        return
    for m in _CJK_RUN.finditer(text):
        run = m.group(0)
        if looks_like_name(run):
            yield m.start(), m.end(), PATTERN_PERSON


def hyphenated_name_hits(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _HYPHENATED.finditer(text):
        fam, giv = (m.group("fam1"), m.group("giv1")) if m.group("fam1") else (
            m.group("fam2"), m.group("giv2"))  # fmt: skip
        if fam.casefold() not in EAST_ASIAN_SURNAMES_LATIN:
            continue
        if not all(_ROMAN_SYLLABLE.fullmatch(p) for p in giv.casefold().split("-")):
            continue  # "Go Pre-order": not two syllables of a given name
        if fam.isupper() != giv.isupper():
            continue  # "KO Eun-chae" is not how either is written; "Ko Eun-chae" is
        yield m.start(), m.end(), PATTERN_PERSON


class ScrubScriptNameRecognizer(ScrubRecognizer):
    ENTITIES = (PATTERN_PERSON,)
    SCORE = 0.6

    @staticmethod
    def gate(text: str) -> bool:
        return "-" in text or _CJK_ANY.search(text) is not None or _VI_GATE.search(text) is not None

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        if _CJK_ANY.search(text):
            yield from cjk_name_hits(text)
        if "-" in text:
            yield from hyphenated_name_hits(text)
        if _VI_GATE.search(text):
            yield from vietnamese_name_hits(text)
