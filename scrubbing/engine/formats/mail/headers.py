"""Mail headers as a closed world.

Kept, on a short reviewed list: the address fields (From, Sender, Reply-To, To, Cc, Bcc), whose
display names and addresses are scrubbed; Subject, Comments and Keywords, scrubbed; Date, kept
as it is. The MIME fields (Content-Type, -Transfer-Encoding, -Disposition, -ID) are rebuilt by
the writer. Everything else (Received, Message-ID, Return-Path, DKIM/ARC signatures,
Thread-Index, X-MS-*, X-Originating-IP, List-*, ...) is removed and counted in the report.

Encoded words (RFC 2047) are decoded before detection, and segments never hold a field name:
one segment per mailbox ("Jane Doe <jane.doe@example.com>", display name and address in their
own ranges so edits map back to each), one per group name and per text field. An address
whose scrubbed form is no longer a valid addr-spec ("[EMAIL_1]") is written as a quoted local
part at the reserved domain `scrubbed.invalid`, and read back as that local part alone.
"""

from __future__ import annotations

import base64
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.headerregistry import Address, Group
from email.message import Message
from email.policy import EmailPolicy

from ...base import Edit
from ..composite import Parts, apply_edits, split_edits

ADDRESS_FIELDS = ("from", "sender", "reply-to", "to", "cc", "bcc")
TEXT_FIELDS = ("subject", "comments", "keywords")
VERBATIM_FIELDS = ("date",)
#: rebuilt from the parsed structure by the writer, never copied
MIME_FIELDS = (
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "content-disposition",
    "content-id",
)
#: named in the report when removed (any other field is counted as "other")
KNOWN_REMOVED = (
    "Received Message-ID Return-Path In-Reply-To References Delivered-To X-Originating-IP "
    "DKIM-Signature ARC-Seal ARC-Message-Signature ARC-Authentication-Results "
    "Authentication-Results Received-SPF Thread-Index Thread-Topic X-Mailer User-Agent "
    "X-Received X-Google-Smtp-Source X-Priority Importance Content-Language Accept-Language "
    "Content-Description Content-Location Disposition-Notification-To Return-Receipt-To "
    "List-Id List-Unsubscribe Precedence X-Original-To Envelope-To"
).split()
_KNOWN = {name.lower(): name for name in KNOWN_REMOVED}
_PREFIXES = ("X-MS-", "X-Microsoft-", "X-Forefront-", "X-Spam-", "X-Google-", "ARC-", "List-")
SENTINEL_DOMAIN = "scrubbed.invalid"
_LINE_BREAKS = re.compile(r"[\r\n\t]+")


