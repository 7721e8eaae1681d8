"""Word-level, side-by-side diff of two scrubbed texts (what changed between revisions).

Lines are aligned first (difflib); a changed pair of lines is then compared word by word, so a
reviewer sees the words that changed, not two whole paragraphs. Long unchanged stretches fold
into one "N unchanged lines" row. Everything is escaped; only <del>/<ins> marks are added.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
CONTEXT = 2  # unchanged lines kept around a change
MAX_ROWS = 600


@dataclass(frozen=True)
class Row:
    kind: str  # "same", "changed", "removed", "added", "gap"
    left: SafeString
    right: SafeString
    left_no: int | None = None  # 1-based line numbers
    right_no: int | None = None
    folded: int = 0  # for a gap: how many unchanged lines it stands for


@dataclass
class Diff:
    rows: list[Row] = field(default_factory=list)
    words_added: int = 0
    words_removed: int = 0
    cut: bool = False  # more rows than MAX_ROWS

    @property
    def changed(self) -> bool:
        return any(r.kind in ("changed", "removed", "added") for r in self.rows)


def lines_of(texts: list[str]) -> list[str]:
    """Text pieces (segments) as lines: split on line breaks, blank lines dropped."""
    return [line.strip() for text in texts for line in text.splitlines() if line.strip()]


def _esc(text: str) -> str:
    return str(conditional_escape(text))


def word_diff(before: str, after: str) -> tuple[SafeString, SafeString, int, int]:
    """Both sides of one changed line with removed words in <del> and added ones in <ins>."""
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    left: list[str] = []
    right: list[str] = []
    added = removed = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            left.append(_esc(old))
            right.append(_esc(new))
            continue
        if old:
            left.append(f"<del>{_esc(old)}</del>")
            removed += sum(1 for t in a[i1:i2] if t.strip())
        if new:
            right.append(f"<ins>{_esc(new)}</ins>")
            added += sum(1 for t in b[j1:j2] if t.strip())
    return mark_safe("".join(left)), mark_safe("".join(right)), added, removed  # noqa: S308


def side_by_side(before: list[str], after: list[str]) -> Diff:
    """Rows for a two-column table: the earlier revision left, this one right."""
    diff = Diff()
    rows = diff.rows
    opcodes = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            # context after the change before it, and before the change after it
            head = CONTEXT if index > 0 else 0
            tail = CONTEXT if index < len(opcodes) - 1 else 0
            n = i2 - i1
            if n > head + tail + 1:
                shown = [*range(head), *range(n - tail, n)]
                gap_at, folded = head, n - head - tail
            else:
                shown, gap_at, folded = list(range(n)), -1, 0
            for k in shown:
                if k == n - tail and gap_at >= 0:
                    rows.append(Row("gap", mark_safe(""), mark_safe(""), folded=folded))
                text = mark_safe(_esc(before[i1 + k]))  # noqa: S308
                rows.append(Row("same", text, text, i1 + k + 1, j1 + k + 1))
            if gap_at >= 0 and tail == 0:
                rows.append(Row("gap", mark_safe(""), mark_safe(""), folded=folded))
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            left, right, added, removed = word_diff(before[i1 + k], after[j1 + k])
            diff.words_added += added
            diff.words_removed += removed
            rows.append(Row("changed", left, right, i1 + k + 1, j1 + k + 1))
        for k in range(i1 + pairs, i2):
            diff.words_removed += len(before[k].split())
            left = mark_safe(f"<del>{_esc(before[k])}</del>")  # noqa: S308
            rows.append(Row("removed", left, mark_safe(""), k + 1))
        for k in range(j1 + pairs, j2):
            diff.words_added += len(after[k].split())
            right = mark_safe(f"<ins>{_esc(after[k])}</ins>")  # noqa: S308
            rows.append(Row("added", mark_safe(""), right, None, k + 1))
    if len(rows) > MAX_ROWS:
        del rows[MAX_ROWS:]
        diff.cut = True
    if not diff.changed:
        diff.rows = []
    return diff
