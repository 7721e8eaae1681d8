"""One file through the context pass: the text as the model sees it (the file's own findings
already replaced by their placeholders), cut into requests of at most `max_chars`, the prompt,
the answer checked item by item, each finding located in the text by the pass itself.

Models are poor at offsets, so the answer carries text only: each `text` is searched for in the
request's segments, exactly, then with any run of whitespace and any case; what is not found,
or fails the schema, is dropped (and counted). Failures are never silent: a timeout, an error
or a malformed answer after the bounded retries marks the run "not run" with the reason.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

from .base import (
    CATEGORIES,
    NOT_RUN,
    PARTIAL,
    RAN,
    ContextConfig,
    ContextError,
    ContextModel,
    ContextRun,
    TaskFacts,
)

#: a finding longer than this is a paragraph copied back, not a fact: dropped; also
MAX_FINDING_CHARS = 200  # the longest term a contractor can keep (allow-list)
MIN_FINDING_CHARS = 3
#: placeholders named in one prompt at most
MAX_PLACEHOLDERS = 60
_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z0-9_]*_\d+\]")
_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.S)

SYSTEM_PROMPT = (
    "You check a document that a professional is about to share as an anonymised work sample. "
    "Personal data and names have already been replaced by placeholders such as [PERSON_1] or "
    "[CLIENT_1]. Find the corporate confidential information that is still in the text: "
    "prices and price lists, discounts, margins, revenue and other financial figures, "
    "unannounced plans, deals and their terms, unreleased products, customers' internal "
    "metrics or data, legal matters, security weaknesses, trade secrets told in plain words. "
    "Answer with JSON only, exactly in this form: "
    '{"findings": [{"text": "...", "category": "...", "reason": "..."}]}. '
    "Each text must be copied character for character from one segment: the shortest span "
    "that carries the confidential fact (a figure with its unit, a product name, a term of a "
    "deal), not a whole paragraph. The category is one of: " + ", ".join(CATEGORIES) + ". "
    "The reason is one short sentence. Never report a placeholder, ordinary professional "
    'knowledge or public facts. When nothing is confidential answer {"findings": []}.'
)


@dataclass(frozen=True)
class Masked:
    """One segment as the model reads it: `spans` maps each replacement back to the original
    as (masked start, masked end, original start, original end)."""

    index: int
    text: str
    spans: tuple[tuple[int, int, int, int], ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """A span of the masked text in the original's offsets; a replacement it touches is
        taken whole."""
        shift = 0
        o_start = o_end = None
        for ms, me, os_, oe in self.spans:
            if o_start is None:
                if start < ms:
                    o_start = start - shift
                elif start < me:
                    o_start = os_
            if end <= ms:
                o_end = end - shift
                break
            if end <= me:
                o_end = oe
                break
            shift += (me - ms) - (oe - os_)
        if o_start is None:
            o_start = start - shift
        if o_end is None:
            o_end = end - shift
        return o_start, o_end

    def covered(self, start: int, end: int) -> bool:
        """True when [start, end) of the masked text is only placeholders and punctuation."""
        parts: list[str] = []
        pos = start
        for ms, me, _, _ in self.spans:
            if me <= start or ms >= end:
                continue
            parts.append(self.text[pos : max(ms, pos)])
            pos = max(pos, me)
        parts.append(self.text[pos:end])
        return not re.search(r"\w", _PLACEHOLDER.sub(" ", "".join(parts)))


def mask(index: int, text: str, edits: Sequence[tuple[int, int, str]]) -> Masked:
    """`text` with each (start, end, replacement) applied (sorted, not overlapping)."""
    out: list[str] = []
    spans: list[tuple[int, int, int, int]] = []
    pos = length = 0
    for start, end, rep in edits:
        out.append(text[pos:start])
        length += start - pos
        out.append(rep)
        spans.append((length, length + len(rep), start, end))
        length += len(rep)
        pos = end
    out.append(text[pos:])
    return Masked(index, "".join(out), tuple(spans))


@dataclass(frozen=True)
class Piece:
    segment: Masked
    offset: int  # where the piece starts in the masked segment
    text: str


@dataclass(frozen=True)
class Suggestion:
    segment_index: int
    start: int  # offsets in the original segment
    end: int
    category: str
    reason: str


def plan(segments: Sequence[Masked], max_chars: int) -> list[list[Piece]]:
    """Requests of at most `max_chars` characters of text; a longer segment is cut at spaces."""
    batches: list[list[Piece]] = []
    current: list[Piece] = []
    size = 0
    for seg in segments:
        if not seg.text.strip():
            continue
        for piece in _cut(seg, max_chars):
            if current and size + len(piece.text) > max_chars:
                batches.append(current)
                current, size = [], 0
            current.append(piece)
            size += len(piece.text)
    if current:
        batches.append(current)
    return batches


def _cut(seg: Masked, max_chars: int) -> list[Piece]:
    pieces: list[Piece] = []
    pos = 0
    text = seg.text
    while len(text) - pos > max_chars:
        cut = text.rfind(" ", pos + max_chars // 2, pos + max_chars)
        cut = cut + 1 if cut > pos else pos + max_chars
        pieces.append(Piece(seg, pos, text[pos:cut]))
        pos = cut
    pieces.append(Piece(seg, pos, text[pos:]))
    return pieces


def batch_chars(batch: Sequence[Piece]) -> int:
    return sum(len(p.text) for p in batch)


def messages_for(batch: Sequence[Piece], facts: TaskFacts) -> list[dict[str, str]]:
    placeholders = list(dict.fromkeys(m for p in batch for m in _PLACEHOLDER.findall(p.text)))
    lines = [
        f"Occupation: {facts.occupation or 'not given'}",
        f"Sector: {facts.sector or 'not given'}",
    ]
    if placeholders:
        shown = placeholders[:MAX_PLACEHOLDERS]
        more = len(placeholders) - len(shown)
        lines.append(
            "Placeholders already in the text (already redacted, never report them): "
            + ", ".join(shown)
            + (f" and {more} more" if more else "")
        )
    lines.append("")
    for n, piece in enumerate(batch, 1):
        lines += [f"### segment {n}", piece.text]
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": "\n".join(lines)},
    ]


def parse_answer(content: str) -> list[object]:
    """The answer's findings list; raises ContextError when the answer is not that JSON."""
    m = _FENCE.match(content)
    if m:
        content = m.group(1)
    try:
        answer = json.loads(content)
    except ValueError:
        raise ContextError("the model's answer is not JSON") from None
    if not isinstance(answer, dict) or not isinstance(answer.get("findings"), list):
        raise ContextError('the model\'s answer has no "findings" list')
    return answer["findings"]


