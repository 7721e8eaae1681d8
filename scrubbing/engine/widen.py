"""A surname left next to a placeholder: widen a person span over the rest of its name.

Detection often finds half of a name: the model tags "Kovács" in "cc: Kovács, Réka", the
known-name lists find "Yılmaz" in "DERYA YILMAZ"-style captions, a context rule takes "Hof"
but not "van 't". What sits right beside a PERSON span on the same line is the rest of the name
when it has a name's shape and no other reading:
  * "Family, [Given]" / "[Family], Given" (a one-word span) when the two fill the field
    (line start or end, a quote, a header's colon, "<"), so a list "A B, C D" stays two;
  * an ALL-CAPS word, an initial or a word that is no English word right before the span
    ("DERYA [..]", "Yetunde G [..]"), never work vocabulary, greetings or honorifics;
  * particles and a capitalised word right after it ("[..] van 't Hof", "[..] de la Cruz");
  * initials with their dots after a one-word span that close the line ("[Cho] E."), and
    the given name after a family name in capitals that ends the field ("[NARAYANAN] Lakshmi",
    "[VON AHLEFELDT] Maximilian", "[LOCKRIDGE] Summer": an English word too).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .hits import Hit
from .lexicon import CALENDAR, HONORIFICS, LEAD_WORDS, NAME_JOINERS, PARTICLES, TRAIL_WORDS
from .recognizers.name_shape import _VOCAB, is_common_word

_NAME_WORD = r"[^\W\d_](?:[^\W\d_]|['\u2019\-](?=[^\W\d_]))*"
_INITIAL = r"[^\W\d_a-z]\.?"
_PIECE = rf"(?:{_NAME_WORD}|{_INITIAL})"
_LEFT_COMMA = re.compile(
    rf"(?:^|(?<=[\n\"'<:;(\[]))[ \t]*((?:{_NAME_WORD} ){{0,2}}{_NAME_WORD}), $"
)
_LEFT = re.compile(rf"(?:^|(?<=[\s\"'(<:;\[]))({_PIECE}(?: {_PIECE})?) $")
_RIGHT_COMMA = re.compile(
    rf"^, ((?:{_NAME_WORD} ){{0,2}}{_NAME_WORD})(?=[ \t]*(?:$|[\n\t\"'>;)\]<|]))"
)
_RIGHT_INITIALS = re.compile(r"^((?: [^\W\d_a-z]\.){1,3})(?=[ \t]*(?:$|[\r\n;)\]<>]))")
_RIGHT_WORD = re.compile(rf"^ ({_NAME_WORD})(?=[ \t]*(?:$|[\r\n\t,;\"'>)\]<|]))")
_FIELD_END = re.compile(r"[ \t]*(?:$|[\n\t\"'>;)\]<|])")
_FIELD_START = re.compile(r"(?:^|[\n\t\"'<:;(\[|])[ \t]*$")
_PARTICLE = "|".join(sorted((re.escape(p) for p in PARTICLES), key=len, reverse=True))
_RIGHT_PARTICLES = re.compile(rf"^ ((?:(?:{_PARTICLE}) ){{1,3}}{_NAME_WORD})(?![\w])")
# "van 't Hof, [Maarten]": a family name led by its particles, then the comma
_LEFT_COMMA_PARTICLES = re.compile(
    rf"(?:^|(?<=[\n\"<:;(\[])|(?<=[\s\"<:;(\[]'))[ \t]*((?:(?:{_PARTICLE}) ){{1,3}}{_NAME_WORD}), $"
)
_JOINER = "|".join(sorted((re.escape(p) for p in NAME_JOINERS | PARTICLES), key=len, reverse=True))
# "Ibrahim ibn [Yusuf al-Zahrani]", "Sultan bin Saeed [Al Kaabi]", "José Antonio Ruiz y [Peña]":
# given names joined to the span by a lower-case particle
_LEFT_JOINED = re.compile(
    rf"(?:^|(?<=[\s\"'(<:;\[]))((?:{_NAME_WORD} ){{1,3}}(?:(?:{_JOINER}) )"
    rf"(?:{_NAME_WORD} )?)$"
)
_NEVER = frozenset(HONORIFICS) | frozenset(LEAD_WORDS) | frozenset(TRAIL_WORDS)
_REACH = 60


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _name_word(word: str, strict: bool) -> bool:
    """Could be part of a name here: capitalised, not vocabulary; `strict`: nor an English
    word either (unless written in capitals, as names in captions are)."""
    w = word.rstrip(".")
    key = w.casefold()
    if not w or not _capitalised(w) or key in _VOCAB or key in _NEVER:
        return False
    if len(w) == 1:
        return True  # an initial
    return not strict or (w.isupper() and len(w) > 3) or not is_common_word(w)


def _left_joined(before: str) -> re.Match[str] | None:
    """ "Ibrahim ibn [..]": given names and a particle right before the span."""
    m = _LEFT_JOINED.search(before)
    ok = m and all(
        _name_word(w, strict=False) or w.casefold() in NAME_JOINERS | PARTICLES
        for w in m.group(1).split()
    )
    return m if ok else None


def _calendar_given(before: str, word: str, after: str) -> bool:
    """ "Sun [Lihua], Chartering Manager": a calendar word that starts the field right before
    a one-word name that ends it is the rest of the name ("Sun", "May", "June" are names)."""
    if word.casefold() not in CALENDAR or not word[:1].isupper() or " " in word:
        return False
    lead = before[: len(before) - len(word) - 1]
    return bool(_FIELD_START.search(lead)) and bool(re.match(r"[ \t]*(?:$|[\n,;\"'>)<])", after))


def _strict_given(span: str, word: str, before: str) -> bool:
    """Whether the word after `span` must be no English word to be its given name: not when
    a family name in capitals starts the field and the word is capitalised only ("|
    LOCKRIDGE Summer |", "KIM Hope": how a surname-first roster writes a name); yes after
    anything else, or for a word in capitals ("SUN LIHUA" passes on its own length)."""
    starts = _FIELD_START.search(before) is not None
    return not (starts and span.isupper() and word[:1].isupper() and not word.isupper())


def widen_names(text: str, hits: list[Hit]) -> list[Hit]:
    """`hits` with each PERSON span widened over the rest of its name (module doc)."""
    out = []
    changed = False
    for h in hits:
        if h.entity_type != "PERSON":
            out.append(h)
            continue
        s, e = h.start, h.end
        before = text[max(0, s - _REACH) : s]
        after = text[e : e + _REACH]
        alone = " " not in h.text.strip()  # one word: a given or a family name
        m = _LEFT_COMMA.search(before) if alone and _FIELD_END.match(after) else None
        if not (m and all(_name_word(w, strict=False) for w in m.group(1).split())):
            m = _LEFT_COMMA_PARTICLES.search(before) if alone and _FIELD_END.match(after) else None
            if not (m and _name_word(m.group(1).split()[-1], strict=False)):
                m = _left_joined(before)
        if m:
            s -= len(before) - m.start(1)
        else:
            m = _LEFT.search(before)
            words = m.group(1).split() if m else []
            if m and (
                all(_name_word(w, strict=True) for w in words)
                or (alone and _calendar_given(before, m.group(1), after))
            ):
                s -= len(before) - m.start(1)
        m = _RIGHT_COMMA.match(after) if _FIELD_START.search(before) else None
        words = [w for w in h.text.split() if w.casefold() not in PARTICLES]
        if m and not alone and (len(words) > 2 or " " in m.group(1)):
            m = None  # "[Bragança Lins], Heloísa" fills its cell; "A B, C D" is a list
        if m and all(_name_word(w, strict=not alone) for w in m.group(1).split()):
            e += m.end(1)
        else:
            m = _RIGHT_PARTICLES.match(after)
            if m and _capitalised(m.group(1).split()[-1]):
                e += m.end(1)
            elif alone and (m := _RIGHT_INITIALS.match(after)):
                e += m.end(1)  # "[Cho] E." closing its line: the given name's initials
            elif (
                (alone or (h.text.isupper() and not h.text.islower()))
                and (h.text.isupper() or _FIELD_START.search(before))
                and (m := _RIGHT_WORD.match(after))
                and (alone or not m.group(1).isupper())
                and _name_word(m.group(1), strict=_strict_given(h.text, m.group(1), before))
            ):
                # "[NARAYANAN] Lakshmi", "[SUN] LIHUA", a cell "[Neema] Mwakyusa",
                # "[VON AHLEFELDT] Maximilian", "[LOCKRIDGE] Summer": the two fill the field
                e += m.end(1)
        if (s, e) != (h.start, h.end):
            changed = True
            h = replace(h, start=s, end=e, text=text[s:e])
        out.append(h)
    return out if changed else hits


def widened(text: str, merged: list[Hit]) -> list[Hit]:
    """Merged hits with person spans widened, merged again only if one changed."""
    from .merge import merge_hits

    out = widen_names(text, merged)
    return merged if out is merged else merge_hits(out, text)
