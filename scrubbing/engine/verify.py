"""Re-open the scrubbed output and look again: what is found there, the next round redacts.

One `Verifier.check` reads the output's own segments as the same format module reads them,
with our placeholders and synthetic values blanked out (same length, so offsets hold), and
runs three checks:
  (a) exact: every surface form of every entity found in the task and every deny term, with
      the matchers detection uses (`KnownStrings`, the deny-list's `find_terms`);
  (b) patterns: the detector's patterns, over the sentences around each replacement
      (`edit_windows`) in every changed segment;
  (c) model: the detector with the model, over the same sentences (one call gives both).
Hits come back as `Leftover`s (segment, span, type): places another round of redaction can
remove (`rounds.verify_in_rounds` runs the rounds for `Scrubber.finish`). What no round can
remove (the output cannot be re-read) comes back as a `Residual`.

A check is a function of the output (and of what the task knows: surface forms, terms,
replacements): the detector's answers are kept per text, so a later round pays only for the
text it changed, and the same output always gets the same answer.

Residual reports (`as_dict`) never carry the original text: {locator, text_type, reason}. The
text itself travels separately (`Residual.text`) so the file's owner can decide about it.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, replace
from typing import Any

from .base import Document, Limits, ScrubError, exception_summary
from .formats.code import masked_forms
from .guards import is_false_positive
from .lexicon import CALENDAR
from .pseudonyms import PLACEHOLDER_RE
from .terms import KnownStrings, TermLists, find_terms, normalize

log = logging.getLogger(__name__)

#: which check found a leftover; on overlap the earlier kind names the merged span
CHECKS = ("exact", "pattern", "model")


@dataclass(frozen=True)
class Residual:
    locator: str
    text_type: str
    reason: str
    text: str = ""  # the leftover itself: for the owner's eyes only, never in reports or logs

    def as_dict(self) -> dict[str, str]:
        return {"locator": self.locator, "text_type": self.text_type, "reason": self.reason}


@dataclass(frozen=True)
class Leftover:
    """A span of one output segment that a check found and another round may redact."""

    segment: int
    start: int
    end: int
    entity_type: str
    source: str  # the detector's source, or the source of the finding it is a form of
    check: str  # one of CHECKS
    text: str
    score: float = 1.0

    @property
    def reason(self) -> str:
        if self.check == "exact":
            return "original text still present"
        return f"detected again ({self.source})"


@dataclass
class Check:
    document: Document | None  # the output as re-read (None: it could not be)
    leftovers: list[Leftover]
    residuals: list[Residual]  # what no round of redaction can remove

    def counts(self) -> dict[str, int]:
        found = Counter(lo.check for lo in self.leftovers)
        return {c: found.get(c, 0) for c in CHECKS}

    def as_residuals(self) -> list[Residual]:
        """Everything found, as residuals (when no further round may redact it)."""
        doc = self.document
        out = list(self.residuals)
        seen: set[tuple[str, str, str, str]] = set()
        for lo in self.leftovers:
            locator = doc.segments[lo.segment].locator if doc is not None else "whole file"
            key = (locator, lo.entity_type, lo.reason, lo.text)  # each text: the owner decides
            if key not in seen:
                seen.add(key)
                out.append(Residual(locator, lo.entity_type, lo.reason, lo.text))
        return out


def _masked(text: str, replacements: Iterable[str] | _Masker) -> str:
    """Blank out our own placeholders/synthetic values so they are neither searched nor
    re-detected (same length, so locators and offsets stay meaningful)."""
    masker = replacements if isinstance(replacements, _Masker) else _Masker(replacements)
    return masker(text)


_IDENT_FORM = re.compile(r"[A-Z][A-Z0-9_]*_\d+")  # "PERSON_12": `identifier("[PERSON_12]")`
_IDENT_HINT = re.compile(r"_\d")  # in every string _IDENT_FORM matches


class _Masker:
    """`_masked` for many segments: the synthetic values (fake mode) are found with one
    alternation (longest first) instead of one substring search per value per segment, then
    blanked longest first as before."""

    def __init__(self, replacements: Iterable[str]) -> None:
        given = {r for r in replacements if r}
        # and the forms a code file writes them in ("PERSON_1" as an identifier: `code`)
        forms = {f for r in given for f in masked_forms(r)}
        reps = sorted(
            {r for r in given | forms if not PLACEHOLDER_RE.fullmatch(r)},
            key=lambda r: (-len(r), r),
        )
        self.order = {r: i for i, r in enumerate(reps)}
        # a placeholder's identifier form ("PERSON_12", what a code file writes) holds "_"
        # and a digit: a text without that is searched without them. Compiling the
        # alternation of tens of thousands of them (a big sheet) took seconds, and no text of
        # a sheet needs it, so each alternation is compiled when a text first needs it
        self._reps = reps
        self._idents = any(_IDENT_FORM.fullmatch(r) for r in reps)
        self._rx: dict[bool, re.Pattern[str] | None] = {}

    def _regex(self, idents: bool) -> re.Pattern[str] | None:
        if idents not in self._rx:
            reps = [r for r in self._reps if idents or not _IDENT_FORM.fullmatch(r)]
            self._rx[idents] = re.compile("|".join(map(re.escape, reps))) if reps else None
        return self._rx[idents]

    def __call__(self, text: str) -> str:
        text = PLACEHOLDER_RE.sub(lambda m: " " * len(m.group(0)), text)
        if not self._reps:
            return text
        rx = self._regex(self._idents and _IDENT_HINT.search(text) is not None)
        if rx is None:
            return text
        found = {m.group(0) for m in rx.finditer(text)}
        if not found:
            return text
        for rep in sorted(found, key=self.order.__getitem__):
            text = text.replace(rep, " " * len(rep))
        return text


class Verifier:
    """The checks for one file, across its rounds.

    `detect`: the detector's `detect(texts, terms, use_model=...)` (None: exact search only).
    Segments whose text is in `unchanged` (identical to an input segment) skip (b) and (c):
    detection already ran on exactly that text, and each of its hits became an edit (so the
    segment would have changed) or was allow-listed. The exact search runs on every segment.
    `inputs`: the input's segment texts in order (the patterns read only the windows of an
    output segment whose other text is in the input segment of the same index).
    """

    def __init__(
        self,
        open_func: Callable[[bytes, Limits], Document],
        limits: Limits,
        terms: TermLists,
        detect: Callable[..., list[list[Any]]] | None,
        unchanged: Set[str] = frozenset(),
        inputs: Sequence[str] = (),
    ) -> None:
        self.open_func, self.limits, self.terms = open_func, limits, terms
        self.detect, self.unchanged, self.inputs = detect, unchanged, inputs
        self.allow = terms.allow_keys()
        self._known: list[KnownStrings] = []
        self._known_keys: set[str] = set()
        # detector answers per exact text: patterns per (masked) text, model per window
        self._answers: dict[bool, dict[str, list[Any]]] = {False: {}, True: {}}
        # (a) per masked text: (how many of self._known were searched, what they found)
        self._exact_memo: dict[str, tuple[int, list[tuple[int, int, str, str]]]] = {}

    def know(self, originals: Iterable[tuple[str, str, str]]) -> None:
        """Search for these (text, entity type, source) in every later check (a)."""
        known = self._unknown(originals)
        if known:
            self._known_keys.update(known.info)
            self._known.append(known)

    def _unknown(self, items: Iterable[tuple[str, str, str]]) -> KnownStrings:
        # a one-word name that is a calendar word ("Dear Dr Sun,") was replaced where found;
        # searched for alone it would find the weekday. An ordinary word that is a name ("Ask
        # Will.") is still searched for, in its own spelling: a leftover is worse than a round
        unique = dict.fromkeys(map(tuple, items))  # each once: a big sheet repeats half of them
        return KnownStrings(
            (text, etype, source)
            for text, etype, source in unique
            if (key := normalize(text)) not in self._known_keys
            and key not in self.allow
            and not (etype == "PERSON" and text.strip().casefold() in CALENDAR)
        )

    def check(self, output: bytes, replacements: Iterable[str], *, model: bool = True) -> Check:
        """(a), (b) and, with `model`, (c) over `output`."""
        try:
            doc = self.open_func(output, self.limits)
        except ScrubError as exc:
            reason = f"the scrubbed file could not be re-read ({exc.code})"
            return Check(None, [], [Residual("whole file", "FILE", reason)])
        except Exception as exc:  # noqa: BLE001 - any reader failure: we cannot vouch for it
            log.error("verification could not re-open the output: %s", exception_summary(exc))
            reason = "the scrubbed file could not be re-read"
            return Check(None, [], [Residual("whole file", "FILE", reason)])

        masker = _Masker(replacements)
        cache: dict[str, str] = {}
        texts = []
        for seg in doc.segments:
            m = cache.get(seg.text)
            if m is None:
                m = cache[seg.text] = masker(seg.text)
            texts.append(m)
        found = self._exact(doc, texts)
        if self.detect is not None:
            detected = self._detected(doc, texts, model)
            # what (b) and (c) found is searched for everywhere, like the sweep at analysis:
            # one round replaces every occurrence, not only the ones the model flagged
            fresh = self._unknown((lo.text, lo.entity_type, lo.source) for lo in detected)
            if fresh:
                kind = {normalize(lo.text): lo.check for lo in detected}
                found += [
                    replace(lo, check=kind.get(normalize(lo.text), "model"))
                    for lo in self._exact(doc, texts, fresh)
                ]
            found += detected
        return Check(doc, _merge(found), [])

    # ------------------------------------------------------------------ (a)
    def _exact(
        self, doc: Document, texts: list[str], only: KnownStrings | None = None
    ) -> list[Leftover]:
        """(a) over every segment: everything known and the deny terms, or `only`."""
        out: list[Leftover] = []
        seen: dict[str, list[tuple[int, int, str, str]]] = {}  # equal texts searched once
        for i, (seg, masked) in enumerate(zip(doc.segments, texts, strict=True)):
            spans = seen.get(masked)
            if spans is None:
                spans = seen[masked] = (
                    self._known_spans(masked) if only is None else list(only.finditer(masked))
                )
            # "Jane [X] Doe" matches "Jane Doe" across the blank: what is left are its parts
            out += [
                Leftover(i, a, b, etype, src, "exact", masked[a:b])
                for s, e, etype, src in spans
                for a, b in _outside(seg.text, masked, s, e)
            ]
        return out

    def _known_spans(self, masked: str) -> list[tuple[int, int, str, str]]:
        """Deny terms and every known string in `masked`; a later round searches a text it
        has seen only for the strings learnt since."""
        searched, spans = self._exact_memo.get(masked, (0, None))
        if spans is None:
            spans = [(s, e, t, "deny-list") for s, e, t in find_terms(masked, self.terms.deny)]
        for known in self._known[searched:]:
            spans = spans + list(known.finditer(masked))
        self._exact_memo[masked] = (len(self._known), spans)
        return spans

    # ------------------------------------------------------------------ (b), (c)
    def _answers_for(self, texts: Iterable[str], use_model: bool) -> dict[str, list[Any]]:
        known = self._answers[use_model]
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing and self.detect is not None:
            answers = self.detect(missing, self.terms, use_model=use_model)
            known.update(zip(missing, answers, strict=True))
        return known

    def _read_before(self, i: int, text: str, windows: list[tuple[int, int]]) -> bool:
        """Whether every piece of output segment `i` outside `windows` is text of input
        segment `i`, so detection has read it."""
        source = self.inputs[i] if i < len(self.inputs) else None
        if source is None:
            return False
        pos = 0
        for a, b in [*windows, (len(text), len(text))]:
            piece = text[pos:a].strip()
            if piece and piece not in source:
                return False
            pos = max(pos, b)
        return True

    def _detected(self, doc: Document, texts: list[str], model: bool) -> list[Leftover]:
        changed = [i for i, seg in enumerate(doc.segments) if seg.text not in self.unchanged]
        # (b) patterns, secrets and deny-lists and (c) the NER model over the sentences
        # around each replacement in changed segments (`edit_windows`): one detector call per
        # window gives both, the model within its character budget (like at analysis), the
        # patterns alone past it and in a check without the model. The rest of a changed
        # segment is text detection read in the input (each of its hits there became an edit,
        # so it lies in a window, or was dropped): the patterns read it again only when it is
        # not all in the same segment of the input (a reader that cut the output otherwise)
        budget = self.limits.max_model_chars if model else 0
        jobs: list[tuple[int, int, str, bool]] = []
        for i in changed:
            seg_text = doc.segments[i].text
            windows = edit_windows(seg_text, texts[i])
            whole = not self._read_before(i, seg_text, windows)
            if whole:
                jobs.append((i, 0, texts[i], False))
            for a, b in windows:
                if a < budget:
                    jobs.append((i, a, texts[i][a : min(b, budget)], True))
                if not whole and b > max(a, budget):
                    jobs.append((i, max(a, budget), texts[i][max(a, budget) : b], False))
        for use_model in (False, True):
            self._answers_for((t for _i, _a, t, m in jobs if m is use_model), use_model)
        out: list[Leftover] = []
        recheck: list[tuple[int, int, str]] = []  # pattern hits that straddled a replacement
        for i, offset, text, use_model in jobs:
            seg_text, masked = doc.segments[i].text, texts[i]
            for h in self._answers[use_model][text]:
                if normalize(h.text) in self.allow or not h.text.strip():
                    continue
                if not doc.admits(i, h.start + offset, h.end + offset, h.source):
                    continue
                s, e = h.start + offset, h.end + offset
                check = "model" if h.source == "model" else "pattern"
                # a model span is cut at our blanks (what it sees around them stays) and at
                # quotes, tabs and line breaks (cell and field boundaries in a CSV or TSV)
                pieces = _outside(seg_text, masked, s, e, _MODEL_CUT if check == "model" else "")
                if pieces == [(s, e)] or check == "model":
                    # a piece of a model organisation or place cut at a blank is guarded again
                    # on its own: "the" of "the [ORG_1] Compressed Data Format" is none. A
                    # person's piece is not: "Sun" or "May" beside "[PERSON_1]" is a surname
                    out += [
                        Leftover(i, a, b, h.entity_type, h.source, check, masked[a:b], h.score)
                        for a, b in pieces
                        if (a, b) == (s, e)
                        or h.entity_type == "PERSON"
                        or not is_false_positive(masked[a:b], h.entity_type)
                    ]
                else:
                    # a pattern that only matched across a blank ("3/16/501 [X] 79" read as a
                    # phone) is read again on each piece alone
                    recheck += [(i, a, masked[a:b]) for a, b in pieces]
        answers = self._answers_for((t for _i, _a, t in recheck), False)
        for i, a, piece in recheck:
            out += [
                Leftover(
                    i, a + h.start, a + h.end, h.entity_type, h.source, "pattern", h.text, h.score
                )
                for h in answers[piece]
                if normalize(h.text) not in self.allow and h.text.strip()
            ]
        return out


_MODEL_CUT = '"\t\r\n'


def _outside(text: str, masked: str, start: int, end: int, cut: str = "") -> list[tuple[int, int]]:
    """The parts of [start, end) that are neither blanked-out replacements nor characters in
    `cut`, trimmed to letters and digits at both ends; pieces with fewer than two letters or
    digits are dropped. A span with neither is returned as it is."""

    def gap(k: int) -> bool:
        return text[k] != masked[k] or masked[k] in cut

    if not any(gap(k) for k in range(start, end)):
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    k = start
    while k < end:
        while k < end and gap(k):
            k += 1
        a = k
        while k < end and not gap(k):
            k += 1
        s, e = a, k
        while s < e and not masked[s].isalnum():
            s += 1
        while e > s and not masked[e - 1].isalnum():
            e -= 1
        if sum(c.isalnum() for c in masked[s:e]) >= 2:
            pieces.append((s, e))
    return pieces


def _merge(found: list[Leftover]) -> list[Leftover]:
    """Non-overlapping leftovers per segment, in order (ready to become edits): overlapping
    spans become their union, named by the first check that found part of it."""
    rank = {c: n for n, c in enumerate(CHECKS)}
    out: list[Leftover] = []
    for lo in sorted(found, key=lambda x: (x.segment, x.start, -x.end, rank[x.check])):
        prev = out[-1] if out else None
        if prev is None or prev.segment != lo.segment or lo.start >= prev.end:
            out.append(lo)
            continue
        if lo.end > prev.end:
            keep = prev if rank[prev.check] <= rank[lo.check] else lo
            text = prev.text + lo.text[prev.end - lo.start :]
            out[-1] = Leftover(
                prev.segment,
                prev.start,
                lo.end,
                keep.entity_type,
                keep.source,
                keep.check,
                text,
                max(prev.score, lo.score),
            )
    return out


def verify_output(
    output: bytes,
    open_func: Callable[[bytes, Limits], Document],
    limits: Limits,
    originals: Sequence[tuple[str, str, str]],
    terms: TermLists,
    replacements: Iterable[str],
    detect: Callable[..., list[list[Any]]] | None,
    unchanged: Set[str] = frozenset(),
) -> list[Residual]:
    """One check of `output`, everything it finds as residuals (no further round).

    `originals`: (original text, entity type, source) of every finding.
    """
    verifier = Verifier(open_func, limits, terms, detect, unchanged)
    verifier.know(originals)
    return verifier.check(output, replacements).as_residuals()


_SENTENCE_END = re.compile(r"[.!?;:]\s+|\n\s*|\r\s*|\t")
WINDOW_MAX = 300  # characters either side of a replacement, at most
_BLANKS = re.compile(" +")
_NOT_SPACE = re.compile("[^ ]+")


def edit_windows(text: str, masked: str) -> list[tuple[int, int]]:
    """Spans of `text` to re-run the NER model on: the sentence(s) around every replacement
    (masked-out run), merged. A changed segment with no visible replacement (text removed
    outright) is read whole."""
    runs: list[tuple[int, int]] = []
    # blanked characters are spaces in `masked` where `text` has something else
    for blank in _BLANKS.finditer(masked):
        a, b = blank.span()
        if text[a:b] == masked[a:b]:
            continue
        for m in _NOT_SPACE.finditer(text, a, b):
            k, e = m.span()
            if runs and k <= runs[-1][1] + 1:  # one space inside "[PERSON_1] [PERSON_2]"
                runs[-1] = (runs[-1][0], e)
            else:
                runs.append((k, e))
    n = len(text)
    if not runs:
        return [(0, n)]
    bounds = [m.end() for m in _SENTENCE_END.finditer(text)]
    out: list[tuple[int, int]] = []
    for a, b in runs:
        i = bisect_right(bounds, a)
        start = bounds[i - 1] if i else 0
        m = _SENTENCE_END.search(text, b)
        end = m.start() + 1 if m else n
        start = max(start, a - WINDOW_MAX)
        end = min(end, b + WINDOW_MAX)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
