"""Technical prose: model spans that name products, tools, code and config, not people.

spaCy's model reads "Kafka Connect" as a person, "CrashLoopBackOff" as a place and "Treasury"
or "SWOT" as organisations. Three kinds of evidence, none a list of products:

* the shape of a single word the model alone found: CamelCase or mixed case ("HedgeBook",
  "MLflow", "iPad"; not "McDonald"), letters with digits, or an acronym read as an
  organisation or place ("SWOT", "RTL-SDR");
* how the text itself uses a word (`product_words`): before a dotted version ("Kafka 3.7"),
  before a technical noun ("the Grafana alert", "the Debezium connector") or the noun of a
  method named after its author ("Kaplan-Meier curves", "Bonferroni correction"), called like code
  (`Decimal(0)`), or in lower case as a config key or path segment (`kafka.group_id`,
  `ops/grafana/`); and a single word after "the" is no person ("the Scheduler owns it");
* an ordinary English word (wordfreq, or a lower-case dictionary entry) that is no known
  name, alone as an organisation ("Treasury", "Compliance", "Procurement"), as
  `name_shape.is_common_word` already does for people.

Beyond the words themselves, the paragraph (`in_technical_context`): in a paragraph about code
or products (technical vocabulary, code syntax, versions, CLI flags) that shows no sign of
people (no name found by another recognizer, no e-mail or phone, no salutation, honorific or
sign-off), a model span with no name evidence of its own (no known given name, nothing before
it that introduces a person, no initials, no person verb after it) is a term. The cost: a bare
surname in such a paragraph, with nothing around it that says "person", is kept.

Only model spans are judged here; names found by context rules, patterns, structure or the
deny-list never are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .lexicon import (
    ACRONYMS,
    BY_VERBS,
    COMMON_ZIPF,
    CONTINENTS,
    DEV_WORDS,
    GREETINGS,
    HONORIFICS,
    METHOD_NOUNS,
    NAME_JOINERS,
    NAME_PREFIXES,
    PARTICLES,
    PERSON_KEYS,
    PERSON_LEADS,
    PERSON_ROLE_KEYS,
    PERSON_VERBS,
    PRODUCTS,
    ROLE_LABELS,
    ROSTER_ZIPF,
    TECH_NOUNS,
    TERM_HEADS,
    TOOLS,
)
from .lexicon.dictionary import in_dictionary, in_dictionary_inflected

_WORD = r"[A-Z][A-Za-z0-9+#]*(?:-[A-Za-z0-9]+)*"
_VERSION = re.compile(rf"(?<![\w.-])({_WORD})[ \t]+v?(\d+(?:\.\d+)+)\b(?!\.\d)")
_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$")
_NOUN = re.compile(
    rf"(?<![\w.-])({_WORD})[ \t]+(?:{'|'.join(sorted(TECH_NOUNS, key=len, reverse=True))})\b",
)
#: white space within a sentence: a wrapped line too ("the Shapley\nvalue")
_SP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"
_EPONYM = re.compile(
    rf"(?<![\w.-])({_WORD})(?:['\u2019]s)?"
    rf"(?:{_SP}(?:and|or){_SP}({_WORD})(?:['\u2019]s)?)?"  # "Butterworth and Chebyshev filters"
    rf"{_SP}(?:[A-Z][ \t]+test\b|"
    rf"(?:{'|'.join(sorted(METHOD_NOUNS, key=len, reverse=True))})\b)"
)
_CALL = re.compile(r"(?<![\w.])([A-Z][A-Za-z0-9]+)\(")
#: "the Kano model", "a Vasicek model", "the Okumura-Hata model": an article takes no person
_ARTICLE_MODEL = re.compile(rf"(?<![\w.-])(?:the|a|an)[ \t]+({_WORD})[ \t]+models?\b")
#: "Black-Scholes", "Plackett-Burman", "Callaway-Sant'Anna": two capitalised words joined by a
#: hyphen, the way methods named after two authors are written
_AUTHOR = r"[A-Z][a-z]+(?:['\u2019][A-Z]?[a-z]+)?"
_EPONYM_PAIR = re.compile(rf"^{_AUTHOR}-{_AUTHOR}$")
_THE = re.compile(r"(?:^|\s)the\s+$")
_KEY = re.compile(r"(?<![\w@.\-])([a-z][a-z0-9]{2,})(?:\.[a-z_]{3,}\b(?!@)|/)")
_PATH = re.compile(r"/([a-z][a-z0-9]{2,})/")
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]|^[a-z]+[A-Z]")
_EXTENSIONS = frozenset("yaml yml json toml txt csv pdf docx xlsx pptx md py js ts html".split())


def product_words(text: str, lines: Iterable[str] | None = None) -> frozenset[str]:
    """Casefolded words the text itself uses as the name of a thing (see the module doc), and
    the words it uses as code or as a public package (`codename.code_words`). `lines`: the
    texts `text` joins with line breaks, when it does (their code words are known apart)."""
    out: set[str] = set()
    for m in _VERSION.finditer(text):
        if not _DATE.match(m.group(2)):
            out.add(m.group(1).casefold())
    for m in _NOUN.finditer(text):
        out.add(m.group(1).casefold())
    for m in _EPONYM.finditer(text):  # "Kaplan-Meier curves", "Bonferroni correction"
        out.update(g.casefold() for g in m.groups() if g)
    for m in _ARTICLE_MODEL.finditer(text):  # "the Kano model"
        out.add(m.group(1).casefold())
    out.update(m.group(1).casefold() for m in _CALL.finditer(text))
    for m in _KEY.finditer(text):
        tail = text[m.end(1) + 1 : m.end(1) + 6].split(".")[0].split("_")[0]
        if text[m.end(1)] == "/" or tail.casefold() not in _EXTENSIONS:
            out.add(m.group(1))
    out.update(m.group(1) for m in _PATH.finditer(text))
    # called, declared, imported, installed, in backticks... (the code-name recognizer's)
    from .recognizers.codename import code_words, code_words_in

    out.update(code_words(text) if lines is None else code_words_in(lines))
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
def is_known_name(word: str) -> bool:
    from .recognizers.known_names import name_lists

    first, last, _c = name_lists()
    key = word.casefold()
    folded = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    return key in first or key in last or folded in first or folded in last


def zipf_of(word: str) -> float:
    from .recognizers.name_shape import zipf

    return zipf(word.casefold())


def _common(word: str) -> bool:
    from .recognizers.name_shape import zipf

    return zipf(word.casefold()) >= COMMON_ZIPF and not is_known_name(word)


def is_technical(
    text: str, start: int, end: int, entity_type: str, products: frozenset[str]
) -> bool:
    """True if the model span text[start:end] is a product, tool, code or config term."""
    span = text[start:end]
    words = span.split()
    if any(w.casefold().strip(".,:;()'\u2019") in products for w in words):
        return True
    if entity_type == "LOCATION" and is_ordinary_place_phrase(span):
        return True
    if len(words) > 1 and _product_phrase(text, start, end, entity_type, words):
        return True
    if len(words) != 1:
        return False
    w = words[0]
    if (  # "the Scheduler owns it"; but "the Watson and Sons team" names a firm
        entity_type == "PERSON"
        and _THE.search(text[max(0, start - 6) : start])
        and not is_known_name(w)
    ):
        return True
    if has_code_shape(w):
        return True
    if entity_type in ("ORGANIZATION", "LOCATION") and _is_acronym(w) and not is_known_name(w):
        return True
    if (  # "Black-Scholes", "Box-Behnken": a method of two authors, not a firm or a place
        entity_type in ("ORGANIZATION", "LOCATION")
        and _EPONYM_PAIR.match(w.strip(".,;:()"))
        and not has_name_evidence(text, start, end)
    ):
        return True
    if entity_type != "ORGANIZATION":
        return False
    parts = w.strip(".,;:()'\u2019").split("-")
    if len(parts) > 1 and all(p.isalpha() and _ordinary(p) for p in parts):
        return True  # "Stand-Alone", "Per-Protocol", "Intention-to-Treat": a compound of words
    if not w.isalpha():
        return False
    # "Treasury" (frequent), "Procurement", "Beneficiary" (in the dictionary): a department or
    # a role; a client with a legal form is the org recognizer's, and the task's sweep
    return _ordinary(w)


def _product_phrase(text: str, start: int, end: int, entity_type: str, words: list[str]) -> bool:
    """A vendor and its product ("Kinaxis RapidResponse", "Sepsis BestPractice Advisory": a
    code-shaped word among them; "Revit MEP", "Buffer AVL": an organisation or place ending
    in an acronym of two to four capitals that is no legal form and no country), with no
    name evidence (`has_name_evidence`)."""
    clean = [w.strip(".,;:()'\u2019") for w in words]
    coded = any(has_code_shape(w) for w in clean if w.isalpha())
    last = clean[-1]
    acronym_tail = (
        entity_type in ("ORGANIZATION", "LOCATION")
        and len(clean) <= 3
        and last.isalpha()
        and last.isupper()
        and 2 <= len(last) <= 4
        and not any(w.isupper() for w in clean[:-1])
    )
    if acronym_tail:
        from .lexicon import LEGAL_SUFFIXES, country_names

        low = last.casefold()
        acronym_tail = low not in country_names() and low not in {
            s.casefold().strip(".") for s in LEGAL_SUFFIXES
        }
    if not (coded or acronym_tail):
        return False
    from .recognizers.orgs import has_legal_suffix

    return not has_legal_suffix(text, start, end) and not has_name_evidence(text, start, end)


def _ordinary(w: str) -> bool:
    return _common(w) or (
        len(w) >= 4 and not w.isupper() and in_dictionary(w) and not is_known_name(w)
    )


def is_ordinary_place_phrase(span: str) -> bool:
    """True if a model LOCATION is one to four ordinary words that name no place: a heading
    or a term the model read as a place ("Classes", "Argument", "Exit", "Unary", "BUG
    FIXES"). Every word is `is_ordinary_term_word` (no known name, no acronym: in capitals a
    word is judged as a word), no letters beyond ASCII, and neither the span nor any word of
    it is a place of `lexicon.place_names` ("Reading", "Bath", "Salt Lake City", "Jersey")."""
    from .lexicon import place_names

    words = [w.strip(_PHRASE_STRIP) for w in span.split()]
    words = [w for w in words if w]
    if not 1 <= len(words) <= 4 or any(not w.isascii() or not w.isalpha() for w in words):
        return False
    if not all(is_ordinary_term_word(w, acronyms=False) for w in words):
        return False
    places = place_names()
    return " ".join(words).casefold() not in places and not any(
        w.casefold() in places for w in words
    )


# ------------------------------------------------------------------ the paragraph around a span
_PARA_BREAK = re.compile(r"\n[ \t]*\n")
_TECH_VOCAB = TECH_NOUNS | PRODUCTS | TOOLS | ACRONYMS | DEV_WORDS
_LOWER_WORD = re.compile(r"(?<![\w.-])[a-z][a-z0-9]+(?![\w-])")
_CAP_TOKEN = re.compile(r"(?<![\w.-])[A-Za-z][A-Za-z0-9+#]*[A-Za-z0-9]")
#: signs of code in prose: `backticks`, calls, dotted or snake_case keys, paths, operators
_CODE = re.compile(
    r"`[^`\n]+`|\b[A-Za-z_]\w*\(|\b[a-z_]{2,}\.[a-z_]{2,}\b|\b[a-z]+_[a-z0-9_]+\b|"
    r"(?:^|\s)/?[\w.-]+/[\w.-]+/|==|!=|=>|->|::|\{|\}|^\s*(?:def|class|import|return)\b",
    re.M,
)
_VERSION_ANY = re.compile(r"(?<![\w.])v?\d+\.\d+(?:\.\d+)*(?![\w.])")
_FLAG = re.compile(r"(?<![\w-])--[a-z][\w-]+|(?<![\w-])-[a-zA-Z](?=\s)")
_HONORIFIC = re.compile(rf"(?i)\b(?:{'|'.join(HONORIFICS)})\.?\s+[A-Z]")
_GREETING_START = re.compile(
    r"(?im)^\s*(?:dear|hi|hello|hey|regards|best regards|kind regards|thanks|cheers|"
    r"sincerely|yours)\b"
)
_LEAD_ALT = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in PERSON_LEADS)
_LABEL_ALT = "|".join(re.escape(w) for w in sorted(PERSON_KEYS | ROLE_LABELS, key=len)[::-1])
_BEFORE = re.compile(
    rf"(?i)(?:\b(?:{_LEAD_ALT}|(?:{'|'.join(BY_VERBS)})\s+by|{'|'.join(HONORIFICS)})\.?|@|"
    rf"\b(?-i:[A-Z])\.|\b(?:{_LABEL_ALT})[ \t]*[:=]|\b(?:{_LABEL_ALT})[ \t]*\([^)]*\)[ \t]*:)"
    r"[ \t]*$"
)
_AFTER = re.compile(
    rf"^(?:['\u2019]s\s+(?:team|manager|desk|office|calendar|inbox)\b|,?[ \t]+[A-Z]\.(?:[ \t]|$)|"
    rf"[ \t]+(?:{'|'.join(sorted(PERSON_VERBS))})\b|[ \t]*\((?:[a-z]+@|owner|lead|chair)\b)"
)


def paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The blank-line-separated block of `text` that holds text[start:end]."""
    a = 0
    for m in _PARA_BREAK.finditer(text, 0, start):
        a = m.end()
    m2 = _PARA_BREAK.search(text, end)
    return a, m2.start() if m2 else len(text)


