"""Secrets: provider key formats (several adapted from detect-secrets), private keys,
passwords in URLs, headers and prose, and values assigned to secret-sounding keys."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from ..lexicon import SECRET_PLACEHOLDER_VALUES
from .base import Cue, ScrubRecognizer

# (entity type, pattern, group holding the secret)
SECRET_PATTERNS: list[tuple[str, re.Pattern[str], int]] = [
    (
        "PRIVATE_KEY",
        re.compile(
            r"-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?:.*?-----END[A-Z0-9 ]*PRIVATE KEY"
            r"(?: BLOCK)?-----|.*\Z)",
            re.S,
        ),
        0,
    ),
    ("PRIVATE_KEY", re.compile(r"PuTTY-User-Key-File-\d.*\Z", re.S), 0),
    (
        "AWS_ACCESS_KEY",
        re.compile(
            r"(?<![A-Z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)"
            r"[A-Z0-9]{16}(?![A-Z0-9])"
        ),
        0,
    ),
    (
        "AWS_SECRET_KEY",
        re.compile(
            r"(?i)aws.{0,25}?(?:secret|key|pwd|password|token).{0,25}?[\s'\"=:>]"
            r"([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"
        ),
        1,
    ),
    ("GITHUB_TOKEN", re.compile(r"\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\b"), 0),
    ("GITHUB_TOKEN", re.compile(r"\bgithub_pat_[A-Za-z0-9_]{22,255}\b"), 0),
    ("GITLAB_TOKEN", re.compile(r"\bgl(?:pat|dt|ft|soat|rt|cbt|imt|ptt)-[A-Za-z0-9_\-]{20,}"), 0),
    ("SLACK_TOKEN", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"), 0),
    (
        "SLACK_WEBHOOK",
        re.compile(
            r"https://hooks\.slack\.com/services/T[A-Za-z0-9_]+/B[A-Za-z0-9_]+/[A-Za-z0-9_]+"
        ),
        0,
    ),
    ("STRIPE_KEY", re.compile(r"\b(?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{16,}\b"), 0),
    ("SENDGRID_KEY", re.compile(r"\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b"), 0),
    ("GOOGLE_API_KEY", re.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b"), 0),
    ("OPENAI_KEY", re.compile(r"\bsk-(?:proj-|svcacct-)?[A-Za-z0-9_\-]{32,}\b"), 0),
    ("NPM_TOKEN", re.compile(r"\bnpm_[A-Za-z0-9]{36}\b"), 0),
    ("PYPI_TOKEN", re.compile(r"\bpypi-AgE[A-Za-z0-9_\-]{50,}"), 0),
    ("JWT", re.compile(r"\beyJ[A-Za-z0-9_-]{8,}+\.eyJ[A-Za-z0-9_-]{8,}+\.[A-Za-z0-9_-]{8,}"), 0),
    ("TWILIO_KEY", re.compile(r"\bSK[0-9a-fA-F]{32}\b"), 0),
    # scheme://user:password@host -- the password only; the host goes through the URL rules
    ("PASSWORD", re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.\-]{1,30}://[^\s:/@'\"]++:([^\s@/'\"]++)@"), 1),
    (
        "PASSWORD",
        re.compile(
            r"(?i)\bAuthorization\s*[:=]\s*['\"]?(?:Basic|Bearer|Token)\s+"
            r"([A-Za-z0-9._~+/=\-]{8,})"
        ),
        1,
    ),
    (
        "PASSWORD",
        re.compile(
            r"(?i)\b(?:password|passwd|pwd|passphrase)\s++(?:is|was)\s*+:?\s*+"
            r"[\"'\u201c]?([^\s\"'\u201d]{4,})"
        ),
        1,
    ),
]
# A literal every pattern above needs (case as the pattern reads it): texts without one skip
# the twenty passes.
_SPECIFIC_GATE = Cue(
    exact=(
        "-----BEGIN PuTTY-User A3T AKIA ASIA ABIA ACCA AGPA AIDA AROA AIPA ANPA ANVA APKA "
        "github_pat_ SG. AIza sk- npm_ pypi-AgE eyJ ://"
    ).split(),
    anycase=("aws", "authorization", "password", "passwd", "pwd", "passphrase"),
    rest=r"gh[opusr]_|gl(?:pat|dt|ft|soat|rt|cbt|imt|ptt)-|xox[abposr]-|[sr]k_(?:live|test)_|"
    r"SK[0-9a-fA-F]",
)

# key = value / key: value / "key": "value" / KEY=value, for secret-sounding keys. Linear
# time: the key is a whole token (possessive), the secret word is looked for inside it, and the
# value is a run read once (`_ValueRuns`), so no start position rescans what another read.
_KEY_OP = re.compile(
    r"""(?x)(?<![\w.\-])(?P<key>[\w.\-]++)(?P<kq>["']?)[\ \t]*+(?P<op>:=|=>|=|:)[\ \t]*+"""
)
# a key is secret-sounding when its last dotted part holds one of these words
_SECRET_KEY = re.compile(
    r"""(?ix)(?:password|passwd|pwd|passphrase|secret|api[_\-]?key|apikey|
        access[_\-]?key|auth[_\-]?token|access[_\-]?token|refresh[_\-]?token|bearer|token|
        client[_\-]?secret|private[_\-]?key|credentials?|conn(?:ection)?[_\-]?str(?:ing)?|
        dsn|signing[_\-]?key|encryption[_\-]?key|salt)"""
)
# every key above contains one of these (case-insensitively)
_ASSIGN_GATE = Cue(anycase="pass pwd secret key token bearer credential conn dsn salt".split())
_QUOTES = "\"'`"
_VALUE_STOP = frozenset(" \t\n\r\f\v\"'`,;")  # a value never holds these (nor other space)
_CLOSERS = frozenset(")}]")  # an unquoted value ends before one of these too


class _ValueRuns:
    """Where the run of value characters starting at a position ends, each run read once: every
    start inside a run already read ends where that run ends."""

    def __init__(self, text: str, stop: frozenset[str]) -> None:
        self.text, self.stop = text, stop
        self.start = self.end = -1

    def end_from(self, pos: int) -> int:
        if self.start <= pos <= self.end:
            return self.end
        text, stop, k, n = self.text, self.stop, pos, len(self.text)
        while k < n and text[k] not in stop and not text[k].isspace():
            k += 1
        self.start, self.end = pos, k
        return k


def _assignments(text: str) -> Iterable[tuple[re.Match[str], str, int, int, str]]:
    """(key match, operator, value start, value end, quote) of every `key op value` with a
    secret key: what `key op ["'`]?value["'`]?` followed by a space, `,;)}]` or the end matches
    (a two-character operator whose value does not fit is read as its first character, as a
    backtracking regex would: "pwd:=abc" is "pwd" ":" "=abc")."""
    quoted = _ValueRuns(text, _VALUE_STOP)
    bare = _ValueRuns(text, _VALUE_STOP | _CLOSERS)
    after = 0  # the end of the last match: keys inside a value are part of it
    for m in _KEY_OP.finditer(text):
        if m.start() < after or not _SECRET_KEY.search(m.group("key").rsplit(".", 1)[-1]):
            continue
        op = m.group("op")
        found = _value(text, m.end(), quoted, bare)
        if found is None and len(op) == 2:
            op, found = op[0], _value(text, m.start("op") + 1, quoted, bare)
        if found is not None:
            s, e, q, after = found
            yield m, op, s, e, q


def _value(
    text: str, v: int, quoted: _ValueRuns, bare: _ValueRuns
) -> tuple[int, int, str, int] | None:
    """(start, end, quote, end of the match) of the value written at `v`, or None."""
    n = len(text)
    q = text[v] if v < n and text[v] in _QUOTES else ""
    if q:
        s = v + 1
        e = quoted.end_from(s)
        if e - s < 4 or e >= n or text[e] != q:
            return None
        tail = e + 1
    else:
        s = v
        if s + 4 > n or any(c in _VALUE_STOP or c.isspace() for c in text[s : s + 4]):
            return None
        e = tail = bare.end_from(s + 4)
    if tail < n and not (text[tail].isspace() or text[tail] in ",;)}]"):
        return None
    return s, e, q, tail


_REFERENCE = re.compile(
    r"""(?x)^(?:\$|%|\{|<|\[|os\.|env\.|process\.env|settings\.|config\.|self\.|getenv|none$|
    null$|nil$|true$|false$|undefined$|\*+$|x+$|\.\.\.$|changeme$|your[_\-]|example|<)""",
    re.I,
)
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*(?:\(\)?)?$")


def _entropy(s: str) -> float:
    counts: dict[str, int] = {}
    for c in s:
        counts[c] = counts.get(c, 0) + 1
    n = len(s)
    return -sum(k / n * math.log2(k / n) for k in counts.values())


def secret_assignments(text: str) -> Iterable[tuple[int, int, str]]:
    if not _ASSIGN_GATE.search(text):
        return
    for m, op, s, e, q in _assignments(text):
        val = text[s:e]
        key = m.group("key").lower()
        if _REFERENCE.match(val) or "(" in val:
            continue
        env_style = op == "=" and text[m.end("key") : s] in ("=", '="', "='")
        if not q and not env_style and op != ":" and _IDENTIFIER.match(val):
            continue  # password = get_password / password = settings.DB_PASSWORD: code, not a value
        is_password = any(k in key for k in ("pass", "pwd", "secret", "credential", "conn", "dsn"))
        if not is_password and (len(val) < 8 or _entropy(val) < 2.5):
            continue  # token: tokenize / key: value-ish words are not secrets
        if val.lower() in SECRET_PLACEHOLDER_VALUES:
            continue
        etype = "PASSWORD" if is_password else "API_KEY"
        yield s, e, etype


class ScrubSecretRecognizer(ScrubRecognizer):
    ENTITIES = tuple(sorted({t for t, _, _ in SECRET_PATTERNS} | {"API_KEY"}))
    SCORE = 1.0
    SOURCE = "secret"

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        specific = []
        if _SPECIFIC_GATE.search(text):
            for etype, rx, group in SECRET_PATTERNS:
                for m in rx.finditer(text):
                    if m.end(group) > m.start(group):
                        specific.append((m.start(group), m.end(group), etype))
        yield from specific
        for s, e, etype in secret_assignments(text):
            # a named key type (STRIPE_KEY...) says more than the generic API_KEY/PASSWORD
            if not any(s < e2 and s2 < e for s2, e2, _ in specific):
                yield s, e, etype
