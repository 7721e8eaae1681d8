"""Re-open the scrubbed output and look again. Anything left is a residual: fail closed.

Two checks, both over the output's own segments as the same format module reads them:
  1. every original finding string is searched for (case-insensitive, whitespace-tolerant,
     whole words; short strings only as an exact token);
  2. detection runs again; hits that are our own replacements or allow-listed are ignored.
Residual reports (`as_dict`) never carry the original text: {locator, text_type, reason}. The
text itself travels separately (`Residual.text`) so the file's owner can decide about it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass
from typing import Any

from .base import Document, Limits, ScrubError, exception_summary
from .pseudonyms import PLACEHOLDER_RE
from .terms import KnownStrings, TermLists, normalize

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Residual:
    locator: str
    text_type: str
    reason: str
    text: str = ""  # the leftover itself: for the owner's eyes only, never in reports or logs

    def as_dict(self) -> dict[str, str]:
        return {"locator": self.locator, "text_type": self.text_type, "reason": self.reason}


def _masked(text: str, replacements: Iterable[str] | _Masker) -> str:
    """Blank out our own placeholders/synthetic values so they are neither searched nor
    re-detected (same length, so locators and offsets stay meaningful)."""
    masker = replacements if isinstance(replacements, _Masker) else _Masker(replacements)
    return masker(text)


class _Masker:
    """`_masked` for many segments: the synthetic values (fake mode) are found with one
    alternation (longest first) instead of one substring search per value per segment, then
    blanked longest first as before."""

    def __init__(self, replacements: Iterable[str]) -> None:
        reps = sorted(
            {r for r in replacements if r and not PLACEHOLDER_RE.fullmatch(r)},
            key=lambda r: (-len(r), r),
        )
        self.order = {r: i for i, r in enumerate(reps)}
        self.rx = re.compile("|".join(re.escape(r) for r in reps)) if reps else None

    def __call__(self, text: str) -> str:
        text = PLACEHOLDER_RE.sub(lambda m: " " * len(m.group(0)), text)
        if self.rx is None:
            return text
        found = {m.group(0) for m in self.rx.finditer(text)}
        if not found:
            return text
        for rep in sorted(found, key=self.order.__getitem__):
            text = text.replace(rep, " " * len(rep))
        return text


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
    """Residuals found in `output`.

    `originals`: (original text, entity type, source) of every finding. `detect`: the
    detector's `detect(texts, terms, use_model=...)`. Segments whose text is in `unchanged`
    (identical to an input segment) skip detection, which already ran on exactly that text
    and would say the same again; the search for originals (1.) runs on every segment.
    """
    try:
        doc = open_func(output, limits)
    except ScrubError as exc:
        return [
            Residual("whole file", "FILE", f"the scrubbed file could not be re-read ({exc.code})")
        ]
    except Exception as exc:  # noqa: BLE001 - any reader failure: we cannot vouch for the output
        log.error("verification could not re-open the output: %s", exception_summary(exc))
        return [Residual("whole file", "FILE", "the scrubbed file could not be re-read")]

    reps = sorted({r for r in replacements if r}, key=len, reverse=True)
    allow = terms.allow_keys()
    rep_keys = {normalize(r) for r in reps}
    masker = _Masker(reps)
    cache: dict[str, str] = {}
    texts = []
    for seg in doc.segments:
        m = cache.get(seg.text)
        if m is None:
            m = cache[seg.text] = masker(seg.text)
        texts.append(m)
    residuals: list[Residual] = []
    seen: set[tuple[str, str, str]] = set()

    def add(locator: str, text_type: str, reason: str, text: str = "") -> None:
        key = (locator, text_type, reason)
        if key not in seen:
            seen.add(key)
            residuals.append(Residual(locator, text_type, reason, text))

    # 1. exact search for every original string (same matching rules as the sweep that
    #    replaced them, so a clean scrub is clean here by construction)
    known = KnownStrings(
        (t, ty, src)
        for t, ty, src in originals
        if normalize(t) not in allow and normalize(t) not in rep_keys
    )
    if known:
        for seg, text in zip(doc.segments, texts, strict=True):
            for start, end, etype, _src in known.finditer(text):
                add(seg.locator, etype, "original text still present", text[start:end])

    # 2. detect again: patterns, secrets and deny-lists over every changed segment; the NER
    #    model only over the sentences around each replacement in changed segments (the rest
    #    of a changed segment is text the model already read in the input, in its sentence).
    if detect is not None:
        windows: list[tuple[int, str]] = []
        for i, seg in enumerate(doc.segments):
            if seg.text in unchanged:
                continue
            windows += [(i, texts[i][a:b]) for a, b in edit_windows(seg.text, texts[i])]
        # An unchanged segment is text the analysis already ran every recogniser over: each hit
        # there became an edit (so the segment would have changed) or was allow-listed (and
        # is ignored below), so patterns would find nothing new in it either.
        results = detect(
            [
                "" if seg.text in unchanged else t
                for seg, t in zip(doc.segments, texts, strict=True)
            ],
            terms,
            use_model=False,
        )
        if windows:
            results_w = detect([w for _i, w in windows], terms, use_model=True)
            pairs = list(enumerate(results)) + [
                (i, hits) for (i, _w), hits in zip(windows, results_w, strict=True)
            ]
        else:
            pairs = list(enumerate(results))
        for i, hits in pairs:
            for h in hits:
                if normalize(h.text) in allow or not h.text.strip():
                    continue
                add(doc.segments[i].locator, h.entity_type, f"detected again ({h.source})", h.text)
    return residuals


_SENTENCE_END = re.compile(r"[.!?;:]\s+|\n\s*|\r\s*|\t")
WINDOW_MAX = 300  # characters either side of a replacement, at most


def edit_windows(text: str, masked: str) -> list[tuple[int, int]]:
    """Spans of `text` to re-run the NER model on: the sentence(s) around every replacement
    (masked-out run), merged. A changed segment with no visible replacement (text removed
    outright) is read whole."""
    runs: list[tuple[int, int]] = []
    for k, (orig, seen) in enumerate(zip(text, masked, strict=True)):
        if orig != seen:
            if runs and k <= runs[-1][1] + 1:  # one space inside "[PERSON_1] [PERSON_2]"
                runs[-1] = (runs[-1][0], k + 1)
            else:
                runs.append((k, k + 1))
    n = len(text)
    if not runs:
        return [(0, n)]
    bounds = [m.end() for m in _SENTENCE_END.finditer(text)]
    out: list[tuple[int, int]] = []
    for a, b in runs:
        start = max([x for x in bounds if x <= a] or [0])
        m = _SENTENCE_END.search(text, b)
        end = m.start() + 1 if m else n
        start = max(start, a - WINDOW_MAX)
        end = min(end, b + WINDOW_MAX)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