@lru_cache(maxsize=4096)
def is_technical_paragraph(par: str) -> bool:
    """Two kinds of sign of code or products: technical vocabulary (two words of it), code
    syntax, a version, a CLI flag, a code-shaped word ("MLflow", "CrashLoopBackOff")."""
    vocab = {w for w in _LOWER_WORD.findall(par.lower()) if w in _TECH_VOCAB}
    kinds = [
        len(vocab) >= 2,
        bool(_CODE.search(par)),
        bool(_VERSION_ANY.search(par)) and not re.search(r"\d{1,2}\.\d{1,2}\.\d{2,4}", par),
        bool(_FLAG.search(par)),
        any(has_code_shape(m.group(0)) for m in _CAP_TOKEN.finditer(par)),
    ]
    return sum(kinds) >= 2


def shows_people(par: str) -> bool:
    """A salutation or sign-off line, or an honorific before a capitalised word."""
    return bool(_GREETING_START.search(par) or _HONORIFIC.search(par))


def has_name_evidence(text: str, start: int, end: int) -> bool:
    """What says that the span text[start:end] is a person, whatever the paragraph: a known
    given name (unless every word is an ordinary dictionary word, as in "Lean Canvas"), a word
    before it that introduces a person ("Ask", "Dear", "Dr.", "reviewed by", "@", an initial),
    initials or a person verb after it ("Okoro, J. R.", "Tane said", "Lind approved"); letters
    beyond ASCII ("Taşkın", "Özlem": product names are ASCII); or a full name's shape made of
    words no dictionary lists ("Sandeep Chakraborty", not "Kafka Connect")."""
    from .recognizers.known_names import name_lists
    from .recognizers.name_shape import looks_like_name

    first, last, _c = name_lists()
    span = text[start:end]
    words = [w.strip(".,;:()'\u2019") for w in span.split()]
    words = [w for w in words if w]
    if any(c.isalpha() and not c.isascii() for c in span):
        return True
    if (
        len(words) >= 2
        and looks_like_name(span)
        and not any(in_dictionary(w) or has_code_shape(w) or w.isupper() for w in words)
    ):
        return True
    for i, w in enumerate(words):
        key = w.casefold()
        if key in first and key not in GREETINGS:
            others = [x.casefold() for j, x in enumerate(words) if j != i]
            if not in_dictionary(w) or any(
                not in_dictionary(x) or x in first or x in last for x in others
            ):
                return True
    # "Call the Critical Care Outreach Team", "approved by the Quality Assurance unit": a word
    # that introduces a person stands before the article, and no person takes one
    article = bool(words) and words[0].casefold() == "the"
    if not article and _BEFORE.search(text[max(0, start - 24) : start]):
        return True
    return bool(_AFTER.match(text[end : end + 24]))