def _category(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    c = " ".join(value.replace("_", " ").replace("-", " ").split()).casefold()
    return c if c in CATEGORIES else None


def _occurrences(haystack: str, needle: str) -> list[tuple[int, int]]:
    """Where `needle` is: exactly, else with any whitespace between its words and any case."""
    found = [(m.start(), m.start() + len(needle)) for m in re.finditer(re.escape(needle), haystack)]
    if found:
        return found
    words = needle.split()
    loose = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    return [m.span() for m in loose.finditer(haystack)]


def locate(items: Sequence[object], batch: Sequence[Piece]) -> tuple[list[Suggestion], int]:
    """The answer's items as suggestions on the original text, and how many were dropped."""
    out: list[Suggestion] = []
    dropped = 0
    for item in items:
        if not isinstance(item, dict):
            dropped += 1
            continue
        text, reason = item.get("text"), item.get("reason", "")
        category = _category(item.get("category"))
        if (
            not isinstance(text, str)
            or not isinstance(reason, str)
            or category is None
            or not MIN_FINDING_CHARS <= len(text.strip()) <= MAX_FINDING_CHARS
        ):
            dropped += 1
            continue
        text = text.strip()
        hits = []
        for piece in batch:
            for s, e in _occurrences(piece.text, text):
                s, e = s + piece.offset, e + piece.offset
                if not piece.segment.covered(s, e):
                    o_start, o_end = piece.segment.to_original(s, e)
                    hits.append(Suggestion(piece.segment.index, o_start, o_end, category, reason))
        if not hits:
            dropped += 1
        out += hits
    return out, dropped


def review(
    model: ContextModel,
    config: ContextConfig,
    segments: Sequence[Masked],
    facts: TaskFacts,
    allowance: int,
) -> tuple[list[Suggestion], ContextRun]:
    """Ask the model about every request's worth of the file, within `allowance` characters."""
    batches = plan(segments, config.max_chars)
    run = ContextRun(status=RAN, batches=len(batches), model=model.name)
    found: dict[tuple[int, int, int], Suggestion] = {}
    attempts = 1 + max(0, config.retries)
    deadline = time.monotonic() + config.file_seconds
    for n, batch in enumerate(batches, 1):
        size = batch_chars(batch)
        answered = False
        for attempt in range(1, attempts + 1):
            if time.monotonic() > deadline:
                run.status = PARTIAL if run.requests else NOT_RUN
                run.reason = (
                    f"its time for one file ({config.file_seconds:g} seconds) ran out; "
                    f"{run.requests} of {len(batches)} request(s) were answered."
                )
                break
            if run.chars + size > allowance:
                run.status = PARTIAL if run.requests else NOT_RUN
                run.reason = (
                    f"the task's budget for the context pass ({config.task_budget:,} characters) "
                    f"is spent; {run.requests} of {len(batches)} request(s) of this file were "
                    "answered."
                )
                break
            run.chars += size
            try:
                items = parse_answer(model.complete(messages_for(batch, facts)))
            except ContextError as exc:
                run.errors.append(f"request {n}, attempt {attempt}: {exc}")
                continue
            suggestions, dropped = locate(items, batch)
            run.requests += 1
            run.dropped += dropped
            for s in suggestions:
                found.setdefault((s.segment_index, s.start, s.end), s)
            answered = True
            break
        if run.status != RAN:
            break
        if not answered:
            run.status = NOT_RUN
            last = run.errors[-1].split(": ", 1)[-1]
            run.reason = (
                f"{last} (request {n} of {len(batches)}, {attempts} attempt(s)); "
                f"{run.requests} request(s) were answered."
            )
            break
    suggestions = sorted(found.values(), key=lambda s: (s.segment_index, s.start))
    run.found = len(suggestions)
    return suggestions, run
