"""Deny-lists and allow-lists given per call (per contractor, per task, global).

Kept apart from pipeline.py so that detect.py can use them without an import cycle;
pipeline.py re-exports `Term` and `TermLists`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import CALENDAR, common_words

_WS = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Case- and whitespace-insensitive key: "Project  Falcon\\n" == "project falcon"."""
    # most strings (a name, an address) have no white space but single spaces inside: their
    # key is their case-folded self (every white-space character but " " is unprintable)
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text.casefold()
    # the same short strings are normalized many times over (sweep, inventory, verification:
    # over a million calls on a 100k-cell sheet); long texts are not kept
    return _normalize_short(text) if len(text) <= SHORT else _normalize(text)


#: strings up to this long are normalized once and remembered (the last 65,536 of them)
SHORT = 200


def _normalize(text: str) -> str:
    return _WS.sub(" ", text).strip().casefold()


_normalize_short = lru_cache(maxsize=1 << 16)(_normalize)


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


#: "Project Lumen" also matches "ProjectLumen"/"projectlumen" (no separator at all) only when
#: the joined form is at least this long: "JaneDoe" (7) is left to the name-specific code.
JOIN_MIN = 8
#: Single characters that join words in file names and identifiers ("project-lumen",
#: "Adam_Johnson", "jane.doe"), besides any run of whitespace.
WORD_SEPARATORS = "_-."


def _joinable(words: list[str]) -> bool:
    return len(words) > 1 and all(w.isalnum() for w in words) and len("".join(words)) >= JOIN_MIN


def term_pattern(text: str, domain: bool = False, separators: bool = False) -> str:
    """Regex source for one term: words joined by any whitespace, not inside a longer word.

    A DOMAIN term also matches its subdomains ("acme.com" hits "mail.acme.com" and
    "jane@acme.com"), which is what an internal e-mail domain on a deny-list means.

    `separators`: words may also be joined by one of "_", "-", "." or (when the joined form
    is at least JOIN_MIN characters) by nothing, and the term may sit inside an identifier
    ("Project_Lumen_v2", "adam_johnson.md"): the boundaries are letters/digits, not "_".
    """
    raw = text.split()
    words = [re.escape(w) for w in raw]
    if separators and len(words) > 1:
        sep = r"(?:\s+|[_.\-])" + ("?" if _joinable(raw) else "")
    else:
        sep = r"\s+"
    body = sep.join(words)
    if domain:
        return rf"(?<![\w.-])(?:[\w-]+\.)*{body}(?![\w-])"
    # \w-boundaries rather than \b so that terms starting/ending with punctuation still work.
    before, after = (r"(?<![^\W_])", r"(?![^\W_])") if separators else (r"(?<!\w)", r"(?!\w)")
    left = before if re.match(r"\w", text.strip()[:1] or " ") else ""
    right = after if re.match(r"\w", text.strip()[-1:] or " ") else ""
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
        pat = term_pattern(t.text.strip(), domain=is_domain, separators=not is_domain)
        parts.append(f"(?P<t{i}>{pat})")
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


_ATOM = re.compile(r"[^\W_]+")  # a run of letters/digits: the unit the index is keyed on


def is_common_word(word: str) -> bool:
    """Too common to sweep for alone as a surname: "Doe" is swept, "Long" ("Long-term") not."""
    return word.casefold() in common_words()


def lone_common(name: str) -> bool:
    """A one-word name that is also an ordinary or a calendar word: never swept for alone."""
    words = name.split()
    return len(words) == 1 and (is_common_word(words[0]) or words[0].casefold() in CALENDAR)


