"""Mailboxes (.mbox, each message scrubbed) and Outlook .msg files (real ones, written by
aspose-email-foss, read by extract-msg) written back as .eml."""

from __future__ import annotations

import io
import mailbox
from email.message import EmailMessage

import docx
import pytest

from scrubbing.engine.base import DEFAULT_LIMITS, CorruptFile
from scrubbing.engine.formats.mail.mbox import MboxDocument
from scrubbing.engine.pipeline import Scrubber, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.sniff import sniff
from tests.builders.mail import (
    EMAIL,
    KEPT_FIELDS,
    NAME,
    PHONE,
    PLANTED,
    SENDER_EMAIL,
    decoded_everything,
    field_names,
    full_message,
    headers,
    ole_file,
    outlook_msg,
    parse,
)


@pytest.fixture(scope="module")
def scrubber(detector):
    return Scrubber()


def scrub(scrubber, name: str, data: bytes):
    return scrubber.scrub(name, data, TermLists(), Pseudonymizer())


def mbox_bytes(tmp_path, messages: list[EmailMessage]) -> bytes:
    path = tmp_path / "in.mbox"
    box = mailbox.mbox(str(path))
    for n, msg in enumerate(messages):
        m = mailbox.mboxMessage(msg)
        m.set_from(f"{SENDER_EMAIL if n % 2 else EMAIL}", time_=(2024, 5, 6, 10, n, 0, 0, 0, 0))
        box.add(m)
    box.flush()
    box.close()
    return path.read_bytes()


def test_mbox_every_message_scrubbed_and_written_back_as_mbox(scrubber, tmp_path):
    second = headers(EmailMessage(), subject=f"Re: {NAME}")
    second.set_content(f"From the desk of {NAME}: call {PHONE}.\nFrom now on use {EMAIL}.\n")
    third = headers(EmailMessage(), subject="Minutes")
    third.set_content(f"Attendees: {NAME}, Bob Stone.\n")
    data = mbox_bytes(tmp_path, [full_message(), second, third])
    assert data.startswith(b"From " + EMAIL.encode()) and b"\n>From the desk" in data
    assert sniff("archive.mbox", data).kind == "mbox"
    r = scrub(scrubber, "archive.mbox", data)
    assert r.status == "done", (r.error, r.report["residual"])
    out = tmp_path / "out.mbox"
    out.write_bytes(r.output)
    box = mailbox.mbox(str(out))
    messages = list(box)
    box.close()
    assert len(messages) == 3
    for msg in messages:
        assert msg.get_from().startswith("- ")  # envelope sender gone, date kept
        assert "2024" in msg.get_from()
        text = decoded_everything(msg.as_bytes())
        for original in PLANTED:
            assert original not in text, original
        assert field_names(msg.as_bytes()) <= KEPT_FIELDS
    assert b"\n>From the desk of [PERSON_" in r.output  # mboxrd quoting kept
    notes = " ".join(r.report["notes"])
    assert "3 message(s)" in notes and "envelope senders" in notes
    assert any("(in 3 messages)" in line for line in r.report["metadata_removed"])


def test_mbox_body_lines_that_look_like_envelopes_do_not_leak():
    data = (
        b"From someone@example.com Mon May  6 10:00:00 2024\n"
        b"From: a@example.com\nSubject: x\n\nhello\n\n"
        b"From the desk of Priya Raman +1 415 555 0134\n"
    )
    doc = MboxDocument(data, DEFAULT_LIMITS)
    out, _ = doc.render({})
    assert out.count(b"\nFrom - ") == 0 and out.startswith(b"From - Mon May  6 10:00:00 2024\n")
    assert any("Priya Raman" in s.text for s in doc.segments)  # read as body text, not dropped


def test_mbox_that_does_not_start_with_an_envelope_is_refused():
    with pytest.raises(CorruptFile, match="From"):
        MboxDocument(b"Subject: x\n\nhello\n", DEFAULT_LIMITS)


def test_outlook_msg_is_scrubbed_and_written_back_as_eml(scrubber):
    data = outlook_msg()
    assert sniff("Offer.msg", data).kind == "msg"
    r = scrub(scrubber, "Offer.msg", data)
    assert r.status == "done", (r.error, r.report["residual"])
    assert r.extension == ".eml" and r.output_name("Offer.msg") == "Offer.eml"
    assert "written back as .eml" in r.report["notes"][0]
    out = parse(r.output)
    assert not out.defects and field_names(r.output) <= KEPT_FIELDS
    text = decoded_everything(r.output)
    for original in PLANTED:
        assert original not in text, original
    assert out["Subject"] == "Offer for [PERSON_1]" or out["Subject"].startswith("Offer for [")
    assert "[PERSON_" in str(out["From"]) and "[PERSON_" in str(out["To"])
    assert "[PERSON_" in str(out["Cc"])
    names = [p.get_filename() for p in out.walk() if p.get_filename()]
    assert "notes.txt" in names and "forwarded.eml" in names
    assert not any("Raman" in n for n in names)
    word = next(p for p in out.walk() if (p.get_filename() or "").endswith(".docx"))
    assert "[PERSON_" in docx.Document(io.BytesIO(word.get_payload(decode=True))).paragraphs[0].text
    nested = next(p for p in out.walk() if p.get_content_type() == "message/rfc822")
    assert "[PERSON_" in nested.get_payload()[0]["Subject"]
    # the output is an .eml: it sniffs and re-reads as one under its new name
    assert sniff("Offer.eml", r.output).kind == "eml"


def test_msg_sniffing_tells_outlook_from_legacy_office():
    assert sniff("mail.msg", outlook_msg(attach_docx=False)).kind == "msg"
    # legacy Office files are converted: told apart from Outlook by their root
    assert (
        sniff("old.doc", ole_file({"WordDocument": b"\x00" * 4096, "1Table": b"\x00" * 64})).kind
        == "doc"
    )
    assert sniff("old.xls", ole_file({"Workbook": b"\x00" * 4096})).kind == "xls"
    # a .doc whose bytes mention Outlook stream names deeper down is still a .doc
    nested = ole_file({"WordDocument": "__substg1.0_0037001F".encode("utf-16-le") * 50})
    assert sniff("old.doc", nested).kind == "doc"


def test_damaged_msg_fails_with_a_sentence(scrubber):
    data = outlook_msg(attach_docx=False)
    broken = data[:600] + b"\xff" * 200 + data[800:1200]
    r = scrub(scrubber, "broken.msg", broken)
    assert r.status == "failed" and r.output is None
    assert r.error.endswith(".") and "Traceback" not in r.error
