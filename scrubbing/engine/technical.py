"""Technical prose: model spans that name products, tools, code and config, not people.

spaCy's model reads "Kafka Connect" as a person, "CrashLoopBackOff" as a place and "Treasury"
or "SWOT" as organisations. Three kinds of evidence, none a list of products:

* the shape of a single word the model alone found: CamelCase or mixed case ("HedgeBook",
  "MLflow", "iPad"; not "McDonald"), letters with digits, or an acronym read as an
  organisation or place ("SWOT", "RTL-SDR");
* how the text itself uses a word (`product_words`): before a dotted version ("Kafka 3.7"),
  before a technical noun ("the Grafana alert", "the Debezium connector"), called like code
  (`Decimal(0)`), or in lower case as a config key or path segment (`kafka.group_id`,
  `ops/grafana/`); and a single word after "the" is no person ("the Scheduler owns it");
* an ordinary English word (wordfreq) that is no known name, alone as an organisation
  ("Treasury", "Compliance"), as `name_shape.is_common_word` already does for people.

Only model spans are judged here; names found by context rules, patterns, structure or the
deny-list never are.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lexicon import COMMON_ZIPF, NAME_PREFIXES, TECH_NOUNS

_WORD = r"[A-Z][A-Za-z0-9+#]*(?:-[A-Za-z0-9]+)*"
_VERSION = re.compile(rf"(?<![\w.-])({_WORD})[ \t]+v?(\d+(?:\.\d+)+)\b(?!\.\d)")
_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$")
_NOUN = re.compile(
    rf"(?<![\w.-])({_WORD})[ \t]+(?:{'|'.join(sorted(TECH_NOUNS, key=len, reverse=True))})\b",
)
_CALL = re.compile(r"(?<![\w.])([A-Z][A-Za-z0-9]+)\(")
_THE = re.compile(r"(?:^|\s)the\s+$")
_KEY = re.compile(r"(?<![\w@.\-])([a-z][a-z0-9]{2,})(?:\.[a-z_]{3,}\b(?!@)|/)")
_PATH = re.compile(r"/([a-z][a-z0-9]{2,})/")
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]|^[a-z]+[A-Z]")
_EXTENSIONS = frozenset("yaml yml json toml txt csv pdf docx xlsx pptx md py js ts html".split())


def product_words(text: str) -> frozenset[str]:
    """Casefolded words the text itself uses as the name of a thing (see the module doc)."""
    out: set[str] = set()
    for m in _VERSION.finditer(text):
        if not _DATE.match(m.group(2)):
            out.add(m.group(1).casefold())
    for m in _NOUN.finditer(text):
        out.add(m.group(1).casefold())
    out.update(m.group(1).casefold() for m in _CALL.finditer(text))
    for m in _KEY.finditer(text):
        tail = text[m.end(1) + 1 : m.end(1) + 6].split(".")[0].split("_")[0]
        if text[m.end(1)] == "/" or tail.casefold() not in _EXTENSIONS:
            out.add(m.group(1))
    out.update(m.group(1) for m in _PATH.finditer(text))
    return frozenset(out)


def has_code_shape(word: str) -> bool:
    """CamelCase or mixed case ("HedgeBook", "MLflow", "iPad"), or letters with digits."""
    w = word.strip(".,;:()'\u2019")
    if any(c.isdigit() for c in w) and any(c.isalpha() for c in w):
        return True
    for p in NAME_PREFIXES:
        if w.startswith(p) and w[len(p) : len(p) + 1].isupper():
            w = w[len(p) :]
            break
    return bool(_CAMEL.search(w)) and not w.isupper()


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=16384)
def _known_name(word: str) -> bool:
    from .recognizers.known_names import name_lists

    first, last, _c = name_lists()
    key = word.casefold()
    folded = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    return bool({key, folded} & (first | last))


def _common(word: str) -> bool:
    from .recognizers.name_shape import zipf

    return zipf(word.casefold()) >= COMMON_ZIPF and not _known_name(word)


def is_technical(
    text: str, start: int, end: int, entity_type: str, products: frozenset[str]
) -> bool:
    """True if the model span text[start:end] is a product, tool, code or config term."""
    span = text[start:end]
    words = span.split()
    if any(w.casefold().strip(".,:;()'\u2019") in products for w in words):
        return True
    if len(words) != 1:
        return False
    w = words[0]
    if (  # "the Scheduler owns it"; but "the Watson and Sons team" names a firm
        entity_type == "PERSON"
        and _THE.search(text[max(0, start - 6) : start])
        and not _known_name(w)
    ):
        return True
    if has_code_shape(w):
        return True
    if entity_type in ("ORGANIZATION", "LOCATION") and _is_acronym(w) and not _known_name(w):
        return True
    return entity_type == "ORGANIZATION" and w.isalpha() and _common(w)