class _Entry:
    """One known string, matched by hand at a candidate position (no regex per string)."""

    __slots__ = (
        "words", "lower", "forms", "capital", "prefix", "joined", "right", "etype", "source",
    )  # fmt: skip
    # `lower` holds (lower-cased word, length of the word as written): lower-casing can change
    # a length ("İ" -> "i̇"), and a match covers the text's characters, not the lower form's

    def __init__(
        self,
        words: list[str],
        forms: frozenset[str] | None,
        prefix: str,
        etype: str,
        source: str,
        capital: bool = False,
    ) -> None:
        self.words = words
        self.lower = [(w.lower(), len(w)) for w in words]
        self.forms = forms  # a single-word name: only these spellings
        self.capital = capital  # a hyphenated name: matched only where it starts in capitals
        self.prefix = prefix.lower()  # punctuation before the first letter/digit ("+44 ...")
        self.joined = _joinable(words)
        self.right = words[-1][-1].isalnum()
        self.etype = etype
        self.source = source

    def match(self, text: str, start: int) -> int:
        """End of this string matched at `start`, or -1."""
        n = len(text)
        pos = start
        forms = self.forms
        if self.capital and not text[start : start + 1].isupper():
            return -1
        for i, (w, width) in enumerate(self.lower):
            if i:
                j = pos
                while j < n and text[j].isspace():
                    j += 1
                if j > pos:
                    pos = j
                elif j < n and text[j] in WORD_SEPARATORS:
                    pos = j + 1
                elif not self.joined:
                    return -1
            end = pos + width
            piece = text[pos:end]
            if forms is not None:
                if piece not in forms:
                    return -1
            elif piece.lower() != w:
                return -1
            pos = end
        if self.right and pos < n and text[pos].isalnum():
            return -1
        return pos


@lru_cache(maxsize=1)
def _atoms(text: str) -> tuple[tuple[int, str], ...]:
    """(start, casefolded run) of each run of letters/digits in `text`, kept for the last text
    only: verification searches a text for the strings of each round in turn (one
    `KnownStrings` each), and the runs depend on the text alone."""
    return tuple([(m.start(), m.group(0).casefold()) for m in _ATOM.finditer(text)])


#: a known string made ready: its entry, its regex (no entry), the keys it is indexed by
Prepared = tuple[_Entry | None, str, tuple[str, ...], tuple[str, str] | None]


@lru_cache(maxsize=1 << 18)
def _prepared(text: str, etype: str, source: str) -> Prepared:
    """One known string made ready for `KnownStrings`: its entry (None: it is matched by the
    regex `pattern` instead), the first-run keys and the first-two-runs key it is indexed by.
    The same strings are made into KnownStrings several times per file (each sweep, each
    verification round), tens of thousands of them on a big sheet; an entry is never changed
    once made, so one serves them all."""
    words = text.split()
    forms, capital = None, False
    if len(words) == 1 and etype in NAME_TYPES:
        w = words[0]
        parts = w.split("-")
        if len(parts) > 1 and all(p.isalpha() for p in parts):
            # "Hyun-woo" also as "Hyun woo" and "Hyun_woo" (a file name read as words)
            words, capital = parts, True
        else:
            forms = frozenset({w, w[:1].upper() + w[1:].lower(), w.upper()})
    first = _ATOM.search(words[0])
    if first is None:
        return None, term_pattern(text), (), None
    entry = _Entry(words, forms, words[0][: first.start()], etype, source, capital)
    atoms = [a.casefold() for a in _ATOM.findall(text)]
    keys1: list[str] = []
    key2 = None
    if len(atoms) == 1:
        keys1.append(atoms[0])
    else:
        key2 = (atoms[0], atoms[1])
    if entry.joined:
        keys1.append("".join(words).casefold())
    return entry, "", tuple(keys1), key2


#: `_prepared` per (text, type, source) inside a `known_strings_memo()` (None: outside one)
_PREPARED: ContextVar[dict[tuple[str, str, str], Prepared] | None] = ContextVar(
    "prepared", default=None
)


@contextmanager
def known_strings_memo() -> Iterator[None]:
    """Within it, every known string is made ready once (`_prepared`), however many there are.

    A big sheet's sweeps and verification rounds build KnownStrings of the same 300,000
    strings five times; past `_prepared`'s LRU size each build evicts what the next one needs
    (none hits), so within one file's assign or finish they are kept here instead, as long as
    the `with` lasts (references only: the entries are the same objects). Nested: the outer
    memo serves."""
    if _PREPARED.get() is not None:
        yield
        return
    token = _PREPARED.set({})
    try:
        yield
    finally:
        _PREPARED.reset(token)


def prepared(text: str, etype: str, source: str) -> Prepared:
    """`_prepared`, through the memo of a `known_strings_memo()` when one is open."""
    memo = _PREPARED.get()
    if memo is None:
        return _prepared(text, etype, source)
    key = (text, etype, source)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _prepared(text, etype, source)
    return found