def in_technical_context(
    text: str,
    start: int,
    end: int,
    entity_type: str,
    people_spans: Sequence[tuple[int, int]] = (),
) -> bool:
    """True if the model span text[start:end] is a term of a code or product paragraph: the
    paragraph is technical (`is_technical_paragraph`), shows no people (`shows_people`, no
    span in `people_spans`: names other recognizers found, e-mail addresses, phones) and the
    span has no name evidence of its own (`has_name_evidence`)."""
    if entity_type not in ("PERSON", "ORGANIZATION", "LOCATION"):
        return False
    a, b = paragraph(text, start, end)
    if any(s < b and e > a for s, e in people_spans):
        return False
    par = text[a:b]
    if not is_technical_paragraph(par) or shows_people(par):
        return False
    return not has_name_evidence(text, start, end)


def is_ordinary_word(
    text: str,
    start: int,
    end: int,
    entity_type: str,
    people_spans: Sequence[tuple[int, int]] = (),
) -> bool:
    """True if the model PERSON span text[start:end] is one ordinary word ("Parquet",
    "Decimate"): a lower-case dictionary entry (`lexicon.dictionary`) of four letters or more,
    written capitalised (not in capitals), in no name list, with no name evidence
    (`has_name_evidence`) and no other recognizer's name or contact beside it; in a cell of
    its own (`_own_cell`) an inflected entry or a place name too, whatever the next cell."""
    if entity_type != "PERSON":
        return False
    word = text[start:end]
    if len(word) < 4 or not word.isalpha() or word.isupper() or " " in word:
        return False
    cell = _own_cell(text, start, end)
    if not cell and any(s <= end + 2 and e >= start - 2 for s, e in people_spans):
        return False
    # a cell of a tab-separated row holding one word ("Bergström, Astrid<TAB>Chartering"):
    # the name in the next cell is no part of it, an inflection is a word too, and a place
    # is what a cell of its own holds ("<TAB>Rotterdam", a Location column)
    if cell:
        from .lexicon import place_names

        known = in_dictionary_inflected(word) or word.casefold() in place_names()
    else:
        known = in_dictionary(word)
    if not known or is_known_name(word):
        return False
    return not has_name_evidence(text, start, end)


