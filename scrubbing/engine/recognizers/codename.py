"""Code names and coined internal terms.

* "Project BLUEHERON", "Operation Nightjar", "Codename: Falcon" (and "Projekt", "Projet",
  "Proyecto", "Progetto", "Projeto", "Opération"...): the word after the trigger,
  unless it is ordinary vocabulary ("Project Plan", "Project Manager") or capitals with digits
  ("Project H100", "EC2", "GPT4": product and instance names);
* a working file's name led by a rare word ("magpie_q2_close.xlsx", "terrapin_board_pack_v3.pptx",
  also the uploaded file's own name), a title led by one before a project's meeting or report
  ("Velorith – steering committee", "SUMMARY:Shingle weekly sync"), a channel, repository or
  path slug after "proj-" ("#proj-dunepoint");
* coined words: ALL-CAPS (five letters or more) or CamelCase words that are not English words
  ("BLUEHERON", "NightJar"), outside code. One text where such a word recurs makes it a code
  name here; across a task the inventory counts them (`coined_words`) and promotes a word
  that recurs in the task or appears in its title. Identifiers built from a code name
  ("BLUEHERON-2026-07", "bluefin_model.xlsx") are then found by the task's sweep.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from ..lexicon import (
    ACRONYMS,
    CALENDAR,
    CODENAME_MIN_REPEATS,
    COINED_ZIPF,
    DEV_WORDS,
    ENV_PARTS,
    HEADINGS,
    JOB_WORDS,
    KEY_PREFIX_MIN_IDS,
    KEY_PREFIX_ZIPF,
    MAIL_TAGS,
    OFFICE_WORDS,
    PARTICLES,
    PRODUCTS,
    PROJECT_WORDS,
    TITLE_TAILS,
    TITLE_ZIPF,
    TOOLS,
    VENDORS,
    WORKFILE_RARE_ZIPF,
    WORKFILE_WORDS,
    WORKFILE_ZIPF,
)
from ..lexicon.code import PY_BUILTIN_NAMES
from ..lexicon.dictionary import derived_modifier
from .base import Cue, ScrubRecognizer, has_ascii_capital
from .known_names import name_lists

_TRIGGERS = (
    r"project|operation|code[ \-]?name|programme|initiative|projekt|projet|proyecto|progetto|"
    r"projeto|opération|operación|operazione"
)
_TRIGGER = re.compile(
    rf"(?i)\b(?:{_TRIGGERS})[ \t]*[:\-\u2013]?(?:[ \t]+|[ \t]*\r?\n[ \t]*)"
    rf"(?!(?:{_TRIGGERS})\b)"  # "Project: Project X"
    r"\[?(?P<name>(?-i:[A-Z][A-Za-z0-9]+)"
    r"(?:[ \t](?P<second>(?-i:[A-Z][A-Z0-9]{2,}|[A-Z][a-z]{2,})))?)"
)
#: a mail subject's tag: "Re: [Falcon] figures", "Subject: [Silver Birch] handover"
_SUBJECT_TAG = re.compile(
    r"(?im)^[ \t]*(?:subject:[ \t]*(?:(?:re|fwd?|fw|aw|wg|tr|sv|rv)[ \t]*:[ \t]*)*|"
    r"(?:(?:re|fwd?|fw|aw|wg|tr|sv|rv)[ \t]*:[ \t]*)+)"
    r"\[(?P<name>(?-i:[A-Z][A-Za-z]{2,}(?:[ \t][A-Z][a-z]{2,})?))\]"
)
_BRACKETED = re.compile(r"(?<![\w\]])\[(?P<w>[A-Z][a-z]{3,})\](?![(\[])")  # not a Markdown link
#: the second word of a two-word code name is rarer than this ("Arctic Tern", "Red Cedar"),
#: unless the first is an ordinary word that is no code name alone ("Half Moon", "White Stag")
PAIR_ZIPF = 3.8
_COINED = re.compile(r"(?<![\w.\-/@$])(?P<w>[A-Z]{5,}|[A-Z][a-z]+(?:[A-Z][a-z]+)+)(?![\w(@]|\.\w)")
#: identifiers with a part in capitals ("BLUEHERON-2026-07", "QL-QUARTZLINE-7") and office
#: file names ("tundrafox_pmo.xlsx"), where a code name is written without a word boundary
_IN_IDENTIFIER = re.compile(r"(?<![\w\-/.])(?P<w>[A-Z0-9]+(?:[-_/][A-Z0-9]+)+)(?![\w\-])")
_OFFICE_EXT = r"\.(?:xlsx?|docx?|pptx?|pdf|csv)\b"
_IN_FILE_NAME = re.compile(rf"(?i)(?<![\w\-.])(?P<w>[a-z0-9]+(?:[-_][a-z0-9]+)*){_OFFICE_EXT}")
#: in every text where `coined_words` counts a word: five capitals in a row (an ALL-CAPS word,
#: also one inside an identifier), a CamelCase join, or an office file's extension
_MAY_COIN = re.compile(rf"[A-Z]{{5}}|[A-Z][a-z]+[A-Z][a-z]|(?i:{_OFFICE_EXT})")
#: a line of code: braces, a call, a statement ended by ";", an assignment; not a mail's
#: quoted-printable "=" (a soft line break "agreement=", "Cl=C3=A9mence", "=?utf-8?b?...?=")
#: nor a semicolon between two clauses of a sentence
_CODE_LINE = re.compile(
    r"[{}]|\(\)|;[ \t]*$|[\w\])\"'][ \t]*(?<![=!<>])=(?![=?]|[0-9A-F]{2}|[ \t]*$)|"
    r"^\s*(?:def|class|import|from|function|var|let|const)\b"
)
_VOCAB = HEADINGS | JOB_WORDS | OFFICE_WORDS | PRODUCTS | TOOLS | ACRONYMS | DEV_WORDS
_TRIGGER_VOCAB = _VOCAB | PROJECT_WORDS


def _zipf(word: str) -> float:
    from .name_shape import zipf

    return zipf(word)


def _camel_parts(word: str) -> list[str]:
    return re.findall(r"[A-Z][a-z]*", word)


def coined_shape(word: str) -> bool:
    """ALL-CAPS of five letters or more, or CamelCase: "BLUEHERON", "QuartzLine"."""
    return _COINED.fullmatch(word) is not None


def is_coined(word: str) -> bool:
    """Not an English word, not vocabulary, not a Python built-in ("StopIteration",
    "NotImplemented"): "BLUEHERON", "NightJar" (a CamelCase word whose joined form is not a
    word either)."""
    key = word.casefold()
    if key in _VOCAB or len(key) < 5 or key in PY_BUILTIN_NAMES:
        return False
    if _zipf(key) >= COINED_ZIPF:
        return False
    parts = _camel_parts(word) if not word.isupper() else [word]
    return not any(p.casefold() in _VOCAB for p in parts)


# ------------------------------------------------------------------ words the text uses as code
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)")
_SHELL_LINE = re.compile(r"^[ \t]*(?:>>>|\.\.\.[ \t]|\$[ \t]|%[ \t]|#include\b|cdef\b)")
#: `SchemaPath`, ``HasTraits``, `Pool.alloc()`: one identifier alone in backticks
_TICKED = re.compile(r"`{1,2}([A-Za-z_][\w]*)(?:\.[\w.]+)?(?:\(\))?`{1,2}")
_FILE_EXT = r"(?:xlsx?|docx?|pptx?|pdf|csv|md|txt|json|ya?ml|toml|zip|png|jpe?g|svg|html?)\b"
_OFFICE_FILE = re.compile(r"\.(?:xlsx?|docx?|pptx?|pdf|csv)`")
#: called, also as a method: `SchemaPath(...)`, `HTTPClient.from_url(...)`
_CALLED = re.compile(r"(?<![\w.])([A-Za-z_]\w*)(?:\.[A-Za-z_]\w*)*\(")
#: declared or imported at the start of a line of code ("class HasTraits:", "import httpx")
_DECLARED = re.compile(
    r"(?m)^[ \t]*(?:(?:export|public|private|abstract|final|static|cdef|cpdef|async)[ \t]+)*"
    r"(?:import|class|struct|def|interface|enum|typedef)[ \t]+([A-Za-z_]\w*)"
)
_FROM_IMPORT = re.compile(r"\bfrom[ \t]+([A-Za-z_]\w*)[\w.]*[ \t]+import\b")
_INSTALL = re.compile(
    r"\b(?:pip3?|pipx|uv[ \t]+pip|conda|mamba|poetry|npm|yarn|pnpm|brew|apt(?:-get)?|cargo|gem|"
    r"go)[ \t]+(?:install|add|get)[ \t]+(?:-{1,2}[\w\-]+[ \t]+)*[\"']?([A-Za-z][\w.\-]*)"
)
_REGISTRY = re.compile(
    r"(?i)pypi\.(?:org|python\.org)/(?:project|pypi|simple)/([\w.\-]+)|"
    r"(?<![\w.\-])([\w\-]+)\.readthedocs\.(?:io|org)|readthedocs\.org/projects/([\w\-]+)|"
    r"shields\.io/(?:pypi|conda|npm)/\w+/(?:[\w\-]+/)?([\w.\-]+)|"
    r"anaconda\.org/[\w\-]+/([\w.\-]+)|npmjs\.com/package/([\w.\-]+)"
)
#: in every text `_REGISTRY` matches in
_REGISTRY_CUE = Cue(anycase=("pypi.", "readthedocs.", "shields.io/", "anaconda.org/", "npmjs.com/"))
#: an ALL-CAPS word after a command-line option: a placeholder ("--config CONFIGPATH")
_METAVAR = re.compile(r"(?<![\w-])--?[A-Za-z][\w\-]*[ =]\[?([A-Z][A-Z_]{2,})\b")
#: a command run at a shell prompt, with its subcommands ("$ gcloud scc muteconfigs list
#: --organization=...", "$ sudo apt install ..."): the program and its subcommands are code
_PROMPT = re.compile(
    r"(?m)^[ \t]*\$[ \t]+(?:sudo[ \t]+)?([a-z][\w.\-]*(?:[ \t]+[a-z][a-z0-9\-]*(?![\w.=/])){0,4})"
)
#: a manual page reference, "name(section)": "pg_isready(1)", "PINENTRY-CURSES(1)",
#: "editline(3edit)", "OPENSSL-OCSP(1SSL)": the page's program, and each part of its name
_MAN_REF = re.compile(r"(?<![\w.\-])([A-Za-z][\w.\-]*[A-Za-z0-9])\([1-9][A-Za-z]*\)")
#: a shell or environment variable: "$XCOMPOSEFILE", "${LDAPRC}", "the LDAPCONF and LDAPRC
#: environment variables", "environment variable ZENTOOL_CONFIG"
_ENV_VAR = re.compile(
    r"\$\{?([A-Za-z_][A-Za-z0-9_]{2,})|"
    r"\b([A-Z][A-Z0-9_]{2,})(?:,?[ \t]+(?:and|or)[ \t]+([A-Z][A-Z0-9_]{2,}))?[ \t]+"
    r"(?:environment|env|shell)[ \t]+variables?\b|"
    r"\b(?:environment|env|shell)[ \t]+variables?[ \t]+\$?([A-Z][A-Z0-9_]{2,})\b"
)
_VENDOR_NEXT = re.compile(r"(?i)\b(?:" + "|".join(sorted(VENDORS)) + r")[ \t]+(?-i:([A-Z]\w+))")


def code_words(text: str) -> frozenset[str]:
    """Casefolded words `text` itself uses as code or as a public package, never as a code
    name: an identifier alone in backticks, called (also as a method), declared or imported
    at the start of a line; a package installed (`pip install`, `npm install`...) or linked
    on a package registry (PyPI, Read the Docs, a shields.io badge); a placeholder after a
    command-line option; a product after its vendor ("AWS CloudFormation", "Apache Kafka");
    a program and its subcommands run at a shell prompt ("$ gcloud scc muteconfigs list").
    a manual page reference ("pg_isready(1)", "PINENTRY-CURSES(1)"); a shell or environment
    variable ("$XCOMPOSEFILE", "the LDAPRC environment variable"). The parts of an
    identifier in backticks, called or referred to as a manual page ("`SENTS_P`",
    "GCLOUD_SCC_MUTECONFIGS(1)") are code too.
    A code name of the document's own is none of these: it is written in prose, a title or
    a file name."""
    if not _may_hold_code(text):
        return frozenset()
    return _used_as_code(text)


def _may_hold_code(text: str) -> bool:
    return any(c in text for c in "`(.$-") or re.search(r"(?i)import|install", text) is not None


#: `_used_as_code` per distinct text, inside a `code_words_memo()` (None: outside one)
_MEMO: ContextVar[dict[str, frozenset[str]] | None] = ContextVar("code_words", default=None)


@contextmanager
def code_words_memo() -> Iterator[None]:
    """Within it, the code words of each distinct text are worked out once: an analysis asks
    for them per text (`coined_words`), for the whole document (`code_words_in`) and for the
    document's detection views (`technical.product_words`). Nested: the outer memo serves;
    it lives as long as the `with`."""
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def code_words_in(texts: Iterable[str]) -> frozenset[str]:
    """`code_words("\n".join(texts))`, from each text's own matches: no match crosses a line
    break (nor looks across one differently from a text's start or end), and the first check
    is on characters and words, so the joined text passes it if one of the texts does."""
    texts = list(dict.fromkeys(texts))
    if not any(_may_hold_code(t) for t in texts):
        return frozenset()
    return frozenset().union(*map(_used_as_code, texts))


def _used_as_code(text: str) -> frozenset[str]:
    memo = _MEMO.get()
    if memo is not None and (known := memo.get(text)) is not None:
        return known
    out: set[str] = set()
    for rx in (_TICKED, _CALLED, _DECLARED, _FROM_IMPORT, _METAVAR, _VENDOR_NEXT):
        for m in rx.finditer(text):
            if rx is _TICKED and _OFFICE_FILE.search(m.group(0)):
                continue  # `kingfisher_valuation.xlsx`: a document's name, not code
            out.add(m.group(1).casefold())
            if rx in (_TICKED, _CALLED) and "_" in m.group(1):  # `SENTS_P`, `LS_LIST(1)`
                out.update(p.casefold() for p in m.group(1).split("_") if len(p) >= 3)
    for m in _PROMPT.finditer(text):
        out.update(w.casefold() for w in m.group(1).split())
    for m in _ENV_VAR.finditer(text):
        out.update(g.casefold() for g in m.groups() if g)
    for m in _MAN_REF.finditer(text):
        name = m.group(1).casefold()
        out.add(name)
        out.update(p for p in re.split(r"[\-_.]", name) if len(p) >= 3)
    for rx in (_INSTALL, _REGISTRY):
        if rx is _REGISTRY and not _REGISTRY_CUE.search(text):
            continue
        for m in rx.finditer(text):
            name = next(g for g in m.groups() if g).casefold()
            name = re.sub(r"\.(?:svg|png|git|html?)$", "", name)
            out.add(name)
            out.update(p for p in re.split(r"[\-_.]", name) if len(p) >= 3)
    found = frozenset(out)
    if memo is not None:
        memo[text] = found
    return found


def _code_lines(text: str) -> list[bool]:
    """Per line of `text`: whether it is code (a fenced block, a prompt, a declaration)."""
    flags = []
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            flags.append(True)
            continue
        flags.append(fenced or bool(_CODE_LINE.search(line) or _SHELL_LINE.match(line)))
    return flags


def _env_identifier(atoms: list[str]) -> bool:
    """ "DBSNP_PATH", "APP_CONFIG_DIR": a constant or environment variable, not a code name."""
    return len(atoms) >= 2 and any(a.casefold() in ENV_PARTS for a in atoms)


def coined_words(text: str, code: frozenset[str] | None = None) -> Counter[str]:
    """Coined words in prose lines of `text`, counted casefolded: "QuartzLine", "QUARTZLINE"
    and the word inside an identifier or an office file name built from it ("QL-QUARTZLINE-7",
    "quartzline_term_sheet.docx") are one word used three times. The capitals leading three
    or more different keys ("AMBERJACK-SPA-5-100", "-101"...) count too, when rare words."""
    found: Counter[str] = Counter()
    if not _MAY_COIN.search(text) or not any("A" <= c <= "Z" for c in text):
        return found
    code = code_words(text) | (code or frozenset())
    keys: dict[str, set[str]] = {}  # capitals leading identifiers -> the identifiers
    surnames: set[str] = set()  # coined words written as someone's family name
    for line, is_code in zip(text.splitlines(), _code_lines(text), strict=True):
        if is_code:
            continue
        for m in _COINED.finditer(line):
            if is_coined(m.group("w")) and m.group("w").casefold() not in code:
                found[m.group("w").casefold()] += 1
                if _surname_context(line, m.start("w"), m.end("w")):
                    surnames.add(m.group("w").casefold())
        for rx in (_IN_IDENTIFIER, _IN_FILE_NAME):
            for m in rx.finditer(line):
                atoms = [a for a in re.split(r"[^A-Za-z]+", m.group("w")) if a]
                if rx is _IN_IDENTIFIER and "_" in m.group("w") and _env_identifier(atoms):
                    continue
                if rx is _IN_IDENTIFIER and _key_prefix(m.group("w"), atoms, code):
                    keys.setdefault(atoms[0].casefold(), set()).add(m.group("w"))
                for atom in atoms:
                    if (
                        len(atom) >= 5
                        and (atom.isupper() or rx is _IN_FILE_NAME)
                        and is_coined(atom.upper())
                        and atom.casefold() not in code
                    ):
                        found[atom.casefold()] += 1
    for word, ids in keys.items():
        if len(ids) >= KEY_PREFIX_MIN_IDS and word not in found:
            found[word] += len(ids)
    for word in surnames:
        del found[word]
    return found


_BEFORE = re.compile(r"(?:^|(?<=[\s(\[\"']))([^\W\d_][\w'\u2019\-]*) $")
_AFTER_GIVEN = re.compile(r",[ \t]+([^\W\d_a-z][^\W\d_]+)\b")


def _surname_context(line: str, s: int, e: int) -> bool:
    """ "Pieter VAN OOSTERHOUT", "van OOSTERHOUT", "OOSTERHOUT, Pieter": a coined word after a
    name particle or a known first name, or before a comma and a known first name, is a
    family name written in capitals (a caption, a court decision), not a code name."""
    first = name_lists()[0]
    before = _BEFORE.search(line, 0, s)
    if before:
        word = before.group(1)
        if word.casefold() in PARTICLES or (word[:1].isupper() and word.casefold() in first):
            return True
    after = _AFTER_GIVEN.match(line, e)
    return bool(after and after.group(1).casefold() in first)


#: a team's own slugs: a work branch, a chat channel ("feature/larkspur-pricing", "#larkspur-core")
_TEAM_SLUG = re.compile(
    r"(?<![\w/.\-])(?:(?:feature|bugfix|hotfix|release|topic)/|#)[a-z0-9][\w.\-/]*"
)


def _slugs_with(text: str, word: str) -> set[str]:
    """The team's slugs in `text` that hold `word` in lower case as one of their parts."""
    if "/" not in text and "#" not in text:
        return set()
    part = re.compile(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])")
    return {m.group() for m in _TEAM_SLUG.finditer(text) if part.search(m.group())}


