"""The engine API the Django side codes against. Pure Python, no Django.

    scrubber = Scrubber()
    ps = Pseudonymizer(state=task.pseudonym_state)       # persisted per task
    analysis = scrubber.analyze(name, data, terms)       # slow: sniff + open + detect
    scrubber.assign(analysis, ps)                        # fast: hold the task lock only here
    result = scrubber.finish(analysis, assign=more)      # render + metadata strip + verify

`assign` first adds the file's detections to the task inventory (`ps.inventory`, see
inventory.py), then sweeps the file for every surface form of every entity the task knows and
gives each finding its entity's type and placeholder.

or `scrubber.scrub(...)` / `scrubber.scrub_many(...)` for all three at once. `finish` verifies
in rounds: what the checks find in the output is redacted in another round; `more(findings)`
gives those findings their replacements (the Django side takes the task lock again for just
that). Without `assign=`, the pseudonymizer given to `assign()` is used.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import context as ctx
from .base import (
    DEFAULT_LIMITS,
    Document,
    Edit,
    FormatInfo,
    Limits,
    ScrubError,
    WriteReport,
    exception_summary,
)
from .context import ContextConfig, ContextRun, TaskFacts
from .inventory import atoms_of
from .pseudonyms import LABELS, PLACEHOLDER_RE, Pseudonymizer
from .registry import opener
from .sniff import KINDS, sniff
from .terms import KnownStrings, Term, TermLists, is_common_word, lone_common, normalize
from .verify import Check, Residual, Verifier

__all__ = [
    "ENGINE_VERSION",
    "VERIFY_ROUNDS",
    "Analysis",
    "AssignFn",
    "FileResult",
    "Detection",
    "Scrubber",
    "Term",
    "TermLists",
    "assign_later",
    "assign_replacements",
    "scrub_name",
    "task_entities",
]

log = logging.getLogger(__name__)

ENGINE_VERSION = "superstar-scrubbing-engine/0.1.0"

GENERIC_ERROR = "This file could not be scrubbed because of an internal error; it has been logged."
MEMORY_ERROR = (
    "Scrubbing this file needed more memory than is allowed; split it into smaller files."
)
#: At most this many renders per file: the analysis' edits, then what verification found in
#: the output. Every check but the last runs the exact search, the patterns and the model; the
#: last (after the last redaction) runs the exact search and the patterns only, so the model
#: (which may see a new name in a context the replacements changed) cannot keep it going.
VERIFY_ROUNDS = 3


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


def _detector() -> Any:
    from .detect import get_detector

    return get_detector()


def _findings_for(doc: Document, hits_per_segment: Sequence[Sequence[Any]]) -> list[Detection]:
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


class Scrubber:
    def __init__(
        self,
        limits: Limits = DEFAULT_LIMITS,
        mode: str = "placeholder",
        context: ContextConfig = ContextConfig(),  # noqa: B008 - frozen
    ) -> None:
        self.limits = limits
        self.mode = mode  # default for pseudonymizers made by new_pseudonymizer()
        self.context_config = context
        self.context_model = ctx.make_model(context)  # None: the pass is off

    def new_pseudonymizer(self, state: dict[str, Any] | None = None) -> Pseudonymizer:
        return Pseudonymizer(mode=self.mode, state=state)

    # ------------------------------------------------------------------ analyze
    def analyze(
        self,
        name: str,
        data: bytes,
        terms: TermLists,
        known_names: Iterable[str] = (),
        *,
        is_title: bool = False,
    ) -> Analysis:
        """Sniff, open and detect. Raises ScrubError for a per-file problem.

        `known_names`: person names already found elsewhere in the task (e.g.
        `pseudonymizer.known_texts("PERSON")`), searched for by `assign` too (they are not
        mentions: the inventory has them already). `is_title`: the file is the task's title
        (a coined word there is a code name).
        """
        t0 = time.perf_counter()
        info = sniff(name, data, self.limits)
        doc = info.open(data, self.limits)  # type: ignore[operator]
        t1 = time.perf_counter()
        if len(doc.segments) > self.limits.max_segments:
            from .base import LimitExceeded

            raise LimitExceeded("This file has too many parts to process.")
        from .recognizers.codename import coined_words
        from .recognizers.columns import column_hits
        from .recognizers.roster import roster_hits

        detector = _detector()
        texts = [s.text for s in doc.segments]
        base = _name_for_detection(name)
        budget = self.limits.max_model_chars
        hits = detector.detect([*texts, base], terms, model_chars=budget)
        name_hits, hits = hits[-1], hits[:-1]
        hits = roster_hits(doc, column_hits(doc, hits))
        hits = [
            [h for h in seg_hits if doc.admits(i, h.start, h.end, h.source)]
            for i, seg_hits in enumerate(hits)
        ]
        mentions = [(h.text, h.entity_type, h.source) for seg in hits for h in seg]
        mentions += [(h.text, h.entity_type, h.source) for h in name_hits]
        coined: Counter[str] = Counter()
        for text in dict.fromkeys([*texts, base]):
            coined.update(coined_words(text))
        findings = _findings_for(doc, hits)  # `assign` sweeps, with the inventory
        t2 = time.perf_counter()
        return Analysis(
            name=name,
            info=info,
            document=doc,
            findings=findings,
            seconds=t2 - t0,
            terms=terms,
            timings={"open": round(t1 - t0, 4), "detect": round(t2 - t1, 4)},
            mentions=mentions,
            coined=dict(coined),
            atoms=atoms_of([*texts, base]),
            is_title=is_title,
            known_names=tuple(known_names),
            notes=model_budget_notes(doc, budget),
            flags=sensitive_flags(doc),
        )

    @staticmethod
    def _sweep(
        doc: Document,
        hits: list[list[Any]],
        terms: TermLists,
        known_names: Iterable[str],
        inventory_items: Iterable[tuple[str, str, str]] = (),
    ) -> list[list[Any]]:
        """Redact every occurrence of what was found anywhere in the task.

        The model may tag "Gaines" in one sentence and miss it in the next; once a string is
        judged sensitive it is replaced everywhere. People also match by name part ("Doe"
        after "Jane Doe") and by the name in their e-mail address ("jane.doe@").
        """
        from .detect import Hit, merge_hits, name_parts, names_from_email
        from .widen import widened

        allow = terms.allow_keys()
        names: set[str] = {n for n in known_names if n and n.strip()}
        names |= {t.text for t in terms.deny if t.entity_type.upper() == "PERSON"}
        items: list[tuple[str, str, str]] = [(n, "PERSON", "pattern") for n in names]
        for seg_hits in hits:
            for h in seg_hits:
                if not (h.entity_type == "PERSON" and lone_common(h.text)):
                    items.append((h.text, h.entity_type, h.source))
                if h.entity_type == "PERSON":
                    names.add(h.text)
                elif h.entity_type == "EMAIL_ADDRESS":
                    names.update(names_from_email(h.text))
        # a one-word name that is also an ordinary or a calendar word ("Dear Mr Long,", "Dear
        # Dr Sun,") is replaced where it was found, never swept for ("Long-term", "Sun 14 June")
        items += [(n, "PERSON", "pattern") for n in names if not lone_common(n)]
        # a lone surname is swept only when it is not also an ordinary word ("Doe" is, after
        # "Jane Doe"; "Long" after "Jane Long" is not: "Long-term plan")
        items += [(p, "PERSON", "pattern") for p in name_parts(names) if not is_common_word(p)]
        # the task inventory's forms first: KnownStrings keeps the first type of a string
        items = [*inventory_items, *items]
        # two-letter strings only as a found name's part ("Ng" of "Ng Wing-yan", `short_parts`)
        known = KnownStrings(
            [i for i in items if normalize(i[0]) not in allow and _sweepable(*i)], min_len=2
        )
        if not known:
            return hits
        out = []
        found: dict[str, list[tuple[int, int, str, str]]] = {}  # equal texts searched once
        for seg, seg_hits in zip(doc.segments, hits, strict=True):
            spans = found.get(seg.text)
            if spans is None:
                spans = found[seg.text] = list(known.finditer(seg.text))
            if not spans:
                out.append(seg_hits)
                continue
            extra = [Hit(t, s, e, 0.7, src, seg.text[s:e], sweep=True) for s, e, t, src in spans]
            extra = [h for h in extra if normalize(h.text) not in allow]
            if extra:  # a swept surname may have the rest of its name beside it
                out.append(widened(seg.text, merge_hits(list(seg_hits) + extra, seg.text)))
            else:
                out.append(seg_hits)
        return out

    # ------------------------------------------------------------------ assign
    @staticmethod
    def contribute(analysis: Analysis, pseudonymizer: Pseudonymizer, file_key: str = "") -> bool:
        """Add the file's detections (and the deny-list) to the task inventory, once."""
        if analysis.contributed:
            return False
        analysis.contributed = True
        analysis.file_key = file_key or analysis.name
        deny = [(t.text, t.entity_type, "deny-list") for t in analysis.terms.deny]
        return pseudonymizer.inventory.contribute(
            analysis.file_key,
            [*deny, *analysis.mentions],
            analysis.coined,
            is_title=analysis.is_title,
        )

    def assign(self, analysis: Analysis, pseudonymizer: Pseudonymizer, file_key: str = "") -> None:
        """Inventory, sweep and fill `finding.replacement` (the caller may hold a task lock
        around this: it is linear in the text and runs no model)."""
        self.contribute(analysis, pseudonymizer, file_key)
        inv = pseudonymizer.inventory
        allow = analysis.terms.allow_keys()
        doc = analysis.document
        hits: list[list[Any]] = [[] for _ in doc.segments]
        for f in analysis.findings:
            hits[f.segment_index].append(_as_hit(f))
        hits = self._sweep(doc, hits, analysis.terms, analysis.known_names, inv.sweep_items(allow))
        if _learn_widened(inv, analysis.file_key, hits):  # its parts are swept for now too
            hits = self._sweep(doc, hits, analysis.terms, (), inv.sweep_items(allow))
        analysis.findings = _findings_for(doc, hits)
        assign_replacements(analysis.findings, pseudonymizer)
        analysis.replacements = pseudonymizer.replacements()
        analysis.task_entities = task_entities(pseudonymizer, allow)
        analysis.pseudonymizer = pseudonymizer
        analysis.inventory_version = inv.version

    # ------------------------------------------------------------------ context pass
    def consult(self, analysis: Analysis, facts: TaskFacts, budget: ctx.Budget) -> list[Detection]:
        """Ask the context model about the file (after `assign`: it reads the file with its
        findings replaced, never another file's originals). Returns its findings without
        replacements: give them some (`assign_replacements`, under the task's lock), then
        `adopt`. How it went is in `analysis.context` (and the report); never raises."""
        model = self.context_model
        if model is None:
            analysis.context = ContextRun()
            return []
        doc = analysis.document
        edits = _edits(analysis.findings)
        masked = [
            ctx.mask(s.index, s.text, [(e.start, e.end, e.replacement) for e in edits.get(i, [])])
            for i, s in enumerate(doc.segments)
        ]
        config = self.context_config
        need = sum(ctx.batch_chars(b) for b in ctx.plan(masked, config.max_chars))
        granted = budget.reserve(need * (1 + max(0, config.retries)))
        try:
            suggestions, run = ctx.review(model, config, masked, facts, granted)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
            # a bug here must not fail the file: the local engine scrubs it all the same (a
            # worker's time limit or memory error is not caught: it propagates as ever)
            log.error("the context pass failed: %s", exception_summary(exc))
            suggestions = []
            run = ContextRun(ctx.NOT_RUN, "an internal error stopped it; it has been logged.")
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
                    ctx.ENTITY_TYPE,
                    s.start,
                    s.end,
                    text,
                    0.8,
                    ctx.SOURCE,
                    reason=f"{s.category}: {s.reason}" if s.reason else s.category,
                )
            )
        run.found = len(out)
        analysis.context = run
        return out

    @staticmethod
    def adopt(analysis: Analysis, findings: Sequence[Detection]) -> None:
        """The context pass's findings, with their replacements, join the file's."""
        if any(not f.replacement for f in findings):
            raise ScrubError("Internal error: findings were not assigned replacements.")
        analysis.findings += findings
        analysis.replacements.update(f.replacement for f in findings)

    # ------------------------------------------------------------------ finish
    def finish(self, analysis: Analysis, assign: AssignFn | None = None) -> FileResult:
        """Render, strip metadata, verify in rounds. Never raises for a per-file problem.

        Each round renders, then checks the output (`verify.Verifier`); what the check finds
        becomes findings of the next round, given replacements by `assign` (default: the
        pseudonymizer given to `assign()`; with neither, what is found is residual). The
        file is `residual` only for what no round removed: an unreadable output, what the
        writer reports it left, or a leftover found after the last round. An exception
        raised by `assign` itself (the caller's database, say) propagates unchanged.
        """
        t0 = time.perf_counter()
        try:
            return self._finish(analysis, t0, assign)
        except _AssignFailed as exc:
            raise exc.__cause__ from None  # type: ignore[misc]
        except ScrubError as exc:
            return self._failed(analysis.name, analysis.info.kind, str(exc), t0, analysis.findings)
        except MemoryError:
            raise  # the worker's memory cap: the caller says so in a sentence of its own
        except Exception as exc:
            log.error("writing a %s file failed: %s", analysis.info.kind, exception_summary(exc))
            return self._failed(
                analysis.name, analysis.info.kind, GENERIC_ERROR, t0, analysis.findings
            )

    def _finish(self, analysis: Analysis, t0: float, assign: AssignFn | None) -> FileResult:
        if any(not f.replacement for f in analysis.findings):
            raise ScrubError("Internal error: findings were not assigned replacements.")
        ps = analysis.pseudonymizer
        if assign is None and ps is not None:
            key = analysis.file_key
            assign = lambda found: assign_later(found, ps, key)  # noqa: E731
        output_kind = analysis.document.output_kind  # a writer that changes the format
        verifier = Verifier(
            opener(output_kind) if output_kind else analysis.info.open,
            self.limits,
            analysis.terms,
            functools.partial(_detector().detect, model_chars=self.limits.max_model_chars),
            unchanged={s.text for s in analysis.document.segments},
        )
        verifier.know((f.text, f.entity_type, f.source) for f in analysis.findings)
        verifier.know(analysis.task_entities)
        findings = list(analysis.findings)
        replacements = set(analysis.replacements)
        batch = analysis.findings
        t1 = time.perf_counter()
        output, wr = analysis.document.render(_edits(batch))
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
            batch = _findings_from(check, n + 1)
            try:
                assign(batch)
            except Exception as exc:
                raise _AssignFailed() from exc
            if any(not f.replacement for f in batch):
                raise ScrubError("Internal error: findings were not assigned replacements.")
            t1 = time.perf_counter()
            try:
                output_n, more = check.document.render(_edits(batch))  # type: ignore[union-attr]
            except MemoryError:
                raise
            except Exception as exc:  # noqa: BLE001 - keep the last output; what it holds is residual
                log.error(
                    "round %d could not write the output again: %s", n + 1, exception_summary(exc)
                )
                break
            output = output_n
            _merge_reports(wr, more)
            replacements.update(f.replacement for f in batch)
            verifier.know((f.text, f.entity_type, f.source) for f in batch)
            if ps is not None:  # and every form of what the round found (its name parts)
                verifier.know(ps.inventory.sweep_items(analysis.terms.allow_keys()))
            findings += batch
        residuals = check.as_residuals()
        residuals += [Residual("whole file", "FILE", reason) for reason in wr.residual]
        counts = dict(Counter(f.entity_type for f in findings))
        report = {
            "counts": counts,
            "segments": len(analysis.document.segments),
            "metadata_removed": list(wr.metadata_removed),
            "hidden_content": list(wr.hidden_content),
            "rasterized": list(wr.rasterized),
            "notes": [*analysis.notes, *wr.notes, *_context_notes(analysis.context)],
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
            seconds=analysis.seconds + (time.perf_counter() - t0),
            extension=KINDS[output_kind][0] if output_kind else (wr.extension or None),
            flags=list(analysis.flags),
        )

    @staticmethod
    def _failed(
        name: str, kind: str | None, error: str, t0: float, findings: list[Detection] | None = None
    ) -> FileResult:
        seconds = time.perf_counter() - t0
        return failed_result(name, error, kind=kind, findings=findings, seconds=seconds)

    # ------------------------------------------------------------------ all at once
    def scrub(
        self,
        name: str,
        data: bytes,
        terms: TermLists,
        pseudonymizer: Pseudonymizer,
        facts: TaskFacts = TaskFacts(),  # noqa: B008 - frozen
    ) -> FileResult:
        t0 = time.perf_counter()
        try:
            analysis = self.analyze(name, data, terms, pseudonymizer.known_texts("PERSON"))
            self.assign(analysis, pseudonymizer)
            self._consult_now(analysis, facts, ctx.CharBudget(self.context_config.task_budget))
            return self.finish(analysis)
        except ScrubError as exc:
            return self._failed(name, None, str(exc), t0)
        except MemoryError:
            return self._failed(name, None, MEMORY_ERROR, t0)
        except Exception as exc:
            log.error("scrubbing a file failed: %s", exception_summary(exc))
            return self._failed(name, None, GENERIC_ERROR, t0)

    def scrub_many(
        self,
        files: Sequence[tuple[str, bytes]],
        terms: TermLists,
        pseudonymizer: Pseudonymizer,
        facts: TaskFacts = TaskFacts(),  # noqa: B008 - frozen
    ) -> list[FileResult]:
        """One task: analyse every file, share the people found across files, then write."""
        t0 = time.perf_counter()
        slots: list[Analysis | FileResult] = []
        for name, data in files:
            try:
                slots.append(self.analyze(name, data, terms, pseudonymizer.known_texts("PERSON")))
            except ScrubError as exc:
                slots.append(self._failed(name, None, str(exc), t0))
            except MemoryError:
                slots.append(self._failed(name, None, MEMORY_ERROR, t0))
            except Exception as exc:
                log.error("scrubbing a file failed: %s", exception_summary(exc))
                slots.append(self._failed(name, None, GENERIC_ERROR, t0))
        analyses = [a for a in slots if isinstance(a, Analysis)]
        # the inventory first (every file's detections), then every file swept for all of it
        for a in analyses:
            self.contribute(a, pseudonymizer)
        for a in analyses:
            self.assign(a, pseudonymizer)
        budget = ctx.CharBudget(self.context_config.task_budget)  # one task: one budget
        for a in analyses:
            self._consult_now(a, facts, budget)
        results: list[FileResult] = []
        for s in slots:
            if isinstance(s, Analysis):
                s.task_entities = task_entities(
                    pseudonymizer, s.terms.allow_keys()
                )  # the other files' findings too
                s = self._finish_or_fail(s)
            results.append(s)
        return results

    def _consult_now(self, analysis: Analysis, facts: TaskFacts, budget: ctx.Budget) -> None:
        """The context pass with the analysis' own pseudonymizer (no lock to take)."""
        found = self.consult(analysis, facts, budget)
        if found and analysis.pseudonymizer is not None:
            assign_replacements(found, analysis.pseudonymizer)
            self.adopt(analysis, found)

    def _finish_or_fail(self, analysis: Analysis) -> FileResult:
        try:
            return self.finish(analysis)
        except MemoryError:
            return self._failed(
                analysis.name, analysis.info.kind, MEMORY_ERROR, time.perf_counter()
            )


