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

This module is the `Scrubber` (the order of the steps and their failure handling) and
re-exports the engine's public names; each step lives in its own module: `results.py`
(Detection, Analysis, FileResult, the failed-result builder), `sweep.py` (the inventory sweep
and placeholder assignment), `context/consult.py` (the context pass and sensitive sentences),
`rounds.py` (render and verify in rounds), `filenames.py` (file names).
"""

from __future__ import annotations

import functools
import logging
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from .base import DEFAULT_LIMITS, Document, Limits, ScrubError, exception_summary
from .context import Budget, CharBudget, ContextConfig, TaskFacts, make_model
from .context.consult import consult, sensitive_flags
from .filenames import name_for_detection, project_in_name, scrub_name
from .gcpause import collecting_less
from .inventory import atoms_of
from .pseudonyms import Pseudonymizer
from .recognizers.codename import code_words_memo
from .results import (
    ENGINE_VERSION,
    GENERIC_ERROR,
    MEMORY_ERROR,
    Analysis,
    AssignFn,
    Detection,
    FileResult,
    failed_result,
    failure_sentence,
    findings_for,
)
from .rounds import VERIFY_ROUNDS, AssignFailed, verify_in_rounds
from .sniff import sniff
from .sweep import (
    Swept,
    assign_later,
    assign_replacements,
    hits_of,
    learn_widened,
    sweep,
    task_entities,
)
from .terms import Term, TermLists, known_strings_memo

__all__ = [
    "ENGINE_VERSION",
    "GENERIC_ERROR",
    "MEMORY_ERROR",
    "VERIFY_ROUNDS",
    "Analysis",
    "AssignFn",
    "Detection",
    "FileResult",
    "Pseudonymizer",
    "Scrubber",
    "Term",
    "TermLists",
    "assign_later",
    "assign_replacements",
    "failed_result",
    "model_budget_notes",
    "scrub_name",
    "task_entities",
]

log = logging.getLogger(__name__)


def _detector() -> Any:
    from .detect import get_detector

    return get_detector()


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
        self.context_model = make_model(context)  # None: the pass is off

    def new_pseudonymizer(self, state: dict[str, Any] | None = None) -> Pseudonymizer:
        return Pseudonymizer(mode=self.mode, state=state)

    # ------------------------------------------------------------------ analyze
    @collecting_less()
    @code_words_memo()  # detection, the code filter and the coined words read each text's once
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
        from .recognizers.codename import (
            code_words_in,
            coined_words,
            issue_keys_in,
            tags_with_files_in,
        )
        from .recognizers.columns import column_hits
        from .recognizers.orgs import drop_licence_holders
        from .recognizers.roster import roster_hits
        from .whole_address import join_across_segments

        detector = _detector()
        texts = [s.text for s in doc.segments]
        base = name_for_detection(name)
        budget = self.limits.max_model_chars
        hits = detector.detect([*texts, base], terms, model_chars=budget)
        name_hits, hits = hits[-1], drop_licence_holders(texts, hits[:-1])
        hits = join_across_segments(doc, roster_hits(doc, column_hits(doc, hits)))
        hits = [
            [h for h in seg_hits if doc.admits(i, h.start, h.end, h.source)]
            for i, seg_hits in enumerate(hits)
        ]
        # a word the document uses as code or as a public package anywhere in it is no code
        # name in any of its parts ("pip install sympy" once, "SymPy" in every paragraph)
        code = code_words_in(texts)
        if code:
            hits = [
                [
                    h
                    for h in seg_hits
                    if not (
                        h.entity_type == "CODENAME"
                        and h.source != "deny-list"
                        and h.text.casefold() in code
                    )
                ]
                for seg_hits in hits
            ]
        mentions = [(h.text, h.entity_type, h.source) for seg in hits for h in seg]
        mentions += [(h.text, h.entity_type, h.source) for h in name_hits]
        # the project a working file is named after ("quoll_pricing_final_v2.xlsx"), and a
        # tag one part of the document ties to an identifier in another ("[Magpie]")
        projects = [project_in_name(name) or "", *tags_with_files_in(texts)]
        mentions += [(p, "CODENAME", "pattern") for p in projects if p and p.casefold() not in code]
        coined: Counter[str] = Counter()
        for text in dict.fromkeys([*texts, base]):
            coined.update(coined_words(text, code))
        coined.update(issue_keys_in(texts, code))  # "LARKSPUR-43" beside "feature/larkspur-…"
        findings = findings_for(doc, hits)  # `assign` sweeps, with the inventory
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

    @collecting_less()
    @known_strings_memo()  # the two sweeps' known strings are made ready once
    def assign(self, analysis: Analysis, pseudonymizer: Pseudonymizer, file_key: str = "") -> None:
        """Inventory, sweep and fill `finding.replacement` (the caller may hold a task lock
        around this: it is linear in the text and runs no model)."""
        self.contribute(analysis, pseudonymizer, file_key)
        inv = pseudonymizer.inventory
        allow = analysis.terms.allow_keys()
        doc = analysis.document
        hits = hits_of(doc, analysis.findings)
        swept = Swept()  # what the first sweep found: the second skips it
        items = inv.sweep_items(allow)
        hits = sweep(doc, hits, analysis.terms, analysis.known_names, items, swept=swept)
        if learn_widened(inv, analysis.file_key, hits):  # its parts are swept for now too
            items = inv.sweep_items(allow)
            hits = sweep(doc, hits, analysis.terms, (), items, swept=swept)
        analysis.findings = findings_for(doc, hits)
        assign_replacements(analysis.findings, pseudonymizer)  # (the inventory unchanged)
        analysis.replacements = pseudonymizer.replacements()
        analysis.task_entities = task_entities(pseudonymizer, allow, items)
        analysis.pseudonymizer = pseudonymizer
        analysis.inventory_version = inv.version

    # ------------------------------------------------------------------ context pass
    def consult(self, analysis: Analysis, facts: TaskFacts, budget: Budget) -> list[Detection]:
        """Ask the context model about the file (after `assign`: it reads the file with its
        findings replaced, never another file's originals). Returns its findings without
        replacements: give them some (`assign_replacements`, under the task's lock), then
        `adopt`. How it went is in `analysis.context` (and the report); never raises."""
        return consult(self.context_model, self.context_config, analysis, facts, budget)

    @staticmethod
    def adopt(analysis: Analysis, findings: Sequence[Detection]) -> None:
        """The context pass's findings, with their replacements, join the file's."""
        if any(not f.replacement for f in findings):
            raise ScrubError("Internal error: findings were not assigned replacements.")
        analysis.findings += findings
        analysis.replacements.update(f.replacement for f in findings)

    # ------------------------------------------------------------------ finish
    @collecting_less()
    @known_strings_memo()  # and the verification rounds' (`scrub`: the sweeps' too)
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
            detect = functools.partial(
                _detector().detect,
                model_chars=self.limits.max_model_chars,
                context="\n".join(s.text for s in analysis.document.segments),
            )
            return verify_in_rounds(
                analysis, limits=self.limits, detect=detect, assign=assign, started=t0
            )
        except AssignFailed as exc:
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

    @staticmethod
    def _failed(
        name: str, kind: str | None, error: str, t0: float, findings: list[Detection] | None = None
    ) -> FileResult:
        seconds = time.perf_counter() - t0
        return failed_result(name, error, kind=kind, findings=findings, seconds=seconds)

    @classmethod
    def _failed_by(cls, name: str, exc: Exception, t0: float) -> FileResult:
        """A file whose analysis (or whole scrub) raised `exc`: its sentence, or ours."""
        if not isinstance(exc, (ScrubError, MemoryError)):
            log.error("scrubbing a file failed: %s", exception_summary(exc))
        return cls._failed(name, None, failure_sentence(exc), t0)

    # ------------------------------------------------------------------ all at once
    @known_strings_memo()  # one file: its sweeps and verification share the known strings
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
            self._consult_now(analysis, facts, CharBudget(self.context_config.task_budget))
            return self.finish(analysis)
        except Exception as exc:  # noqa: BLE001 - every per-file problem is a failed result
            return self._failed_by(name, exc, t0)

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
            except Exception as exc:  # noqa: BLE001 - every per-file problem is a failed result
                slots.append(self._failed_by(name, exc, t0))
        analyses = [a for a in slots if isinstance(a, Analysis)]
        # the inventory first (every file's detections), then every file swept for all of it
        for a in analyses:
            self.contribute(a, pseudonymizer)
        for a in analyses:
            self.assign(a, pseudonymizer)
        budget = CharBudget(self.context_config.task_budget)  # one task: one budget
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

    def _consult_now(self, analysis: Analysis, facts: TaskFacts, budget: Budget) -> None:
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


def model_budget_notes(doc: Document, budget: int) -> list[str]:
    """One sentence per segment longer than the model's character budget: what
    is beyond it was read by the patterns, the deny-list and the task's sweep, not the model."""
    return [
        f"{seg.locator}: {len(seg.text):,} characters; the name model read the first "
        f"{budget:,}, the patterns, deny-lists and known names all of it"
        for seg in doc.segments
        if len(seg.text) > budget
    ]