def issue_keys_in(texts: Sequence[str], code: frozenset[str] = frozenset()) -> Counter[str]:
    """Over a whole document (a git log's commits are paragraphs of their own): the capitals
    leading issue keys ("LARKSPUR-43", "LARKSPUR-44") whose word is also a part of one of the
    team's slugs ("feature/larkspur-pricing"), counted as keys and slugs together, when they
    are at least KEY_PREFIX_MIN_IDS. Issue keys alone are a public tracker's too ("FLINK-1234",
    `_key_prefix`)."""
    found: Counter[str] = Counter()
    joined = "\n".join(t for t in texts if "-" in t)
    if not re.search(r"[A-Z]{5}", joined) or ("/" not in joined and "#" not in joined):
        return found
    keys: dict[str, set[str]] = {}
    for m in _IN_IDENTIFIER.finditer(joined):
        atoms = [a for a in re.split(r"[^A-Za-z]+", m.group("w")) if a]
        if _key_prefix(m.group("w"), atoms, code, bare=True):
            keys.setdefault(atoms[0].casefold(), set()).add(m.group("w"))
    for word, ids in keys.items():
        slugs = _slugs_with(joined, word)
        if slugs and len(ids | slugs) >= KEY_PREFIX_MIN_IDS:
            found[word] = len(ids | slugs)
    return found


