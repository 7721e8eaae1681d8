"""The plain result value of detection, and the constants every detection module shares."""

from __future__ import annotations

from dataclasses import dataclass

#: where a hit comes from; also its rank when two overlap
#: (deny-list > secret > pattern > structure > model)
SOURCES = ("model", "structure", "pattern", "deny-list", "secret")
PRIORITY = {"deny-list": 4, "secret": 3, "pattern": 2, "structure": 1, "model": 0}
SCORE_THRESHOLD = 0.4
MODEL_ENTITIES = ("PERSON", "ORGANIZATION", "LOCATION")
#: PERSON from the name heuristics, inside Presidio only (see recognizers.base)
PATTERN_PERSON = "SCRUB_PATTERN_PERSON"
#: entity types that absorb whatever is detected inside them (the whole address is replaced)
CONTAINERS = ("EMAIL_ADDRESS", "URL")


@dataclass(frozen=True)
class Hit:
    entity_type: str
    start: int
    end: int
    score: float
    source: str
    text: str
    sweep: bool = False  # a repeat of something found elsewhere: fills gaps, never overrides
