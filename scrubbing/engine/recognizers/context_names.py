"""Names the model misses, found by where they stand, in any script: e-mail and document
headers (From/To/Cc, X-From, attendee lists, `*-by:` trailers), display names before an address,
Lotus Notes addresses, salutations, sign-offs (surname first too), bullets and short cells that
hold only a name, @handles, "J. Smith", and a name beside an address that names the same
person."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..hits import PATTERN_PERSON
from ..lexicon import (
    BY_VERBS,
    CHAT_EVENTS,
    DEPARTMENT_WORDS,
    GROUP_WORDS,
    LEGAL_SUFFIXES,
    MAIL_HEADERS,
    NAME_JOINERS,
    PARTICLES,
    ROLE_TITLES,
    STREET_TYPES,
    TO_VERBS,
    WORLD_HONORIFICS,
)
from .base import ScrubRecognizer
from .name_shape import _VOCAB, ROSTER_ZIPF, is_common_word, looks_like_name

_L = r"[^\W\d_]"  # a letter of any script
_NAME_WORD = rf"{_L}[\w'\u2019\-]*\.?"
_HEADER_LINE = re.compile(
    r"(?im)(?:^|(?<=\t))[ \t>]*(?:from|to|cc|bcc|reply-to|sender|x-from|x-to|x-cc|x-bcc|attendees?|"
    r"participants|present|apologies|absent|invitees|guests|organi[sz]er|chair(?:person)?|"
    r"facilitator|note[ -]?taker|scribe|maintainers?|incident commander|on-call|"
    r"minutes(?: taken)? by|author|owner|reviewer|approver|"
    r"prepared by|approved by|reviewed by|contact|assignee|reporter|requested by|submitted by|"
    r"signed|attn|attention|fao|for the attention of|[a-z]+(?:-[a-z]+)*-by)[ \t]*:[ \t]*"
    r"(?P<val>[^\n\t]+)(?=\t|$)"
)
_DISPLAY_NAME = re.compile(
    rf"(?P<q>[\"\u201c']?)(?P<name>{_L}[^\"\u201d<>@\n,;]{{0,58}}?(?:,[ \t]*{_L}[^\"\u201d<>@\n,;]"
    r"{0,40}?)?)(?P=q)[ \t]*<[^>\s@]+@[^>\s]+>"
)
_CAP_WORD = r"[^\W\d_a-z][\w'\u2019\-]*"
_LOTUS = re.compile(
    rf"(?P<name>{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{1,3}})/(?:[A-Z][A-Za-z0-9&]*/)*"
    r"[A-Z][A-Za-z0-9&]*@[A-Za-z][A-Za-z0-9]*"
)
_INITIAL_SURNAME = re.compile(
    r"(?<![\w.])(?<!^)(?P<name>[A-Z]\.(?:[ \t]?[A-Z]\.)?[ \t]?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
    r"(?![\w])",
    re.M,
)
# "G. VENKATESH", "A. K. OYELARAN-BROOKS": an initial and a family name in capitals (a caption,
# a reference); outline numbering ("A. INTRODUCTION") has an ordinary word after it
_INITIAL_CAPS = re.compile(
    r"(?<![\w.])(?P<name>[A-Z]\.(?:[ \t]?[A-Z]\.)?[ \t]?(?P<family>[A-Z]{3,}(?:-[A-Z]{2,})?))"
    r"(?![\w\-]|\.\w)"
)
_SIGNOFF_PHRASE = (
    r"[ \t>]*(?:best|kind|warm|many)?[ \t]*(?:regards|wishes|thanks|thank you|cheers|"
    r"sincerely|yours(?: sincerely| truly| faithfully)?|best|respectfully|br|--)[ \t]*[,!.]?[ \t]*"
)  # "--": the signature delimiter of mail (RFC 3676), "-- " alone on its line
_SIGNOFF = re.compile(rf"(?im)^{_SIGNOFF_PHRASE}\r?\n[ \t>]*(?P<name>[^\n>]{{2,60}}?)[ \t]*$")
#: a line that is only a sign-off ("Yours sincerely,"): the name may be the next paragraph
SIGNOFF_LINE = re.compile(rf"(?i)^{_SIGNOFF_PHRASE}$")
_SIGNOFF_INITIALS = re.compile(r"^(?:[A-Z]\.?[ \t]?){2,3}$")
_SALUTATION = re.compile(
    r"(?im)^[ \t]*(?:dear|hi|hello|hey|good (?:morning|afternoon|evening)|greetings)[ \t]+"
    r"(?:(?:mr|mrs|ms|mx|miss|dr|prof|herr|frau|mme|sr|sra)\.?[ \t]+)?"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|['\u2019]t)){{0,3}})[ \t]*[,!:\n]"
)
_HONORIFIC = re.compile(r"(?i)(?:mr|mrs|ms|mx|miss|dr|prof|herr|frau|mme|sr|sra)\.?[ \t]+$")
_BULLET = re.compile(
    r"(?m)^[ \t]*(?:[-*\u2022\u00b7\u2013>]|\d{1,3}[.)])[ \t]+(?P<item>[^\n]{2,80}?)[ \t]*$"
)
# "- Managing Director: Anahit Hakobyan", "Project Controller: Ng, Wing-yan": a job title as
# the label of a line (a bullet of an org chart too)
_ROLE_LINE = re.compile(
    r"(?m)^[ \t>]*(?:(?:[-*\u2022\u00b7\u2013]|\d{1,3}[.)])[ \t]+)?"
    r"(?P<label>[A-Za-z][A-Za-z&/\-]*(?:[ \t][A-Za-z&/\-]+){0,3})[ \t]*:[ \t]*"
    r"(?P<val>[^\n:]{2,60}?)[ \t]*$"
)
# "[10:42] Karim Chaouch: morning all", "10:43 Ingrid: ok", "[11:02] Ingrid Sørensen joined",
# "07/03/2026, 09:14 - Ingrid Sørensen: ok" (a messenger's export): the speaker of a chat or
# meeting log
_CHAT_LINE = re.compile(
    r"(?m)^[ \t]*\[?(?:\d{4}-\d{2}-\d{2}[ T]|\d{1,2}[./]\d{1,2}[./]\d{2,4},?[ \t])?"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?\]?(?:[ \t]+[\-\u2013])?"
    r"[ \t]+<?(?P<name>[^\W\d_][^\n:<>\[\]@]{0,40}?)>?[ \t]*"
    r"(?::[ \t]|:$|(?=[ \t]+(?:" + "|".join(CHAT_EVENTS) + r")\b))"
)
# "escalated to Kebede", "call with Emily;", "signed off by Uchida K.": the person a hand-off
# or a meeting names (lines of a timeline or a log)
_HANDOFF = re.compile(
    r"(?i:\b(?:"
    + "|".join(re.escape(v) for v in TO_VERBS)
    + "|(?:"
    + "|".join((*BY_VERBS, "signed off", "raised", "chaired", "review"))
    + r")[ \t]+by)[ \t]+)"
    r"(?P<name>(?:[^\W\d_a-z]\.|[^\W\d_a-z][\w'\u2019\-]*)"
    r"(?:[ \t]+(?:[^\W\d_a-z]\.|[^\W\d_a-z][\w'\u2019\-]*)){0,3})"
)
_DATED_LINE = re.compile(
    r"[ \t>*\-]*\[?(?:\d{4}-\d{2}(?:-\d{2})?|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}:\d{2}|"
    r"\d{1,2} [A-Z][a-z]{2,8}(?: \d{4})?|[A-Z][a-z]{2,8} \d{4})"
)
# "ATTENDEE;CN="Ng, Wing-yan";ROLE=REQ-PARTICIPANT:mailto:...": the common name of an
# iCalendar organizer or attendee (RFC 5545's CN parameter)
_ICAL_CN = re.compile(
    r"(?im)^(?:organizer|attendee|contact)(?:;[^:\n]*?)?;CN=(?P<q>\"?)(?P<name>[^\";:\n]{2,60})"
    r"(?P=q)(?=[;:])"
)
# "Action: Cao Yuxuan to confirm the cover", "- Action: chase the schedules (Cormac D’Arcy)":
# the owner of an action item, before "to"/"will" or in brackets at its end
_ACTION_LINE = re.compile(
    r"(?m)^[ \t>*\-\u2022]*(?i:action(?:[ \t]items?)?|todo|to-do|next step)[ \t]*:[ \t]*"
    r"(?:(?P<name>[^\W\d_a-z][^\n():;,]{1,50}?)[ \t]+(?:to|will)[ \t]+[a-z]"
    r"|[^\n]*\((?P<owner>[^\W\d_a-z][^\n()]{1,50})\)[ \t]*\.?[ \t]*$)"
)
# "3f9a2c1d (Gulbahor Ismoilova 2026-03-02 17:40:12 +0100 42) ...": the author in git blame
_BLAME_LINE = re.compile(
    r"(?m)^\^?[0-9a-f]{7,40}[ \t]+(?:\S+[ \t]+)?\((?P<name>[^\W\d_][^()\n\d<>@]{0,60}?)[ \t]+"
    r"\d{4}-\d{2}-\d{2}[ \t]"
)
# "Smt. Padmavathi Raghunathan", "Pak Wahyudi", "Shri Venkatesh Iyer": a title says a person
_TITLED = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(h) for h in WORLD_HONORIFICS) + r")\.?[ \t]+"
    r"(?P<name>[^\W\d_a-z][\w'\u2019\-]*(?:[ \t]+(?:[^\W\d_a-z][\w'\u2019\-]*|"
    + "|".join(("bin", "binti", "bint", "ibn", "al", "van", "von", "de", "da", "del", "la"))
    + r")){0,3})"
)
_HANDLE = re.compile(r"(?<![\w.@/\\])@(?P<h>[A-Za-z][\w.\-]{1,30}[A-Za-z0-9])(?![\w@])")
_HANDLE_NOISE = frozenset({"here", "channel", "everyone", "all", "team", "param", "return"})
_ROLE_TAIL = re.compile(
    r"[ \t]*(?:\([^)]*\)|[\u2013\u2014-][ \t].*|:.*|\|.*|[\u00b7\u2022][ \t].*)$"
)
_CAPS_RUN = re.compile(
    r"(?<![\w\-])(?P<name>[A-Z][A-Z'\u2019\-]+(?:[ \t]+[A-Z][A-Z'\u2019\-]+){1,4})(?![\w\-])"
)
_NOT_LOWER_LETTER = re.compile(r"[^\W\d_a-z]")
_EMAIL_IN_TEXT = re.compile(r"(?<![\w.+\-])([\w.+\-]+)@[\w\-]+(?:\.[\w\-]+)+")
_CAP_RUN = re.compile(
    r"(?<![\w\-])[^\W\d_a-z][^\W\d_]+(?:[ \t]+(?:[a-z]{1,3}[ \t]+)?[^\W\d_a-z][^\W\d_]+){0,2}"
)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Cut a trailing role ("(CFO)", "- Legal") and surrounding quotes/space off text[s:e]."""
    m = _ROLE_TAIL.search(text, s, e)
    if m and m.start() > s:
        e = m.start()
    while s < e and text[s] in " \t\"'\u201c\u2018*_":
        s += 1
    while e > s and text[e - 1] in " \t\"'\u201d\u2019*_.,;":
        e -= 1
    return s, e


