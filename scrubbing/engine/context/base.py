"""The context pass's small interface: its settings, what it is told about the task, what it
reports, and the one call a model implementation makes (`ContextModel.complete`).

Pure Python, no Django: the Django side reads the settings and passes a `ContextConfig` in.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

#: what the model may call a finding (its answer is dropped item by item otherwise)
CATEGORIES = (
    "pricing",
    "financials",
    "strategy",
    "product",
    "customer data",
    "legal",
    "security",
)
#: the source of the model's findings, and the entity type they are redacted as
SOURCE = "context model"
ENTITY_TYPE = "CONFIDENTIAL"

OFF, RAN, PARTIAL, NOT_RUN = "off", "ran", "partial", "not run"


@dataclass(frozen=True)
class ContextConfig:
    """Off unless `url` is set (the API base, e.g. "http://127.0.0.1:8000/v1")."""

    url: str = ""
    model: str = ""
    api_key: str = ""
    timeout: float = 60.0  # seconds per request
    max_chars: int = 8_000  # characters of document text per request
    task_budget: int = 200_000  # characters of document text per task (all its files)
    retries: int = 1  # further attempts of a request that failed (so 2 attempts in all)
    file_seconds: float = 300.0  # no new request for a file after this (the job's time limit)

    @property
    def enabled(self) -> bool:
        return bool(self.url.strip())


@dataclass(frozen=True)
class TaskFacts:
    """What the model is told besides the text: never another file's originals."""

    occupation: str = ""
    sector: str = ""


@dataclass
class ContextRun:
    """How the pass went for one file: for the report and the check page."""

    status: str = OFF  # off | ran | partial (the task's budget ran out) | not run
    reason: str = ""  # one sentence when not "ran"
    requests: int = 0  # requests answered
    chars: int = 0  # characters of document text sent
    found: int = 0  # findings located in the text
    dropped: int = 0  # items of the answers dropped (not found, or failing the schema)
    batches: int = 0  # requests the file needed
    model: str = ""
    errors: list[str] = field(default_factory=list)  # one line per failed attempt

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def sentence(self) -> str:
        """The report line ("" when the pass is off)."""
        if self.status == OFF:
            return ""
        if self.status == RAN:
            return (
                f"The context pass read the file in {self.requests} request(s) and added "
                f"{self.found} finding(s)."
            )
        return f"The context pass did not run completely: {self.reason}"


class ContextError(Exception):
    """A request that got no usable answer; the message is one plain sentence."""


class ContextModel(ABC):
    """A model that reads chat messages and answers with text (the JSON the prompt asks for)."""

    name: str = ""

    @abstractmethod
    def complete(self, messages: list[dict[str, str]]) -> str:
        """The answer's text; raises ContextError (timeouts and server errors included)."""


class Budget(Protocol):
    """Characters of the task's budget: `reserve` grants at most what is left."""

    def reserve(self, chars: int) -> int: ...

    def release(self, chars: int) -> None: ...


class CharBudget:
    """A task's characters for the context pass, in memory (`manage.py scrub`, the eval); the
    portal keeps the same count in the database. `reserve` grants at most what is left."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.used = 0

    def reserve(self, chars: int) -> int:
        granted = max(0, min(chars, self.total - self.used))
        self.used += granted
        return granted

    def release(self, chars: int) -> None:
        self.used -= max(0, chars)
