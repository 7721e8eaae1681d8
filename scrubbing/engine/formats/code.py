"""Code and data files stay valid in their language: where each edit stands, and a
replacement written so the file still compiles or parses.

The text module reads a code file as it reads any text (blocks of lines, so a name keeps its
sentence and a key its value); this module adds, per language known from the extension, a
lexer that splits the text into regions: string literals (their content, quotes excluded),
comments, and code (identifiers, keys, numbers, keywords, punctuation; markup tags and
attribute names in XML). Two things follow:

* the NER model's hits are kept only in strings and comments: in code it reads identifiers
  ("ORIGIN", "p.y") as organisations; the patterns, deny-lists and the task's sweep still read
  every region (a name inside `send_to_priya_raman` is found by the sweep);
* each replacement is written for the region it lands in:

  - in a string (Python, JS/C-like, JSON, TOML, YAML, CSS, shell, SQL): the replacement's
    quotes and backslashes become typographic ones and "/", line breaks spaces, so nothing
    ends or escapes the literal: `"[PERSON_1]"`;
  - in XML text or an attribute value: `&`, `<`, `>` and the quote as entities;
  - in a comment: line breaks become spaces; `*/` and `--` cannot close it;
  - in code, a number (Python, JS/C-like, JSON, TOML): a string literal,
    `"phone": "[PHONE_1]"`;
  - in code, anything else: identifier-safe, `PERSON_1` (`send_to_PERSON_1`, a TOML bare key,
    an XML tag name, `owner: PERSON_1` as a YAML plain scalar);
  - INI/.env/properties values and a JAR manifest's values are text: as they are, line
    breaks as spaces (a manifest's names, `Manifest-Version`, `Implementation-Vendor`, are
    code: the model's hits there do not count).

  Punctuation inside an edit that crosses regions (`Raman", "Jonas`) is kept, so quotes and
  commas stay where they were. Verification masks the identifier-safe and typographic forms
  like the placeholders themselves.

Detection reads the file as a reader does (`Syntax.reading`, same length, so offsets map 1:1):
a comment's markers are blanks (`# Owner: Jane Doe` reads as a header line, `/* by Jane */`
as prose), and in XML an element that holds only text reads as a key and its value
(`<name>Jane Doe</name>` as `name: Jane Doe`, `<dc:creator>` as `dc.creator:`), as in YAML, and
an entity reference as the character it stands for (`&lt;` as "<" and three blanks).

Every lexer is one regex of possessive alternatives: linear in the text.
"""

from __future__ import annotations

import bisect
import html
import re

#: extension -> language
LANGUAGES: dict[str, str] = {
    **dict.fromkeys((".py", ".pyi", ".pyw"), "python"),
    **dict.fromkeys((".json", ".jsonl", ".ndjson", ".geojson", ".webmanifest"), "json"),
    **dict.fromkeys((".yaml", ".yml"), "yaml"),
    ".toml": "toml",
    **dict.fromkeys((".xml", ".xsd", ".xsl", ".xslt", ".plist", ".csproj", ".pom"), "xml"),
    **dict.fromkeys((".css", ".scss", ".less"), "css"),
    **dict.fromkeys(
        (
            ".js",
            ".mjs",
            ".cjs",
            ".ts",
            ".tsx",
            ".jsx",
            ".java",
            ".kt",
            ".kts",
            ".scala",
            ".c",
            ".h",
            ".cc",
            ".cpp",
            ".hpp",
            ".cs",
            ".go",
            ".rs",
            ".swift",
            ".dart",
            ".php",
            ".groovy",
            ".gradle",
        ),
        "clike",
    ),  # fmt: skip
    **dict.fromkeys((".sh", ".bash", ".zsh", ".fish"), "shell"),
    ".sql": "sql",
    **dict.fromkeys((".ini", ".cfg", ".conf", ".properties", ".env", ".editorconfig"), "ini"),
    ".mf": "manifest",  # a JAR manifest: `Name: value` lines, a leading space continues one
}