def _own_cell(text: str, start: int, end: int) -> bool:
    """text[start:end] fills a cell of a tab-separated row: a tab on one side, a tab or the
    line's end or start on the other."""
    before = text[start - 1 : start] if start else "\n"
    after = text[end : end + 1] or "\n"
    return "\t" in (before + after) and before in "\t\n" and after in "\t\r\n"


#: particles of names and place names in many languages ("de la", "van der", "Les Pins")
_NAME_LINKS = PARTICLES | NAME_JOINERS | frozenset({"les", "los", "las", "il", "lo", "ter"})
_PHRASE_STRIP = ".,;:()[]'\u2019\"`*_!?"
#: joiners of a title ("Analysis & Coverage", "Supporting the Development of Django")
_PHRASE_JOINERS = frozenset({"&", "+", "/", "|"})


def is_ordinary_term_word(word: str, names: bool = True, acronyms: bool = True) -> bool:
    """A word of an ordinary phrase: no known name (with `names`), and an acronym of up to
    four letters ("PII", "CORS"; with `acronyms`), a code-shaped word ("JSONSchema", "C++"), or
    a lower-case dictionary entry or frequent English word ("Quick", "Getting", "Plugins")."""
    if not word.isalpha():
        return has_code_shape(word) or word.strip("+#") != word
    if names and is_known_name(word):
        return False
    if word.isupper() and len(word) >= 2 and acronyms and len(word) <= 4:
        return True
    if has_code_shape(word):
        return True
    return in_dictionary_inflected(word) or zipf_of(word) >= COMMON_ZIPF


