"""Encoded payloads inside text: base64 blocks and `data:` URIs, decoded and read by their type.

Text, code, JSON, notebooks and HTML carry whole files as base64 (a notebook's plot, a logo in
an HTML page, a key in a YAML file, an attachment pasted from a raw e-mail). Detection cannot
read them, so each one found is decoded and opened by the format module its bytes call for:

- decoded text (UTF-8, or UTF-16 with a BOM) is scrubbed like any text and re-encoded;
- a file a reader knows (PNG/JPEG through the image module, PDF, Office, ZIP, e-mail...) is
  scrubbed by that module and re-encoded from its output;
- anything else is removed and replaced by a short marker, and the report says so, when it is
  clearly an encoded payload (a `data:` URI, a padded or line-wrapped block, or a long run);
  a short unpadded run that decodes to nothing readable (a hash, a path, a random id) is left
  to the recognizers, as the text around it is.

Not payloads: PEM private keys and JWTs (the secret recognizers replace them whole) and
hexadecimal strings; a run next to `-`/`_` (a base64url token, a `sha512-...` integrity hash)
is read only when it decodes to text.

Re-encoding keeps the layout (line length, separator, padding, JSON's escaped slashes). A
payload whose decoded content comes back unchanged keeps its exact original text, so a false
candidate costs time, never bytes. Decoded payloads nest (base64 text holding base64) down to
`Limits.max_nesting`; deeper ones are removed.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import quote, unquote_to_bytes

from scrubbing.engine.kinds import IMAGE_KINDS
from scrubbing.engine.registry import module_for
from scrubbing.engine.sniff import sniff

from ..base import Document, Edit, LimitExceeded, Limits, ScrubError, WriteReport

MIN_BASE64_CHARS = 40  # a bare run shorter than this is not decoded (24 bytes)
MIN_DATA_URI_CHARS = 16
OPAQUE_MIN_CHARS = 128  # a bare, single-line, unpadded run is removed only from this length
REMOVED_MARKER = "[binary data removed]"
REMOVED_DATA_URI = "data:,binary%20data%20removed"

_B64 = r"(?:[A-Za-z0-9+]|\\?/)"
_SEP = r"(?:\\r\\n|\\n|\r?\n[ \t]*)"  # a JSON "\n" escape, or a line break and indentation
_RUN = re.compile(
    rf"(?:(?<=\\n)|(?<=\\r)|(?<=\\t)|(?<![A-Za-z0-9+/\\]))"
    rf"{_B64}{{16,}}(?:{_SEP}{_B64}{{4,}})*={{0,2}}(?![A-Za-z0-9+/=])"
)
_SEP_RE = re.compile(_SEP)
_DATA_URI = re.compile(
    r"\bdata:(?P<mime>[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+)?"
    r"(?P<params>(?:;[A-Za-z0-9.+-]+=[^;,\s\"'<>]*)*)(?P<b64>;base64)?,"
)
_DATA_B64 = re.compile(r"(?:[A-Za-z0-9+/=_-]|\\/)+")
_DATA_TEXT = re.compile(r"[^\s\"'<>()\\]+")
_NOT_PAYLOAD = re.compile(
    r"-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----.*?-----END[A-Z0-9 ]*PRIVATE KEY"
    r"(?: BLOCK)?-----|\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}",
    re.S,
)
_HEX = re.compile(r"[0-9a-fA-F]+")
_CTRL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass
class Layout:
    """How an encoded run was written, to write the new one the same way."""

    base64: bool = True
    urlsafe: bool = False
    line_len: int = 0  # 0: one line
    sep: str = ""
    padded: bool = True
    escaped_slash: bool = False  # JSON's "\/"


@dataclass
class Payload:
    start: int  # the encoded data's span in the text (a data: URI's prefix is not in it)
    end: int
    original: str
    raw: bytes  # decoded
    layout: Layout
    label: str  # "base64 text", "data: URI (image/png)"
    data_uri_start: int = -1  # the whole URI starts here (for removal)
    doc: Document | None = None  # None: removed
    why_removed: str = ""
    text_encoding: str = ""  # decoded text: its encoding


def _decode_run(run: str, urlsafe: bool = False) -> tuple[bytes, Layout] | None:
    chunks = _SEP_RE.split(run)
    seps = _SEP_RE.findall(run)
    data = "".join(chunks)
    layout = Layout(
        urlsafe=urlsafe,
        line_len=len(chunks[0]) if len(chunks) > 1 else 0,
        sep=seps[0] if seps else "",
        padded=data.endswith("=") or len(data.replace("\\/", "/")) % 4 == 0,
        escaped_slash="\\/" in data,
    )
    data = data.replace("\\/", "/")
    stripped = data.rstrip("=")
    if len(stripped) % 4 == 1:
        return None
    try:
        alt = b"-_" if urlsafe else None
        raw = base64.b64decode(stripped + "=" * (-len(stripped) % 4), altchars=alt, validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw, layout


def encode(raw: bytes, layout: Layout) -> str:
    if not layout.base64:
        return quote(raw, safe="!$&'*+,/:;=?@~-._")
    out = (base64.urlsafe_b64encode if layout.urlsafe else base64.b64encode)(raw).decode()
    if not layout.padded:
        out = out.rstrip("=")
    if layout.escaped_slash:
        out = out.replace("/", "\\/")
    if layout.line_len:
        n = layout.line_len
        out = layout.sep.join(out[i : i + n] for i in range(0, len(out), n))
    return out


def as_text(raw: bytes) -> tuple[str, str] | None:
    """(text, encoding) when the bytes are clearly text: strict UTF-8 (or UTF-16 with a BOM),
    no NULs, hardly any control characters."""
    for bom, enc in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(enc), enc
            except UnicodeDecodeError:
                return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text.strip() or "\x00" in text or len(_CTRL.findall(text)) > len(text) * 0.01:
        return None
    return text, "utf-8"


def _candidates(text: str) -> list[tuple[int, int, bytes, Layout, str, int, bool]]:
    """(start, end, raw, layout, label, data_uri_start, clearly_encoded) per payload."""
    skip = [(m.start(), m.end()) for m in _NOT_PAYLOAD.finditer(text)]
    found = []
    taken: list[tuple[int, int]] = []
    for m in _DATA_URI.finditer(text):
        mime = m.group("mime") or "text/plain"
        if m.group("b64"):
            d = _DATA_B64.match(text, m.end())
            if not d or d.end() - d.start() < MIN_DATA_URI_CHARS:
                continue
            decoded = _decode_run(d.group(0), urlsafe="-" in d.group(0) or "_" in d.group(0))
            if decoded is None:
                continue
            raw, layout = decoded
        else:
            d = _DATA_TEXT.match(text, m.end())
            if not d or d.end() - d.start() < MIN_DATA_URI_CHARS or "%" not in d.group(0):
                continue  # plain characters: the text segment around it is read as it is
            raw, layout = unquote_to_bytes(d.group(0)), Layout(base64=False)
        found.append((d.start(), d.end(), raw, layout, f"data: URI ({mime})", m.start(), True))
        taken.append((m.start(), d.end()))
    for s, run in _runs(text):
        e = s + len(run)
        if any(a < e and s < b for a, b in skip + taken):
            continue
        body = _SEP_RE.sub("", run).replace("\\/", "/").rstrip("=")
        if len(body) < MIN_BASE64_CHARS or _HEX.fullmatch(body):
            continue
        if not (re.search(r"[a-z]", body) and re.search(r"[A-Z]", body)):
            continue
        decoded = _decode_run(run)
        if decoded is None:
            continue
        raw, layout = decoded
        # next to "-" or "_" it may be a base64url token or a "sha512-..." hash: read when it
        # decodes to text, never removed as opaque
        token = text[s - 1 : s] in ("-", "_") or text[e : e + 1] in ("-", "_")
        clearly = not token and (
            run.endswith("=") or layout.line_len > 0 or len(body) >= OPAQUE_MIN_CHARS
        )
        if not clearly and as_text(raw) is None:
            continue  # a hash, a path, an id: not an encoded payload we can tell
        found.append((s, e, raw, layout, "base64 data", -1, clearly))
    found.sort(key=lambda f: f[0])
    return found


def has_candidates(text: str) -> bool:
    """Whether `text` may hold an encoded payload (cheap: nothing is opened)."""
    return ("data:" in text or len(text) >= MIN_BASE64_CHARS) and bool(_candidates(text))


_FAST = re.compile(r"[A-Za-z0-9+/\\]{16,}")  # where a run can start: a cheap first pass


def _runs(text: str) -> Iterator[tuple[int, str]]:
    """(start, run) of every base64-looking run, each cut to one wrapped block; the scan goes
    on right after what was kept, so the next line's own run is found too."""
    pos = 0
    m: re.Match[str] | None = None  # the next run found, reused by the windows before it
    while (window := _FAST.search(text, pos)) is not None:
        if m is None or m.start() < window.start():
            m = _RUN.search(text, window.start())
            if m is None:
                return
        if m.start() > window.end():
            pos = window.end()
            continue
        run = _wrapped_block(text, m.start(), m.group(0))
        yield m.start(), run
        pos, m = m.start() + len(run), None