_KEY_YEAR = re.compile(r"[-_/](?:19|20)\d{2}(?![0-9])")


def _key_prefix(ident: str, atoms: list[str], code: frozenset[str], bare: bool = False) -> bool:
    """ "AMBERJACK-SPA-5-100", "HERONSGATE-2026-04": an identifier with digits led by
    capitals that may be a project's key (a rare word at most, no vocabulary, not a word used
    as code), with a second part in letters or a year; not an issue key of a public tracker
    ("FLINK-1234", "LUCENE-88"). `bare`: an issue key alone will do ("LARKSPUR-43")."""
    head = atoms[0] if atoms else ""
    if len(head) < 5 or not ident.startswith(head) or not any(c.isdigit() for c in ident):
        return False
    if len(atoms) < 2 and not _KEY_YEAR.search(ident) and not bare:
        return False
    key = head.casefold()
    return key not in _VOCAB and key not in code and _zipf(key) < KEY_PREFIX_ZIPF


#: capitals with digits: a product, instance or model name ("S3", "EC2", "H100", "GPT4"), never
#: a code name
_CAPS_DIGITS = re.compile(r"^(?=[A-Z0-9\-]*\d)(?=[A-Z0-9\-]*[A-Z])[A-Z0-9\-]+$")


def is_caps_with_digits(word: str) -> bool:
    """ "S3", "EC2", "H100", "GPT4", "B210": capitals and digits only."""
    return bool(_CAPS_DIGITS.match(word))