class KnownStrings:
    """Every occurrence of strings already judged sensitive somewhere in the task.

    Used twice: to redact all occurrences consistently (a client name found once by the model
    is replaced everywhere), and by verification to search the output for originals.
    Multi-word strings and non-name entities match case-insensitively and across any
    whitespace; a single-word *name* matches only as written, Capitalised or UPPER, so the
    colleague "Will" or the client "Apple" does not match "will" and "apple". Words may also
    be joined by "_", "-" or "." ("adam_johnson", "Project-Lumen") or, when the joined form
    is at least JOIN_MIN characters, by nothing ("AdamJohnson", "projectlumen"); a string is
    never matched inside a longer run of letters/digits.

    Indexed by the first one or two runs of letters/digits (and by the joined form): two
    dict lookups per run of text, then a hand comparison per candidate. Building compiles
    no regex, so tens of thousands of strings (a 100k-cell workbook) are cheap, and a search
    is linear in the text whatever the number of strings.
    """

    def __init__(self, items: Iterable[tuple[str, str, str]], min_len: int = 3) -> None:
        self.info: dict[str, tuple[str, str]] = {}
        # by first run of letters/digits (one-run strings and joined forms), and by the first
        # two runs: "Michael" begins hundreds of names and e-mail addresses in a big sheet
        self._index1: dict[str, list[_Entry]] = {}
        self._index2: dict[tuple[str, str], list[_Entry]] = {}
        other: list[str] = []
        for text, etype, source in items:
            text = text.strip()
            key = normalize(text)
            if len(key) < min_len or key in self.info:
                continue
            self.info[key] = (etype, source)
            entry, pattern, keys1, key2 = prepared(text, etype, source)
            if entry is None:
                other.append(pattern)  # no letter/digit in its first word
                continue
            for k in keys1:
                self._index1.setdefault(k, []).append(entry)
            if key2 is not None:
                self._index2.setdefault(key2, []).append(entry)
        self._other = re.compile("|".join(other), re.I) if other else None

    def __bool__(self) -> bool:
        return bool(self.info)

    def may_differ(self, before: KnownStrings) -> Callable[[str], bool] | None:
        """A test of whether this `finditer` may find in a text other than what `before`'s
        finds there (False: the same, for sure): only a text holding a run of letters/digits
        (casefolded) that keys entries changed since may; None when it cannot tell (a
        string matched by the regex part). A second sweep after a few new forms searches
        only the texts where they can occur."""
        if self._other is not None or before._other is not None:
            return None
        keys: set[str] = set()
        for mine, theirs in ((self._index1, before._index1), (self._index2, before._index2)):
            for k in mine.keys() | theirs.keys():
                # the same entries (one object per string: `_prepared`) in the same order
                if mine.get(k) != theirs.get(k):
                    keys.add(k if isinstance(k, str) else k[0])
        if not keys:
            return lambda _text: False

        def differs(text: str) -> bool:
            # one pass over the text's runs, as `finditer` makes them (an alternation of the
            # keys was slower than a full search once a big sheet changed thousands of them)
            return any(atom in keys for _start, atom in _atoms(text))

        return differs

    def finditer(self, text: str) -> Iterable[tuple[int, int, str, str]]:
        """(start, end, entity_type, source) for each occurrence (longest per position)."""
        index1, index2 = self._index1, self._index2
        if index1 or index2:
            atoms = _atoms(text)
            last = len(atoms) - 1
            for i, (p, atom) in enumerate(atoms):
                entries = index1.get(atom)
                if i < last:
                    more = index2.get((atom, atoms[i + 1][1]))
                    if more:
                        entries = entries + more if entries else more
                if not entries:
                    continue
                best: tuple[int, int, _Entry] | None = None
                for e in entries:
                    s = p - len(e.prefix)
                    if s < 0 or (e.prefix and text[s:p].lower() != e.prefix):
                        continue
                    end = e.match(text, s)
                    if end >= 0 and (best is None or end - s > best[1] - best[0]):
                        best = (s, end, e)
                if best is not None:
                    yield best[0], best[1], best[2].etype, best[2].source
        if self._other is not None:
            for m in self._other.finditer(text):
                info = self.info.get(normalize(m.group(0)))
                if info is not None:
                    yield m.start(), m.end(), info[0], info[1]
