"""Postal addresses, each whole address one span: street lines, PO boxes, postcodes with their
city, in US, UK, continental European and Japanese forms.

Patterns, not a parser: usaddress parses a string already known to be an address (it does not
find one in prose) and pyap covers US/CA/UK only; what is needed here is to find the parts of
an address in running text and tables in many countries' forms. Parts are found line by line
and then joined when only spaces, commas or one line break separate them, so "221B Baker
Street\\nLondon NW1 6XE" is one ADDRESS, not a street left next to a [LOCATION].
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..lexicon import (
    PO_BOX_WORDS,
    STREET_PREFIXES,
    STREET_SUFFIXES,
    STREET_TYPES,
    STREET_WORDS_AFTER,
)
from .base import ScrubRecognizer

_CAP = r"[^\W\d_a-z][\w'\u2019.\-]*"
_BR_WORD = r"[^\W\d_a-z][\w'\u2019.]*+"  # possessive: each word is read once (linear time)
_BR_STATES = (
    r"(?:AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO)\b"
)
_TYPES = "|".join(sorted((re.escape(t) for t in STREET_TYPES), key=len, reverse=True))
_SUFFIXES = "|".join(re.escape(s) for s in STREET_SUFFIXES)
_AFTER = "|".join(sorted((re.escape(w) for w in STREET_WORDS_AFTER), key=len, reverse=True))
_PREFIXES = "|".join(sorted((re.escape(p) for p in STREET_PREFIXES), key=len, reverse=True))


def _box_word(phrase: str) -> str:
    """A PO-box phrase as a pattern: each dot and each space may be missing ("PO Box",
    "P.O.Box")."""
    return "".join(r"\.?" if c == "." else r"[ \t]*" if c == " " else re.escape(c) for c in phrase)


_BOXES = "|".join(_box_word(w) for w in sorted(PO_BOX_WORDS, key=len, reverse=True))
#: an Irish Eircode: a routing key ("D02", "D6W") and a unique identifier of four ("X285")
_EIRCODE = r"(?-i:(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ \t]?[0-9AC-FHKNPRTV-Y]{4})(?![\w])"
_UNIT = r"(?:,?[ \t]*(?:apt|apartment|suite|ste|unit|flat|floor|fl|room|rm|#)\.?[ \t]*[\w\-]+)?"
# each part with a necessary hint, searched first: most texts hold none of them
_PARTS_RX = [
    # 1600 Pennsylvania Avenue NW (Suite 200) / 221B Baker Street / 12 N. Main St.
    re.compile(
        rf"(?i)(?<![\w.,])(?:\d{{1,6}}[A-Za-z]?(?:-\d{{1,4}})?|\d{{1,3}},)[ \t]+"
        rf"(?:[NSEW]\.?[ \t]+)?"
        rf"(?:(?-i:{_CAP})[ \t]+){{1,4}}(?:{_TYPES})\b\.?(?:[ \t]+(?:NW|NE|SW|SE|N|S|E|W)\b)?"
        rf"{_UNIT}"
    ),
    # Hauptstraße 12, Keizersgracht 123-2, Storgatan 5 B
    re.compile(
        rf"(?i)(?<![\w-])(?-i:[^\W\d_a-z])[\w\-]*(?:{_SUFFIXES})(?:[ \t]+(?-i:{_CAP}))?"
        r"[ \t]+\d{1,5}[ \t]?[a-zA-Z]?(?:[-/]\d{1,4})?\b"
    ),
    # 12 rue de Rivoli / Via Roma 10 / Calle Mayor 5 / ul. Długa 12
    re.compile(
        rf"(?i)(?:(?<![\w,])\d{{1,5}}(?:[ \t]?(?:bis|ter))?,?[ \t]+)?(?<![\w])(?:{_PREFIXES})"
        r"[ \t]+(?:(?:de|du|des|la|le|del|della|di|da|do|dos|das)[ \t]+)*"
        rf"(?-i:{_CAP})(?:[ \t]+(?:(?:de|da|do|dos|das|del|di)[ \t]+)?(?-i:{_CAP})){{0,3}}"
        r"(?:,?[ \t]+(?:(?:nr|no|n[º°])\.?[ \t]*)?\d{1,5}[a-zA-Z]?)?"
    ),
    # P.O. Box 1234 / PO Box 77 / Postfach 10 20 30 / Apartado 123 / Caixa Postal 4521 /
    # Skrytka pocztowa 42 / Postbus 1000 / 私書箱12号 / CS 70123 / P.M.B. 5112 / Private Bag X19
    re.compile(
        rf"(?i)(?<![^\W\d_])(?:{_BOXES})[ \t]*(?:n[o\u00b0\u00ba]\.?|nr\.?|#|第)?[ \t]*"
        r"(?-i:[A-Z])?\d[\d \t]{0,10}\d?(?:-\d{3,5})?(?:号|\b)|(?-i:\bCS[ \t]\d{5}\b)"
    ),
    # Springfield, IL 62704 / New York, NY 10001-1234
    re.compile(
        rf"(?<![\w])(?:{_CAP}[ \t]+){{0,2}}{_CAP},?[ \t]+(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|"
        r"I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|"
        r"W[AIVY])[ \t]+\d{5}(?:-\d{4})?\b"
    ),
    # London SW1A 1AA / Manchester, M1 1AE / SW1A 1AA / "Stansted\nCM24 8PL" (the post town
    # on its own line, as a British address block writes it)
    re.compile(
        rf"(?<![\w])(?:{_CAP}(?:,?[ \t]+|[ \t]*\r?\n[ \t]*))?"
        r"(?-i:[A-Z]{1,2}\d[A-Z\d]?[ \t]+\d[A-Z]{2})(?![\w])"
    ),
    # 10115 Berlin / 75001 Paris / 1015 CS Amsterdam / D-80331 München / 00184 Roma
    re.compile(
        rf"(?<![\w\-.,/])(?:[A-Z]{{1,2}}-)?\d{{4,6}}(?:[ \t]?[A-Z]{{2}})?[ \t]+{_CAP}"
        rf"(?:[ \-]{_CAP}|[ \t](?:am|an der|im|ob der|bei|upon)[ \t]{_CAP})?(?![\w])"
    ),
    # 〒100-0005 東京都千代田区丸の内1-2-3 / 東京都港区六本木6-10-1
    re.compile(
        r"(?:〒[ \t]?\d{3}-?\d{4}[ \t]*)?(?:[\u4e00-\u9fff]{1,4}[都道府県])?"
        r"[\u4e00-\u9fff\u3040-\u30ff]{1,8}[市区町村郡][\u4e00-\u9fff\u3040-\u30ff]{0,10}\d{1,4}(?:[-－丁目番地号]\d{0,4}){1,4}[号]?"
    ),
    re.compile(r"〒[ \t]?\d{3}-?\d{4}"),
    # 1-2-3 Marunouchi, Chiyoda-ku, Tokyo 100-0005
    re.compile(
        rf"(?<![\w-])\d{{1,4}}-\d{{1,4}}(?:-\d{{1,4}})?[ \t]+{_CAP},?[ \t]+{_CAP}-(?:ku|shi|cho|"
        rf"machi|gun)(?:,?[ \t]+{_CAP})?(?:[ \t]+\d{{3}}-\d{{4}})?"
    ),
    # 서울특별시 강남구 테헤란로 152 / 서울특별시 마포구 월드컵북로 396, 12층 (03925)
    re.compile(
        r"[\uac00-\ud7af]{1,6}(?:특별시|광역시|특별자치시|도|시)[ \t]+"
        r"[\uac00-\ud7af]{1,6}(?:구|군|시)"
        r"(?:[ \t]+[\uac00-\ud7af]{1,8}(?:로|길|동|읍|면))?(?:[ \t]*\d{1,4}(?:-\d{1,4})?)?"
        r"(?:,?[ \t]*\d{1,3}층)?(?:[ \t]*\(\d{5}\))?"
    ),
    # Canada: Montréal (Québec) H3A 1H6 / Toronto, ON M5V 2T6
    re.compile(
        rf"(?<![\w])(?:{_CAP},?[ \t]+)?(?:\(?{_CAP}\)?,?[ \t]+)?"
        r"(?-i:[ABCEGHJ-NPRSTVXY]\d[A-Z][ \t]\d[A-Z]\d)(?![\w])"
    ),
    # Australia: Perth WA 6850 / Sydney NSW 2000
    re.compile(
        rf"(?<![\w])(?:{_CAP},?[ \t]+)?(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)[ \t]+\d{{4}}(?![\w])"
    ),
    # Brazil: São Paulo - SP, 01426-001 / Blumenau/SC CEP 89010-001: a city, its state and CEP
    re.compile(
        rf"(?<![\w])(?:{_BR_WORD}[ \t]+){{0,2}}{_BR_WORD}[ \t]*[\-\u2013/][ \t]*{_BR_STATES}"
        r",?[ \t]+(?:CEP:?[ \t]*)?\d{5}-\d{3}(?![\w\-])"
    ),
    # Karl Johans gate 22 / Andrássy út 52 / İstiklal Caddesi No: 45 / Mariahilfer Straße 99
    re.compile(
        rf"(?<![\w])(?-i:{_CAP})(?:[ \t]+(?-i:{_CAP})){{0,2}}[ \t]+(?i:{_AFTER})[ \t]+"
        r"(?:No:?[ \t]*)?\d{1,5}[ \t]?[a-zA-Z]?(?:[-/]\d{1,4})?\b"
    ),
    # 110 00 Praha 1 / 111 21 Stockholm / 811 06 Bratislava / 105 63 Athina (CZ, SK, SE, GR)
    re.compile(rf"(?<![\w\-.,/+])\d{{3}} \d{{2}}[ \t]+{_CAP}(?:[ \t]\d{{1,2}}(?![\w]))?"),
    # 1100-053 Lisboa (PT)
    re.compile(rf"(?<![\w\-.,/+])\d{{4}}-\d{{3}}[ \t]+{_CAP}"),
    # Mumbai – 400 050 / Bengaluru - 560001 / PIN: 600017 (IN)
    re.compile(
        rf"(?<![\w])(?:{_CAP}[ \t]*[\-\u2013][ \t]*|(?:{_CAP},?[ \t]+)?PIN(?:[ \t]?[Cc]ode)?"
        r"[ \t]*[:\-]?[ \t]*)\d{3} ?\d{3}(?![\w\-])(?=[ \t]*(?:$|[,;·|\r\n]|India))"
    ),
    # 152 Teheran-ro, Gangnam-gu / 17F, 55 Sejong-daero, Jung-gu / 35-1 Yeouido-dong (a lot
    # number in its neighbourhood) (KR, romanised)
    re.compile(
        rf"(?<![\w\-])(?:\d{{1,3}}F,?[ \t]+)?\d{{1,4}}(?:-\d{{1,4}})?[ \t]+{_CAP}"
        r"-(?:ro|gil|daero|dong)"
        rf"(?:[ \t]?\d{{1,3}}(?:beon)?-gil)?\b(?:,?[ \t]+{_CAP}-(?:gu|gun|si|dong)\b)?"
    ),
    # Dublin 2, D02 X285 / Cork T12 RY4K / Co. Galway, H91 E2K3: a place and its Eircode (IE),
    # on one line or the Eircode on the next (an address block)
    re.compile(
        rf"(?<![\w])(?:{_CAP}[ \t]+)?{_CAP}(?:[ \t]+\d{{1,2}}W?)?(?:,?[ \t]+|[ \t]*\r?\n[ \t]*)"
        rf"{_EIRCODE}"
    ),
    # C.P. 6128 (a Canadian "case postale") / C.P. 06700 (a Mexican "código postal")
    re.compile(r"(?<![\w.])C\.P\.[ \t]*\d{4,5}(?![\w\-])"),
    # Apartado 1045 (PT, ES) / Casilla 1234 (CL): capitalised, as an address line writes it;
    # in lower case a section of a text or a box of a form ("véase el apartado 3")
    re.compile(r"(?<![\w])(?:Apartado|Casilla)[ \t]+\d{1,6}(?![\w\-])"),
    # Pasig City 1605 / Quezon City 1100 (PH): a city named "... City" and its four digits
    # ending the line (not a year: "Kansas City 2024")
    re.compile(
        rf"(?<![\w])(?:{_CAP}[ \t]+)?{_CAP}[ \t]+City[ \t]+(?!19[5-9]\d|20[0-4]\d)\d{{4}}"
        r"(?=[ \t]*(?:$|\r?\n|[,;\u00b7|]|Philippines))"
    ),
]
_HINTS = [
    re.compile(rf"(?i)\b(?:{_TYPES})\b"),
    re.compile(rf"(?i)(?:{_SUFFIXES})[ \t]"),
    re.compile(rf"(?i)(?<![\w])(?:{_PREFIXES})[ \t]"),
    re.compile(
        r"(?i)box|postfach|apartado|postal|p\.?m\.?b|\bb\.?p\b|\bcs\b|\bbag\b|apdo|casilla|postbus|"
        r"postboks|skrytka|postilokero|kutusu|postafi|pósthólf|почтов|а/я|私書箱"
    ),
    re.compile(r"\b[A-Z]{2}[ \t]+\d{5}"),
    re.compile(r"[A-Z]\d[A-Z\d]?[ \t]+\d[A-Z]{2}"),
    re.compile(r"\d{4}"),
    re.compile(r"[市区町村郡]"),
    re.compile(r"〒"),
    re.compile(r"-(?:ku|shi|cho|machi|gun)"),
    re.compile(r"[\uac00-\ud7af](?:시|도)[ \t]"),
    re.compile(r"[A-Z]\d[A-Z][ \t]\d"),
    re.compile(r"\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)[ \t]+\d{4}"),
    re.compile(r"\d{5}-\d{3}(?![\w\-])"),
    re.compile(rf"(?i)(?<![\w])(?:{_AFTER})[ \t]+(?:No:?[ \t]*)?\d"),
    re.compile(r"\d{3} \d{2}[ \t]+[^\W\d_]"),
    re.compile(r"\d{4}-\d{3}[ \t]"),
    re.compile(r"[\-\u2013:][ \t]*\d{3} ?\d{3}"),
    re.compile(r"-(?:ro|gil|daero|dong)\b"),
    re.compile(r"[AC-FHKNPRTV-Y]\d[\dW][ \t]?[0-9AC-FHKNPRTV-Y]{4}"),
    re.compile(r"C\.P\."),
    re.compile(r"Apartado|Casilla"),
    re.compile(r"City[ \t]+\d{4}"),
]
_PARTS = list(zip(_HINTS, _PARTS_RX, strict=True))


@dataclass(frozen=True)
class Cues:
    """Words of an ASCII text, checked before the hint regexes of the first four parts (the
    costly ones): each set holds a condition without which that part's hint cannot match.

    In an ASCII text `\\w` is [A-Za-z0-9_] and case-insensitive matching is plain lower-casing,
    so the runs of [a-z0-9_] of the lower-cased text are exactly the text's words as the
    hints' `\\b` sees them. A text that is not ASCII runs the hints as they are.
    """

    types: frozenset[str]  # part 0: a street type word ("st" for "St." too)
    suffixes: tuple[str, ...]  # part 1: a word ending with a street suffix ("hauptstr")
    prefixes: frozenset[str]  # part 2: a street word before the name ("rue", "ul")
    boxes: tuple[str, ...]  # part 3: PO-box words, found inside words too ("mailbox", "b.p.")
    box_words: frozenset[str]  # part 3: short PO-box words, whole words only ("bp", "cs")

    def without(self, word: str) -> Cues:
        """These cues less `word` (tests show each word is needed)."""
        return Cues(
            self.types - {word},
            tuple(w for w in self.suffixes if w != word),
            self.prefixes - {word},
            tuple(w for w in self.boxes if w != word),
            self.box_words - {word},
        )

    def parts(self, text: str) -> tuple[bool, bool, bool, bool] | None:
        """For parts 0-3, whether its hint may match `text` (None: not ASCII, it may)."""
        if not text.isascii():
            return None
        low = text.lower()
        words = set(_WORD.findall(low))
        nodots = low.replace(".", "")  # "P.M.B.", "B.P." are written with dots or without
        return (
            not words.isdisjoint(self.types),
            any(w.endswith(self.suffixes) for w in words),
            not words.isdisjoint(self.prefixes),
            any(b in nodots for b in self.boxes)
            or not set(_WORD.findall(nodots)).isdisjoint(self.box_words),
        )


def _ascii_words(items: Iterable[str]) -> list[str]:
    return [w.rstrip(".") for w in items if w.isascii()]


_WORD = re.compile(r"[a-z0-9_]+")
CUES = Cues(
    types=frozenset(_ascii_words(STREET_TYPES)),
    suffixes=tuple(sorted(set(_ascii_words(STREET_SUFFIXES)))),
    prefixes=frozenset(_ascii_words(STREET_PREFIXES)),
    # found in the text without its dots ("P.M.B.", "B.P."): see `parts`
    boxes=(
        "box",
        "postfach",
        "apartado",
        "postal",
        "pmb",
        "apdo",
        "casilla",
        "postbus",
        "postboks",
        "skrytka",
        "postilokero",
        "kutusu",
    ),  # fmt: skip
    box_words=frozenset({"bp", "cs", "bag"}),
)
_LETTERS = r"[^\W\d_a-z][^\W\d_]+(?:-[^\W\d_]+)*"
#: a street without a street word, ending its line or cell or followed by a comma: "Vodičkova 36",
#: "Bryggen 15", "Unter den Linden 77", "Store Torv 4" (beside "110 00 Praha 1"); its last
#: word must not be an English word ("Python 3, 1200 Users", "Chapter 12")
_BARE_STREET = re.compile(
    rf"(?m)(?<![\w\-])(?:{_LETTERS}[ \t]+(?:(?:den|der|des|de|la|le|del|di|du)[ \t]+)?){{0,3}}"
    rf"(?P<last>{_LETTERS})[ \t]+\d{{1,4}}[a-zA-Z]?(?:[\-/]\d{{1,4}})?(?=[ \t]*(?:,|$)|\t)"
)
#: parts that are an address only beside another part: "Mumbai 400093" (a city and a six-digit
#: PIN), "80-958 Gdańsk", "160-0023", "Am Sandtorkai 54" (a German street without a street word)
_WEAK_RX = [
    re.compile(rf"(?<![\w\-])(?:{_CAP}[ \t]+){{0,2}}{_CAP},?[ \t]+\d{{5,6}}(?![\w\-]|[ \t]+\d)"),
    re.compile(rf"(?<![\w\-])\d{{2}}-\d{{3}}[ \t]+{_CAP}(?![\w])"),
    re.compile(r"(?<![\w\-+(])\d{3}-\d{4}(?![\w\-])"),
    re.compile(
        rf"(?<![\w])(?:Am|An der|An den|Im|Auf der|Auf dem|In der|Zum|Zur)[ \t]+{_CAP}[ \t]+"
        r"\d{1,4}[a-z]?\b"
    ),
    _BARE_STREET,
    # a Mexican colonia: "Col. Roma Norte"
    re.compile(rf"(?<![\w])Col\.[ \t]+{_CAP}(?:[ \t]+{_CAP}){{0,3}}"),
    # a line led by a flat, unit, shop or room and the comma-separated names after it: "Flat
    # 7B, Sea Breeze Apartments, Carter Road, Bandra West", "Unit 4, 12 Smith St"
    re.compile(
        r"(?<![\w\-])(?i:flat|unit|shop|room|suite|plot|house|door[ \t]no\.?|no\.|apartment|"
        rf"level)[ \t]*\d[\w/\-]*(?:,[ \t]*(?:\d[\w/\-]*[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,3}})*"
    ),
    # a post office's branch after its box: "C.P. 6128, succursale Centre-ville", "PO Box
    # 1630, Station Main"
    re.compile(rf"(?<![\w])(?i:station|stn\.?|succursale|succ\.)[ \t]+{_CAP}(?:[ \t]{_CAP})?"),
    # an Eircode beside a street line ("14 Fitzwilliam Square\nD02 X285")
    re.compile(rf"(?<![\w\-]){_EIRCODE}"),
    # "Box 7042" (SE): a PO box beside a postcode; alone, a box of a form ("Box 12: wages")
    re.compile(r"(?<![\w])Box[ \t]+\d{1,6}(?![\w\-])"),
    # "SHIS QI 25 Conjunto 8 Casa 12", "Quadra 3 Lote 7" (BR, Brasília's sectors): the block,
    # the group and the house of an address line before its city
    re.compile(
        r"(?<![\w])(?:[A-Z]{2,5}[ \t]+(?:[A-Z]{1,3}[ \t]+)?\d{1,3}[ \t]+)?"
        r"(?:Conjunto|Conj\.|Quadra|Qd\.|Bloco|Lote)[ \t]+[\dA-Z]{1,3}"
        r"(?:[ \t]+(?:Casa|Lote|Bloco|Apto\.?|Loja)[ \t]+[\dA-Z]{1,4}){0,2}(?![\w])"
    ),
    # "128 Reykjavík", "600 Akureyri" (IS): a three-digit postcode and its town filling a line
    # of an address block, beside a box or a street
    re.compile(rf"(?m)^[ \t]*\d{{3}}[ \t]+{_CAP}(?:[ \t]+{_CAP})?(?=[ \t]*,?[ \t]*$)"),
]
# between two parts: spaces, commas, a dash, one line break, and at most one short unit or district
# ("3º izq.", "bureau 400", "Wuse II", "Levent") ended by a comma or the line break
_JOIN = re.compile(
    r"[ \t,]*(?:[\-\u2013][ \t]+)?(?:[^\n,;:]{1,14}(?:,|(?=\r?\n)))?[ \t,]*(?:\r?\n)?[ \t,]*"
)
#: "10115 Berlin", "110 00 Praha 1", "1100-053 Lisboa", "030031 București", "Pune - 411001"
_POSTCODE_ONLY = re.compile(
    r"^(?:(?:\d{4,6}|\d{3} \d{2}|\d{4}-\d{3})[ \t]+(?P<city>[^\s,]+)(?:[ \t]\d{1,2})?|"
    r"(?P<city2>[^\s\-\u2013]+)[ \t]*[\-\u2013][ \t]*\d{3} ?\d{3})$"
)
_COPYRIGHT = re.compile(r"(?i)(?:\u00a9|\(c\)|copyright)[ \t]*$")
_GATE = re.compile(r"\d|(?i:box|postfach)")


def address_spans(text: str, cues: Cues | None = CUES) -> list[tuple[int, int]]:
    """Every address in `text`. `cues`: the word check before the costly hints (None: the
    hint regexes alone, the same spans, slower)."""
    may = cues.parts(text) if cues is not None else None
    strong = {
        (m.start(), m.end())
        for k, (hint, rx) in enumerate(_PARTS)
        if (may is None or k >= len(may) or may[k]) and hint.search(text)
        for m in rx.finditer(text)
    }
    weak = {
        (m.start(), m.end())
        for rx in _WEAK_RX
        if strong
        for m in rx.finditer(text)
        if rx is not _BARE_STREET or _unusual(m["last"])
    }
    joined: list[list[int]] = []  # start, end, strong parts, parts
    for s, e in sorted(strong | weak):
        firm = int((s, e) in strong)
        if joined and (s <= joined[-1][1] or _JOIN.fullmatch(text, joined[-1][1], s)):
            joined[-1][1] = max(joined[-1][1], e)
            joined[-1][2] += firm
            joined[-1][3] += 1
        else:
            joined.append([s, e, firm, 1])
    out = []
    for s, e, n_strong, n_parts in joined:
        piece = text[s:e]
        if not n_strong:
            continue  # weak parts alone are not an address
        # "2024 Budget" or "1200 Units" alone: a postcode-city part needs a street beside it
        # unless the city word is not an English word
        only = _POSTCODE_ONLY.match(piece) if n_parts == 1 else None
        if only and not _unusual(only["city"] or only["city2"]) and not _pin_city(only["city2"]):
            continue
        # "© 2024 Hanbit Precision Co., Ltd.": a year and a company, not "2100 København"
        if n_parts == 1 and piece[:1].isdigit() and _COPYRIGHT.search(text, max(0, s - 12), s):
            continue
        out.append((s, e))
    return out


def _pin_city(city: str | None) -> bool:
    """ "Hyderabad – 500 034": a city of the place lists before a dash and six digits (an
    Indian PIN) is an address, however common the city's name is as a word."""
    from ..lexicon import place_names

    return city is not None and city.casefold() in place_names()


def _unusual(word: str) -> bool:
    from .name_shape import zipf

    return zipf(word.casefold()) < 3.5


class ScrubAddressRecognizer(ScrubRecognizer):
    ENTITIES = ("ADDRESS",)
    SCORE = 0.7

    @staticmethod
    def gate(text: str) -> bool:
        return _GATE.search(text) is not None

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        for s, e in address_spans(text, CUES):
            yield s, e, "ADDRESS"
