"""The worker's scrub (scrubbing.services.file_scrub) with verification rounds: what a later
round redacts gets the task's placeholders and reaches the contractor's check page as an
ordinary finding."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.urls import reverse

from portal.storage import read_all
from scrubbing import services as scrub_services
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.models import Finding
from submissions.models import Task
from tests.builders.files import make_docx
from tests.builders.tasks import ScrubStatus, queued_file
from tests.unit.engine.test_verify_rounds import SONS

pytestmark = pytest.mark.django_db


def test_a_later_round_finding_is_an_ordinary_finding_on_the_check_page(client, contractor):
    f = queued_file(contractor, "team notes.docx", make_docx([SONS, "Next steps."]), "docx")
    # the task already numbered three organisations (another file, an earlier scrub)
    state = Pseudonymizer(state={"counters": {"ORG": 3}}).state()
    Task.objects.filter(pk=f.task_id).update(pseudonym_state=state)

    assert scrub_services.file_scrub(f.pk, f.generation) == ScrubStatus.DONE
    f.refresh_from_db()
    rounds = f.report["rounds"]
    assert [r["round"] for r in rounds] == [1, 2] and rounds[1]["redacted"] == {"ORGANIZATION": 1}
    sons = Finding.objects.get(file=f, original_text="Dunmore")
    assert (sons.entity_type, sons.replacement, sons.source) == ("ORGANIZATION", "[ORG_4]", "model")
    assert sons.location_kind == "body" and sons.decision == Finding.Decision.REDACT
    assert not Finding.objects.filter(file=f, source=Finding.Source.LEFTOVER).exists()
    # the task's state knows it now: other files and re-scrubs reuse [ORG_4]
    task = Task.objects.get(pk=f.task_id)
    assert (
        Pseudonymizer(state=task.pseudonym_state).replacement("ORGANIZATION", "Dunmore")
        == "[ORG_4]"
    )
    body = zipfile.ZipFile(io.BytesIO(read_all(f.scrubbed))).read("word/document.xml")
    assert b"Dunmore" not in body and b"[ORG_4] and Partners team" in body

    client.force_login(contractor)
    page = client.get(reverse("scrubbing:file_check", args=[f.pk])).content.decode()
    # one row per entity (the ui's groups): "Dunmore" is an ordinary redacted row, not a leftover
    rows = re.findall(r'<tr id="group-[^"]*" class="([^"]*)"[^>]*>(.*?)</tr>', page, re.S)
    sons_rows = [
        (cls, body) for cls, body in rows if '<span class="original">Dunmore</span>' in body
    ]
    assert len(sons_rows) == 1, rows
    cls, body = sons_rows[0]
    assert "leftover" not in cls and ">[ORG_4]</mark>" in body
