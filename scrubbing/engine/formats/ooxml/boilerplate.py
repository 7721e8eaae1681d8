"""Text Office and LibreOffice write by themselves, in any language: default names of shapes,
placeholders, layouts and themes ("Content Placeholder 2", "Titre 1", "Вертикальный текст 2",
"Textfeld 3") and prompt texts ("Click to edit Master title style", "Образец заголовка").
It holds nothing personal, and the model mistakes it for organisations, so it is not offered
for detection (and so never reported as residual).

Data-driven: office_defaults.py (Office's names and prompts per UI language) and
libreoffice_defaults.py (generated from LibreOffice's own translations). A name counts only if
all its words are words of those names, with at most two short numbers after them, so a name
or a phone number cannot hide in one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .libreoffice_defaults import STRINGS
from .office_defaults import NAMES, PHRASES

_WORD = re.compile(r"[^\W\d_]+")
_REST = re.compile(r"^[\s;:/\-_.,'’()&]*(?:\d{1,5}[\s;:/\-_.,'’()&]*){0,2}$")
_TRAILING_NUMBERS = re.compile(r"(?:[\s;_]+\d{1,5}){1,2};?$")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split()).strip(" .…:")


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str]]:
    phrases = {_norm(p) for group in (PHRASES, NAMES, STRINGS) for v in group.values() for p in v}
    words = {w for names in NAMES.values() for name in names for w in _WORD.findall(_norm(name))}
    return frozenset(phrases), frozenset(words)


def is_placeholder_text(text: str) -> bool:
    """The whole text is a prompt or name Office or LibreOffice wrote ("Second level")."""
    return _norm(text) in _tables()[0]


def is_default_name(value: str) -> bool:
    """A name Office generated: "Content Placeholder 2", "Title and Content", "Titre 1",
    "Google Shape;123;p4", "Вертикальный текст 2"."""
    text = _norm(value)
    phrases, words = _tables()
    base = _TRAILING_NUMBERS.sub("", text).strip()
    if base in phrases or text in phrases:
        return True
    found = _WORD.findall(text)
    return bool(found) and all(w in words for w in found) and bool(_REST.match(_WORD.sub("", text)))
