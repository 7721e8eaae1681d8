"""Deny-lists and allow-lists given per call (per contractor, per task, global).

Kept apart from pipeline.py so that detect.py can use them without an import cycle;
pipeline.py re-exports `Term` and `TermLists`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

_WS = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Case- and whitespace-insensitive key: "Project  Falcon\\n" == "project falcon"."""
    return _WS.sub(" ", text).strip().casefold()


@dataclass(frozen=True)
class Term:
    """A deny-list entry: always redacted. `entity_type` e.g. CLIENT, CODENAME, PERSON, DOMAIN."""

    text: str
    entity_type: str = "CONFIDENTIAL"


@dataclass(frozen=True)
class TermLists:
    deny: tuple[Term, ...] = ()
    allow: tuple[str, ...] = ()

    def allow_keys(self) -> frozenset[str]:
        return frozenset(k for k in (normalize(a) for a in self.allow) if k)


def term_pattern(text: str, domain: bool = False) -> str:
    """Regex source for one term: words joined by any whitespace, not inside a longer word.

    A DOMAIN term also matches its subdomains ("acme.com" hits "mail.acme.com" and
    "jane@acme.com"), which is what an internal e-mail domain on a deny-list means.
    """
    words = [re.escape(w) for w in text.split()]
    body = r"\s+".join(words)
    if domain:
        return rf"(?<![\w.-])(?:[\w-]+\.)*{body}(?![\w-])"
    # \w-boundaries rather than \b so that terms starting/ending with punctuation still work.
    left = r"(?<!\w)" if re.match(r"\w", text.strip()[:1] or " ") else ""
    right = r"(?!\w)" if re.match(r"\w", text.strip()[-1:] or " ") else ""
    return f"{left}{body}{right}"


@lru_cache(maxsize=256)
def compile_deny(deny: tuple[Term, ...]) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    """One alternation for the whole list (longest first), group i -> entity type i."""
    seen: dict[str, Term] = {}
    for t in deny:
        key = normalize(t.text)
        if len(key) < 2:
            continue  # a one-letter term would redact every "a"
        seen.setdefault(key, t)  # first entry wins on duplicates
    if not seen:
        return None
    terms = sorted(seen.values(), key=lambda t: -len(t.text))
    parts = []
    types = []
    for i, t in enumerate(terms):
        is_domain = t.entity_type.upper() == "DOMAIN" or bool(
            re.fullmatch(r"[\w-]+(\.[\w-]+)+", t.text.strip())
        )
        parts.append(f"(?P<t{i}>{term_pattern(t.text.strip(), domain=is_domain)})")
        types.append(t.entity_type.upper() or "CONFIDENTIAL")
    return re.compile("|".join(parts), re.IGNORECASE), tuple(types)


def find_terms(text: str, deny: tuple[Term, ...]) -> Iterable[tuple[int, int, str]]:
    """(start, end, entity_type) for every deny-list occurrence in `text`."""
    compiled = compile_deny(deny)
    if compiled is None:
        return
    rx, types = compiled
    for m in rx.finditer(text):
        name = m.lastgroup
        if name is None:
            continue
        yield m.start(), m.end(), types[int(name[1:])]


NAME_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})


_WORD = re.compile(r"\w+")


class KnownStrings:
    """Every occurrence of strings already judged sensitive somewhere in the task.

    Used twice: to redact all occurrences consistently (a client name found once by the model
    is replaced everywhere), and by verification to search the output for originals.
    Multi-word strings and non-name entities match case-insensitively and across any
    whitespace; a single-word *name* matches only as written, Capitalised or UPPER, so the
    colleague "Will" or the client "Apple" does not match "will" and "apple".

    Indexed by first word: one dict lookup per word of text instead of one huge alternation
    (which Python's `re` runs slowly with hundreds of names).
    """

    def __init__(self, items: Iterable[tuple[str, str, str]], min_len: int = 3) -> None:
        self.info: dict[str, tuple[str, str]] = {}
        self._index: dict[str, list[re.Pattern[str]]] = {}
        other: list[str] = []
        for text, etype, source in items:
            text = text.strip()
            key = normalize(text)
            if len(key) < min_len or key in self.info:
                continue
            self.info[key] = (etype, source)
            words = text.split()
            if len(words) == 1 and etype in NAME_TYPES:
                w = words[0]
                forms = {w, w[:1].upper() + w[1:].lower(), w.upper()}
                rx = re.compile("|".join(term_pattern(f) for f in sorted(forms)))
            else:
                rx = re.compile(term_pattern(text), re.I)
            first = _WORD.match(text)
            if first is None:
                other.append(term_pattern(text))  # starts with punctuation: "+44 20 ..."
                continue
            self._index.setdefault(first.group(0).casefold(), []).append(rx)
        self._other = re.compile("|".join(other), re.I) if other else None

    def __bool__(self) -> bool:
        return bool(self.info)

    def finditer(self, text: str) -> Iterable[tuple[int, int, str, str]]:
        """(start, end, entity_type, source) for each occurrence (longest per position)."""
        index = self._index
        if index:
            for w in _WORD.finditer(text):
                rxs = index.get(w.group(0).casefold())
                if not rxs:
                    continue
                best = None
                for rx in rxs:
                    m = rx.match(text, w.start())
                    if m and (best is None or m.end() > best.end()):
                        best = m
                if best is not None:
                    info = self.info.get(normalize(best.group(0)))
                    if info is not None:
                        yield best.start(), best.end(), info[0], info[1]
        if self._other is not None:
            for m in self._other.finditer(text):
                info = self.info.get(normalize(m.group(0)))
                if info is not None:
                    yield m.start(), m.end(), info[0], info[1]