class _AssignFailed(Exception):
    """The caller's `assign` raised (the exception is the cause); finish re-raises it."""


def assign_replacements(findings: Iterable[Detection], pseudonymizer: Pseudonymizer) -> None:
    """Each finding gets its entity's type and placeholder (the task inventory), or a
    placeholder of its own type when no entity knows its text."""
    inv = pseudonymizer.inventory
    for f in findings:
        entity = inv.lookup(f.text, f.entity_type)
        if entity is not None and entity.type:
            f.entity_type = entity.type
            f.replacement = pseudonymizer.entity_replacement(entity.type, entity.text, f.text)
        else:
            f.replacement = pseudonymizer.replacement(f.entity_type, f.text)


_TYPE_OF_LABEL = {lab: etype for etype, lab in LABELS.items()}


def assign_later(
    findings: Sequence[Detection], pseudonymizer: Pseudonymizer, file_key: str
) -> None:
    """A later verification round's findings: they join the task inventory (so the task's other
    files are swept for them too), then get their entity's placeholder."""
    pseudonymizer.inventory.contribute(
        file_key, [(f.text, f.entity_type, f.source) for f in findings]
    )
    assign_replacements(findings, pseudonymizer)


def task_entities(
    pseudonymizer: Pseudonymizer, allow: frozenset[str] = frozenset()
) -> list[tuple[str, str, str]]:
    """(text, entity type, source) of every original the task has replaced so far and every
    surface form of every entity in its inventory."""
    replaced = [
        (text, _TYPE_OF_LABEL.get(lab, lab), "pattern")
        for lab, table in pseudonymizer.originals.items()
        for text in table.values()
    ]
    return replaced + pseudonymizer.inventory.sweep_items(allow)