def _name_item(
    text: str, s: int, e: int, strict: bool = False, loose: bool = False
) -> Iterable[tuple[int, int, str]]:
    """`strict` (a bullet or a cell, where the place does not say "person"): a Latin-script
    name needs one word from the name lists too; `loose` (a sign-off, a header): initials
    may stand for a given name ("Sun L.", "Okoro, J. R.")."""
    s, e = _trim(text, s, e)
    if text[e : e + 1] == "." and loose:
        e += 1  # "Sun L." keeps its initial's dot
    item = text[s:e]
    if "\t" in item:
        # cells of a row ("Bergström, Astrid<TAB>Chartering<TAB>Singapore"): each is its own
        # item, the first one when it holds a name
        tab = text.find("\t", s, e)
        if tab > s:
            yield from _name_item(text, s, tab, strict, loose)
        return
    if e > s and looks_like_name(item, loose) and (not strict or _has_known_part(item)):
        yield s, e, "PERSON"
    elif "," in text[s:e]:  # "Raman, Priya": surname first
        a, b = text[s:e].split(",", 1)
        if looks_like_name(f"{b.strip()} {a.strip()}", loose) and len(a.split()) == 1:
            yield s, e, "PERSON"


def _has_known_part(item: str) -> bool:
    from .known_names import name_lists
    from .name_shape import CASED, word_script

    first, last, _common = name_lists()
    words = item.split()
    if word_script(words[0]) not in CASED:
        return True
    return any(w.casefold().strip(".") in first or w.casefold() in last for w in words)


