"""What is syntax, not data about anyone (data stays data): markup declarations,
processing instructions, entity references, namespace URIs, language keywords, file-format
names, CSS property names, font names and well-known file and folder names.

Detection drops a hit that is one of these, or that lies inside markup syntax (`<!DOCTYPE
html>`, `<?xml-stylesheet ...?>`, `&nbsp;`, `xmlns="http://..."`), unless a deny-list put it
there: "DOCTYPE" is never an organisation, "Calibri" never a client, `META-INF/MANIFEST.MF`
never `[ORG_1]/[ORG_2].MF`. The word lists live in `lexicon.code`
(one home for every list). Every pattern is linear (bounded or possessive).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace

from .guards import is_false_positive
from .hits import Hit
from .lexicon.code import CSS_PROPERTIES, FONTS, FORMATS, KEYWORDS
from .wellknown import is_wellknown_name

_WORDS = KEYWORDS | FORMATS  # also ordinary words and names: for a person, in lower case only
_NAMES = CSS_PROPERTIES | FONTS

# markup syntax: declarations (DOCTYPE with its public ids), processing instructions, CDATA
# markers, entity and character references, namespace declarations; bounded, so linear
_MARKUP = re.compile(
    r"<!(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)\b[^<>\[]{0,2000}+[>\[]?"
    r"|<\?[A-Za-z][\w.:\-]{0,100}+[^<>?]{0,2000}+\?>"
    r"|<!\[CDATA\[|\]\]>"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|\bxmlns(?::[\w.\-]{1,100})?[ \t]*=[ \t]*(?:\"[^\"<>]{0,2000}+\"|'[^'<>]{0,2000}+')",
    re.I,
)
_PATH_CHARS = frozenset("/\\ \t\r\n\"'<>()[]{},;:=")
_REACH = 256  # characters either side of a hit read to find its path component


def is_syntax_word(text: str, entity_type: str = "") -> bool:
    """A CSS property or a font, a keyword or a format (case-insensitively; for a person a
    keyword only as code writes it, in lower case: "Long" and "Case" are surnames too), or a
    path made only of
    well-known names ("META-INF/MANIFEST.MF", ".github/workflows", "__init__.py")."""
    key = " ".join(text.split()).casefold()
    if not key:
        return False
    if key in _NAMES or (key in _WORDS and (entity_type != "PERSON" or text == text.lower())):
        return True
    parts = [p for p in re.split(r"[/\\]", key) if p]
    return bool(parts) and all(is_wellknown_name(p) for p in parts)


def markup_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of markup syntax in `text` (sorted, non-overlapping)."""
    if "<" not in text and "&" not in text and "]]>" not in text:
        return []
    return [m.span() for m in _MARKUP.finditer(text)]


def _component(text: str, start: int, end: int) -> str:
    """The path component around text[start:end] ("MANIFEST.MF" around "MANIFEST")."""
    a, b = start, end
    lo, hi = max(0, start - _REACH), min(len(text), end + _REACH)
    while a > lo and text[a - 1] not in _PATH_CHARS:
        a -= 1
    while b < hi and text[b] not in _PATH_CHARS:
        b += 1
    return text[a:b]


def is_syntax(
    text: str,
    start: int,
    end: int,
    entity_type: str = "",
    spans: Sequence[tuple[int, int]] = (),
    starts: Sequence[int] = (),
) -> bool:
    """Whether text[start:end] is syntax: inside a markup span (`spans`, sorted, with their
    `starts`), a syntax word, or a well-known file or folder name where it stands."""
    i = bisect_right(starts, start) - 1
    if i >= 0 and end <= spans[i][1]:
        return True
    if is_syntax_word(text[start:end], entity_type):
        return True
    comp = _component(text, start, end)
    return comp != text[start:end] and bool(comp) and is_wellknown_name(comp)


def drop_syntax(text: str, hits: Iterable[Hit]) -> list[Hit]:
    """`hits` without those that are syntax, and cut where they reach into markup ("&lt;META-
    INF" is "META-INF"); detection adds the deny-list's hits after this."""
    hits = list(hits)
    if not hits:
        return hits
    spans = markup_spans(text)
    starts = [s for s, _e in spans]
    out = []
    for h in hits:
        start, end = h.start, h.end
        i = bisect_right(starts, start) - 1
        if i >= 0 and start < spans[i][1] < end:
            start = spans[i][1]  # a reference or declaration at its start
        j = bisect_right(starts, end - 1) - 1
        if j >= 0 and start < spans[j][0] < end and spans[j][1] >= end:
            end = spans[j][0]  # one at its end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        trimmed = (start, end) != (h.start, h.end)
        if trimmed and h.source == "model" and is_false_positive(text[start:end], h.entity_type):
            continue  # what is left of "fish &amp;" is an ordinary word
        if start == end or is_syntax(text, start, end, h.entity_type, spans, starts):
            continue
        out.append(
            h
            if (start, end) == (h.start, h.end)
            else replace(h, start=start, end=end, text=text[start:end])
        )
    return out
