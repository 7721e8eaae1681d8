"""Plain text, Markdown, CSV, JSON, source code, .env/config files. Kind "text".

Segments are blocks of consecutive non-blank lines (a paragraph in prose, a stanza of code
or a run of CSV rows), capped at a few dozen lines: names get sentence context, secrets and
connection strings stay on their own lines inside the block, a deny-listed phrase can still
be matched across a line break. A PEM key block is never split. The decoded text keeps its
original line endings, so rendering is a splice into the original string re-encoded with the
original encoding (and BOM).

Encoded payloads (base64 blocks, `data:` URIs: see `payloads`) are cut out of the blocks and
read by their own type; their segments follow the text's own, and rendering splices their
re-encoded output (or a removal marker) back in place.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..base import DEFAULT_LIMITS, Document, Edit, LimitExceeded, Limits, Segment, WriteReport
from . import payloads as payloads_mod
from .code import Syntax, parses
from .composite import Parts

MAX_BLOCK_LINES = 40
MAX_BLOCK_CHARS = 4000
MAX_LINE_CHARS = 10_000  # minified JSON etc.: split long lines at a space/comma

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PEM_BEGIN = re.compile(r"-----BEGIN [A-Z0-9 ]+-----")
_PEM_END = re.compile(r"-----END [A-Z0-9 ]+-----")


def decode(data: bytes) -> tuple[str, str, bytes]:
    """(text, encoding, bom). UTF-8 (with or without BOM), UTF-16/32 with BOM, else cp1252."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, errors="replace"), enc, bom
    try:
        return data.decode("utf-8"), "utf-8", b""
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252", b""
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", b""  # total: every byte maps


class TextDocument(Document):
    kind = "text"

    def __init__(
        self,
        text: str,
        encoding: str,
        bom: bytes,
        spans: list[tuple[int, int]],
        segments: list[Segment],
        payloads: Sequence[payloads_mod.Payload] = (),
        limits: Limits = DEFAULT_LIMITS,
        language: str | None = None,
    ) -> None:
        self.language = language  # code and data files: edits keep the file valid (`code`)
        self.syntax = Syntax(text, language) if language else None
        if self.syntax is not None:  # detection reads what a reader reads (`Syntax.reading`)
            reading = self.syntax.reading(text)
            segments = [
                replace(seg, text=reading[s:e]) for seg, (s, e) in zip(segments, spans, strict=True)
            ]
        super().__init__(segments)
        self.text = text
        self.encoding = encoding
        self.bom = bom
        self.spans = spans  # own segment index -> (start, end) in self.text
        self.payloads = list(payloads)
        # decoded payloads' segments come after the text's own ones
        self.parts = Parts(self.segments, limits.max_segments)
        self._slots = [
            self.parts.adopt(p.doc, p.label, p.label) if p.doc is not None else -1
            for p in self.payloads
        ]

    def admits(self, index: int, start: int, end: int, source: str) -> bool:
        """In a code file the model's hits count in strings and comments only."""
        if index >= len(self.spans):
            return self.parts.admits(index, start, end, source)  # a decoded payload's
        if self.syntax is None or source != "model":
            return True
        base = self.spans[index][0]
        return self.language == "ini" or self.syntax.in_prose(base + start, base + end)

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        report = WriteReport()
        mine, theirs = self.parts.split(edits)
        absolute: list[tuple[int, int, str]] = []
        for idx, seg_edits in mine.items():
            base, end = self.spans[idx]
            for ed in seg_edits:
                if not 0 <= ed.start <= ed.end <= end - base:
                    raise ValueError(f"edit {ed} outside segment {idx}")
                s, e, rep = base + ed.start, base + ed.end, ed.replacement
                if self.syntax is not None:
                    rep = self.syntax.rewrite(self.text, s, e, rep)
                absolute.append((s, e, rep))
        if self.payloads:
            child_edits = [theirs[slot] if slot >= 0 else {} for slot in self._slots]
            absolute += payloads_mod.render_all(self.payloads, child_edits, report)
        absolute.sort()
        out: list[str] = []
        pos = 0
        for s, e, rep in absolute:
            if s < pos:
                raise ValueError("overlapping edits")
            out.append(self.text[pos:s])
            out.append(rep)
            pos = e
        out.append(self.text[pos:])
        new = "".join(out)
        if (
            self.language
            and absolute
            and parses(self.language, self.text) is True
            and parses(self.language, new) is False
        ):
            report.notes.append(f"the scrubbed file no longer parses as {self.language}: check it")
        # A replacement the legacy code page cannot hold becomes "?" rather than failing the
        # file; placeholders are ASCII so this only touches unusual synthetic values.
        errors = "strict" if self.encoding.startswith("utf") else "replace"
        return self.bom + new.encode(self.encoding, errors=errors), report