_LINE_END = re.compile(r"[ \t]*(?:\r?\n|$|[\"',;)<\\])")


def _wrapped_block(text: str, start: int, run: str) -> str:
    """A multi-line run cut to what really is one wrapped block: lines of one length (the
    last may be shorter), each a whole line, so "...AAAA\nhash 0123" stops before "hash"."""
    pieces = re.split(f"({_SEP})", run)  # chunk, sep, chunk, ...
    if len(pieces) == 1:
        return run
    width = len(pieces[0])
    keep = 1
    for i in range(2, len(pieces), 2):
        chunk = pieces[i].rstrip("=")
        if len(chunk) > width or (len(chunk) < width and i != len(pieces) - 1):
            break
        keep = i + 1
    while keep > 1:
        block = "".join(pieces[:keep])
        if _LINE_END.match(text, start + len(block)):
            return block
        keep -= 2
    return pieces[0]


def find_payloads(text: str, limits: Limits, state: dict[str, int] | None = None) -> list[Payload]:
    """Every encoded payload in `text`, decoded and opened (or marked for removal).

    `state` counts the images opened across one file (OCR is bounded by max_ocr_images).
    Raises LimitExceeded when a payload is too big to open (the whole file fails).
    """
    state = state if state is not None else {"images": 0}
    inner = replace(limits, max_nesting=limits.max_nesting - 1)
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    out: list[Payload] = []
    for s, e, raw, layout, label, uri_start, clearly in _candidates(text):
        line = bisect.bisect_right(line_starts, s)
        p = Payload(s, e, text[s:e], raw, layout, label, uri_start)
        decoded = as_text(raw)
        if decoded is not None:
            p.label = label.replace("data", "text") if label == "base64 data" else label
            p.text_encoding = decoded[1]
            _open(p, "text", decoded[0].encode("utf-8"), inner, line)
        else:
            kind = _kind_of(raw, limits)
            if kind is None:
                if not clearly:
                    continue  # a hash, a path, an id: not an encoded payload we can tell
                p.why_removed = "binary data no reader can read"
            elif kind in IMAGE_KINDS and state["images"] >= limits.max_ocr_images:
                p.why_removed = f"more than {limits.max_ocr_images} images"
            else:
                state["images"] += kind in IMAGE_KINDS
                p.label = f"{label} ({kind})" if label == "base64 data" else label
                _open(p, kind, raw, inner, line)
        p.label = f"line {line}: {p.label}"
        out.append(p)
    return out