def is_ordinary_phrase(
    text: str,
    start: int,
    end: int,
    entity_type: str,
    people_spans: Sequence[tuple[int, int]] = (),
) -> bool:
    """True if the model span text[start:end] is a title or a term of ordinary words, no name:
    two to five words ("Quick Start", "Getting Started", "Model Bakery", "PII Recognizers",
    "Custom Functions", "Compressed Data Format"), or one acronym of up to four letters read as
    a person ("PII", "MSG"), where every word is `is_ordinary_term_word`: none is a known given
    name or surname ("Grace Hopper", "Professor Smith" stay), none has letters beyond ASCII; in
    a span all in capitals no word counts as an acronym ("DERYA AKSOY" stays, "BUG FIXES" not).
    Not when the span has name evidence of its own (`has_name_evidence`: "Ask Quick Start",
    "... said") or another recognizer's name or contact is beside it. An organisation is kept
    when its words name a firm (`orgs.names_a_firm`: "Blue Ocean Shipping", "Acme Group"; not
    "Data Safety Monitoring Board") or a legal form follows."""
    if entity_type not in ("PERSON", "ORGANIZATION"):
        return False
    span = text[start:end]
    words = [w.strip(_PHRASE_STRIP) for w in span.split()]
    words = [w for w in words if w and w not in _PHRASE_JOINERS]
    if not words or len(words) > 5 or any(c.isalpha() and not c.isascii() for c in span):
        return False
    if len(words) == 1:
        w = words[0]
        if entity_type != "PERSON" or not (w.isalpha() and w.isupper() and 2 <= len(w) <= 4):
            return False  # one ordinary word: `is_ordinary_word`, `is_technical`
    if any(s <= end + 2 and e >= start - 2 for s, e in people_spans):
        return False
    parts = [p for w in words for p in w.split("-") if p]
    if any(p.casefold() in _NAME_LINKS for p in parts):
        return False  # "Les Pins", "Ana de la Cruz": a particle of names and places
    # a span all in capitals is a heading or a name in capitals ("BUG FIXES", "DERYA AKSOY"):
    # its words are judged as words, none as an acronym
    acronyms = len(words) == 1 or not all(p.isupper() for p in parts if p.isalpha())
    if not parts or not _ordinary_words(parts, acronyms):
        return False
    if entity_type == "ORGANIZATION":
        from .recognizers.orgs import has_legal_suffix, names_a_firm

        if names_a_firm(parts, anywhere=True) or has_legal_suffix(text, start, end):
            return False
    return not has_name_evidence(text, start, end)


