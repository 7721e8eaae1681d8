"""The Django side of e-mail files: an Outlook .msg is stored, previewed and named as the .eml
it was written back as; the scrub command writes it under that name."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from scrubbing import services as scrub_services
from scrubbing.selectors import scrubbed_segments
from tests.builders.mail import NAME, PLANTED, outlook_msg
from tests.builders.tasks import queued_file


@pytest.mark.django_db
def test_msg_file_is_stored_and_previewed_as_eml(contractor):
    f = queued_file(contractor, "Offer for Priya Raman.msg", outlook_msg(), "msg")
    assert scrub_services.file_scrub(f.pk, f.generation) == "done"
    f.refresh_from_db()
    assert f.scrub_status == "done", f.error
    assert f.scrubbed_name.endswith(".eml") and "Raman" not in f.scrubbed_name
    assert any("written back as .eml" in n for n in f.report["notes"])
    pairs = scrubbed_segments(f)
    text = " ".join(t for _loc, t in pairs)
    assert "[PERSON_" in text and not any(p in text for p in PLANTED)
    assert any(loc.startswith("header") for loc, _t in pairs)


@pytest.mark.django_db
def test_scrub_command_writes_msg_as_eml(tmp_path):
    src = tmp_path / "Offer.msg"
    src.write_bytes(outlook_msg(attach_docx=False))
    out = tmp_path / "out"
    call_command("scrub", str(src), "--out", str(out))
    assert [p.name for p in out.iterdir()] == ["Offer.eml"]
    assert NAME.encode() not in (out / "Offer.eml").read_bytes()
