"""E-mail messages (.eml, and each message of an .mbox or converted .msg). Kind "eml".

Parsed with the standard library's `email` package (policy.default). What a reader sees:
- headers, as a closed world (`headers`): display names, addresses and subjects scrubbed with
  RFC 2047 words decoded; routing and tracking fields removed and reported;
- every part decoded (base64, quoted-printable, the declared charset): text/plain bodies read
  by the text module (so base64 pasted into a body is read too), text/html bodies by `html`;
- attachments and inline images sniffed from their bytes and opened by their own format
  module through the registry (a .docx by the docx module, a nested message or .msg by this
  one), with the archive limits: a message nests messages and archives no deeper than
  Limits.max_nesting, and all its parts share one budget of parts and decoded bytes;
- attachment file names, scrubbed like archive member names.

Closed world: an attachment no reader can read (an executable, winmail.dat, an encrypted
file...), an S/MIME or PGP signature (it would no longer match), and MIME preamble/epilogue
text are removed and reported; an encrypted message fails with a sentence. The output is a
new message built from what was read: kept headers, then the MIME tree with fresh boundaries,
Content-IDs renumbered (`partN@scrubbed.invalid`, HTML `cid:` references rewritten), texts
re-encoded as UTF-8.
"""

from __future__ import annotations

import mimetypes
import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from email import policy
from email.message import EmailMessage, Message, MIMEPart
from email.parser import BytesParser

from scrubbing.engine.registry import module_for
from scrubbing.engine.sniff import sniff

from ...base import (
    CorruptFile,
    Document,
    Edit,
    EncryptedFile,
    LimitExceeded,
    Limits,
    ScrubError,
    WriteReport,
)
from ...kinds import KINDS
from .. import text as text_mod
from ..composite import Parts, apply_edits
from ..html import HtmlDocument
from .headers import SENTINEL_DOMAIN, HeaderBlock, ReadPolicy

POLICY = ReadPolicy()  # policy.default, encoded words joined as RFC 2047 says
#: what the writer builds with: texts come out quoted-printable or base64, never raw 8-bit
BUILD = policy.default.clone(cte_type="7bit")
MAX_MIME_DEPTH = 50  # multipart inside multipart
SIGNATURES = frozenset(
    {"application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"}
)
ENCRYPTED = frozenset({"multipart/encrypted", "application/pkcs7-mime", "application/x-pkcs7-mime"})
_UNSAFE_NAME = re.compile(r"[/\\:\x00-\x1f\x7f]")


@dataclass
class Budget:
    """Shared by a message and everything nested in it (or by all messages of an mbox)."""

    parts_left: int
    bytes_left: int
    images: int = 0  # pictures opened (each is OCR'd): at most Limits.max_ocr_images

    def charge(self, n_bytes: int) -> None:
        self.parts_left -= 1
        self.bytes_left -= n_bytes
        if self.parts_left < 0:
            raise LimitExceeded("This e-mail has more parts than we can process.")
        if self.bytes_left < 0:
            raise LimitExceeded("This e-mail holds more decoded data than we can process.")


@dataclass
class _Multi:
    subtype: str
    children: list = field(default_factory=list)


@dataclass
class _Body:
    subtype: str
    slot: int
    params: dict[str, str]


@dataclass
class _Attachment:
    kind: str
    content_type: str
    disposition: str
    slot: int
    name_seg: int = -1
    name: str = ""
    name_back: list[int] = field(default_factory=list)
    cid: str = ""


def parse(data: bytes) -> Message:
    try:
        return BytesParser(policy=POLICY).parsebytes(data)
    except (ValueError, TypeError, IndexError, LookupError):
        raise CorruptFile("This e-mail is damaged and cannot be read.") from None


