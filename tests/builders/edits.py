"""The edits detection would send, made from known values instead of a detector."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from scrubbing.engine.base import Document, Edit


def replace_every(
    doc: Document, targets: Mapping[str, str], kinds: Collection[str] | None = None
) -> dict[int, list[Edit]]:
    """Every occurrence of each target (case as written) -> its replacement, per segment,
    sorted; only in segments of `kinds` when given."""
    edits: dict[int, list[Edit]] = {}
    for seg in doc.segments:
        if kinds is not None and seg.kind not in kinds:
            continue
        for target, repl in targets.items():
            start = seg.text.find(target)
            while start >= 0:
                edits.setdefault(seg.index, []).append(Edit(start, start + len(target), repl))
                start = seg.text.find(target, start + len(target))
    for v in edits.values():
        v.sort(key=lambda e: e.start)
    return edits