def _edits(findings: Iterable[Detection]) -> dict[int, list[Edit]]:
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


def _findings_from(check: Check, round_no: int) -> list[Detection]:
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


def _merge_reports(into: WriteReport, more: WriteReport) -> None:
    """A later round's writer report into the first's (each entry once)."""
    for name in ("metadata_removed", "hidden_content", "rasterized", "notes", "residual"):
        have = getattr(into, name)
        have += [x for x in getattr(more, name) if x not in have]


def model_budget_notes(doc: Document, budget: int) -> list[str]:
    """One sentence per segment longer than the model's character budget: what
    is beyond it was read by the patterns, the deny-list and the task's sweep, not the model."""
    return [
        f"{seg.locator}: {len(seg.text):,} characters; the name model read the first "
        f"{budget:,}, the patterns, deny-lists and known names all of it"
        for seg in doc.segments
        if len(seg.text) > budget
    ]


def _context_notes(run: ContextRun) -> list[str]:
    line = run.sentence()
    return [line] if line else []


def sensitive_flags(doc: Document) -> list[Detection]:
    """Sentences that discuss prices, pay, margins, forecasts, deals, disputes or security
    weaknesses (`context/sentences.py`), for the owner to confirm; never redacted."""
    out = []
    for seg in doc.segments:
        for flag in ctx.flag_sentences(seg.text):
            if doc.admits(seg.index, flag.start, flag.end, "model"):
                text = seg.text[flag.start : flag.end]
                out.append(
                    Detection(seg.index, seg.locator, seg.kind, "SENSITIVE", flag.start, flag.end,
                            text, 0.5, "sensitive", reason=f"{flag.topic}: {flag.reason}")
                )  # fmt: skip
    return out


