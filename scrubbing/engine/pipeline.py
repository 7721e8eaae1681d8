"""The engine API the Django side codes against. Pure Python, no Django.

    scrubber = Scrubber()
    ps = Pseudonymizer(state=task.pseudonym_state)       # persisted per task
    analysis = scrubber.analyze(name, data, terms)       # slow: sniff + open + detect
    scrubber.assign(analysis, ps)                        # fast: hold the task lock only here
    result = scrubber.finish(analysis)                   # render + metadata strip + verify

`assign` first adds the file's detections to the task inventory (`ps.inventory`, see
inventory.py), then sweeps the file for every surface form of every entity the task knows and
gives each finding its entity's type and placeholder.

or `scrubber.scrub(...)` / `scrubber.scrub_many(...)` for all three at once.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .base import (
    DEFAULT_LIMITS,
    Document,
    Edit,
    FormatInfo,
    Limits,
    ScrubError,
    exception_summary,
)
from .inventory import atoms_of
from .pseudonyms import PLACEHOLDER_RE, Pseudonymizer
from .sniff import sniff
from .terms import KnownStrings, Term, TermLists, is_common_word, normalize
from .verify import Residual, verify_output

__all__ = [
    "ENGINE_VERSION",
    "Analysis",
    "FileResult",
    "Finding",
    "Scrubber",
    "Term",
    "TermLists",
    "scrub_name",
]

log = logging.getLogger(__name__)

ENGINE_VERSION = "superstar-scrubbing-engine/0.1.0"

GENERIC_ERROR = "This file could not be scrubbed because of an internal error; it has been logged."
MEMORY_ERROR = (
    "Scrubbing this file needed more memory than is allowed; split it into smaller files."
)


@dataclass
class Finding:
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


@dataclass
class Analysis:
    name: str
    info: FormatInfo
    document: Document
    findings: list[Finding]
    seconds: float
    terms: TermLists = field(default_factory=TermLists)
    replacements: set[str] = field(default_factory=set)  # filled by assign()
    timings: dict[str, float] = field(default_factory=dict)
    # for the task inventory: what detection found (text, type, source), coined words and
    # their counts, hashes of the text's words, whether the file is the task's title
    mentions: list[tuple[str, str, str]] = field(default_factory=list)
    coined: dict[str, int] = field(default_factory=dict)
    atoms: set[int] = field(default_factory=set)
    is_title: bool = False
    known_names: tuple[str, ...] = ()
    contributed: bool = False
    inventory_version: int = 0


@dataclass
class FileResult:
    name: str
    kind: str | None
    status: str  # "done" | "failed" | "residual"
    error: str | None
    output: bytes | None
    findings: list[Finding]
    counts: dict[str, int]
    report: dict[str, Any]
    seconds: float
    # What verification found left over, with the text, so the owner can decide (redact or
    # keep); never shown to anyone else. Empty unless status is "residual".
    leftovers: list[Residual] = field(default_factory=list)


def _detector() -> Any:
    from .detect import get_detector

    return get_detector()


def _findings_for(doc: Document, hits_per_segment: Sequence[Sequence[Any]]) -> list[Finding]:
    out: list[Finding] = []
    for seg, hits in zip(doc.segments, hits_per_segment, strict=True):
        for h in hits:
            out.append(
                Finding(
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
    def __init__(self, limits: Limits = DEFAULT_LIMITS, mode: str = "placeholder") -> None:
        self.limits = limits
        self.mode = mode  # default for pseudonymizers made by new_pseudonymizer()

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

        detector = _detector()
        texts = [s.text for s in doc.segments]
        base = _name_for_detection(name)
        hits = detector.detect([*texts, base], terms)
        name_hits, hits = hits[-1], hits[:-1]
        hits = column_hits(doc, hits)
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

        allow = terms.allow_keys()
        names: set[str] = {n for n in known_names if n and n.strip()}
        names |= {t.text for t in terms.deny if t.entity_type.upper() == "PERSON"}
        items: list[tuple[str, str, str]] = [(n, "PERSON", "pattern") for n in names]
        for seg_hits in hits:
            for h in seg_hits:
                items.append((h.text, h.entity_type, h.source))
                if h.entity_type == "PERSON":
                    names.add(h.text)
                elif h.entity_type == "EMAIL_ADDRESS":
                    names.update(names_from_email(h.text))
        items += [(n, "PERSON", "pattern") for n in names]
        # a lone surname is swept only when it is not also an ordinary word ("Doe" is, after
        # "Jane Doe"; "Long" after "Jane Long" is not: "Long-term plan")
        items += [(p, "PERSON", "pattern") for p in name_parts(names) if not is_common_word(p)]
        # the task inventory's forms first: KnownStrings keeps the first type of a string
        items = [*inventory_items, *items]
        known = KnownStrings([i for i in items if normalize(i[0]) not in allow])
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
            out.append(merge_hits(list(seg_hits) + extra, seg.text) if extra else seg_hits)
        return out

    # ------------------------------------------------------------------ assign
    @staticmethod
    def contribute(analysis: Analysis, pseudonymizer: Pseudonymizer, file_key: str = "") -> bool:
        """Add the file's detections (and the deny-list) to the task inventory, once."""
        if analysis.contributed:
            return False
        analysis.contributed = True
        deny = [(t.text, t.entity_type, "deny-list") for t in analysis.terms.deny]
        return pseudonymizer.inventory.contribute(
            file_key or analysis.name,
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
        analysis.findings = _findings_for(doc, hits)
        for f in analysis.findings:
            entity = inv.lookup(f.text, f.entity_type)
            if entity is not None and entity.type:
                f.entity_type = entity.type
                f.replacement = pseudonymizer.entity_replacement(entity.type, entity.text, f.text)
            else:
                f.replacement = pseudonymizer.replacement(f.entity_type, f.text)
        analysis.replacements = pseudonymizer.replacements()
        analysis.inventory_version = inv.version

    # ------------------------------------------------------------------ finish
    def finish(self, analysis: Analysis) -> FileResult:
        """Render, strip metadata, verify. Never raises for a per-file problem."""
        t0 = time.perf_counter()
        try:
            return self._finish(analysis, t0)
        except ScrubError as exc:
            return self._failed(analysis.name, analysis.info.kind, str(exc), t0, analysis.findings)
        except MemoryError:
            raise  # the worker's memory cap: the caller says so in a sentence of its own
        except Exception as exc:
            log.error("writing a %s file failed: %s", analysis.info.kind, exception_summary(exc))
            return self._failed(
                analysis.name, analysis.info.kind, GENERIC_ERROR, t0, analysis.findings
            )

    def _finish(self, analysis: Analysis, t0: float) -> FileResult:
        if any(not f.replacement for f in analysis.findings):
            raise ScrubError("Internal error: findings were not assigned replacements.")
        edits: dict[int, list[Edit]] = {}
        for f in sorted(analysis.findings, key=lambda f: (f.segment_index, f.start)):
            seg_edits = edits.setdefault(f.segment_index, [])
            if seg_edits and f.start < seg_edits[-1].end:
                # overlaps are merged at detection; anything left widens the previous edit
                prev = seg_edits.pop()
                f_end = max(prev.end, f.end)
                seg_edits.append(Edit(prev.start, f_end, prev.replacement))
                continue
            seg_edits.append(Edit(f.start, f.end, f.replacement))
        output, wr = analysis.document.render(edits)
        t1 = time.perf_counter()
        originals = [(f.text, f.entity_type, f.source) for f in analysis.findings]
        detector = _detector()
        residuals = verify_output(
            output,
            analysis.info.open,
            self.limits,
            originals,  # type: ignore[arg-type]
            analysis.terms,
            analysis.replacements,
            detector.detect,
            unchanged={s.text for s in analysis.document.segments},
        )
        residuals += [Residual("whole file", "FILE", reason) for reason in wr.residual]
        t2 = time.perf_counter()
        counts = dict(Counter(f.entity_type for f in analysis.findings))
        report = {
            "counts": counts,
            "segments": len(analysis.document.segments),
            "metadata_removed": list(wr.metadata_removed),
            "hidden_content": list(wr.hidden_content),
            "rasterized": list(wr.rasterized),
            "notes": list(wr.notes),
            "residual": [r.as_dict() for r in residuals],
            "timings": {
                **analysis.timings,
                "render": round(t1 - t0, 4),
                "verify": round(t2 - t1, 4),
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
            findings=analysis.findings,
            counts=counts,
            report=report,
            leftovers=[r for r in residuals if r.text],
            seconds=analysis.seconds + (t2 - t0),
        )

    @staticmethod
    def _failed(
        name: str, kind: str | None, error: str, t0: float, findings: list[Finding] | None = None
    ) -> FileResult:
        return FileResult(
            name=name,
            kind=kind,
            status="failed",
            error=error,
            output=None,
            findings=findings or [],
            counts={},
            report={"engine_version": ENGINE_VERSION, "residual": [], "counts": {}},
            seconds=time.perf_counter() - t0,
        )

    # ------------------------------------------------------------------ all at once
    def scrub(
        self, name: str, data: bytes, terms: TermLists, pseudonymizer: Pseudonymizer
    ) -> FileResult:
        t0 = time.perf_counter()
        try:
            analysis = self.analyze(name, data, terms, pseudonymizer.known_texts("PERSON"))
            self.assign(analysis, pseudonymizer)
            return self.finish(analysis)
        except ScrubError as exc:
            return self._failed(name, None, str(exc), t0)
        except MemoryError:
            return self._failed(name, None, MEMORY_ERROR, t0)
        except Exception as exc:
            log.error("scrubbing a file failed: %s", exception_summary(exc))
            return self._failed(name, None, GENERIC_ERROR, t0)

    def scrub_many(
        self, files: Sequence[tuple[str, bytes]], terms: TermLists, pseudonymizer: Pseudonymizer
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
        return [self._finish_or_fail(s) if isinstance(s, Analysis) else s for s in slots]

    def _finish_or_fail(self, analysis: Analysis) -> FileResult:
        try:
            return self.finish(analysis)
        except MemoryError:
            return self._failed(
                analysis.name, analysis.info.kind, MEMORY_ERROR, time.perf_counter()
            )


def _as_hit(f: Finding) -> Any:
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
