"""What is syntax, not data about anyone (data stays data): markup declarations,
processing instructions, entity references, namespace URIs, language keywords, file-format
names, CSS property names, font names and well-known file and folder names.

Detection drops a hit that is one of these, or that lies inside markup syntax (`<!DOCTYPE
html>`, `<?xml-stylesheet ...?>`, `&nbsp;`, `xmlns="http://..."`), unless a deny-list put it
there: "DOCTYPE" is never an organisation, "Calibri" never a client, `META-INF/MANIFEST.MF`
never `[ORG_1]/[ORG_2].MF`. The word lists live here (one home); well-known file and folder
names live in `wellknown`. Every pattern is linear (bounded or possessive).
"""

from __future__ import annotations

import keyword
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace

from .guards import is_false_positive
from .hits import Hit
from .wellknown import is_wellknown_name


def _words(text: str) -> frozenset[str]:
    return frozenset(text.casefold().split())


#: keywords and built-in names of the languages contractors hand in (Python, JavaScript and
#: TypeScript, Java/C/C#/Go/Rust, SQL, shell), and YAML/JSON literals
KEYWORDS = frozenset(k.casefold() for k in keyword.kwlist + keyword.softkwlist) | _words(
    "self cls print len range dict list tuple set frozenset str int float bool bytes object "
    "type isinstance super property staticmethod classmethod dataclass enumerate zip map "
    "filter sorted open exception valueerror typeerror keyerror "
    "var let const function return export default extends implements interface enum "
    "typeof instanceof new delete void this undefined null nan infinity async await yield "
    "static public private protected abstract final native synchronized volatile transient "
    "throws throw catch finally switch case break continue do goto package namespace using "
    "struct union typedef sizeof extern register unsigned signed char short long double "
    "boolean string number symbol bigint any unknown never readonly declare module require "
    "func chan defer go select fallthrough impl trait mut pub crate fn match loop where "
    "select from where join inner outer left right on group order by having limit offset "
    "insert into values update delete create table alter drop index view primary foreign "
    "key references distinct union all exists between like ilike not and or is as "
    "begin commit rollback transaction declare procedure trigger returns "
    "echo fi esac elif then done until local readonly shift source "
    "true false none nil"
)
#: names of file formats and encodings, which a model reads as organisations
FORMATS = _words(
    "pdf json jsonl yaml yml toml xml html xhtml css scss csv tsv svg png jpeg jpg gif tiff "
    "webp epub docx xlsx pptx docm xlsm odt ods odp rtf txt zip jar war tar gzip ipynb md "
    "markdown utf-8 utf-16 ascii base64 sha1 sha256 sha512 md5 crc32 uuid guid mime http https "
    "ftp sftp ssh tcp udp dns tls ssl url uri urn api sdk cli gui ide regex sql nosql orm "
    "doctype cdata dtd xsd xslt xpath ncx opf ocr"
)
#: CSS property names (the standard ones documents carry in style attributes and sheets)
CSS_PROPERTIES = _words(
    "align-content align-items align-self animation background background-color "
    "background-image background-position background-repeat background-size border "
    "border-bottom border-collapse border-color border-left border-radius border-right "
    "border-spacing border-style border-top border-width bottom box-shadow box-sizing clear "
    "clip color column-count columns content cursor direction display flex flex-basis "
    "flex-direction flex-grow flex-shrink flex-wrap float font font-family font-size "
    "font-stretch font-style font-variant font-weight gap grid grid-area grid-column "
    "grid-row grid-template-columns grid-template-rows height justify-content left "
    "letter-spacing line-height list-style list-style-type margin margin-bottom margin-left "
    "margin-right margin-top max-height max-width min-height min-width mso-ansi-language "
    "mso-bidi-font-family mso-fareast-font-family mso-font-charset mso-generic-font-family "
    "mso-style-name mso-style-parent object-fit opacity order outline overflow overflow-wrap "
    "overflow-x overflow-y padding padding-bottom padding-left padding-right padding-top "
    "page-break-after page-break-before position right tab-size table-layout text-align "
    "text-decoration text-indent text-overflow text-shadow text-transform top transform "
    "transition unicode-bidi user-select vertical-align visibility white-space width "
    "word-break word-spacing word-wrap writing-mode z-index"
)
#: font families Office, operating systems and the web ship (names no one is called)
FONTS = frozenset(
    f.casefold()
    for f in (
        "Calibri",
        "Calibri Light",
        "Cambria",
        "Cambria Math",
        "Candara",
        "Consolas",
        "Constantia",
        "Corbel",
        "Aptos",
        "Aptos Display",
        "Arial",
        "Arial Black",
        "Arial Narrow",
        "Helvetica",
        "Helvetica Neue",
        "Verdana",
        "Tahoma",
        "Segoe UI",
        "Segoe UI Light",
        "Segoe Print",
        "Times New Roman",
        "Courier New",
        "Lucida Console",
        "Lucida Sans Unicode",
        "Trebuchet MS",
        "Comic Sans MS",
        "Franklin Gothic Medium",
        "Century Gothic",
        "Book Antiqua",
        "Palatino Linotype",
        "Garamond",
        "Menlo",
        "Monaco",
        "Roboto",
        "Roboto Mono",
        "Open Sans",
        "Noto Sans",
        "Noto Serif",
        "Source Sans Pro",
        "Source Code Pro",
        "Fira Code",
        "Fira Sans",
        "Liberation Sans",
        "Liberation Serif",
        "Liberation Mono",
        "DejaVu Sans",
        "DejaVu Serif",
        "DejaVu Sans Mono",
        "MS Gothic",
        "MS Mincho",
        "SimSun",
        "Microsoft YaHei",
        "Meiryo",
        "Malgun Gothic",
        "Wingdings",
        "Symbol",
        "sans-serif",
        "serif",
        "monospace",
    )
)
_WORDS = KEYWORDS | FORMATS  # also ordinary words and names: for a person, in lower case only
_NAMES = CSS_PROPERTIES | FONTS

