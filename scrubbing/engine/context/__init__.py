"""The context pass: a model reads the task's files (their names already replaced) and flags
confidential business facts a pattern cannot see; off unless an operator sets a URL. And the
local rule set that flags sensitive sentences without any model (`sentences.py`).

    model = make_model(config)        # None when config.url is empty (the default)
    suggestions, run = review(model, config, masked_segments, facts, allowance)
"""

from __future__ import annotations

from .base import (
    CATEGORIES,
    ENTITY_TYPE,
    NOT_RUN,
    OFF,
    PARTIAL,
    RAN,
    SOURCE,
    Budget,
    CharBudget,
    ContextConfig,
    ContextError,
    ContextModel,
    ContextRun,
    TaskFacts,
)
from .chat import ChatCompletionsModel
from .review import Masked, Suggestion, batch_chars, mask, plan, review
from .sentences import Flag, flag_sentences

__all__ = [
    "CATEGORIES",
    "ENTITY_TYPE",
    "NOT_RUN",
    "OFF",
    "PARTIAL",
    "RAN",
    "SOURCE",
    "Budget",
    "ChatCompletionsModel",
    "CharBudget",
    "ContextConfig",
    "ContextError",
    "ContextModel",
    "ContextRun",
    "Flag",
    "Masked",
    "Suggestion",
    "TaskFacts",
    "batch_chars",
    "flag_sentences",
    "make_model",
    "mask",
    "plan",
    "review",
]


def make_model(config: ContextConfig) -> ContextModel | None:
    """The configured model, or None: the pass is off and nothing leaves the deployment."""
    return ChatCompletionsModel(config) if config.enabled else None
