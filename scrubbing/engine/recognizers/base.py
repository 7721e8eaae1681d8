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

from collections.abc import Iterable
from typing import Any, ClassVar

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult


def always(text: str) -> bool:
    return True


class Gated:
    """Mixin: the gate and source for a Presidio recognizer (put it first in the bases)."""

    SOURCE: ClassVar[str] = "pattern"
    gate: ClassVar[Any] = staticmethod(always)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        if not type(self).gate(text):
            return []
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
