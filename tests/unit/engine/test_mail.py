"""E-mail (.eml) as a format of its own: MIME decoded, headers a closed world, every part read
by its own module, the output a valid message with no original left in any part."""

from __future__ import annotations

import io
from dataclasses import replace
from email.message import EmailMessage

import docx
import pytest

from scrubbing.engine.base import DEFAULT_LIMITS, EncryptedFile, LimitExceeded
from scrubbing.engine.formats.mail.message import MailDocument
from scrubbing.engine.pipeline import Scrubber, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.sniff import sniff
from tests.builders.mail import (
    EMAIL,
    KEPT_FIELDS,
    NAME,
    PHONE,
    PLANTED,
    decoded_everything,
    field_names,
    full_message,
    headers,
    parse,
)


@pytest.fixture(scope="module")
def scrubber(detector):
    return Scrubber()


def scrub(scrubber, msg: EmailMessage | bytes, name: str = "offer.eml"):
    data = msg if isinstance(msg, bytes) else msg.as_bytes()
    return scrubber.scrub(name, data, TermLists(), Pseudonymizer())


def assert_clean(output: bytes) -> str:
    text = decoded_everything(output)
    for original in PLANTED:
        assert original not in text, original
    return text


def test_full_message_is_scrubbed_in_every_part(scrubber):
    msg = full_message()
    original = msg.as_bytes()
    assert b"=?utf-8?" in original and b"quoted-printable" in original  # really encoded
    assert sniff("offer.eml", original).kind == "eml"
    r = scrub(scrubber, original)
    assert r.status == "done", (r.error, r.report["residual"])
    text = assert_clean(r.output)
    assert "[PERSON_" in text and "[EMAIL_" in text and "[PHONE_" in text
    # the output is a valid message whose field names are intact and on the kept list
    out = parse(r.output)
    assert not out.defects
    assert field_names(r.output) <= KEPT_FIELDS
    assert out["Subject"].startswith("Offer for [PERSON_") and "–" in out["Subject"]
    assert out["Date"] == "Mon, 06 May 2024 10:00:00 +0000"
    types = [p.get_content_type() for p in out.walk()]
    assert types.count("text/plain") >= 3 and "text/html" in types and "message/rfc822" in types
    # the .docx attachment still opens in python-docx, scrubbed, and its name is scrubbed too
    att = next(p for p in out.walk() if p.get_filename() and p.get_filename().endswith(".docx"))
    assert "Raman" not in att.get_filename()
    body = docx.Document(io.BytesIO(att.get_payload(decode=True)))
    assert "[PERSON_" in body.paragraphs[0].text
    assert body.core_properties.author != NAME


def test_tracking_headers_removed_and_reported(scrubber):
    r = scrub(scrubber, full_message())
    names = field_names(r.output)
    for gone in ("received", "message-id", "return-path", "x-originating-ip", "dkim-signature"):
        assert gone not in names
    assert not any(n.startswith(("x-ms-", "arc-", "thread-")) for n in names)
    removed = " ".join(r.report["metadata_removed"])
    for label in ("Received", "Message-ID", "DKIM-Signature", "X-MS-*", "X-Originating-IP"):
        assert label in removed


def test_header_field_names_are_never_entities(scrubber):
    r = scrub(scrubber, full_message())
    doc = MailDocument(full_message().as_bytes(), DEFAULT_LIMITS)
    headers_text = [s.text for s in doc.segments if s.kind == "header"]
    assert f"{NAME} <{EMAIL}>" in headers_text  # one segment per mailbox, no field name
    assert not any(t.split(":")[0].lower() in KEPT_FIELDS for t in headers_text if ":" in t)
    assert not {f.text for f in r.findings} & {"Subject", "Content-Type", "From", "To"}


def test_html_active_content_and_remote_images_removed(scrubber):
    r = scrub(scrubber, full_message())
    html = next(p for p in parse(r.output).walk() if p.get_content_type() == "text/html")
    body = html.get_content()
    for gone in ("<script", "<style", "onclick", "tracker.example.net", "<!--", "internal:"):
        assert gone not in body
    assert 'href="mailto:[EMAIL_' in body and 'title="[PERSON_' in body
    assert "<b>[PERSON_" in body  # a name across inline tags is one span
    notes = " ".join(r.report["notes"])
    assert "<script> element" in notes and "remote or unknown image source" in notes


