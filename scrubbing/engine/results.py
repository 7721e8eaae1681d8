"""What the engine hands back: one detection, one file's analysis, one file's result.

`Detection` is one thing found in one segment; `Analysis` is what `Scrubber.analyze` learnt
about a file (kept between the slow analysis and the locked assignment); `FileResult` is the
scrubbed file with its report; `failed_result` is the one builder of a file that could not be
scrubbed (the Django side uses it too), `failure_sentence` what it says. `findings_for` and
`edits_for` turn detector hits into detections and detections into a document's edits. Pure
data: no detector, no format.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .base import Document, Edit, FormatInfo, ScrubError
from .context import ContextRun
from .pseudonyms import Pseudonymizer
from .terms import TermLists
from .verify import Residual

ENGINE_VERSION = "superstar-scrubbing-engine/0.1.0"

GENERIC_ERROR = "This file could not be scrubbed because of an internal error; it has been logged."
MEMORY_ERROR = (
    "Scrubbing this file needed more memory than is allowed; split it into smaller files."
)


#: One thing detection found in one segment of a file: what, where, how sure, by which source,
#: and its placeholder once assigned (the Django side keeps these as `scrubbing.models.Finding`).
@dataclass
class Detection:
    segment_index: int
    locator: str
    location_kind: str
    entity_type: str
    start: int
    end: int
    text: str
    score: float
    source: str
    replacement: str = ""
    round: int = 1  # 1: found by analysis; n > 1: found in the output of round n - 1
    reason: str = ""  # why the context pass or the sensitive-sentence rules flagged it


#: fills `replacement` of each finding (the task's pseudonymizer, e.g. under the task's lock)
AssignFn = Callable[[Sequence[Detection]], None]


@dataclass
class Analysis:
    name: str
    info: FormatInfo
    document: Document
    findings: list[Detection]
    seconds: float
    terms: TermLists = field(default_factory=TermLists)
    replacements: set[str] = field(default_factory=set)  # filled by assign()
    timings: dict[str, float] = field(default_factory=dict)
    # filled by assign(): what the whole task had found then (verification searches for it),
    # and the pseudonymizer that finish(analysis) uses for later rounds when given no assign=
    task_entities: list[tuple[str, str, str]] = field(default_factory=list)
    pseudonymizer: Pseudonymizer | None = field(default=None, repr=False)
    # for the task inventory: what detection found (text, type, source), coined words and
    # their counts, hashes of the text's words, whether the file is the task's title
    mentions: list[tuple[str, str, str]] = field(default_factory=list)
    coined: dict[str, int] = field(default_factory=dict)
    atoms: set[int] = field(default_factory=set)
    is_title: bool = False
    known_names: tuple[str, ...] = ()
    contributed: bool = False
    file_key: str = ""  # the file's key in the task inventory (set by contribute)
    inventory_version: int = 0
    notes: list[str] = field(default_factory=list)  # for the report (the model's budget)
    # sensitive sentences (flagged for the contractor, never redacted) and the context pass
    flags: list[Detection] = field(default_factory=list)
    context: ContextRun = field(default_factory=ContextRun)


@dataclass
class FileResult:
    name: str
    kind: str | None
    status: str  # "done" | "failed" | "residual"
    error: str | None
    output: bytes | None
    findings: list[Detection]
    counts: dict[str, int]
    report: dict[str, Any]
    seconds: float
    # What verification found left over, with the text, so the owner can decide (redact or
    # keep); never shown to anyone else. Empty unless status is "residual".
    leftovers: list[Residual] = field(default_factory=list)
    #: the output's extension when the writer changed the format (a .docm comes out as a
    #: macro-free ".docx", an Outlook .msg as ".eml"); None: the name's own extension is right
    extension: str | None = None
    #: sensitive sentences for the owner to confirm (not redacted; the status ignores them)
    flags: list[Detection] = field(default_factory=list)

    def output_name(self, name: str) -> str:
        """`name` with the output's extension ("Report.docm" -> "Report.docx")."""
        stem, ext = os.path.splitext(name)
        if not self.extension or ext.lower() == self.extension:
            return name
        return stem + self.extension


def failed_result(
    name: str,
    error: str,
    *,
    kind: str | None = None,
    findings: list[Detection] | None = None,
    seconds: float = 0.0,
) -> FileResult:
    """The result of a file that could not be scrubbed: no output, `error` says why in one
    sentence (shown to the owner), the report as every other file's has it."""
    return FileResult(
        name=name,
        kind=kind,
        status="failed",
        error=error,
        output=None,
        findings=findings or [],
        counts={},
        report={"engine_version": ENGINE_VERSION, "residual": [], "counts": {}},
        seconds=seconds,
    )


def failure_sentence(exc: BaseException) -> str:
    """What the owner reads about a file whose scrub raised `exc`: a ScrubError's own sentence,
    the memory sentence, else the generic one (never an exception's message: it may quote the
    document; the caller logs what it did not expect)."""
    if isinstance(exc, ScrubError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return MEMORY_ERROR
    return GENERIC_ERROR


def findings_for(doc: Document, hits_per_segment: Sequence[Sequence[Any]]) -> list[Detection]:
    """Detector hits (one list per segment of `doc`) as detections, no replacements yet."""
    out: list[Detection] = []
    for seg, hits in zip(doc.segments, hits_per_segment, strict=True):
        for h in hits:
            out.append(
                Detection(
                    seg.index,
                    seg.locator,
                    seg.kind,
                    h.entity_type,
                    h.start,
                    h.end,
                    h.text,
                    float(h.score),
                    h.source,
                )
            )
    return out


def edits_for(findings: Iterable[Detection]) -> dict[int, list[Edit]]:
    """The document edits (per segment, in order) that put each finding's replacement in."""
    edits: dict[int, list[Edit]] = {}
    for f in sorted(findings, key=lambda f: (f.segment_index, f.start)):
        seg_edits = edits.setdefault(f.segment_index, [])
        if seg_edits and f.start < seg_edits[-1].end:
            # overlaps are merged at detection; anything left widens the previous edit
            # (a context finding spanning a name: the longer one's replacement)
            prev = seg_edits.pop()
            rep = f.replacement if f.end - f.start > prev.end - prev.start else prev.replacement
            seg_edits.append(Edit(prev.start, max(prev.end, f.end), rep))
            continue
        seg_edits.append(Edit(f.start, f.end, f.replacement))
    return edits
