"""The context pass and the sensitive-sentence rules as findings of one file.

`consult` asks the context model about a file whose findings are already replaced (it never
reads another file's originals) and returns what it flagged as `Detection`s without
replacements; `sensitive_flags` are the sentences the local rules (`sentences.py`) flag for
the owner to confirm. `Scrubber.consult` and `Scrubber.analyze` call them.
"""

from __future__ import annotations

import logging

from ..base import Document, exception_summary
from ..results import Analysis, Detection, edits_for
from ..terms import normalize
from .base import (
    ENTITY_TYPE,
    NOT_RUN,
    SOURCE,
    Budget,
    ContextConfig,
    ContextModel,
    ContextRun,
    TaskFacts,
)
from .review import batch_chars, mask, plan, review
from .sentences import flag_sentences

log = logging.getLogger(__name__)


def consult(
    model: ContextModel | None,
    config: ContextConfig,
    analysis: Analysis,
    facts: TaskFacts,
    budget: Budget,
) -> list[Detection]:
    """The model's findings in `analysis`'s file (none when `model` is None: the pass is off).
    How it went is in `analysis.context` (and the report); never raises for the model."""
    if model is None:
        analysis.context = ContextRun()
        return []
    doc = analysis.document
    edits = edits_for(analysis.findings)
    masked = [
        mask(s.index, s.text, [(e.start, e.end, e.replacement) for e in edits.get(i, [])])
        for i, s in enumerate(doc.segments)
    ]
    need = sum(batch_chars(b) for b in plan(masked, config.max_chars))
    granted = budget.reserve(need * (1 + max(0, config.retries)))
    try:
        suggestions, run = review(model, config, masked, facts, granted)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        # a bug here must not fail the file: the local engine scrubs it all the same (a
        # worker's time limit or memory error is not caught: it propagates as ever)
        log.error("the context pass failed: %s", exception_summary(exc))
        suggestions = []
        run = ContextRun(NOT_RUN, "an internal error stopped it; it has been logged.")
    budget.release(granted - run.chars)
    allow = analysis.terms.allow_keys()
    out = []
    for s in suggestions:
        seg = doc.segments[s.segment_index]
        text = seg.text[s.start : s.end]
        if normalize(text) in allow or not doc.admits(s.segment_index, s.start, s.end, "model"):
            continue
        out.append(
            Detection(
                seg.index,
                seg.locator,
                seg.kind,
                ENTITY_TYPE,
                s.start,
                s.end,
                text,
                0.8,
                SOURCE,
                reason=f"{s.category}: {s.reason}" if s.reason else s.category,
            )
        )
    run.found = len(out)
    analysis.context = run
    return out


def sensitive_flags(doc: Document) -> list[Detection]:
    """Sentences that discuss prices, pay, margins, forecasts, deals, disputes or security
    weaknesses (`context/sentences.py`), for the owner to confirm; never redacted."""
    out = []
    for seg in doc.segments:
        for flag in flag_sentences(seg.text):
            if doc.admits(seg.index, flag.start, flag.end, "model"):
                text = seg.text[flag.start : flag.end]
                out.append(
                    Detection(seg.index, seg.locator, seg.kind, "SENSITIVE", flag.start, flag.end,
                            text, 0.5, "sensitive", reason=f"{flag.topic}: {flag.reason}")
                )  # fmt: skip
    return out
