"""Outlook .msg files, read with extract-msg and written back as .eml. Kind "msg".

An Outlook message is an OLE2 compound file of MAPI properties. What carries over into the
MIME message that is then scrubbed like any .eml: sender and recipients (names and SMTP
addresses), subject, date, the plain and HTML bodies (HTML de-encapsulated from RTF when that
is all there is), file attachments and embedded messages (recursively, as message/rfc822, no
deeper than Limits.max_nesting). Everything else (the transport headers, the other MAPI
properties, RTF formatting, attachments of kinds extract-msg cannot give as bytes) is dropped
and the report says so. The output is an .eml file (`output_kind`), verified as one.
"""

from __future__ import annotations

import logging
import re
from email.message import EmailMessage
from email.utils import format_datetime

from ...base import CorruptFile, EncryptedFile, LimitExceeded, Limits, UnsupportedFile
from .. import text as text_mod
from .headers import mailbox_address, one_line
from .message import BUILD, MailDocument

log = logging.getLogger(__name__)

_SENDER_SMTP = ("__substg1.0_5D01", "__substg1.0_0C1F", "__substg1.0_0065")


def _open_msg(data: bytes):  # -> extract_msg.MSGFile
    import extract_msg
    from extract_msg.exceptions import ExMsgBaseException

    try:
        return extract_msg.openMsg(data, delayAttachments=False)
    except ExMsgBaseException as exc:
        if "encrypt" in str(exc).lower():
            raise EncryptedFile(
                "This Outlook message is encrypted; decrypt it and upload it again."
            ) from None
        raise CorruptFile("This Outlook message is damaged and cannot be read.") from None
    except Exception as exc:  # noqa: BLE001 - the library's parse errors are not typed
        log.info("extract-msg could not open a .msg: %s", type(exc).__name__)
        raise CorruptFile("This Outlook message is damaged and cannot be read.") from None


def _string(m, stream: str) -> str:
    try:
        return m.getStringStream(stream) or ""
    except Exception:  # noqa: BLE001 - a missing or damaged property is just absent
        return ""


def to_email(m, limits: Limits, dropped: list[str], depth: int = 1) -> EmailMessage:
    """The MIME message an Outlook message holds (what a reader of it sees)."""
    from extract_msg.enums import AttachmentType, RecipientType
    from extract_msg.msg_classes import MessageBase

    if not isinstance(m, MessageBase):
        raise UnsupportedFile(
            "This Outlook file is not an e-mail message (a contact, task or note); "
            "only messages are supported."
        )
    out = EmailMessage(policy=BUILD)
    name = one_line(_string(m, "__substg1.0_0C1A") or _string(m, "__substg1.0_0042"))
    address = next((a for a in (_string(m, s) for s in _SENDER_SMTP) if a), "")
    if name or address:
        out["From"] = mailbox_address(name, one_line(address))
    for header, kind in (("To", RecipientType.TO), ("Cc", RecipientType.CC)):
        boxes = [
            mailbox_address(one_line(r.name or ""), one_line(r.email or ""))
            for r in m.recipients
            if r.type == kind
        ]
        if boxes:
            out[header] = boxes
    bcc = [r for r in m.recipients if r.type == RecipientType.BCC]
    if bcc:
        out["Bcc"] = [mailbox_address(one_line(r.name or ""), one_line(r.email or "")) for r in bcc]
    if m.subject:
        out["Subject"] = one_line(m.subject)
    if m.date is not None:
        out["Date"] = format_datetime(m.date)
    plain = m.body or ""
    try:
        html = m.htmlBody
    except Exception:  # noqa: BLE001 - RTF that cannot be de-encapsulated
        html = None
        dropped.append("an RTF body that could not be read")
    out.set_content(plain)
    if html:
        out.add_alternative(text_mod.decode(html)[0], subtype="html")
    for att in m.attachments:
        if att.type == AttachmentType.MSG and depth < limits.max_nesting:
            name = att.longFilename or att.shortFilename or ""
            out.add_attachment(
                to_email(att.data, limits, dropped, depth + 1),
                filename=re.sub(r"(?i)\.msg$", ".eml", name) or None,  # converted like its parent
            )
        elif att.type == AttachmentType.MSG:
            raise LimitExceeded("This Outlook message nests messages too deeply.")
        elif att.type == AttachmentType.DATA and isinstance(att.data, bytes):
            maintype, _, subtype = (att.mimetype or "application/octet-stream").partition("/")
            out.add_attachment(
                att.data,
                maintype,
                subtype or "octet-stream",
                filename=att.longFilename or att.shortFilename or None,
                cid=f"<{att.contentId}>" if att.contentId else None,
                disposition="inline" if att.contentId else "attachment",
            )
        else:
            dropped.append(f"an attachment of a kind that cannot be read ({att.type.name})")
    return out


class OutlookDocument(MailDocument):
    kind = "msg"
    output_kind = "eml"

    def __init__(self, data: bytes, limits: Limits) -> None:
        m = _open_msg(data)
        dropped: list[str] = []
        try:
            email = to_email(m, limits, dropped)
        finally:
            m.close()
        super().__init__(email, limits)
        self.dropped = dropped

    def render(self, edits):  # type: ignore[override]
        data, report = super().render(edits)
        report.notes.insert(
            0,
            "Outlook .msg written back as .eml (MIME): sender, recipients, subject, date, "
            "bodies and attachments were carried over; the other Outlook properties and the "
            "transport headers were dropped",
        )
        if self.dropped:
            report.notes.append("dropped from the Outlook message: " + "; ".join(self.dropped))
        return data, report


def open_document(data: bytes, limits: Limits) -> OutlookDocument:
    return OutlookDocument(data, limits)