def _split_long(line_start: int, line: str) -> list[tuple[int, int]]:
    pieces = []
    s = 0
    while len(line) - s > MAX_LINE_CHARS:
        cut = max(line.rfind(" ", s, s + MAX_LINE_CHARS), line.rfind(",", s, s + MAX_LINE_CHARS))
        cut = cut + 1 if cut > s else s + MAX_LINE_CHARS
        pieces.append((line_start + s, line_start + cut))
        s = cut
    pieces.append((line_start + s, line_start + len(line)))
    return pieces


def segment_text(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Block spans over `text` and their locators ("line 4", "lines 4-9")."""
    spans: list[tuple[int, int]] = []
    locators: list[str] = []
    block_start = -1
    block_first = 0
    block_lines = 0
    in_pem = False
    pos = 0
    lineno = 0

    def close(end: int, last_line: int) -> None:
        nonlocal block_start
        if block_start >= 0:
            # trailing line ending is not part of the segment
            while end > block_start and text[end - 1] in "\r\n":
                end -= 1
            if end > block_start:
                spans.append((block_start, end))
                locators.append(
                    f"line {block_first}"
                    if last_line == block_first
                    else f"lines {block_first}-{last_line}"
                )
        block_start = -1

    for raw in text.splitlines(keepends=True):
        lineno += 1
        body = raw.rstrip("\r\n")
        start = pos
        pos += len(raw)
        if not body.strip() and not in_pem:
            close(start, lineno - 1)
            continue
        if len(body) > MAX_LINE_CHARS and not in_pem:
            close(start, lineno - 1)
            pieces = _split_long(start, body)
            for n, (s, e) in enumerate(pieces, 1):
                spans.append((s, e))
                locators.append(f"line {lineno} (part {n})")
            continue
        # the cap is checked with the state *before* this line, so an END line stays with
        # its key and a BEGIN line may open a fresh block
        if (
            block_start >= 0
            and not in_pem
            and (block_lines >= MAX_BLOCK_LINES or start - block_start >= MAX_BLOCK_CHARS)
        ):
            close(start, lineno - 1)
        if _PEM_BEGIN.search(body):
            in_pem = True
        if _PEM_END.search(body):
            in_pem = False
        if block_start < 0:
            block_start, block_first, block_lines = start, lineno, 0
        block_lines += 1
    close(pos, lineno)
    return spans, locators


def _cut(
    spans: list[tuple[int, int]], locators: list[str], holes: list[tuple[int, int]], text: str
) -> tuple[list[tuple[int, int]], list[str]]:
    """Segment spans with the payloads' spans taken out (a block around a payload becomes the
    pieces before and after it, blank pieces dropped)."""
    if not holes:
        return spans, locators
    out_spans: list[tuple[int, int]] = []
    out_locs: list[str] = []
    for (s, e), loc in zip(spans, locators, strict=True):
        pieces = [(s, e)]
        for hs, he in holes:
            if he <= s or hs >= e:
                continue
            nxt = []
            for a, b in pieces:
                nxt += [(a, min(b, hs))] if a < hs else []
                nxt += [(max(a, he), b)] if b > he else []
            pieces = nxt
        for a, b in pieces:
            if text[a:b].strip():
                out_spans.append((a, b))
                out_locs.append(loc)
    return out_spans, out_locs


def open_document(
    data: bytes, limits: Limits = DEFAULT_LIMITS, language: str | None = None
) -> TextDocument:
    """`language` (from the file's extension, `code.language_for`): edits keep it valid."""
    text, encoding, bom = decode(data)
    spans, locators = segment_text(text)
    found = payloads_mod.find_payloads(text, limits)
    spans, locators = _cut(spans, locators, [payloads_mod.removal_span(p) for p in found], text)
    if len(spans) > limits.max_segments:
        raise LimitExceeded("This text file has too many parts to process.")
    segments = [
        Segment(index=i, text=text[s:e], locator=loc, kind="body")
        for i, ((s, e), loc) in enumerate(zip(spans, locators, strict=True))
    ]
    return TextDocument(text, encoding, bom, spans, segments, found, limits, language)