def test_inline_image_cid_is_renumbered_and_still_matches(scrubber):
    from tests.builders.files import make_png

    msg = headers(EmailMessage())
    msg.set_content("See the logo.")
    msg.add_alternative(
        '<html><body><p>Logo</p><img src="cid:logo.priya.raman@globex-corp.com"></body></html>',
        subtype="html",
    )
    html = msg.get_payload()[1]
    html.add_related(
        make_png("Quarterly logo"), "image", "png", cid="<logo.priya.raman@globex-corp.com>"
    )
    r = scrub(scrubber, msg)
    assert r.status == "done"
    assert_clean(r.output)
    out = parse(r.output)
    image = next(p for p in out.walk() if p.get_content_type() == "image/png")
    cid = image["Content-ID"].strip("<>")
    assert cid.endswith("@scrubbed.invalid")
    html_out = next(p for p in out.walk() if p.get_content_type() == "text/html").get_content()
    assert f'src="cid:{cid}"' in html_out


def test_unreadable_attachment_is_removed_and_reported(scrubber):
    msg = headers(EmailMessage())
    msg.set_content("Tool attached.")
    msg.add_attachment(
        b"MZ\x90\x00" + b"\x00" * 300 + EMAIL.encode(),
        "application",
        "octet-stream",
        filename="tool.exe",
    )
    msg.add_attachment(
        b"\x1f\x8b\x08\x00" + NAME.encode() * 20, "application", "gzip", filename="notes.gz"
    )
    r = scrub(scrubber, msg)
    assert r.status == "done"
    assert_clean(r.output)
    assert not [p for p in parse(r.output).walk() if p.get_filename()]
    note = next(n for n in r.report["notes"] if n.startswith("removed 2 part(s)"))
    assert "attachment 1 (.exe)" in note and "tool.exe" not in note


def test_encrypted_message_fails_with_a_sentence(scrubber):
    msg = headers(EmailMessage())
    msg.set_content(
        b"\x30\x82" + b"\x00" * 64,
        "application",
        "pkcs7-mime",
        params={"smime-type": "enveloped-data"},
        filename="smime.p7m",
    )
    r = scrub(scrubber, msg)
    assert r.status == "failed" and "encrypted" in r.error and r.output is None
    with pytest.raises(EncryptedFile):
        MailDocument(msg.as_bytes(), DEFAULT_LIMITS)


def test_signature_is_removed_and_signed_becomes_mixed(scrubber):
    msg = headers(EmailMessage())
    msg["Content-Type"] = 'multipart/signed; protocol="application/pgp-signature"'
    content = EmailMessage()
    content.set_content(f"Signed note from {NAME}, {PHONE}.")
    sig = EmailMessage()
    sig.set_content(
        "-----BEGIN PGP SIGNATURE-----\niQEz\n-----END PGP SIGNATURE-----\n", subtype="plain"
    )
    sig.replace_header("Content-Type", "application/pgp-signature")
    msg.set_payload([content, sig])
    r = scrub(scrubber, msg)
    assert r.status == "done"
    assert_clean(r.output)
    out = parse(r.output)
    assert out.get_content_type() == "multipart/mixed"
    assert "application/pgp-signature" not in [p.get_content_type() for p in out.walk()]
    assert any("digital signature" in n for n in r.report["notes"])


def test_nested_messages_deeper_than_the_limit_fail(scrubber):
    msg = headers(EmailMessage())
    msg.set_content(f"Level 0 {NAME}")
    for level in range(1, 4):
        outer = headers(EmailMessage())
        outer.set_content(f"Level {level}")
        outer.add_attachment(msg)
        msg = outer
    with pytest.raises(LimitExceeded, match="too deeply"):
        MailDocument(msg.as_bytes(), DEFAULT_LIMITS)
    r = scrub(scrubber, msg)
    assert r.status == "failed" and "too deeply" in r.error


