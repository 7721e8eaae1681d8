from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from portal.models import User
from portal.storage import read_all

from .engine.pipeline import Term as EngineTerm
from .engine.pipeline import TermLists
from .models import Finding, Term


def terms_for(user: User) -> QuerySet[Term]:
    """The user's own terms and the global ones."""
    return Term.objects.filter(Q(owner=user) | Q(owner__isnull=True))


def term_lists_for(user: User) -> TermLists:
    deny, allow = [], []
    for term in terms_for(user):
        if term.list_kind == Term.ListKind.DENY:
            deny.append(EngineTerm(term.text, term.category))
        else:
            allow.append(term.text)
    return TermLists(deny=tuple(deny), allow=tuple(allow))


def findings_for_file(file_id: int) -> QuerySet[Finding]:
    return Finding.objects.filter(file_id=file_id).order_by("id")


# ---- contractor check and review: findings and the scrubbed-text preview ---------------------
# (appended for issue 5; reads only, no writes)

logger = logging.getLogger(__name__)

#: a preview never renders more than this many characters per file (the download has it all)
PREVIEW_MAX_CHARS = 200_000
#: images are previewed by downloading them: re-running OCR on every page view is too slow
_NO_TEXT_PREVIEW = {"png", "jpeg"}
_PLACEHOLDER = re.compile(r"\[([A-Z][A-Z0-9_]*)_\d+\]")
_CSS_SAFE = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class PreviewSegment:
    locator: str
    html: SafeString


def finding_for_owner(user: User, finding_id: int) -> Finding:
    """A finding of the user's own task; anyone else gets a 404 (originals are the owner's)."""
    finding = (
        Finding.objects.select_related("file__task")
        .filter(pk=finding_id, file__task__contractor=user)
        .first()
    )
    if finding is None:
        raise Http404("No such finding.")
    return finding


def findings_public(file_ids: list[int]) -> QuerySet[Finding]:
    """Findings as reviewers and admins may see them: never the original text, and not the
    locator either (it is taken from the original: an xlsx locator names the original sheet)."""
    return (
        Finding.objects.filter(file_id__in=file_ids)
        .defer("original_text", "locator")
        .order_by("file_id", "id")
    )


def legend(findings: list[Finding]) -> list[tuple[str, int]]:
    """Counts per entity type of the replacements actually made (kept findings excluded)."""
    counts = Counter(f.entity_type for f in findings if f.decision == Finding.Decision.REDACT)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def replacement_types(findings: list[Finding]) -> dict[str, str]:
    """replacement string -> entity type, for highlighting (works for fake-mode values too)."""
    return {
        f.replacement: f.entity_type
        for f in findings
        if f.replacement and f.decision == Finding.Decision.REDACT
    }


def scrubbed_segments(file, max_chars: int = PREVIEW_MAX_CHARS) -> list[tuple[str, str]]:
    """The scrubbed output's text as (locator, text) pairs, read back with the engine readers.

    Falls back to plain UTF-8 for text files when the engine cannot read it. Empty when there is
    no scrubbed output or the type has no text preview (images).
    """
    if not file.scrubbed or file.detected_type in _NO_TEXT_PREVIEW:
        return []
    data = read_all(file.scrubbed)
    pairs: list[tuple[str, str]] = []
    try:
        from .engine.base import Limits
        from .engine.sniff import sniff

        document = sniff(file.scrubbed_name or file.original_name, data).open(data, Limits())
        pairs = [(s.locator, s.text) for s in document.segments if s.text.strip()]
    except Exception:  # a preview must never break the page; the file itself is unchanged
        logger.warning("file %s: engine could not read the scrubbed output", file.pk)
        if file.detected_type != "text":
            return []
        pairs = [("text", data.decode("utf-8", errors="replace"))]
    out, used = [], 0
    for locator, text in pairs:
        room = max_chars - used
        if len(text) > room:
            if room > 0:
                out.append((locator, text[:room]))
            out.append(("…", "(preview cut here: download the file to see the rest)"))
            break
        used += len(text)
        out.append((locator, text))
    return out


def highlight(text: str, types: dict[str, str]) -> SafeString:
    """Escape `text` and wrap every replacement in <mark class="ph ph-TYPE">.

    `types` maps replacement strings to entity types; "[TYPE_n]" placeholders are marked even
    without a finding. Everything that is not a mark is escaped: user text is never trusted.
    """
    known = sorted((r for r in types if r), key=len, reverse=True)
    parts = [re.escape(r) for r in known] + [_PLACEHOLDER.pattern]
    pattern = re.compile("|".join(parts))
    out: list[str] = []
    pos = 0
    for match in pattern.finditer(text):
        out.append(str(conditional_escape(text[pos : match.start()])))
        found = match.group(0)
        kind = types.get(found) or (match.group(match.lastindex) if match.lastindex else "") or ""
        css = _CSS_SAFE.sub("", kind.upper()) or "OTHER"
        out.append(
            f'<mark class="ph ph-{css}" title="{conditional_escape(kind)}">'
            f"{conditional_escape(found)}</mark>"
        )
        pos = match.end()
    out.append(str(conditional_escape(text[pos:])))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def preview(file, types: dict[str, str]) -> list[PreviewSegment]:
    return [PreviewSegment(loc, highlight(text, types)) for loc, text in scrubbed_segments(file)]