class MailDocument(Document):
    kind = "eml"

    def __init__(
        self,
        source: bytes | Message,
        limits: Limits,
        budget: Budget | None = None,
    ) -> None:
        super().__init__()
        if limits.max_nesting < 1:
            raise LimitExceeded("This e-mail nests messages or archives too deeply.")
        self.limits = limits
        self.budget = budget or Budget(limits.max_members, limits.max_expanded_bytes)
        data = source if isinstance(source, bytes) else b""
        msg = parse(source) if isinstance(source, bytes) else source
        self.linesep = "\r\n" if b"\r\n" in data[:8192] else "\n"
        self.parts = Parts(self.segments, limits.max_segments)
        self.notes: list[str] = []
        self.removed: list[str] = []  # why each removed part went
        self.part_headers: list[HeaderBlock] = []
        self.cids = _number_cids(msg)
        self.n_attachments = 0
        self.headers = HeaderBlock(msg, self.parts, "header")
        self.body = self._node(msg, 0)

    # -- reading ------------------------------------------------------------------------------

    def _node(self, part: Message, depth: int) -> _Multi | _Body | _Attachment | None:
        if depth > MAX_MIME_DEPTH:
            raise LimitExceeded("This e-mail nests MIME parts too deeply.")
        if depth:
            self.part_headers.append(HeaderBlock(part, self.parts, "part header", top=False))
        ctype = part.get_content_type()
        if ctype in ENCRYPTED and "signed" not in (part.get_param("smime-type") or ""):
            raise EncryptedFile(
                "This e-mail is encrypted (S/MIME or PGP); decrypt it and upload it again."
            )
        if part.is_multipart() and part.get_content_maintype() == "multipart":
            return self._multipart(part, depth)
        if ctype in SIGNATURES:
            self.removed.append("a digital signature (it would no longer match)")
            return None
        if ctype in ("message/rfc822", "message/global") and part.is_multipart():
            inner = part.get_payload()
            return self._attachment(part, inner[0] if inner else EmailMessage())
        if part.get_content_maintype() == "message":
            self.removed.append(f"a {ctype} part (delivery or read report)")
            return None
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        self.budget.charge(len(data))
        disposition = part.get_content_disposition()
        if (
            ctype in ("text/plain", "text/html")
            and disposition != "attachment"
            and not part.get_filename()
        ):
            return self._body(part, data)
        return self._attachment(part, data)

    def _multipart(self, part: Message, depth: int) -> _Multi | None:
        node = _Multi(part.get_content_subtype())
        if (part.preamble or "").strip() or (part.epilogue or "").strip():
            self.notes.append("text outside the MIME parts (preamble/epilogue) removed")
        for sub in part.iter_parts():
            self.budget.charge(0)
            child = self._node(sub, depth + 1)
            if child is not None:
                node.children.append(child)
        if node.subtype == "signed":
            node.subtype = "mixed"  # the signature went; what is left is a plain message
        return node if node.children else None

    def _body(self, part: Message, data: bytes) -> _Body:
        charset = part.get_content_charset() or "us-ascii"
        try:
            body = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            body = text_mod.decode(data)[0]
        subtype = part.get_content_subtype()
        where = f"body ({part.get_content_type()})"
        if subtype == "html":
            child: Document = HtmlDocument(body, self.cids, self.limits)
        else:
            child = text_mod.open_document(body.encode("utf-8"), self.limits)
        params = {k: v for k, v in part.get_params(failobj=[])[1:] if k in ("format", "delsp")}
        return _Body(subtype, self.parts.adopt(child, where, where), params)

    def _attachment(self, part: Message, data: bytes | Message) -> _Attachment | None:
        self.n_attachments += 1
        filename = part.get_filename() or ""
        ctype = part.get_content_type()
        ext = posixpath.splitext(filename)[1].lower() or mimetypes.guess_extension(ctype) or ""
        label = f"attachment {self.n_attachments}" + (f" ({ext})" if ext else "")
        inner = replace(
            self.limits,
            max_nesting=self.limits.max_nesting - 1,
            max_members=max(self.budget.parts_left, 0),
            max_expanded_bytes=max(self.budget.bytes_left, 0),
        )
        try:
            kind, doc = _open(filename or f"attachment{ext}", data, inner, self.budget)
            if kind in ("png", "jpeg"):
                self.budget.images += 1
                if self.budget.images > self.limits.max_ocr_images:
                    n = self.limits.max_ocr_images
                    self.removed.append(f"{label}: a picture beyond the first {n} (not read)")
                    return None
        except LimitExceeded as exc:
            raise LimitExceeded(f"In {label}: {exc}") from None
        except ScrubError as exc:
            self.removed.append(f"{label}: {_reason(exc)}")
            return None
        node = _Attachment(
            kind,
            ctype,
            part.get_content_disposition() or ("inline" if part["Content-ID"] else "attachment"),
            self.parts.adopt(doc, label, label),
            cid=self.cids.get(_cid_key(part), ""),
        )
        if filename:
            from ..archive import readable_path  # noqa: PLC0415 (archive imports the registry)

            view, node.name_back = readable_path(filename)
            node.name = filename
            node.name_seg = self.parts.own(view, f"{label}: file name", "name")
        return node

    # -- writing ------------------------------------------------------------------------------

    def admits(self, index: int, start: int, end: int, source: str) -> bool:
        return self.parts.admits(index, start, end, source)

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        out, report = self.render_message(edits)
        return out.as_bytes(policy=BUILD.clone(linesep=self.linesep)), report

    def render_message(
        self, edits: Mapping[int, Sequence[Edit]]
    ) -> tuple[EmailMessage, WriteReport]:
        report = WriteReport()
        mine, theirs = self.parts.split(edits)
        outputs = self.parts.render_children(theirs, report)
        out = EmailMessage(policy=BUILD)
        self.headers.write(out, mine)
        out["MIME-Version"] = "1.0"
        if self.body is None:
            out.set_content("")
        else:
            self._build(self.body, out, mine, outputs)
        report.metadata_removed += self.headers.report_lines()
        others = sum(sum(h.removed.values()) for h in self.part_headers)
        if others:
            report.metadata_removed.append(f"{others} MIME part header field(s) removed")
        report.notes += self.notes
        if self.removed:
            report.notes.append(
                f"removed {len(self.removed)} part(s) no reader can read: "
                + "; ".join(self.removed)
            )
        return out, report

    def _build(
        self,
        node: _Multi | _Body | _Attachment,
        target: MIMEPart,
        edits: Mapping[int, Sequence[Edit]],
        outputs: list[bytes],
    ) -> None:
        if isinstance(node, _Multi):
            target["Content-Type"] = f"multipart/{node.subtype}"
            for child in node.children:
                part = MIMEPart(policy=BUILD)
                self._build(child, part, edits, outputs)
                target.attach(part)
        elif isinstance(node, _Body):
            body = outputs[node.slot].decode("utf-8")
            target.set_content(body, subtype=node.subtype, charset="utf-8", params=node.params)
        else:
            data = outputs[node.slot]
            doc = self.parts.children[node.slot][0]
            name = self._new_name(node, edits, doc.output_kind)
            kw = {"disposition": node.disposition, "filename": name or None}
            kw["cid"] = f"<{node.cid}>" if node.cid else None
            if node.kind in ("eml", "msg"):
                target.set_content(parse(data), cte="7bit", **kw)
            else:
                maintype, subtype = _content_type(node).split("/", 1)
                target.set_content(data, maintype, subtype, **kw)

    def _new_name(self, node: _Attachment, edits: Mapping[int, Sequence[Edit]], kind: str) -> str:
        if node.name_seg < 0:
            return ""
        back = node.name_back
        name = apply_edits(
            node.name,
            [
                Edit(back[e.start], back[e.end], _UNSAFE_NAME.sub("_", e.replacement))
                for e in edits.get(node.name_seg, ())
            ],
        )
        name = _UNSAFE_NAME.sub("_", name).strip() or "attachment"
        if kind:
            name = posixpath.splitext(name)[0] + KINDS[kind][0]
        return name


