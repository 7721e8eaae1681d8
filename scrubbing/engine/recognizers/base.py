"""What every recognizer here is: a Presidio `EntityRecognizer` with its source and gate as
class attributes.

* `SOURCE`: what a hit from it counts as when hits overlap ("pattern", "secret", "model");
* `gate(text)`: a necessary condition for any match, checked before the real work (a literal
  "@" for e-mail addresses, nine digits for an SSN...); a text failing it cannot match, so the
  result is the same, only cheaper. Tests run every recognizer with and without its gate.

`ScrubRecognizer` subclasses write `find(text)` yielding (start, end, entity type);
`Gated` wraps one of Presidio's predefined recognizers the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult


def always(text: str) -> bool:
    return True


_ASCII_CAPITAL = re.compile("[A-Z]")


def has_ascii_capital(text: str) -> bool:
    """`any("A" <= c <= "Z" for c in text)`, at the speed of a regex."""
    return _ASCII_CAPITAL.search(text) is not None


def has_upper(text: str) -> bool:
    """`any(c.isupper() for c in text)`; in ASCII text, an ASCII capital."""
    if text.isascii():
        return _ASCII_CAPITAL.search(text) is not None
    return any(c.isupper() for c in text)


class Cue:
    """Whether a text holds one of some literals: `exact` ones as written, `anycase` ones in
    any case, or a match of the regex `rest`; the same answer as `rx.search(text)` (all three
    as one alternation), several times faster on ASCII text (substring tests of the text and
    of its lower case: in ASCII that is what a case-insensitive literal matches)."""

    def __init__(self, exact: Sequence[str] = (), anycase: Sequence[str] = (), rest: str = ""):
        anyof = f"(?i:{'|'.join(map(re.escape, anycase))})" if anycase else ""
        self.rx = re.compile("|".join(p for p in (*map(re.escape, exact), anyof, rest) if p))
        self.exact, self.anycase = tuple(exact), tuple(w.lower() for w in anycase)
        self.rest = re.compile(rest) if rest else None

    def search(self, text: str) -> bool:
        if not text.isascii():
            return self.rx.search(text) is not None
        if any(w in text for w in self.exact):
            return True
        if self.anycase:
            low = text.lower()
            if any(w in low for w in self.anycase):
                return True
        return self.rest is not None and self.rest.search(text) is not None


class Gated:
    """Mixin: the gate and source for a Presidio recognizer (put it first in the bases)."""

    SOURCE: ClassVar[str] = "pattern"
    gate: ClassVar[Any] = staticmethod(always)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        if not type(self).gate(text):
            return []
        return self.analyze_passed(text, entities, nlp_artifacts)

    def analyze_passed(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        """`analyze` of a text that passed the gate (the detector checks it first)."""
        return super().analyze(text, entities, nlp_artifacts) or []  # type: ignore[misc]


class ScrubRecognizer(EntityRecognizer):
    """A recognizer of our own: class attributes say what it finds and how sure it is."""

    ENTITIES: ClassVar[tuple[str, ...]] = ()
    SCORE: ClassVar[float] = 0.6
    SOURCE: ClassVar[str] = "pattern"
    CONTEXT: ClassVar[tuple[str, ...]] = ()
    gate: ClassVar[Any] = staticmethod(always)

    def __init__(self) -> None:
        super().__init__(
            supported_entities=list(self.ENTITIES),
            name=type(self).__name__,
            context=list(self.CONTEXT) or None,
        )

    def load(self) -> None:
        pass

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        raise NotImplementedError

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        if not type(self).gate(text):
            return []
        return self.analyze_passed(text, entities, nlp_artifacts)

    def analyze_passed(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        """`analyze` of a text that passed the gate (the detector checks it first)."""
        return [
            RecognizerResult(
                etype,
                s,
                e,
                self.SCORE,
                # the context enhancer writes into the explanation, so one must exist
                analysis_explanation=AnalysisExplanation(self.name, self.SCORE),
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            for s, e, etype in self.find(text)
        ]