#: "… – Head of Planning", "… - Procurement": the part of an item after a spaced dash
_DASH_TAIL = re.compile(r"[ \t][\u2013\u2014\-][ \t]+(?P<tail>[^\u2013\u2014\-()]{2,40}?)[ \t]*$")


def _role_after_dash(item: str) -> bool:
    """An org chart's bullet: the item ends in a job title or a department after a spaced
    dash ("– Head of Planning", "– Procurement", "- Finance Director")."""
    from ..lexicon import JOB_WORDS

    m = _DASH_TAIL.search(item)
    if not m:
        return False
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", m.group("tail"))]
    return 1 <= len(words) <= 5 and any(
        w in ROLE_TITLES or w in DEPARTMENT_WORDS or w in JOB_WORDS for w in words
    )


def caps_name_hits(text: str) -> Iterable[tuple[int, int, str]]:
    """Names in capitals in captions and headings ("JEAN-LUC MARCHETTI"): the first word a
    known first name (each part of a hyphenated one), the others not ordinary words."""
    from .known_names import name_lists
    from .name_shape import is_common_word

    first = name_lists()[0]
    for m in _CAPS_RUN.finditer(text):
        words = m.group("name").split()
        given = [p for p in re.split(r"[\-]", words[0].casefold()) if p]
        if not given or not all(p in first for p in given):
            continue
        # the longest run of name words: "JAN-WILLEM VAN DER WOUDE", not "... AND TEAM"
        for k in range(min(len(words), 3 if len(words) <= 3 else 5), 1, -1):
            rest = words[1:k]
            if (
                rest[-1].casefold() in PARTICLES
                or len(rest) > 2
                and not any(w.casefold() in PARTICLES for w in rest)
            ):
                continue
            if not any(is_common_word(w) for w in rest if w.casefold() not in PARTICLES):
                end = m.start("name") + len(" ".join(words[:k]))
                if text[m.start("name") : end] == " ".join(words[:k]):
                    yield m.start("name"), end, "PERSON"
                break