def _content_type(node: _Attachment) -> str:
    if node.kind == "text":
        return node.content_type if node.content_type.startswith("text/") else "text/plain"
    return KINDS[node.kind][1]


def _cid_key(part: Message) -> str:
    return str(part.get("Content-ID", "")).strip().strip("<>").strip()


def _number_cids(msg: Message) -> dict[str, str]:
    cids: dict[str, str] = {}
    for part in msg.walk():
        key = _cid_key(part)
        if key and key not in cids:
            cids[key] = f"part{len(cids) + 1}@{SENTINEL_DOMAIN}"
    return cids


def _reason(exc: ScrubError) -> str:
    return {
        "unsupported": "a type no reader can read",
        "empty": "empty",
        "encrypted": "password-protected",
        "corrupt": "damaged",
    }.get(exc.code, "cannot be read")


def _open(name: str, data: bytes | Message, limits: Limits, budget: Budget) -> tuple[str, Document]:
    """(kind, document) of an attachment; ScrubError when no reader can read it."""
    if isinstance(data, Message):
        return "eml", MailDocument(data, limits, budget)
    kind = sniff(posixpath.basename(name.replace("\\", "/")), data, limits).kind
    if kind == "eml":
        return kind, MailDocument(data, limits, budget)
    return kind, module_for(kind).open_document(data, limits)


def open_document(data: bytes, limits: Limits) -> MailDocument:
    return MailDocument(data, limits)