def _ordinary_words(parts: list[str], acronyms: bool) -> bool:
    """Every part is `is_ordinary_term_word`; in a phrase of three words or more, one of them
    may be a name that is a very frequent word as well ("Good Clinical Practice", "Trial
    Master File": wordfreq, at least `ROSTER_ZIPF`) when the others are no names at all."""
    odd = [p for p in parts if not is_ordinary_term_word(p, acronyms=acronyms)]
    if not odd:
        return True
    if len(parts) < 3 or len(odd) > 1 or not odd[0].isalpha() or odd[0].isupper():
        return False
    return is_ordinary_term_word(odd[0], names=False, acronyms=acronyms) and (
        zipf_of(odd[0]) >= ROSTER_ZIPF
    )


#: labels that only a person follows: not "From:"/"To:" (a firm's display name), "Contact:"
_PERSON_LABEL = re.compile(
    rf"(?i)\b(?:{'|'.join(sorted(ROLE_LABELS | PERSON_ROLE_KEYS))})[ \t]*:[ \t]*$"
)


def is_labelled_person(text: str, start: int, end: int) -> bool:
    """True if the model organisation text[start:end] stands right after a label that only a
    person follows ("owner: Chakraborty", "Scribe: Okonkwo") and is no company: one to three
    capitalised words, none an ordinary dictionary word, with no legal form."""
    from .recognizers.orgs import has_legal_suffix

    words = text[start:end].split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    if any(in_dictionary(w.strip(".,")) or has_code_shape(w) for w in words):
        return False
    return bool(_PERSON_LABEL.search(text[max(0, start - 24) : start])) and not has_legal_suffix(
        text, start, end
    )