def _learn_widened(inv: Any, file_key: str, hits: Sequence[Sequence[Any]]) -> bool:
    """People the sweep found only by widening a known part ("Stoyanova" found, "Tsvetelina
    Stoyanova" beside it) join the inventory; True if that added any."""
    new = [
        (h.text, "PERSON", "pattern")
        for seg in hits
        for h in seg
        if h.entity_type == "PERSON" and len(h.text.split()) >= 2 and inv.lookup(h.text) is None
    ]
    return bool(new) and inv.contribute(file_key, new)


def _sweepable(text: str, etype: str, source: str) -> bool:
    key = normalize(text)
    return len(key) >= 3 or (etype == "PERSON" and len(key) == 2 and text.isalpha())


def _as_hit(f: Detection) -> Any:
    from .detect import Hit

    return Hit(f.entity_type, f.start, f.end, f.score, f.source, f.text)


_SEP = re.compile(r"[_\-.]")


def _name_for_detection(name: str) -> str:
    """A file name as words ("JaneDoe_Acme-v2.docx" -> "Jane Doe Acme v2"): detected with the
    file's text, so names in file names join the task inventory."""
    stem = os.path.splitext(os.path.basename(name.replace("\\", "/")))[0]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", _SEP.sub(" ", stem))


def scrub_name(name: str, terms: TermLists, pseudonymizer: Pseudonymizer) -> str:
    """A file name with names/clients/codenames replaced, extension kept.

    "JaneDoe_Acme_Falcon_v2.docx" style names are matched against everything the task has
    already replaced (so call this after the files' contents were assigned), the deny-list,
    and the detector run on the name with separators read as spaces.
    """
    from .detect import get_detector

    base = os.path.basename(name.replace("\\", "/"))
    stem, ext = os.path.splitext(base)
    if base.startswith(".") and base.count(".") == 1:
        stem, ext = base, ""
    spaced = _SEP.sub(" ", stem)
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", spaced)  # JaneDoe -> Jane Doe (length +n)
    # map spaced offsets back to stem offsets
    back: list[int] = []
    i = 0
    for ch in spaced:
        back.append(i)
        if i < len(stem) and (ch == stem[i] or (ch == " " and _SEP.match(stem[i]))):
            i += 1
    back.append(len(stem))

    spans: list[tuple[int, int, str, str]] = []  # (start, end, type, original) in `spaced`
    hits = get_detector().detect([spaced], terms)[0]
    spans += [(h.start, h.end, h.entity_type, h.text) for h in hits]
    allow = terms.allow_keys()
    inv = pseudonymizer.inventory
    items = [
        (o, lab, "pattern")
        for lab, table in pseudonymizer.originals.items()
        for o in table.values()
    ]
    known = KnownStrings(
        [i for i in [*inv.sweep_items(allow), *items] if normalize(i[0]) not in allow]
    )
    spans += [(s, e, t, spaced[s:e]) for s, e, t, _src in known.finditer(spaced)]
    if not spans:
        return base
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[str] = []
    pos = 0
    for s, e, etype, original in spans:
        if s < pos:
            continue
        entity = inv.lookup(original, etype)
        if entity is not None and entity.type:
            rep = pseudonymizer.entity_replacement(entity.type, entity.text, original)
        else:
            rep = pseudonymizer.replacement(etype, original)
        if PLACEHOLDER_RE.fullmatch(rep):
            rep = rep.strip("[]")
        rep = re.sub(r"\s+", "_", rep)
        out.append(stem[back[pos] : back[s]])
        out.append(rep)
        pos = e
    out.append(stem[back[pos] :])
    return "".join(out) + ext
