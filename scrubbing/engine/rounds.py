"""Verification rounds: what `Scrubber.finish` runs after the analysis' edits are assigned.

Each round renders the document with its edits, then checks the output (`verify.Verifier`);
what the check finds becomes findings of the next round, given replacements by `assign` (the
task's pseudonymizer, under the task's lock on the Django side). At most `VERIFY_ROUNDS`
renders; only what no round removed is residual.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from .base import Limits, ScrubError, WriteReport, exception_summary
from .context import ContextRun
from .registry import opener
from .results import ENGINE_VERSION, Analysis, AssignFn, Detection, FileResult, edits_for
from .sniff import KINDS
from .sweep import assign_later
from .verify import Check, Residual, Verifier

log = logging.getLogger(__name__)

#: At most this many renders per file: the analysis' edits, then what verification found in
#: the output. Every check but the last runs the exact search, the patterns and the model; the
#: last (after the last redaction) runs the exact search and the patterns only, so the model
#: (which may see a new name in a context the replacements changed) cannot keep it going.
VERIFY_ROUNDS = 3


class AssignFailed(Exception):
    """The caller's `assign` raised (the exception is the cause); finish re-raises it."""


def verify_in_rounds(
    analysis: Analysis,
    *,
    limits: Limits,
    detect: Callable[..., Any],
    assign: AssignFn | None,
    started: float,
) -> FileResult:
    """Render and verify `analysis` in rounds (see the module docstring). `detect` is the
    detector's `detect` for the checks; `assign` defaults to the pseudonymizer given to
    `Scrubber.assign`; `started` is when finishing began (for the result's seconds). Raises
    ScrubError for a per-file problem and AssignFailed when `assign` raised."""
    if any(not f.replacement for f in analysis.findings):
        raise ScrubError("Internal error: findings were not assigned replacements.")
    ps = analysis.pseudonymizer
    if assign is None and ps is not None:
        key = analysis.file_key
        assign = lambda found: assign_later(found, ps, key)  # noqa: E731
    output_kind = analysis.document.output_kind  # a writer that changes the format
    verifier = Verifier(
        opener(output_kind) if output_kind else analysis.info.open,
        limits,
        analysis.terms,
        detect,
        unchanged={s.text for s in analysis.document.segments},
        inputs=[s.text for s in analysis.document.segments],
    )
    verifier.know((f.text, f.entity_type, f.source) for f in analysis.findings)
    verifier.know(analysis.task_entities)
    findings = list(analysis.findings)
    replacements = set(analysis.replacements)
    batch = analysis.findings
    t1 = time.perf_counter()
    output, wr = analysis.document.render(edits_for(batch))
    rounds: list[dict[str, Any]] = []
    for n in range(1, VERIFY_ROUNDS + 1):
        t2 = time.perf_counter()
        check = verifier.check(output, replacements, model=n < VERIFY_ROUNDS)
        t3 = time.perf_counter()
        rounds.append(
            {
                "round": n,
                "redacted": dict(Counter(f.entity_type for f in batch)),
                "checks": "exact, patterns" + (", model" if n < VERIFY_ROUNDS else ""),
                "found": check.counts(),
                "render": round(t2 - t1, 4),
                "verify": round(t3 - t2, 4),
            }
        )
        if not check.leftovers or assign is None or n == VERIFY_ROUNDS:
            break
        batch = findings_from(check, n + 1)
        try:
            assign(batch)
        except Exception as exc:
            raise AssignFailed() from exc
        if any(not f.replacement for f in batch):
            raise ScrubError("Internal error: findings were not assigned replacements.")
        t1 = time.perf_counter()
        try:
            output_n, more = check.document.render(edits_for(batch))  # type: ignore[union-attr]
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001 - keep the last output; what it holds is residual
            log.error(
                "round %d could not write the output again: %s", n + 1, exception_summary(exc)
            )
            break
        output = output_n
        merge_reports(wr, more)
        replacements.update(f.replacement for f in batch)
        verifier.know((f.text, f.entity_type, f.source) for f in batch)
        if ps is not None:  # and every form of what the round found (its name parts)
            verifier.know(ps.inventory.sweep_items(analysis.terms.allow_keys()))
        findings += batch
    return _file_result(analysis, output, wr, findings, rounds, check, started)


def _file_result(
    analysis: Analysis,
    output: bytes,
    wr: WriteReport,
    findings: list[Detection],
    rounds: list[dict[str, Any]],
    check: Check,
    started: float,
) -> FileResult:
    """The result after the last round: `residual` for what the last check found and what the
    writer says it left, the report with every round's counts and timings."""
    output_kind = analysis.document.output_kind
    residuals = check.as_residuals()
    residuals += [Residual("whole file", "FILE", reason) for reason in wr.residual]
    counts = dict(Counter(f.entity_type for f in findings))
    report = {
        "counts": counts,
        "segments": len(analysis.document.segments),
        "metadata_removed": list(wr.metadata_removed),
        "hidden_content": list(wr.hidden_content),
        "rasterized": list(wr.rasterized),
        "notes": [*analysis.notes, *wr.notes, *context_notes(analysis.context)],
        "residual": [r.as_dict() for r in residuals],
        "context": analysis.context.as_dict(),
        "flagged": len(analysis.flags),
        "rounds": rounds,
        "timings": {
            **analysis.timings,
            "render": round(sum(r["render"] for r in rounds), 4),
            "verify": round(sum(r["verify"] for r in rounds), 4),
        },
        "engine_version": ENGINE_VERSION,
    }
    status = "residual" if residuals else "done"
    return FileResult(
        name=analysis.name,
        kind=analysis.info.kind,
        status=status,
        error=(
            f"{len(residuals)} possible leftover(s) found after scrubbing; check the findings."
            if residuals
            else None
        ),
        output=output,
        findings=findings,
        counts=counts,
        report=report,
        leftovers=[r for r in residuals if r.text],
        seconds=analysis.seconds + (time.perf_counter() - started),
        extension=KINDS[output_kind][0] if output_kind else (wr.extension or None),
        flags=list(analysis.flags),
    )


def findings_from(check: Check, round_no: int) -> list[Detection]:
    """What a check found in the output, as findings of the next round (on its document)."""
    segments = check.document.segments if check.document is not None else []
    return [
        Detection(
            lo.segment,
            segments[lo.segment].locator,
            segments[lo.segment].kind,
            lo.entity_type,
            lo.start,
            lo.end,
            lo.text,
            lo.score,
            lo.source,
            round=round_no,
        )
        for lo in check.leftovers
    ]


def merge_reports(into: WriteReport, more: WriteReport) -> None:
    """A later round's writer report into the first's (each entry once)."""
    for name in ("metadata_removed", "hidden_content", "rasterized", "notes", "residual"):
        have = getattr(into, name)
        have += [x for x in getattr(more, name) if x not in have]


def context_notes(run: ContextRun) -> list[str]:
    line = run.sentence()
    return [line] if line else []