def one_line(text: str) -> str:
    """Header text fit to write: no line breaks (a decoded word may hold one), no surrogates."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _LINE_BREAKS.sub(" ", text).strip()


def removed_label(name: str) -> str:
    low = name.lower()
    if low in _KNOWN:
        return _KNOWN[low]
    for prefix in _PREFIXES:
        if low.startswith(prefix.lower()):
            return prefix + "*"
    return "other"


@dataclass
class _Mailbox:
    seg: int
    ranges: list[tuple[int, int]]  # display name, address


@dataclass
class _Group:
    name_seg: int  # -1: not a group (plain mailboxes)
    mailboxes: list[_Mailbox]


@dataclass
class _Field:
    name: str
    kind: str  # "address" | "text" | "verbatim"
    seg: int = -1
    value: str = ""
    groups: list[_Group] = field(default_factory=list)


class HeaderBlock:
    """The kept fields of one message or part, their segments in `parts`, and a tally of the
    removed ones."""

    def __init__(self, msg: Message, parts: Parts, where: str, *, top: bool = True) -> None:
        self.parts = parts
        self.where = where
        self.fields: list[_Field] = []
        self.removed: Counter[str] = Counter()
        for name in msg:
            low = name.lower()
            if low in MIME_FIELDS:
                continue
            if not top or low not in ADDRESS_FIELDS + TEXT_FIELDS + VERBATIM_FIELDS:
                self.removed[removed_label(name)] += 1
        if not top:
            return
        for name in dict.fromkeys(msg):  # each field name once, in order
            low = name.lower()
            for value in msg.get_all(name, []):
                if low in ADDRESS_FIELDS:
                    self._address(name, value)
                elif low in TEXT_FIELDS:
                    self._text(name, _decoded(value))
                elif low in VERBATIM_FIELDS:
                    self.fields.append(_Field(name, "verbatim", value=one_line(_decoded(value))))

    def _text(self, name: str, text: str) -> None:
        seg = self.parts.own(one_line(text), f"{self.where} {name}", "header")
        self.fields.append(_Field(name, "text", seg=seg))

    def _address(self, name: str, value: object) -> None:
        try:
            groups = value.groups  # type: ignore[attr-defined]
        except (AttributeError, HeaderParseError, IndexError, ValueError):
            groups = None
        if not groups:
            if _decoded(value).strip():  # unparseable: read (and written) as plain text
                self._text(name, _decoded(value))
            return
        where = f"{self.where} {name}"
        out = []
        for group in groups:
            name_seg = -1
            if group.display_name:
                name_seg = self.parts.own(one_line(group.display_name), f"{where} group", "header")
            boxes = []
            for addr in group.addresses:
                display = one_line(addr.display_name or "")
                spec = addr.username if addr.domain == SENTINEL_DOMAIN else addr.addr_spec
                spec = one_line(spec)
                if display:
                    text = f"{display} <{spec}>"
                    ranges = [(0, len(display)), (len(display) + 2, len(display) + 2 + len(spec))]
                else:
                    text, ranges = spec, [(0, 0), (0, len(spec))]
                boxes.append(_Mailbox(self.parts.own(text, where, "header"), ranges))
            out.append(_Group(name_seg, boxes))
        self.fields.append(_Field(name, "address", groups=out))

    # -- writing ------------------------------------------------------------------------------

    def write(self, out: Message, edits: Mapping[int, Sequence[Edit]]) -> None:
        def new(seg: int) -> str:
            return one_line(apply_edits(self.parts.segments[seg].text, edits.get(seg, ())))

        for f in self.fields:
            if f.kind == "verbatim":
                out[f.name] = f.value
            elif f.kind == "text":
                out[f.name] = new(f.seg)
            else:
                items: list[Address | Group] = []
                for g in f.groups:
                    boxes = []
                    for box in g.mailboxes:
                        text = self.parts.segments[box.seg].text
                        display, spec = (
                            one_line(apply_edits(text[a:b], e))
                            for (a, b), e in zip(
                                box.ranges,
                                split_edits(edits.get(box.seg, ()), box.ranges),
                                strict=True,
                            )
                        )
                        boxes.append(mailbox_address(display, spec))
                    if g.name_seg >= 0:
                        items.append(Group(new(g.name_seg) or "group", boxes))
                    else:
                        items.extend(boxes)
                if items:
                    out[f.name] = items

    def report_lines(self) -> list[str]:
        if not self.removed:
            return []
        named = [
            f"{name} \u00d7{n}" if n > 1 else name
            for name, n in sorted(self.removed.items())
            if name != "other"
        ]
        if self.removed["other"]:
            named.append(f"{self.removed['other']} other field(s)")
        return [f"{self.where}s removed: " + ", ".join(named)]


def mailbox_address(display: str, spec: str) -> Address:
    try:
        addr = Address(display_name=display, addr_spec=spec)
        if addr.domain and addr.domain != SENTINEL_DOMAIN:
            return addr
    except (HeaderParseError, IndexError, ValueError, TypeError):
        pass
    return Address(display_name=display, username=spec or "redacted", domain=SENTINEL_DOMAIN)


def _decoded(value: object) -> str:
    try:
        return str(value)
    except (HeaderParseError, IndexError, ValueError):
        return ""


#: one RFC 2047 encoded word; a run of them separated only by whitespace is one text (RFC 2047
#: 6.2), which the standard library's address parser gets wrong ("Schr öder" from
#: `=?utf-8?q?Schr?= =?utf-8?q?=C3=B6der?=`, a name cut in two where detection reads it)
_ENCODED_WORD = r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?="
_ENCODED_RUN = re.compile(rf"{_ENCODED_WORD}(?:\s+{_ENCODED_WORD})+")


def joined_encoded_words(value: str) -> str:
    """`value` with each run of adjacent encoded words made one UTF-8 encoded word."""

    def join(m: re.Match[str]) -> str:
        try:
            text = str(make_header(decode_header(m.group(0))))
        except (HeaderParseError, LookupError, ValueError, UnicodeError):
            return m.group(0)
        return "=?utf-8?b?" + base64.b64encode(text.encode("utf-8")).decode("ascii") + "?="

    return _ENCODED_RUN.sub(join, value)


class ReadPolicy(EmailPolicy):
    """policy.default, with adjacent encoded words joined before a header is parsed."""

    def header_fetch_parse(self, name: str, value: object) -> object:
        if isinstance(value, str) and not hasattr(value, "name"):  # not parsed yet
            value = joined_encoded_words(value)  # `\s+` spans a fold too
        return super().header_fetch_parse(name, value)