def _kind_of(raw: bytes, limits: Limits) -> str | None:
    """The kind a decoded payload sniffs as (None: no reader, or text)."""
    try:
        kind = sniff("payload", raw, limits).kind
    except ScrubError:
        return None
    return None if kind == "text" else kind  # text that as_text refused: not clearly text


def _open(p: Payload, kind: str, data: bytes, limits: Limits, line: int) -> None:
    if limits.max_nesting < 1:
        p.why_removed = "encoded data nested too deeply"
        return
    try:
        p.doc = module_for(kind).open_document(data, limits)
    except LimitExceeded as exc:
        raise LimitExceeded(f"In the encoded data at line {line}: {exc}") from None
    except ScrubError as exc:
        p.why_removed = f"encoded file that cannot be read ({exc.code})"


def render_payload(p: Payload, output: bytes | None) -> str:
    """The text that takes the payload's place in the output."""
    if p.doc is None or output is None:
        return REMOVED_MARKER if p.data_uri_start < 0 else REMOVED_DATA_URI
    if p.text_encoding:
        output = output.decode("utf-8").encode(p.text_encoding)
    if output == p.raw:
        return p.original
    return encode(output, p.layout)


def removal_span(p: Payload) -> tuple[int, int]:
    """The span a removed payload takes out: the whole data: URI, or the run."""
    return (p.data_uri_start if p.data_uri_start >= 0 and p.doc is None else p.start), p.end


def render_all(
    payloads: Sequence[Payload], edits: Sequence[Mapping[int, Sequence[Edit]]], report: WriteReport
) -> list[tuple[int, int, str]]:
    """(start, end, new text) for every payload; child reports merged, removals counted."""
    from .composite import merge_report

    out = []
    removed: dict[str, int] = {}
    for p, child_edits in zip(payloads, edits, strict=True):
        data = None
        if p.doc is not None:
            data, child = p.doc.render(child_edits)
            merge_report(report, child, p.label)
        else:
            removed[p.why_removed] = removed.get(p.why_removed, 0) + 1
        s, e = removal_span(p)
        out.append((s, e, render_payload(p, data)))
    opened = sum(1 for p in payloads if p.doc is not None)
    if opened:
        report.notes.append(f"decoded and scrubbed {opened} encoded payload(s) (base64, data:)")
    for why, n in sorted(removed.items()):
        report.notes.append(f"removed {n} encoded payload(s): {why}")
    return out
