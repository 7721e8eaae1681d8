"""Re-open the scrubbed output and look again. Anything left is a residual: fail closed.

Two checks, both over the output's own segments as the same format module reads them:
  1. every original finding string is searched for (case-insensitive, whitespace-tolerant,
     whole words; short strings only as an exact token);
  2. detection runs again; hits that are our own replacements or allow-listed are ignored.
Residual entries never carry the original text: {locator, text_type, reason}.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass
from typing import Any

from .base import Document, Limits, ScrubError
from .pseudonyms import PLACEHOLDER_RE
from .terms import KnownStrings, TermLists, normalize

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Residual:
    locator: str
    text_type: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"locator": self.locator, "text_type": self.text_type, "reason": self.reason}


def _masked(text: str, replacements: Iterable[str]) -> str:
    """Blank out our own placeholders/synthetic values so they are neither searched nor
    re-detected (same length, so locators and offsets stay meaningful)."""
    text = PLACEHOLDER_RE.sub(lambda m: " " * len(m.group(0)), text)
    for rep in replacements:
        if rep and not PLACEHOLDER_RE.fullmatch(rep) and rep in text:
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
    (identical to an input segment) skip the NER model, which already saw exactly that text
    and would say the same again; patterns, secrets and deny-lists run on every segment.
    """
    try:
        doc = open_func(output, limits)
    except ScrubError as exc:
        return [
            Residual("whole file", "FILE", f"the scrubbed file could not be re-read ({exc.code})")
        ]
    except Exception:  # noqa: BLE001 - any reader failure means we cannot vouch for the output
        log.exception("verification could not re-open the output")
        return [Residual("whole file", "FILE", "the scrubbed file could not be re-read")]

    reps = sorted({r for r in replacements if r}, key=len, reverse=True)
    allow = terms.allow_keys()
    rep_keys = {normalize(r) for r in reps}
    texts = [_masked(s.text, reps) for s in doc.segments]
    residuals: list[Residual] = []
    seen: set[tuple[str, str, str]] = set()

    def add(locator: str, text_type: str, reason: str) -> None:
        key = (locator, text_type, reason)
        if key not in seen:
            seen.add(key)
            residuals.append(Residual(locator, text_type, reason))

    # 1. exact search for every original string (same matching rules as the sweep that
    #    replaced them, so a clean scrub is clean here by construction)
    known = KnownStrings(
        (t, ty, src)
        for t, ty, src in originals
        if normalize(t) not in allow and normalize(t) not in rep_keys
    )
    if known:
        for seg, text in zip(doc.segments, texts, strict=True):
            for _s, _e, etype, _src in known.finditer(text):
                add(seg.locator, etype, "original text still present")

    # 2. detect again
    if detect is not None:
        changed = [i for i, s in enumerate(doc.segments) if s.text not in unchanged]
        same = [i for i, s in enumerate(doc.segments) if s.text in unchanged]
        for idxs, use_model in ((changed, True), (same, False)):
            if not idxs:
                continue
            results = detect([texts[i] for i in idxs], terms, use_model=use_model)
            for i, hits in zip(idxs, results, strict=True):
                for h in hits:
                    if normalize(h.text) in allow or not h.text.strip():
                        continue
                    add(doc.segments[i].locator, h.entity_type, f"detected again ({h.source})")
    return residuals