def test_parts_share_one_budget():
    msg = headers(EmailMessage())
    msg.set_content("many parts")
    for n in range(12):
        msg.add_attachment(f"note {n}".encode(), "text", "plain", filename=f"n{n}.txt")
    with pytest.raises(LimitExceeded, match="more parts"):
        MailDocument(msg.as_bytes(), replace(DEFAULT_LIMITS, max_members=10))


def test_zip_bomb_attachment_fails_the_message(scrubber):
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.txt", b"\x00" * (40 << 20))
    msg = headers(EmailMessage())
    msg.set_content("archive attached")
    msg.add_attachment(buf.getvalue(), "application", "zip", filename="data.zip")
    r = scrub(scrubber, msg)
    assert r.status == "failed" and "attachment 1" in r.error


def test_base64_pasted_into_a_body_is_read(scrubber):
    import base64

    blob = base64.b64encode(f"{NAME} {EMAIL} {PHONE}".encode()).decode()
    msg = headers(EmailMessage())
    msg.set_content(f"The raw record:\n{blob}\n")
    r = scrub(scrubber, msg)
    assert r.status == "done"
    body = next(p for p in parse(r.output).walk() if p.get_content_type() == "text/plain")
    encoded = body.get_content().split("\n")[1]
    assert base64.b64decode(encoded).decode().count("[") == 3


def test_charsets_and_quoted_printable_are_decoded(scrubber):
    msg = headers(EmailMessage())
    msg.set_content(
        f"Grüße an {NAME}, Tel. {PHONE}".encode("iso-8859-1"),
        "text",
        "plain",
        cte="quoted-printable",
        params={"charset": "iso-8859-1"},
    )
    data = msg.as_bytes()
    assert NAME.encode() in data and b"=FC" in data  # ü as quoted-printable Latin-1
    r = scrub(scrubber, data)
    assert r.status == "done"
    text = assert_clean(r.output)
    assert "Grüße an [PERSON_" in text


def test_mail_named_txt_stays_text_and_headerless_eml_is_text():
    data = full_message().as_bytes()
    assert sniff("offer.txt", data).kind == "text"
    assert sniff("offer", data).kind == "eml"
    assert sniff("notes.eml", b"just some words\n").kind == "text"
    assert sniff("memo.md", b"Subject: x\nDate: y\n\nbody\n").kind == "text"


def test_pictures_beyond_the_ocr_cap_are_removed_and_reported():
    from tests.builders.files import make_png

    msg = headers(EmailMessage())
    msg.set_content("two charts")
    for n in range(2):
        msg.add_attachment(make_png(f"Chart {n}"), "image", "png", filename=f"chart{n}.png")
    doc = MailDocument(msg.as_bytes(), replace(DEFAULT_LIMITS, max_ocr_images=1))
    out, report = doc.render({})
    assert [p.get_filename() for p in parse(out).walk() if p.get_filename()] == ["chart0.png"]
    assert any("beyond the first 1" in n for n in report.notes)


def test_a_name_split_across_encoded_words_is_read_whole(scrubber):
    # RFC 2047 6.2: whitespace between adjacent encoded words is not text; the standard
    # library's address parser kept it ("Schr öder-Weiß"), so the surname reached detection cut
    raw = (
        b"From: =?utf-8?q?Y=C4=B1lmaz=2C_Ay=C5=9Fe?= <ayse.yilmaz@oakridgecp.com>\r\n"
        b"To: Anna-Lena =?utf-8?q?Schr?=\r\n =?utf-8?q?=C3=B6der-Wei=C3=9F?= <al@wislostal.pl>\r\n"
        b"Subject: Codename Moonglade =?utf-8?b?4oCT?= next steps\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nSee you Friday.\r\n"
    )
    doc = MailDocument(raw, DEFAULT_LIMITS)
    texts = [s.text for s in doc.segments]
    assert "Anna-Lena Schröder-Weiß <al@wislostal.pl>" in texts
    assert "Codename Moonglade \u2013 next steps" in texts
    r = scrubber.scrub("thread.eml", raw, TermLists(), Pseudonymizer())
    assert r.status == "done"
    out = "\n".join(s.text for s in MailDocument(r.output, DEFAULT_LIMITS).segments)
    assert "Schröder" not in out and "Weiß" not in out and "öder" not in out