def email_name_hits(text: str) -> Iterable[tuple[int, int, str]]:
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


def _one_name_word(word: str) -> bool:
    """A lone word where only a person stands (a chat speaker, "Assistant: Balachandran"): a
    capitalised word of a name's shape that is no ordinary English word."""
    return (
        len(word) >= 3
        and word[:1].isupper()
        and not word.isupper()
        and re.fullmatch(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*", word) is not None
        and word.casefold() not in _VOCAB
        and word.casefold() not in DEPARTMENT_WORDS
        and not is_common_word(word, ROSTER_ZIPF)
    )


def role_line_hits(text: str) -> Iterable[tuple[int, int, str]]:
    """The person after a job title used as a label ("Controller: Marković, Nikola")."""
    for m in _ROLE_LINE.finditer(text):
        label = m.group("label").casefold().replace("/", " ").replace("-", " ").split()
        if not any(w in ROLE_TITLES for w in label):
            continue
        s, e = _trim(text, m.start("val"), m.end("val"))
        val = text[s:e]
        if not val or val.split()[-1] in LEGAL_SUFFIXES:
            continue
        if " " not in val and "," not in val:
            if _one_name_word(val):
                yield s, e, "PERSON"
            continue
        yield from _name_item(text, s, e, loose=True)


#: a second person joined to the first ("reviewed by Ana Lima and Bjørnstad")
_AND_NAME = re.compile(r"[ \t]+(?:and|&)[ \t]+(?P<name>[^\W\d_a-z][\w'\u2019\-]*)(?![\w\-])")


def handoff_hits(text: str) -> Iterable[tuple[int, int, str]]:
    """The person after "handed over to", "approved by", "call with"..., and a lone family
    name joined to that person by "and" ("for review by Ana Lima and Bjørnstad")."""
    for m in _HANDOFF.finditer(text):
        s, e = _trim(text, m.start("name"), m.end("name"))
        name = text[s:e]
        if not name:
            continue
        m2 = _AND_NAME.match(text, e)
        if m2 and _one_name_word(m2.group("name")):
            yield m2.start("name"), m2.end("name"), "PERSON"
        if " " not in name:
            # a lone word: a known name, or any name's shape on a dated line of a log
            line = text[text.rfind("\n", 0, s) + 1 : s]
            if _one_name_word(name) and (_DATED_LINE.match(line) or _has_known_part(name)):
                yield s, e, "PERSON"
            continue
        if not _company_words(name):  # "contact Grafana Labs", "email Acme Support"
            yield from _name_item(text, s, e, loose=True)


def _company_words(name: str) -> bool:
    """A company's or a team's words: an organisation noun, a product, or an ordinary word
    last ("Acme Support", "Grafana Labs"); a surname that is a word is a name ("Amy Young")."""
    from ..lexicon import ORG_NOUNS, PRODUCTS, TOOLS, VENDORS

    words = [w.strip(".,;:!?").casefold() for w in name.split()]
    if any(w in ORG_NOUNS or w in PRODUCTS or w in TOOLS or w in VENDORS for w in words):
        return True
    if not words or len(words[-1]) < 2:
        return False  # an initial last is a name's ("Sun L.")
    return is_common_word(words[-1], ROSTER_ZIPF)


def titled_hits(text: str) -> Iterable[tuple[int, int, str]]:
    """The name after a title of any culture ("Khun Somsak", "Smt. Padmavathi Raghunathan")."""
    for m in _TITLED.finditer(text):
        s, e = _trim(text, m.start("name"), m.end("name"))
        words = text[s:e].split()
        while len(words) > 1 and words[0].rstrip(".") in WORLD_HONORIFICS:
            s += len(words.pop(0))  # "Mr Justice Okafor": the second title is no name
            while text[s] in " \t":
                s += 1
        while words and words[-1].islower():
            e -= len(words.pop()) + 1  # "... bin" ends no name
        name = text[s:e]
        if not name or words[-1].casefold() in STREET_TYPES:
            continue  # "Sheikh Zayed Road" is a street
        if " " not in name:
            if _one_name_word(name):
                yield s, e, "PERSON"
            continue
        yield from _name_item(text, s, e, loose=True)


def chat_speaker_hits(text: str) -> Iterable[tuple[int, int, str]]:
    """The speaker of each line of a chat or meeting log; the author of a git blame line."""
    for m in (*_CHAT_LINE.finditer(text), *_BLAME_LINE.finditer(text)):
        s, e = _trim(text, m.start("name"), m.end("name"))
        name = text[s:e]
        if not name:
            continue
        if " " not in name:
            if _one_name_word(name):
                yield s, e, "PERSON"
            continue
        yield from _name_item(text, s, e, loose=True)


def signoff_name(text: str, s: int, e: int) -> Iterable[tuple[int, int, str]]:
    """The name under a sign-off: a name's shape, "Sun L." or bare initials ("J.D.")."""
    name = text[s:e].strip()
    if _SIGNOFF_INITIALS.match(name) and name.casefold() not in _VOCAB:
        yield s, e, "PERSON"  # "Thanks,\nJ.D."
        return
    yield from _name_item(text, s, e, loose=True)


def family_then_given(family: str, given: str) -> bool:
    """ "Romero Delgado, Ana Belén": two family names, then the given names (one person), not
    a list of two people ("Anna Berg, Carl Diaz"): the first word before the comma is a known
    surname and no first name, the first after it a known first name."""
    from .known_names import name_lists

    left, right = family.split(), given.split()
    if len(left) != 2 or not right:
        return False
    first, last, _english = name_lists()
    head = left[0].casefold()
    return head in last and head not in first and right[0].casefold() in first


def _header_hits(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _HEADER_LINE.finditer(text):
        val, base = m.group("val"), m.start("val")
        covered: list[tuple[int, int]] = []
        for d in _DISPLAY_NAME.finditer(val):
            s, e = _trim(val, d.start("name"), d.end("name"))
            covered.append((d.start(), d.end()))
            if e > s and "@" not in val[s:e] and val[s:e].casefold() not in MAIL_HEADERS:
                yield base + s, base + e, "PERSON"
        for d in _LOTUS.finditer(val):
            covered.append((d.start(), d.end()))
            yield base + d.start("name"), base + d.end("name"), "PERSON"
        pos = 0
        for item in re.split(r"[;,]|\band\b", val):
            s, e = pos, pos + len(item)
            pos = e + (1 if val[e : e + 1] in ",;" else 3)
            if "@" in item or any(a < e and s < b for a, b in covered):
                continue
            for hs, he, t in _name_item(val, s, e, loose=True):
                yield base + hs, base + he, t
        if ";" not in val and val.count(",") == 1 and "@" not in val:
            # Outlook's "From: Ng, Wing-yan": one person, family name first
            family, given = val.split(",")
            one = len(family.split()) == 1 or family_then_given(family, given)
            if one and 1 <= len(given.split()) <= 2:
                for hs, he, t in _name_item(val, 0, len(val), loose=True):
                    yield base + hs, base + he, t
        elif ";" in val:
            for d in re.finditer(r"[^;]+", val):
                if d.group(0).count(",") == 1 and "@" not in d.group(0):
                    for hs, he, t in _name_item(val, d.start(), d.end(), loose=True):
                        yield base + hs, base + he, t


#: a word in lower case that no name holds: "Report bugs to <...>", "This page was written
#: by Jeff Bailey <...>" (not "de", "van", "bin": particles and joiners)
_LOWER_WORD = re.compile(r"(?<![\w'\u2019\-])[a-z][\w'\u2019]*(?![\w'\u2019\-])")


def _after_sentence(text: str, s: int, e: int) -> int:
    """Where the name in the display text text[s:e] before an address starts: after the last
    word in lower case that is no particle ("This page was written by [Jeff Bailey]"); `e`
    when the text is a sentence with no name at its end ("Report bugs to")."""
    cut = s
    for m in _LOWER_WORD.finditer(text, s, e):
        if m.group(0) not in PARTICLES and m.group(0) not in NAME_JOINERS:
            cut = m.end()
    if cut == s:
        return s
    while cut < e and text[cut] in " \t":
        cut += 1
    return cut


def name_hits(text: str) -> Iterable[tuple[int, int, str]]:
    yield from _header_hits(text)
    if "<" in text and "@" in text:  # a mailbox anywhere: "Jane Doe <jane@x>", a mail segment
        for d in _DISPLAY_NAME.finditer(text):
            a = d.start("name")
            label = text.rfind(":", a, d.end("name"))
            if label >= 0:  # "Reviewed-by: Seo-yeon Bak <...>": the name is after the label
                a = label + 1
            s, e = _trim(text, a, d.end("name"))
            s = _after_sentence(text, s, e)
            line_start = text.rfind("\n", 0, s) + 1
            name = text[s:e]
            if (
                e > s
                and ":" not in text[line_start:s]
                and (name[0].isupper() or name[0].lower() == name[0].upper())
                and name.casefold() not in MAIL_HEADERS
            ):
                yield s, e, "PERSON"
    if "/" in text and "@" in text:
        for m in _LOTUS.finditer(text):
            yield m.start("name"), m.end("name"), "PERSON"
    for m in _SIGNOFF.finditer(text):
        yield from signoff_name(text, m.start("name"), m.end("name"))
    for m in _SALUTATION.finditer(text):
        name = m.group("name")
        titled = _HONORIFIC.search(text, m.start(), m.start("name")) is not None
        if name.casefold().split()[0] not in GROUP_WORDS and (
            name[0].isupper() or (titled and name.split()[0].casefold() in PARTICLES)
        ):
            yield m.start("name"), m.end("name"), "PERSON"  # "Dear Mr van 't Hof,"
    for m in _BULLET.finditer(text):
        # "- Levan Kvaratskhelia – Head of Planning": a role after the dash says "person"
        role = _role_after_dash(m.group("item"))
        yield from _name_item(text, m.start("item"), m.end("item"), strict=not role)
    if ":" in text:
        yield from role_line_hits(text)
        yield from chat_speaker_hits(text)
        for m in _ACTION_LINE.finditer(text):
            g = "name" if m.group("name") else "owner"
            yield from _name_item(text, m.start(g), m.end(g), loose=True)
        if "CN=" in text or "cn=" in text:
            for m in _ICAL_CN.finditer(text):
                yield from _name_item(text, m.start("name"), m.end("name"), loose=True)
    yield from handoff_hits(text)
    yield from titled_hits(text)
    if "\n" not in text.strip() and len(text) <= 60:
        yield from _name_item(text, 0, len(text), strict=True)  # a cell that is only a name
    if "@" in text:
        yield from email_name_hits(text)
        for m in _HANDLE.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if text[line_start : m.start()].strip() == "" or m.group("h").lower() in _HANDLE_NOISE:
                continue  # "@decorator" at the start of a line is code
            yield m.start("h"), m.end("h"), "USERNAME"  # the handle, without its "@"
    yield from caps_name_hits(text)
    for m in _INITIAL_CAPS.finditer(text):
        family = m.group("family")
        if not any(is_common_word(p) for p in family.split("-")):
            yield m.start("name"), m.end("name"), "PERSON"
    for m in _INITIAL_SURNAME.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start : m.start()].strip(" \t-*>\u2022#"):
            continue  # "A. Background" at the start of a line is outline numbering
        yield m.start("name"), m.end("name"), "PERSON"


class ScrubNameRecognizer(ScrubRecognizer):
    # Own entity name: Presidio drops a result contained in a same-type result with a
    # higher score, so a model span "Katherine Allen katherine.allen97" (rejected later
    # as a false positive) would otherwise swallow the pattern's "Katherine Allen".
    ENTITIES = (PATTERN_PERSON, "USERNAME")
    SCORE = 0.6

    @staticmethod
    def gate(text: str) -> bool:
        # every rule needs a letter that is not lower-case ASCII
        return _NOT_LOWER_LETTER.search(text) is not None

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        for s, e, etype in name_hits(text):
            yield s, e, PATTERN_PERSON if etype == "PERSON" else etype
