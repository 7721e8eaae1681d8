from __future__ import annotations

import hashlib
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
from .engine.pseudonyms import PLACEHOLDER_RE
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
# (reads only, no writes)

logger = logging.getLogger(__name__)

#: a preview never renders more than this many characters per file (the download has it all)
PREVIEW_MAX_CHARS = 200_000
#: images are previewed by downloading them: re-running OCR on every page view is too slow
_NO_TEXT_PREVIEW = {"png", "jpeg"}
_CSS_SAFE = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class PreviewSegment:
    locator: str
    html: SafeString
    #: position in the file's preview: the "line" a reviewer's comment points at
    index: int = 0
    #: the element id a finding's place links to (`place_anchor(locator)`)
    anchor: str = ""


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
    locator either (it is taken from the original: an xlsx locator names the original sheet),
    nor a reason (the context model's words may quote it); sensitive sentences are the owner's
    to confirm and were never replaced, so they are not listed."""
    return (
        Finding.objects.filter(file_id__in=file_ids)
        .exclude(source=Finding.Source.SENSITIVE)
        .defer("original_text", "locator", "reason")
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


# Prompt texts Office puts in layouts and masters ("Click to edit Master title style") and the
# bibliography boilerplate of customXml: nobody wrote them, nobody needs to read them.
_OFFICE_PROMPT = re.compile(
    r"^(click to (edit|add) .*|(second|third|fourth|fifth) level|‹#›|<#>|\d{1,2}/\d{1,2}/\d{2,4})$",
    re.I,
)
_BOILERPLATE_LOCATOR = re.compile(r"^custom XML data .*@(SelectedStyle|StyleName|Version)$")
#: kinds that are not the document's own content: shown apart, under "other parts"
_OTHER_KINDS = frozenset({"layout", "master", "metadata"})


def place_anchor(locator: str) -> str:
    """The id of the first preview line at `locator` (a finding's place links to it)."""
    return "loc-" + hashlib.sha1(locator.encode("utf-8")).hexdigest()[:12]


def is_boilerplate(locator: str, kind: str, text: str) -> bool:
    if _BOILERPLATE_LOCATOR.match(locator):
        return True
    return kind in _OTHER_KINDS and bool(_OFFICE_PROMPT.match(text.strip()))


def document_segments(file) -> list[tuple[str, str, str]]:
    """The scrubbed output's text as (locator, kind, text), read back with the engine readers.

    Falls back to plain UTF-8 for text files when the engine cannot read it. Empty when there is
    no scrubbed output or the type has no text (images); boilerplate is left out.
    """
    if not file.scrubbed or file.detected_type in _NO_TEXT_PREVIEW:
        return []
    data = read_all(file.scrubbed)
    try:
        from .engine.base import Limits
        from .engine.sniff import sniff

        document = sniff(file.scrubbed_name or file.original_name, data).open(data, Limits())
        triples = [(s.locator, s.kind, s.text) for s in document.segments if s.text.strip()]
    except Exception:  # a preview must never break the page; the file itself is unchanged
        logger.warning("file %s: engine could not read the scrubbed output", file.pk)
        if file.detected_type != "text":
            return []
        triples = [("text", "body", data.decode("utf-8", errors="replace"))]
    return [t for t in _one_line_each(triples) if not is_boilerplate(*t)]


_LINES = re.compile(r"^lines (\d+)-(\d+)$")


def _one_line_each(triples: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Text and code come in paragraphs ("lines 4-9"): show (and comment on) one line each."""
    out = []
    for locator, kind, text in triples:
        match = _LINES.match(locator)
        if not match or "\n" not in text:
            out.append((locator, kind, text))
            continue
        first = int(match.group(1))
        for offset, line in enumerate(text.split("\n")):
            if line.strip():
                out.append((f"line {first + offset}", kind, line))
    return out


def split_parts(
    triples: list[tuple[str, str, str]] | list[list[str]],
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(the document's own content, its other parts: layouts, masters, properties)."""
    main = [(loc, text) for loc, kind, text in triples if kind not in _OTHER_KINDS]
    other = [(loc, text) for loc, kind, text in triples if kind in _OTHER_KINDS]
    return main, other


def cut(pairs: list, max_chars: int = PREVIEW_MAX_CHARS) -> list:
    """The first `max_chars` characters of the segments, with a line saying where it stops."""
    out, used = [], 0
    for item in pairs:
        text = item[-1]
        room = max_chars - used
        if len(text) > room:
            if room > 0:
                out.append((*item[:-1], text[:room]))
            out.append((*(("…",) * (len(item) - 1)), CUT_NOTE))
            break
        used += len(text)
        out.append(item)
    return out


CUT_NOTE = "(preview cut here: download the file to see the rest)"


def scrubbed_segments(file, max_chars: int = PREVIEW_MAX_CHARS) -> list[tuple[str, str]]:
    """The scrubbed output's own content as (locator, text) pairs, cut at `max_chars`."""
    main, _ = split_parts(document_segments(file))
    return cut(main, max_chars)


def replacement_pattern(types: dict[str, str]) -> re.Pattern[str]:
    """Every known replacement (longest first) and any "[TYPE_n]" placeholder."""
    known = sorted((r for r in types if r), key=len, reverse=True)
    return re.compile("|".join([re.escape(r) for r in known] + [PLACEHOLDER_RE.pattern]))


def placeholder_type(found: str, types: dict[str, str]) -> str:
    """The entity type of one replacement found in scrubbed text ("OTHER" if unknown)."""
    match = PLACEHOLDER_RE.fullmatch(found)
    return types.get(found) or (match.group(1) if match else "") or "OTHER"


def highlight(text: str, types: dict[str, str]) -> SafeString:
    """Escape `text` and wrap every replacement in <mark class="ph ph-TYPE">.

    `types` maps replacement strings to entity types; "[TYPE_n]" placeholders are marked even
    without a finding. Everything that is not a mark is escaped: user text is never trusted.
    """
    pattern = replacement_pattern(types)
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


def preview(
    file, types: dict[str, str], pairs: list[tuple[str, str]] | None = None
) -> list[PreviewSegment]:
    """Highlighted preview lines, from `pairs` (a cached preview's) or read from the file."""
    if pairs is None:
        pairs = scrubbed_segments(file)
    out, seen = [], set()
    for index, (loc, text) in enumerate(pairs):
        anchor = place_anchor(loc)
        out.append(
            PreviewSegment(loc, highlight(text, types), index, "" if anchor in seen else anchor)
        )
        seen.add(anchor)
    return out