# markup syntax: declarations (DOCTYPE with its public ids), processing instructions, CDATA
# markers, entity and character references, namespace declarations; bounded, so linear
_MARKUP = re.compile(
    r"<!(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)\b[^<>\[]{0,2000}+[>\[]?"
    r"|<\?[A-Za-z][\w.:\-]{0,100}+[^<>?]{0,2000}+\?>"
    r"|<!\[CDATA\[|\]\]>"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|\bxmlns(?::[\w.\-]{1,100})?[ \t]*=[ \t]*(?:\"[^\"<>]{0,2000}+\"|'[^'<>]{0,2000}+')",
    re.I,
)
_PATH_CHARS = frozenset("/\\ \t\r\n\"'<>()[]{},;:=")
_REACH = 256  # characters either side of a hit read to find its path component


def is_syntax_word(text: str, entity_type: str = "") -> bool:
    """A CSS property or a font, a keyword or a format (case-insensitively; for a person a
    keyword only as code writes it, in lower case: "Long" and "Case" are surnames too), or a
    path made only of
    well-known names ("META-INF/MANIFEST.MF", ".github/workflows", "__init__.py")."""
    key = " ".join(text.split()).casefold()
    if not key:
        return False
    if key in _NAMES or (key in _WORDS and (entity_type != "PERSON" or text == text.lower())):
        return True
    parts = [p for p in re.split(r"[/\\]", key) if p]
    return bool(parts) and all(is_wellknown_name(p) for p in parts)


def markup_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of markup syntax in `text` (sorted, non-overlapping)."""
    if "<" not in text and "&" not in text and "]]>" not in text:
        return []
    return [m.span() for m in _MARKUP.finditer(text)]


def _component(text: str, start: int, end: int) -> str:
    """The path component around text[start:end] ("MANIFEST.MF" around "MANIFEST")."""
    a, b = start, end
    lo, hi = max(0, start - _REACH), min(len(text), end + _REACH)
    while a > lo and text[a - 1] not in _PATH_CHARS:
        a -= 1
    while b < hi and text[b] not in _PATH_CHARS:
        b += 1
    return text[a:b]


def is_syntax(
    text: str,
    start: int,
    end: int,
    entity_type: str = "",
    spans: Sequence[tuple[int, int]] = (),
    starts: Sequence[int] = (),
) -> bool:
    """Whether text[start:end] is syntax: inside a markup span (`spans`, sorted, with their
    `starts`), a syntax word, or a well-known file or folder name where it stands."""
    i = bisect_right(starts, start) - 1
    if i >= 0 and end <= spans[i][1]:
        return True
    if is_syntax_word(text[start:end], entity_type):
        return True
    comp = _component(text, start, end)
    return comp != text[start:end] and bool(comp) and is_wellknown_name(comp)


def drop_syntax(text: str, hits: Iterable[Hit]) -> list[Hit]:
    """`hits` without those that are syntax, and cut where they reach into markup ("&lt;META-
    INF" is "META-INF"); detection adds the deny-list's hits after this."""
    hits = list(hits)
    if not hits:
        return hits
    spans = markup_spans(text)
    starts = [s for s, _e in spans]
    out = []
    for h in hits:
        start, end = h.start, h.end
        i = bisect_right(starts, start) - 1
        if i >= 0 and start < spans[i][1] < end:
            start = spans[i][1]  # a reference or declaration at its start
        j = bisect_right(starts, end - 1) - 1
        if j >= 0 and start < spans[j][0] < end and spans[j][1] >= end:
            end = spans[j][0]  # one at its end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        trimmed = (start, end) != (h.start, h.end)
        if trimmed and h.source == "model" and is_false_positive(text[start:end], h.entity_type):
            continue  # what is left of "fish &amp;" is an ordinary word
        if start == end or is_syntax(text, start, end, h.entity_type, spans, starts):
            continue
        out.append(
            h
            if (start, end) == (h.start, h.end)
            else replace(h, start=start, end=end, text=text[start:end])
        )
    return out
