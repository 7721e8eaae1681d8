"""The NER model as a recognizer, and the exact test of whether it has to read a text."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from ..hits import CONTAINERS, MODEL_ENTITIES, SCORE_THRESHOLD
from ..terms import normalize

_DIGIT = re.compile(r"\d")
_FILLER = frozenset(".,:;()'\u2019")  # stripped from each word by is_false_positive
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def lone_letters_only(view: str) -> bool:
    """True if no model span here can pass `is_false_positive`.

    A kept model span has no digit, so it lies inside one digit-free stretch of the text. If
    every stretch that holds a letter is one ASCII letter plus whitespace and ".,:;()'" (the
    extension in "555-1234 x12", the exponent in "1.5e3"), each word of such a span strips
    to at most one character: rejected. Anything else (two letters, "+x", "ß") runs the model.
    """
    for stretch in _DIGIT.split(view):
        letters = others = 0
        for c in stretch:
            if c.isspace() or c in _FILLER:
                continue
            if c.isalpha():
                if c not in _ASCII_LETTERS:
                    return False
                letters += 1
            else:
                others += 1
            if letters > 1 or (letters and others):
                return False
        # a stretch of punctuation alone ("-", "/", "$") holds no letter: nothing to keep
    return True


def covered_by_containers(text: str, view: str, results: list[Any], allow: frozenset[str]) -> bool:
    """True if e-mail/URL pattern results cover every non-space character of the text.

    `merge_hits` lets a container absorb every hit inside it, and what a model span could keep
    outside one is whitespace, which it drops; so the model's output cannot reach the result.
    Results below the threshold do not count (enhancement only raises scores, so the ones
    counted survive); any allow-listed container makes the answer False (it is filtered out).
    """
    spans = []
    for r in results:
        if r.entity_type in CONTAINERS and r.score >= SCORE_THRESHOLD:
            if allow and normalize(text[r.start : r.end]) in allow:
                return False
            spans.append((r.start, r.end))
    if not spans:
        return False
    spans.sort()
    pos = 0
    for a, b in spans:
        if a > pos and view[pos:a].strip():
            return False
        pos = max(pos, b)
    return not view[pos:].strip()


class ScrubModelRecognizer(SpacyRecognizer):
    """Presidio's spaCy recognizer: PERSON, ORGANIZATION, LOCATION from the NER model."""

    SOURCE: ClassVar[str] = "model"

    def __init__(self) -> None:
        super().__init__(supported_entities=list(MODEL_ENTITIES))

    @staticmethod
    def can_matter(text: str, view: str, pattern_results: list[Any], allow: frozenset[str]) -> bool:
        """Whether the model has to read this text: only if a span it finds could survive.

        Exact, not a heuristic: a text without letters, with lone letters only, or made only
        of e-mail addresses/URLs gives the same hits with or without the model.
        """
        if not any(c.isalpha() for c in text):
            return False
        if lone_letters_only(view):
            return False
        return not covered_by_containers(text, view, pattern_results, allow)