def _ordinary(name: str) -> bool:
    words = name.split()
    if all(is_caps_with_digits(w) for w in words):
        return True
    common = (w.casefold() in _TRIGGER_VOCAB or _zipf(w.casefold()) >= 4.8 for w in words)
    return all(common) and not (any(w.isupper() and len(w) >= 3 for w in words))


# ------------------------------------------------------------------ where a project is named
#: the other words of a working file's name: a version, quarter, half, fiscal year, year or
#: number ("v3", "q2", "fy26", "2026", "04"); MARKER, the ones that say its version or state
_VERSION_ATOM = re.compile(r"(?i)^(?:v\d+[a-z]?|rev\d*|r\d+|q[1-4]|h[12]|fy\d{2,4}|\d{1,4})$")
_MARKER_ATOM = re.compile(r"(?i)^(?:v\d+[a-z]?|rev\d*|q[1-4]|h[12]|fy\d{2,4}|final|draft)$")
_WORK_VOCAB = WORKFILE_WORDS | PROJECT_WORDS | OFFICE_WORDS | HEADINGS


def _work_atom(atom: str) -> bool:
    return atom.casefold() in _WORK_VOCAB or _VERSION_ATOM.match(atom) is not None


def workfile_lead(stem: str) -> tuple[int, int] | None:
    """The span in a file name's stem of the project it is named after: "magpie" of
    "magpie_q2_close", "copper_tern" of "copper_tern_synergies", "compass" of
    "compass_pricing_final_v3". The words after it say what the file is (WORKFILE_WORDS, a
    version, a quarter), and it is no such word itself but a rare one (a commoner one with
    a version or state in the name); not "budget_q2_final", "retention-design",
    "london_rota". None if the name is not built so."""
    atoms = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\W_]+", stem)]
    if len(atoms) < 2:
        return None
    n = 2 if len(atoms) >= 3 and not _work_atom(atoms[1][2]) else 1
    lead, rest = [a[2] for a in atoms[:n]], [a[2] for a in atoms[n:]]
    if not all(_work_atom(a) for a in rest) or not any(not _VERSION_ATOM.match(a) for a in rest):
        return None
    lead = [w.rstrip("0123456789") for w in lead]  # "atlas2_q2_close"
    for word in lead:
        key = word.casefold()
        if not word.isalpha() or len(word) < (3 if n == 2 else 4) or key in CALENDAR:
            return None
        if key in _VOCAB or key in _WORK_VOCAB or key in PY_BUILTIN_NAMES:
            return None
    rarity = min(_zipf(w.casefold()) for w in lead)
    marked = any(_MARKER_ATOM.match(a) for a in rest)
    if rarity < WORKFILE_RARE_ZIPF or (marked and rarity < WORKFILE_ZIPF):
        return atoms[0][0], atoms[n - 1][1]
    return None


