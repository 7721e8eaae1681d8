"""Mailboxes (.mbox): many messages, each scrubbed as an e-mail, written back as mbox.

Messages start at "From " lines (at the start of the file or after a blank line); ">From "
quoting is undone on reading and redone on writing (mboxrd). The envelope line's sender
address is replaced by "-" (what Thunderbird writes), its date kept when it looks like one.
All messages share one budget of parts and decoded bytes; their reports are merged, a line
shared by several messages once with its count.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from ...base import CorruptFile, Document, Edit, Limits, WriteReport
from ..composite import REPORT_LISTS, Parts
from .message import Budget, MailDocument

# an envelope line: "From " sender asctime-date ("From MAILER-DAEMON Fri Jul  8 12:08:34 2011")
_DATE = (
    rb"[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]?\d \d\d:\d\d(?::\d\d)?"
    rb"(?: [A-Z]{1,5}| [+-]\d{4})? \d{4}"
)
_START = re.compile(
    rb"(?:\A|(?<=\n\n)|(?<=\r\n\r\n))From \S+ +(?P<date>" + _DATE + rb")[ \t]*\r?\n"
)
_QUOTED = re.compile(rb"^>(>*From )", re.M)
_TO_QUOTE = re.compile(rb"^(>*From )", re.M)


def split(data: bytes) -> list[tuple[bytes, bytes]]:
    """(date of the envelope line, message bytes) per message. Only the date of an envelope
    line is kept: the line is recognised by its strict asctime date, nothing else in it."""
    starts = list(_START.finditer(data))
    if not starts or starts[0].start() != 0:
        raise CorruptFile(
            "This mailbox does not start with an mbox \u201cFrom \u201d line (sender and date)."
        )
    out = []
    for n, m in enumerate(starts):
        end = starts[n + 1].start() if n + 1 < len(starts) else len(data)
        out.append((m.group("date"), _QUOTED.sub(rb"\1", data[m.end() : end])))
    return out


class MboxDocument(Document):
    kind = "mbox"

    def __init__(self, data: bytes, limits: Limits) -> None:
        super().__init__()
        budget = Budget(limits.max_members, limits.max_expanded_bytes)
        self.parts = Parts(self.segments, limits.max_segments)
        self.dates = []
        for n, (date, body) in enumerate(split(data), 1):
            budget.charge(0)
            self.dates.append(date)
            doc = MailDocument(body, limits, budget)
            self.parts.adopt(doc, "", f"message {n}")

    def admits(self, index: int, start: int, end: int, source: str) -> bool:
        return self.parts.admits(index, start, end, source)

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        children = WriteReport()
        _mine, theirs = self.parts.split(edits)
        outputs = self.parts.render_children(theirs, children)
        out = []
        for date, body in zip(self.dates, outputs, strict=True):
            body = _TO_QUOTE.sub(rb">\1", body.replace(b"\r\n", b"\n"))
            out.append(b"From - " + date + b"\n" + body.rstrip(b"\n") + b"\n\n")
        report = WriteReport()
        for attr in REPORT_LISTS:
            counts = Counter(getattr(children, attr))
            getattr(report, attr).extend(
                f"{line} (in {n} messages)" if n > 1 else line for line, n in counts.items()
            )
        report.notes.append(
            f"{len(outputs)} message(s); envelope senders replaced by \u201c-\u201d"
        )
        return b"".join(out), report


def open_document(data: bytes, limits: Limits) -> MboxDocument:
    return MboxDocument(data, limits)
