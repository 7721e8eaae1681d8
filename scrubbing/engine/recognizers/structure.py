"""Values typed by their key: `"owner": "Priya Raman"`, `assignee: Анна Петрова`,
`CONTACT_PHONE=+47 912 34 567`, `<meta name="author" content="...">`, `data-customer="..."`.

JSON, YAML, TOML/INI, .env and HTML attributes on one line each; lists of names under a plural
key (`"attendees": ["A", "B"]`) too. The key decides the type (person, client, phone,
address, a coined code name); columns of CSV files and workbooks are typed by their header in
`columns`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lexicon import (
    ADDRESS_KEYS,
    ADDRESS_PART_KEYS,
    CODENAME_KEYS,
    EMAIL_KEYS,
    ORG_KEYS,
    PERSON_KEYS,
    PHONE_KEYS,
    PROJECT_KEYS,
)
from .base import ScrubRecognizer

_KV = re.compile(
    r"""(?imx)
    (?:^|[{,\s])
    (?P<kq>["']?)(?P<key>[A-Za-z_][\w.\-]{0,40}?)(?P=kq)
    [ \t]*(?::|=|=>)[ \t]*
    (?:(?P<q>["'])(?P<qval>[^"'\n]{1,200})(?P=q)|(?P<list>\[[^\]\[{\n]{1,500}\])|
       (?P<val>[^\s"'\[{,#;][^\n#;,]{0,120}?))
    [ \t]*(?=[,}\]\n;#]|$)
    """
)
_ATTR = re.compile(
    r"""(?i)<meta[^>]*\bname=["'](?P<mkey>[\w\-]+)["'][^>]*\bcontent=["'](?P<mval>[^"'<>]{1,200})["']|
    \b(?:data-)?(?P<akey>[\w\-]{2,30})=["'](?P<aval>[^"'<>\n]{1,200})["']""",
    re.X,
)
_INITIALS = re.compile(r"^(?:[A-Z]\.[ \t]?){1,3}$|^[A-Z]{2,3}$")
_GENERIC = frozenset({"name", "user", "username", "user_name", "from", "to", "lead"})
_ITEM = re.compile(r"[\"']([^\"'\n]{1,100})[\"']")
_NOT_VALUE = re.compile(
    r"(?i)^(?:null|none|nil|true|false|undefined|n/?a|tbd|-+|\$\{.*|\{\{.*|<.*|%.*|\d+|"
    r"https?://.*|\.{0,2}/.*|[\w.+\-]+@[\w.\-]+)$"
)


#: code, not a value: a call or a method call (`client = docker.from_env()`,
#: `self.customer = baker.make('shop.Customer')`, `owner = get_owner(request)`)
_POSTCODE_VALUE = re.compile(r"^\d{3,6}(?:[ \-]\d{2,4})?$")
#: how many digits a phone number has, written without separators (E.164: at most 15)
_PHONE_DIGITS = (7, 15)
_CODE_VALUE = re.compile(r"^[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*\(")


def _snake(key: str) -> str:
    """ "ownerName" as "owner_name", "CONTACT_PHONE" as "contact_phone"."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", key).lower()


def key_type(key: str) -> str | None:
    """The entity type a key's values have, or None. "owner", "ownerName", "billing.contact",
    "CONTACT_PHONE", "attendees" are all typed."""
    k = _snake(key).replace("-", "_").strip("_")
    parts = re.split(r"[._]", k)
    # "address_line_1" is "address_line1" and "address_line" (numbered columns)
    numbered = (re.sub(r"_(\d+)$", r"\1", k), re.sub(r"_?\d+$", "", k)) if k[-1:].isdigit() else ()
    for cand in (
        k,
        parts[-1],
        "_".join(parts[-2:]),
        k.rstrip("s"),
        parts[-1].rstrip("s"),
        *numbered,
    ):
        if cand in EMAIL_KEYS:
            return None  # the e-mail recognizer owns addresses
        if cand in PHONE_KEYS:
            return "PHONE_NUMBER"
        if cand in ADDRESS_KEYS:
            return "ADDRESS"
        if cand in ORG_KEYS:
            return "CLIENT"
        if cand in CODENAME_KEYS or cand in PROJECT_KEYS:
            return "CODENAME"
        if cand in PERSON_KEYS:
            return "PERSON"
    return None


def value_fits(etype: str, value: str, generic: bool = False) -> bool:
    """Whether a value under a typed key is one: a person value has a name's shape (or, under
    a key that only holds people, is one capitalised word); "name: build" is not a person."""
    from .name_shape import looks_like_name

    v = value.strip()
    if etype == "ADDRESS" and _POSTCODE_VALUE.match(v):
        return True  # "13353", "110 00", "1100-053" under "postcode" / "zip"
    if etype == "PHONE_NUMBER" and v.isdigit():
        return _PHONE_DIGITS[0] <= len(v) <= _PHONE_DIGITS[1]  # "3773560335" under "phone"
    if not v or len(v) < 2 or _NOT_VALUE.match(v) or _CODE_VALUE.match(v):
        return False
    if etype == "PHONE_NUMBER":
        return sum(c.isdigit() for c in v) >= 6
    if etype == "CODENAME":  # under "project", a coined word, not a public name ("Requests")
        from .codename import coined_shape, is_coined, project_word

        if generic:
            return (coined_shape(v) and is_coined(v)) or project_word(v)
        return " " not in v and v[0].isupper() and v.replace("-", "").isalnum()
    if etype == "PERSON":
        if looks_like_name(v, loose=True):  # a name key: "Venkatesh, G." is a name
            return True
        # under a key that only holds people, one capitalised word or initials ("J.D.")
        return not generic and ((v.isalpha() and v[0].isupper()) or bool(_INITIALS.match(v)))
    return any(c.isalpha() for c in v)


def generic_key(key: str) -> bool:
    """A key that holds other things too ("name", "project"): its values must look the part."""
    return key.lower() in _GENERIC or key.lower() in PROJECT_KEYS


#: an address key whose value is an object: `"address": {` (JSON) or `address:` ending its
#: line with the parts indented under it (YAML)
_ADDRESS_OBJECT = re.compile(
    r"""(?m)(?P<json>["']?(?P<jkey>[A-Za-z_][\w.\-]{0,40}?)["']?[ \t]*:[ \t]*\{)|"""
    r"^(?P<indent>[ \t]*)(?P<ykey>[A-Za-z_][\w.\-]{0,40}?)[ \t]*:[ \t]*$"
)
_DEEPER = re.compile(r"(?:\r?\n(?P<ind>[ \t]*)[^\n]*)")


def address_objects(text: str) -> list[tuple[int, int]]:
    """Where the parts of an address object stand: a JSON object up to its closing brace (one
    without objects inside it), a YAML mapping's more indented lines."""
    out = []
    for m in _ADDRESS_OBJECT.finditer(text):
        if key_type(m.group("jkey") or m.group("ykey")) != "ADDRESS":
            continue
        if m.group("json"):
            end = text.find("}", m.end())
            if end > 0 and "{" not in text[m.end() : end]:
                out.append((m.end(), end))
            continue
        depth, pos = len(m.group("indent").expandtabs()), m.end()
        while (line := _DEEPER.match(text, pos)) and len(line["ind"].expandtabs()) > depth:
            pos = line.end()
        if pos > m.end():
            out.append((m.end(), pos))
    return out


def _part_key(m: re.Match[str], objects: list[tuple[int, int]]) -> bool:
    return _snake(m.group("key")) in ADDRESS_PART_KEYS and any(
        a <= m.start("key") < b for a, b in objects
    )


def structure_hits(text: str) -> Iterable[tuple[int, int, str]]:
    objects = address_objects(text) if "address" in text.lower() else []
    for m in _KV.finditer(text):
        etype = key_type(m.group("key"))
        if etype is None and objects and _part_key(m, objects):
            etype = "ADDRESS"
        if etype is None:
            continue
        generic = generic_key(m.group("key"))
        if m.group("list") is not None:
            base = m.start("list")
            for item in _ITEM.finditer(m.group("list")):
                if value_fits(etype, item.group(1), generic):
                    yield base + item.start(1), base + item.end(1), etype
            continue
        g = "qval" if m.group("qval") is not None else "val"
        if m.group(g) is not None and value_fits(etype, m.group(g), generic):
            s, e = m.start(g), m.end(g)
            while e > s and text[e - 1] in " \t":
                e -= 1
            yield s, e, etype
    if "=" in text and "<" in text:
        for m in _ATTR.finditer(text):
            key, g = ("mkey", "mval") if m.group("mkey") else ("akey", "aval")
            etype = key_type(m.group(key))
            if etype and value_fits(etype, m.group(g), generic_key(m.group(key))):
                yield m.start(g), m.end(g), etype


class ScrubStructureRecognizer(ScrubRecognizer):
    ENTITIES = ("PERSON", "CLIENT", "PHONE_NUMBER", "ADDRESS", "CODENAME")
    SCORE = 0.65
    SOURCE = "structure"

    @staticmethod
    def gate(text: str) -> bool:
        return ":" in text or "=" in text

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        return structure_hits(text)