# ------------------------------------------------------------------ named terms and countries
_TERM_WORD = re.compile(r"[ \t]+([A-Za-z]+)\b")
_DEFINED_ACRONYM = re.compile(r"[ \t]*\(([A-Z]{2,7})\)")


def is_named_term(
    text: str,
    start: int,
    end: int,
    entity_type: str,
    people_spans: Sequence[tuple[int, int]] = (),
) -> bool:
    """True if the model span text[start:end] is the name of a document, method, framework,
    rule book, role or public body: a committee, council or office of ordinary words
    (`_names_a_body`: "Data Governance Council", even after "owner:"), an organisation spelt
    out before its acronym as a term
    (`orgs.is_term_definition`: "the Short-Time Fourier Transform (STFT)"), or its last word is
    a `lexicon.TERM_HEADS` noun ("Master Services
    Agreement", "Lean Canvas") or one follows it ("the Charlson Comorbidity" before "Index",
    "the Environmental Health" before "Officer"). Not when a word has letters beyond ASCII,
    the span has name evidence of its own (`has_name_evidence`: a known given name, "Ask ...",
    "... said"), a legal form follows it, or another recognizer's name or contact is beside it."""
    if entity_type not in ("PERSON", "ORGANIZATION", "LOCATION"):
        return False
    span = text[start:end]
    words = [w.strip(_PHRASE_STRIP) for w in span.split()]
    words = [w for w in words if w and w.casefold() != "the"]
    if not words or len(words) > 6 or not span.isascii():
        return False
    acr = _DEFINED_ACRONYM.match(text, end)
    if acr and entity_type == "ORGANIZATION":
        from .recognizers.orgs import before_unit, is_term_definition

        initials = "".join(p[0] for w in words for p in w.split("-") if p[:1].isupper())
        own = before_unit(text, acr.end())  # "the Quality Assurance (QA) unit"
        if initials.upper() == acr.group(1) and is_term_definition(
            " ".join(words), firm_heads=not own
        ):
            return not has_name_evidence(text, start, end)  # "the Fast Fourier Transform (FFT)"
    if any(s <= end + 2 and e >= start - 2 for s, e in people_spans):
        return False
    from .recognizers.orgs import has_legal_suffix

    if has_legal_suffix(text, start, end):
        return False
    if _names_a_body(text, end, words):
        return True  # "Decision owner: Data Governance Council": a body, whatever the label
    nxt = _TERM_WORD.match(text, end)
    heads = [words[-1].casefold()] + ([nxt.group(1).casefold()] if nxt else [])
    if not any(h in TERM_HEADS for h in heads) and not _eponym_before_head(text, start, end):
        return False
    return not has_name_evidence(text, start, end)