_DQ = r'"(?P<dq>(?:[^"\\\n]|\\.)*+)"'
_SQ = r"'(?P<sq>(?:[^'\\\n]|\\.)*+)'"
_HASH_COMMENT = r"(?P<comment>#[^\n]*+)"
_SLASH_COMMENTS = r"(?P<comment>//[^\n]*+|/\*(?:[^*]|\*(?!/))*+\*/)"
_LEXERS: dict[str, str] = {
    "python": r"(?P<comment>#[^\n]*+)"
    r'|[rRbBuUfF]{0,2}(?:"""(?P<tdq>(?:[^"\\]|\\.|"(?!""))*+)"""'
    r"|'''(?P<tsq>(?:[^'\\]|\\.|'(?!''))*+)'''|" + _DQ + "|" + _SQ + ")",
    "clike": _SLASH_COMMENTS + "|" + _DQ + "|" + _SQ + r"|`(?P<bq>(?:[^`\\]|\\.)*+)`",
    "json": _DQ,
    "yaml": r"(?<![^\s\[{,])(?P<comment>#[^\n]*+)|" + _DQ + r"|'(?P<sq>(?:[^'\n]|'')*+)'",
    "toml": _HASH_COMMENT + r'|"""(?P<tdq>(?:[^"\\]|\\.|"(?!""))*+)"""'
    r"|'''(?P<tsq>(?:[^']|'(?!''))*+)'''|" + _DQ + r"|'(?P<sq>[^'\n]*+)'",
    "css": r"(?P<comment>/\*(?:[^*]|\*(?!/))*+\*/)|" + _DQ + "|" + _SQ,
    "shell": _HASH_COMMENT + "|" + _DQ + r"|'(?P<sq>[^']*+)'",
    "ini": r"(?m)^[ \t]*+(?P<comment>[#;][^\n]*+)",
    "manifest": r"(?m)(?:^[A-Za-z0-9][\w\-]*+: |^ )(?P<value>[^\r\n]*+)",
    "sql": r"(?P<comment>--[^\n]*+|/\*(?:[^*]|\*(?!/))*+\*/)|'(?P<sq>(?:[^']|'')*+)'",
    # XML: comments, CDATA, tags (attribute values inside them are read below), text between
    "xml": r"(?P<comment><!--(?:[^-]|-(?!->))*+-->)"
    r"|<!\[CDATA\[(?P<cdata>(?:[^\]]|\](?!\]>))*+)\]\]>|(?P<tag><[^<>]*+>)",
}
_COMPILED = {lang: re.compile(rx) for lang, rx in _LEXERS.items()}
_ATTR_VALUE = re.compile(r"""=[ \t]*+(?:"(?P<dq>[^"<]*+)"|'(?P<sq>[^'<]*+)')""")
_NUMBER = re.compile(r"[+\-]?[\d(]")
#: a comment's opening and closing marks, and a block comment's `*` at the start of a line
_COMMENT_MARKS = re.compile(r"\A(?:#++|//++|/\*++|--++|;++|<!--)|\*/\Z|-->\Z|(?<=\n)[ \t]*+\*(?!/)")
_XML_REF = re.compile(r"&(?:#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_XML_LEAF = re.compile(r"<([A-Za-z_][\w.:\-]*+)>[^<>\n]*+</\1>")
_NOT_IDENT = re.compile(r"\W+")

STRING, COMMENT, CODE, TEXT = "string", "comment", "code", "text"
Region = tuple[int, int, str, str]  # start, end, kind, quote (or the comment's opener)


def language_for(name: str) -> str | None:
    import os

    base = os.path.basename(name.replace("\\", "/")).lower()
    ext = base if base.startswith(".") and base.count(".") == 1 else os.path.splitext(base)[1]
    return LANGUAGES.get(ext)


def regions(text: str, language: str) -> list[Region]:
    """Strings, comments and (for XML) character data and attribute values, in order; the
    rest is code."""
    out: list[Region] = []
    pos = 0  # XML: where the character data after the last markup starts
    for m in _COMPILED[language].finditer(text):
        kind = m.lastgroup
        if language == "xml" and m.start() > pos:
            out.append((pos, m.start(), TEXT, "<"))
        pos = m.end()
        if kind == "comment":
            out.append((m.start(), m.end(), COMMENT, m.group(0)[:2]))
        elif kind == "tag":
            for a in _ATTR_VALUE.finditer(text, m.start(), m.end()):
                g = "dq" if a.group("dq") is not None else "sq"
                out.append((a.start(g), a.end(g), STRING, '"' if g == "dq" else "'"))
        elif kind in ("cdata", "value"):
            out.append((m.start(kind), m.end(kind), TEXT, "]]>" if kind == "cdata" else ""))
        elif kind is not None:
            quote = {"dq": '"', "sq": "'", "tdq": '"', "tsq": "'", "bq": "`"}[kind]
            out.append((m.start(kind), m.end(kind), STRING, quote))
    if language == "xml" and pos < len(text):
        out.append((pos, len(text), TEXT, "<"))
    return out


class Syntax:
    """The regions of one text and what they mean for hits and replacements."""

    def __init__(self, text: str, language: str) -> None:
        self.language = language
        self.regions = regions(text, language)
        self.starts = [r[0] for r in self.regions]

    def reading(self, text: str) -> str:
        """`text` as detection reads it: comment marks blank, XML leaf elements as `key: `."""
        out = list(text)
        for start, end, kind, _quote in self.regions:
            if kind == COMMENT:
                for m in _COMMENT_MARKS.finditer(text[start:end]):
                    out[start + m.start() : start + m.end()] = " " * (m.end() - m.start())
        if self.language == "xml":
            for start, end, _kind, _quote in self.regions:  # `&lt;` reads as "<" and blanks
                for m in _XML_REF.finditer(text, start, end):
                    char = html.unescape(m.group(0))[:1]
                    out[m.start() : m.end()] = char + " " * (m.end() - m.start() - 1)
            for m in _XML_LEAF.finditer(text):
                tag = m.group(1)
                out[m.start() : m.start() + len(tag) + 2] = tag.replace(":", ".") + ": "
                out[m.end() - len(tag) - 3 : m.end()] = " " * (len(tag) + 3)
        return "".join(out)

    def region_at(self, pos: int) -> Region | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.regions[i][1]:
            return self.regions[i]
        return None

    def in_prose(self, start: int, end: int) -> bool:
        """Whether text[start:end] lies inside one string, comment or text region."""
        r = self.region_at(start)
        return r is not None and end <= r[1]

    def pieces(self, start: int, end: int) -> list[tuple[int, int, Region | None]]:
        """[start, end) cut at region boundaries: (start, end, region or None for code)."""
        out = []
        pos = start
        while pos < end:
            r = self.region_at(pos)
            if r is not None:
                stop = min(end, r[1])
            else:
                i = bisect.bisect_right(self.starts, pos)
                stop = min(end, self.starts[i]) if i < len(self.starts) else end
            out.append((pos, stop, r))
            pos = stop
        return out

    def rewrite(self, text: str, start: int, end: int, replacement: str) -> str:
        """What replaces text[start:end] so the file stays valid."""
        out = []
        for s, e, r in self.pieces(start, end):
            original = text[s:e]
            if r is None and not any(c.isalnum() for c in original):
                out.append(original)  # quotes, commas, brackets between two literals stay
            else:
                out.append(self.adapt(replacement, original, r))
        return "".join(out)

    def adapt(self, replacement: str, original: str, region: Region | None) -> str:
        rep = replacement.replace("\r", " ").replace("\n", " ")
        if self.language in ("ini", "manifest"):
            return rep
        if region is None:
            if self.language in ("python", "clike", "json", "toml") and _NUMBER.match(original):
                return '"' + _in_string(rep, '"') + '"'  # a number becomes a string literal
            return identifier(rep)
        kind, quote = region[2], region[3]
        if kind == COMMENT:
            return rep.replace("*/", "* /").replace("--", "- -")
        if self.language == "xml":
            return _xml_escape(rep, quote)
        return _in_string(rep, quote)


def identifier(replacement: str) -> str:
    """ "[PERSON_1]" -> "PERSON_1", "Jane Doe" -> "Jane_Doe": valid as an identifier, a key,
    a tag name or a YAML plain scalar."""
    ident = _NOT_IDENT.sub("_", replacement).strip("_") or "REDACTED"
    return ident if not ident[0].isdigit() else "_" + ident


_TYPOGRAPHIC = {'"': "\u201d", "'": "\u2019", "`": "\u2019", "\\": "/"}


def _in_string(rep: str, quote: str) -> str:
    """Nothing in the replacement can end or escape the literal it stands in."""
    for ch, alt in _TYPOGRAPHIC.items():
        if ch in rep and (ch == quote or ch == "\\" or quote == "`"):
            rep = rep.replace(ch, alt)
    return rep


def _xml_escape(rep: str, quote: str) -> str:
    rep = rep.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote in "\"'":
        rep = rep.replace(quote, "&quot;" if quote == '"' else "&apos;")
    return rep


def masked_forms(replacement: str) -> set[str]:
    """The forms `Syntax.adapt` may write a replacement in (verification blanks them too)."""
    forms = {identifier(replacement), _in_string(replacement, '"'), _in_string(replacement, "'")}
    forms.add(_in_string(replacement, "`"))
    return {f for f in forms if f and f != "REDACTED"}


def parses(language: str, text: str) -> bool | None:
    """Whether `text` parses in `language` (None: no parser here for it)."""
    try:
        if language == "python":
            compile(text, "<scrubbed>", "exec", dont_inherit=True)
        elif language == "json":
            import json

            lines = text.splitlines()
            if len(lines) > 1 and all(ln.lstrip().startswith(("{", "[")) for ln in lines if ln):
                for ln in lines:  # JSON Lines
                    if ln.strip():
                        json.loads(ln)
            else:
                json.loads(text)
        elif language == "toml":
            import tomllib

            tomllib.loads(text)
        elif language == "yaml":
            import yaml

            list(yaml.safe_load_all(text))
        elif language == "xml":
            from defusedxml import ElementTree

            ElementTree.fromstring(text.encode("utf-8"))
        else:
            return None
    except Exception:  # noqa: BLE001 - any parser error means "does not parse"
        return False
    return True