def _work_files(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _IN_FILE_NAME.finditer(text):
        span = workfile_lead(m.group("w"))
        if span:
            yield m.start("w") + span[0], m.start("w") + span[1], "CODENAME"


_TAILS = "|".join(re.escape(t).replace(r"\ ", r"[ \t]+") for t in TITLE_TAILS)
#: a meeting, which names its project without a dash ("Shingle weekly sync")
_MEETINGS = r"steering[ \t]+committee|steerco|weekly[ \t]+sync|kick-?off|board[ \t]+update|check-in"
#: a title led by a project's name: at a line's start (after "Subject:", "SUMMARY:", "Title:")
#: the name, then a dash or colon and its meeting, report or milestone ("Velorith – steering
#: committee", "Tamarack – pricing model, final"), or a meeting right after it
_TITLE_LEAD = re.compile(
    r"(?im)^[ \t]*(?:(?:subject|summary|title|re|fwd?)[ \t]*:[ \t]*)*"
    r"(?P<name>(?-i:[A-Z]{4,}[0-9]*|[A-Z][a-z]+(?:[A-Z][a-z]+)*[0-9]*(?:[ \t][A-Z][a-z]+)?))"
    rf"(?:['\u2019]s)?(?:[ \t]*[\u2013\u2014:\-][ \t]*(?:{_TAILS})|[ \t]+(?:{_MEETINGS}))\b"
)
#: a slug after "proj-" or "project_": a chat channel, a repository, a path ("#proj-dunepoint",
#: "gitlab.example.com/acme/project-quillwort")
_SLUG_TRIGGER = re.compile(
    r"(?i)(?<![\w\-.])#?(?:proj|prj|project|codename)[-_](?P<name>[a-z][a-z0-9]{3,})(?![\w])"
)

#: a site or space of an intranet or wiki named after the project: SharePoint's
#: "/sites/Brindlecot/", Confluence's "/spaces/brindlecot/" and "/display/brindlecot/"
_SITE_PATH = re.compile(
    r"(?i)/(?:sites|spaces|display)/(?P<name>[a-z][a-z0-9]{3,}(?:[-_][a-z0-9]+)?)(?=[/?#\s]|$)"
)
_REPLY = r"(?:re|fwd?|aw|wg|tr|sv|rv)[ \t]*:[ \t]*"
_WORK_TAIL = "|".join(sorted((w for w in WORKFILE_WORDS if w.isalpha() and len(w) > 3), key=len))
#: a reply's or forward's subject: the name, then what the thread is about, ending the line
#: ("RE: FW: Nettlebrook pricing", "Subject: Fwd: Tamarack budget")
_REPLY_LEAD = re.compile(
    rf"(?im)^[ \t]*(?:subject[ \t]*:[ \t]*)?(?:{_REPLY})+"
    r"(?P<name>(?-i:[A-Z]{4,}[0-9]*|[A-Z][a-z]+(?:[A-Z][a-z]+)*[0-9]*))"
    rf"[ \t]+(?:{_WORK_TAIL})[ \t]*$"
)
#: a phase, wave or stage of the project: "Whinchat Phase II", "Dunlin Wave 2"
_PHASED = re.compile(
    r"(?<![\w\-])(?P<name>[A-Z][a-z]+(?:[A-Z][a-z]+)*|[A-Z]{4,})[ \t]+"
    r"(?:Phase|Wave|Stage|PHASE|WAVE|STAGE)[ \t]+(?:[IVX]{1,4}|[1-9])\b"
    r"(?![ \t,]*(?:\r?\n[ \t]*)?[A-Z0-9])"  # not a place's phase before its city
)
#: a status line in capitals led by the project: "GOLDCREST: RAG AMBER, SOW SIGNED, UAT WK32"
_CAPS_STATUS = re.compile(r"(?m)^[ \t]*(?P<name>[A-Z]{5,}[0-9]*)[ \t]*:(?P<rest>[^\na-z]*)$")


def _rare_name(name: str, ceiling: float) -> bool:
    """Every word of `name` is no vocabulary, the rarest of them rarer than `ceiling`."""
    words = [re.sub(r"\d+$", "", w) for w in re.split(r"[ \t]+", name)]
    if any(len(w) < 3 or w.casefold() in _TRIGGER_VOCAB or w.casefold() in _WORK_VOCAB
           or w.casefold() in CALENDAR for w in words):  # fmt: skip
        return False
    return min(_zipf(w.casefold()) for w in words) < ceiling


_PROJECT_WORD = re.compile(r"[A-Z][a-z]{3,}[0-9]*|[A-Z][a-z]+(?:[A-Z][a-z]+)+[0-9]*")


def project_word(value: str) -> bool:
    """A value under a "project" key or column that names a project of the company's own:
    one capitalised word, perhaps with a number ("Halyard3", "Ptarmigan"), that is a rare
    word at most and no vocabulary or public product ("Requests", "Django", "Finance")."""
    return _PROJECT_WORD.fullmatch(value) is not None and _rare_name(value, KEY_PREFIX_ZIPF)


def _named_projects(text: str) -> Iterable[tuple[int, int, str]]:
    if "." in text:
        yield from _work_files(text)
    for m in _TITLE_LEAD.finditer(text):
        if _rare_name(m.group("name"), TITLE_ZIPF):
            yield m.start("name"), m.end("name"), "CODENAME"
    for pattern in (_REPLY_LEAD, _PHASED):
        for m in pattern.finditer(text):
            if _rare_name(m.group("name"), TITLE_ZIPF):
                yield m.start("name"), m.end("name"), "CODENAME"
    for m in _CAPS_STATUS.finditer(text):
        if len(re.findall(r"\b[A-Z]{2,}\b", m.group("rest"))) >= 2 and is_coined(m.group("name")):
            yield m.start("name"), m.end("name"), "CODENAME"
    if "/" in text:
        for m in _SITE_PATH.finditer(text):
            if _rare_name(m.group("name").replace("-", " ").replace("_", " "), WORKFILE_ZIPF):
                yield m.start("name"), m.end("name"), "CODENAME"
    if "-" in text or "_" in text:
        for m in _SLUG_TRIGGER.finditer(text):
            if _rare_name(m.group("name"), WORKFILE_ZIPF):
                yield m.start("name"), m.end("name"), "CODENAME"


def _tags_with_files(text: str) -> Iterable[tuple[int, int, str]]:
    """ "Led [Magpie]: a fleet renewal" beside "magpie_q2_close.xlsx" or "MAGPIE-TASK-301": a
    bracketed word that also begins an office file's name, or is a part in capitals of an
    identifier, in the same text is the project's name."""
    stems = {m.group("w").split("_")[0].split("-")[0] for m in _IN_FILE_NAME.finditer(text)}
    stems |= {
        part.casefold()
        for m in _IN_IDENTIFIER.finditer(text)
        for part in re.split(r"[-_/]", m.group("w"))
        if len(part) >= 4 and part.isalpha()
    }
    if not stems:
        return
    for m in _BRACKETED.finditer(text):
        word = m.group("w")
        if word.casefold() in stems and not _ordinary(word) and word.casefold() not in MAIL_TAGS:
            yield m.start("w"), m.end("w"), "CODENAME"


def tags_with_files_in(texts: Sequence[str]) -> list[str]:
    """`_tags_with_files` over a whole document: "Led [Magpie]: a fleet renewal" in one
    paragraph and "MAGPIE-TASK-301" or "magpie_q2_close.xlsx" in another (a CV's bullets, a
    deck's slides)."""
    joined = "\n".join(t for t in texts if "[" in t or "-" in t or "_" in t or "." in t)
    if "[" not in joined:
        return []
    return sorted({joined[s:e] for s, e, _t in _tags_with_files(joined)})


def _two_word_name(name: str) -> bool:
    """ "Silver Birch", "Arctic Tern", "Half Moon" after "Project" are one code name; "Nightjar
    Review", "Closure Report", "Kick Off" are a code name (or a word) and a word after it."""
    first, second = name.split()
    if second.casefold() in _TRIGGER_VOCAB or _ordinary(name):
        return False
    return _ordinary(first) or _zipf(second.casefold()) < PAIR_ZIPF


_NEXT_WORD = re.compile(r"[ \t]+(?P<w>[A-Z][a-z]+)")


def _report_title(text: str, m: re.Match[str]) -> bool:
    """ "Project: Quarterly Valuation Review", "Project: Operational Risk Audit", "Project:
    Quarterly Review": a report's title after "Project", no code name. Before a report noun
    (PROJECT_WORDS) stand one or two common words, the first an adjective or adverb made
    from a word ("Quarterly", "Strategic") or a word of work ("Pricing", "Budget"); not
    "Project: Falcon Review", "Project Kestrel Valuation Review", "Project: Silver Birch"."""
    words = m.group("name").split()
    nxt = _NEXT_WORD.match(text, m.end("name"))
    if nxt:
        words.append(nxt.group("w"))
    cut = next((i for i, w in enumerate(words) if i and w.casefold() in PROJECT_WORDS), 0)
    lead = words[:cut]
    if not lead or any(_zipf(w.casefold()) < TITLE_ZIPF for w in lead):
        return False
    first = lead[0]
    return derived_modifier(first) or first.casefold() in _WORK_VOCAB


class ScrubCodenameRecognizer(ScrubRecognizer):
    ENTITIES = ("CODENAME",)
    SCORE = 0.8

    @staticmethod
    def gate(text: str) -> bool:
        return has_ascii_capital(text)

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        for m in _TRIGGER.finditer(text):
            if "\n" in text[m.start() : m.start("name")] and not text[m.start()].isupper():
                continue  # a cell's "Project" wraps to its name; "the project\nDeadline" not
            if _report_title(text, m):
                continue
            s, e = m.span("name")
            second = m.group("second")
            if second and not second.isupper() and not _two_word_name(m.group("name")):
                e = s + len(m.group("name").split()[0])  # "Project Nightjar Review"
            name = text[s:e]
            if not _ordinary(name) and len(name) >= 3:
                yield s, e, "CODENAME"
        if "[" in text:
            for m in _SUBJECT_TAG.finditer(text):
                if not _ordinary(m.group("name")) and m.group("name").casefold() not in MAIL_TAGS:
                    yield m.start("name"), m.end("name"), "CODENAME"
            yield from _tags_with_files(text)
        yield from _named_projects(text)
        repeated = {w for w, n in coined_words(text).items() if n >= CODENAME_MIN_REPEATS}
        if repeated:
            for m in _COINED.finditer(text):
                if m.group("w").casefold() in repeated:
                    yield m.start("w"), m.end("w"), "CODENAME"