_ARTICLE_BEFORE = re.compile(r"(?i)(?:^|[\s(])(?:the|a|an)[ \t]+$")
_LOWER_RUN = re.compile(r"(?:(?:[ \t]+|[ \t]*\r?\n[ \t]*)[a-z][a-z\-]*){1,3}")  # a line may wrap
#: how many describing words may stand between an eponym and its head noun
_EPONYM_REACH = 3


def _eponym_before_head(text: str, start: int, end: int) -> bool:
    """ "a Heston stochastic volatility model", "the Hartree mean-field approximation": after
    an article (no person takes one), a name is the eponym of a method or a term when a few
    describing words (dictionary words of four letters or more, "mean-reverting" too) lead to a
    `TERM_HEADS` or `METHOD_NOUNS` noun."""
    span = text[start:end]
    if not (
        span[:4].casefold() == "the " or _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
    ):
        return False
    m = _LOWER_RUN.match(text, end)
    if not m:
        return False
    for i, word in enumerate(m.group(0).split()):
        key = word.casefold()
        if key in TERM_HEADS or key in METHOD_NOUNS:
            return i > 0  # one describing word at least: the word right after is read above
        parts = word.split("-")
        if len(word) < 4 or i + 1 >= _EPONYM_REACH:
            return False
        if not all(len(p) > 1 and in_dictionary_inflected(p) for p in parts):
            return False
    return False


_CAP_AFTER = re.compile(rf"{_SP}([A-Z][a-z]+)\b")


def _names_a_body(text: str, end: int, words: list[str]) -> bool:
    """True if the words (and up to three capitalised words after them: "the Public Company
    Accounting" before "Oversight Board") name a public body, a committee or a council: the
    last is an `lexicon.INSTITUTION_NOUNS` head and every word is ordinary (`_ordinary_words`:
    no known given name or surname, one very frequent one allowed in three words or more)."""
    from .lexicon import INSTITUTION_NOUNS

    parts = [w.removesuffix("'s").removesuffix("\u2019s") for w in words]
    pos = end
    for _ in range(3):
        m = _CAP_AFTER.match(text, pos)
        if not m or parts[-1].casefold() in INSTITUTION_NOUNS:
            break
        parts.append(m.group(1))
        pos = m.end()
    parts = [p for p in parts if p.casefold() not in ("of", "and", "for", "on")]
    if len(parts) < 2 or parts[-1].casefold() not in INSTITUTION_NOUNS:
        return False
    if not all(p.isalpha() for p in parts):
        return False
    return _ordinary_words(parts, acronyms=True)


_LINE_DIGITS = re.compile(r"\d")
#: how far around a place its line is read (a long line without breaks is read in part)
_LINE_REACH = 160


def is_bare_country(text: str, start: int, end: int, entity_type: str) -> bool:
    """True if the model place text[start:end] is a sovereign country or a continent alone in
    a sentence ("stored in Germany", "Africa and South America"): no personal data. Not on a
    line of its own, nor after a comma or a number on a line with digits, where it ends a
    postal address ("13353 Berlin, Germany"; the address recognizers own those lines)."""
    if entity_type not in ("LOCATION", "GPE"):
        return False
    from .lexicon import country_names

    key = " ".join(text[start:end].split()).casefold().strip(_PHRASE_STRIP)
    bare = key[4:] if key.startswith("the ") else key
    if not (key in CONTINENTS or bare in country_names() or key in country_names()):
        return False
    lo, hi = max(0, start - _LINE_REACH), min(len(text), end + _LINE_REACH)
    a = text.rfind("\n", lo, start) + 1 or lo
    b = text.find("\n", end, hi)
    line = text[a : b if b >= 0 else hi]
    alone = line.strip(" \t,.;:*-|#") == text[start:end].strip()
    # "Müllerstraße 42, 13353 Berlin, Germany": after a comma on a line with a number
    ends_address = bool(re.search(r"[,\d][ \t]*$", text[a:start])) and bool(
        _LINE_DIGITS.search(line)
    )
    return not alone and not ends_address
