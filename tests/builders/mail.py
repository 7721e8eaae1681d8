"""Real e-mail files for the mail tests, built with the `email` package, python-docx and
aspose-email-foss (an MIT-licensed writer of real Outlook .msg files), and a reader that
decodes every header and part of an output so a test can look for planted originals."""

from __future__ import annotations

import base64
import io
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.parser import BytesParser

import docx

NAME = "Priya Raman"
SURNAME = "Raman"
EMAIL = "priya.raman@globex-corp.com"
PHONE = "+1 415 555 0134"
PASSWORD = "Hunter2Secret!"
SENDER = "Jöhn Smíth"  # non-ASCII: written as RFC 2047 encoded words
SENDER_EMAIL = "john.smith@initech-mail.com"
PLANTED = (NAME, SURNAME, EMAIL, PHONE, PASSWORD, "Smíth", SENDER_EMAIL)
BODY = f"Hi {NAME},\n\nplease call me on {PHONE} about the offer.\nThe portal password: {PASSWORD}\n\nBest,\n{SENDER}\n"
TRACKING = {
    "Received": "from mail.initech-mail.com (mail.initech-mail.com [10.1.2.3]) by mx.globex-corp.com",
    "Message-ID": "<CAF1234.priya.raman@globex-corp.com>",
    "Return-Path": f"<{SENDER_EMAIL}>",
    "X-Originating-IP": "[10.1.2.3]",
    "DKIM-Signature": "v=1; a=rsa-sha256; d=initech-mail.com; s=sel; b=AbCdEf==",
    "ARC-Seal": "i=1; a=rsa-sha256; t=1700000000; cv=none; d=initech-mail.com; b=XyZ==",
    "Thread-Index": "AdnWnYh2u4mJb0Q7TmuvX1xVdA==",
    "X-MS-Exchange-Organization-AuthAs": "Internal",
    "X-MS-Has-Attach": "yes",
}
KEPT_FIELDS = {
    "from",
    "sender",
    "reply-to",
    "to",
    "cc",
    "bcc",
    "subject",
    "comments",
    "keywords",
    "date",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "content-disposition",
    "content-id",
}


def docx_bytes(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    document.core_properties.author = NAME
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def headers(msg: EmailMessage, subject: str = f"Offer for {NAME}") -> EmailMessage:
    msg["From"] = Address(SENDER, addr_spec=SENDER_EMAIL)
    msg["To"] = [Address(NAME, addr_spec=EMAIL), Address("", addr_spec="hr@globex-corp.com")]
    msg["Cc"] = Address("Bob Stone", addr_spec="bob.stone@globex-corp.com")
    msg["Subject"] = subject
    msg["Date"] = "Mon, 06 May 2024 10:00:00 +0000"
    for name, value in TRACKING.items():
        msg[name] = value
    return msg


def full_message() -> EmailMessage:
    """multipart/mixed: alternative (quoted-printable plain + HTML), a .docx and a .txt in
    base64, a nested message/rfc822; RFC 2047 subject and display names."""
    msg = headers(EmailMessage(), subject=f"Offer for {NAME} – {PHONE}")
    msg.set_content(BODY, cte="quoted-printable")
    msg.add_alternative(
        f"<html><head><title>Offer</title><style>p {{color: red}}</style>"
        f"<script>track('{EMAIL}')</script></head><body>"
        f"<p>Hi <b>Priya</b> Raman,</p><!-- internal: {NAME} {PHONE} -->"
        f'<p>call <a href="mailto:{EMAIL}" title="{NAME}" onclick="x()">me</a> on {PHONE}.'
        f'<img src="https://tracker.example.net/open.gif?u={EMAIL}" alt="{NAME}">'
        f"</p><p>password: {PASSWORD}</p></body></html>",
        subtype="html",
        cte="quoted-printable",
    )
    msg.add_attachment(
        docx_bytes(f"Contract between Globex and {NAME}, {EMAIL}, {PHONE}."),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="Priya_Raman_contract.docx",
    )
    msg.add_attachment(
        f"Notes on {NAME}\npassword: {PASSWORD}\n".encode(),
        maintype="text",
        subtype="plain",
        filename="notes.txt",
        cte="base64",
    )
    inner = headers(EmailMessage(), subject=f"Fwd: {NAME} CV")
    inner.set_content(f"Forwarding the CV of {NAME} ({EMAIL}, {PHONE}).\n")
    msg.add_attachment(inner)
    return msg


def parse(data: bytes) -> Message:
    return BytesParser(policy=policy.default).parsebytes(data)


def decoded_everything(data: bytes) -> str:
    """Every header (decoded) and every part (decoded, .docx read with python-docx, nested
    messages recursively) of a message, as one string."""
    msg = parse(data)
    out: list[str] = []
    _collect(msg, out)
    return "\n".join(out)


def _collect(msg: Message, out: list[str]) -> None:
    for name, value in msg.items():
        out.append(f"{name}: {value}")
    if msg.get_content_type() == "message/rfc822":
        for inner in msg.get_payload():
            _collect(inner, out)
        return
    if msg.is_multipart():
        for part in msg.iter_parts():
            _collect(part, out)
        return
    raw = msg.get_payload(decode=True) or b""
    if raw[:2] == b"PK":
        out.extend(p.text for p in docx.Document(io.BytesIO(raw)).paragraphs)
    else:
        out.append(raw.decode("utf-8", "replace"))
    out.append(msg.get_payload())  # the encoded form too (base64/quoted-printable)


def field_names(data: bytes) -> set[str]:
    names: set[str] = set()
    for part in parse(data).walk():
        names |= {n.lower() for n in part}
    return names


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def outlook_msg(attach_docx: bool = True) -> bytes:
    """A real Outlook .msg: sender, To/Cc, subject, plain and HTML body, a .txt and a .docx
    attachment and an embedded message."""
    from aspose.email_foss import msg as mapi

    m = mapi.MapiMessage.create(f"Offer for {NAME}", BODY)
    m.set_property(mapi.PropertyId.SENDER_NAME, SENDER)
    m.set_property(mapi.PropertyId.SENDER_EMAIL_ADDRESS, SENDER_EMAIL)
    m.add_recipient(EMAIL, display_name=NAME)
    m.add_recipient("bob.stone@globex-corp.com", display_name="Bob Stone", recipient_type=2)
    m.add_attachment("notes.txt", f"Notes on {NAME}, {PHONE}\n".encode(), mime_type="text/plain")
    if attach_docx:
        m.add_attachment(
            f"{NAME}.docx",
            docx_bytes(f"CV of {NAME}, {EMAIL}"),
            mime_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    inner = mapi.MapiMessage.create(f"Fwd: {NAME}", f"Forwarded: {NAME} {EMAIL} {PHONE}")
    m.add_embedded_message_attachment(inner, filename="forwarded.msg")
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.msg"
        m.save(str(path))
        return path.read_bytes()


def ole_file(root_streams: dict[str, bytes]) -> bytes:
    """A real OLE2 compound file with the given streams at its root (aspose's CFB writer)."""
    from aspose.email_foss.cfb.writer import CFBDocument, CFBStorage, CFBStream, CFBWriter

    root = CFBStorage("Root Entry")
    for name, data in root_streams.items():
        root.add_stream(CFBStream(name, data))
    return CFBWriter.to_bytes(CFBDocument(root))
