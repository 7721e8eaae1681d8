"""The task inventory across Celery jobs: a file finished before a later file (or the title)
revealed a code name or a person is scrubbed again, until no file is stale; one entity keeps
one placeholder in every file and in file names."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.builders.files import make_docx, task_form_data

pytestmark = pytest.mark.django_db


def _post_task(client, contractor, django_capture_on_commit_callbacks, title, files):
    from submissions.models import Task

    client.force_login(contractor)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            reverse("submissions:task_create"),
            {
                **task_form_data(title=title, request_text="Plan the launch."),
                "deliverable_files": [SimpleUploadedFile(n, b) for n, b in files],
            },
        )
    assert response.status_code == 302, response.content[:2000]
    return Task.objects.get(title=title)


def _run_jobs(task, order: list[str]) -> int:
    """Run the scrub jobs as a worker would, in `order` first, then whatever is requeued."""
    from scrubbing import services

    rounds = 0
    names = order
    while True:
        queued = {f.original_name: f for f in task.files.filter(scrub_status="queued")}
        if not queued:
            return rounds
        rounds += 1
        assert rounds <= 4, "the inventory did not converge"
        for name in [n for n in names if n in queued] + sorted(set(queued) - set(names)):
            f = queued[name]
            services.file_scrub(f.pk, f.generation)
        names = []


def _outputs(task) -> dict[str, str]:
    from portal.storage import read_all
    from scrubbing.engine.registry import open_document

    out = {}
    for f in task.files.all():
        assert f.scrub_status in ("done", "residual"), (f.original_name, f.error)
        data = read_all(f.scrubbed)
        doc = open_document(f.detected_type, data)
        out[f.original_name] = "\n".join(s.text for s in doc.segments)
    return out


def test_code_name_in_the_title_reaches_files_scrubbed_before_it(
    client, contractor, django_capture_on_commit_callbacks
):
    from portal.models import AuditEvent

    task = _post_task(
        client,
        contractor,
        django_capture_on_commit_callbacks,
        "Project BLUEHERON launch plan",
        [
            ("notes.txt", b"The BLUEHERON budget is final.\n"),
            ("status.docx", make_docx(["Milestone BLUEHERON-2026-07 is green."])),
            ("blueheron_model.txt", b"Rows for the model.\n"),
        ],
    )
    # the files first, the title last: nothing in the files alone says BLUEHERON is secret
    _run_jobs(task, ["notes.txt", "status.docx", "blueheron_model.txt", "title.txt"])
    task.refresh_from_db()
    assert task.status == "contractor_check"
    texts = _outputs(task)
    for name, text in texts.items():
        assert "blueheron" not in text.lower(), (name, text)
    placeholders = {p for t in texts.values() for p in re.findall(r"\[CODENAME_\d+\]", t)}
    assert placeholders == {"[CODENAME_1]"}
    assert "[CODENAME_1]-2026-07" in texts["status.docx"]
    names = {f.original_name: f.scrubbed_name for f in task.files.all()}
    assert "blueheron" not in names["blueheron_model.txt"].lower()
    assert AuditEvent.objects.filter(verb="task.inventory_rescrub", task_id=task.pk).exists()


def test_one_entity_one_type_and_one_placeholder_across_files(
    client, contractor, django_capture_on_commit_callbacks
):
    task = _post_task(
        client,
        contractor,
        django_capture_on_commit_callbacks,
        "Supplier review",
        [
            ("a.txt", b"We met Bluefin Bunkering yesterday.\n"),
            ("b.txt", b"Invoice from Bluefin Bunkering AS, Bergen.\n"),
            ("c.txt", b"Attendees: Priya Raman, Wojciech Szczesny\n"),
            ("d.txt", b"Raman confirmed the delivery window.\n"),
        ],
    )
    _run_jobs(task, ["a.txt", "d.txt", "b.txt", "c.txt"])
    texts = _outputs(task)
    assert "Bluefin" not in " ".join(texts.values())
    assert "Raman" not in " ".join(texts.values())
    # the model's ORGANIZATION in a.txt and the legal-suffix CLIENT in b.txt: one client
    met = re.fullmatch(r"We met (\[CLIENT_\d+\]) yesterday\.", texts["a.txt"])
    assert met, texts
    assert texts["b.txt"].startswith(f"Invoice from {met.group(1)},"), texts
    person = re.findall(r"\[PERSON_\d+\]", texts["d.txt"])
    assert person and person[0] in texts["c.txt"]


def test_a_file_whose_words_hold_no_new_form_is_not_scrubbed_again(
    client, contractor, django_capture_on_commit_callbacks
):
    from scrubbing.models import FileScan

    task = _post_task(
        client,
        contractor,
        django_capture_on_commit_callbacks,
        "Quarterly numbers",
        [("plain.txt", b"Revenue grew four percent.\n"), ("people.txt", b"Cc: Anna Kowalczyk\n")],
    )
    plain = task.files.get(original_name="plain.txt")
    _run_jobs(task, ["plain.txt", "people.txt"])
    plain.refresh_from_db()
    assert plain.attempts == 1  # the new person's words are not in it: scrubbed once
    assert FileScan.objects.get(file=plain).inventory_version >= 0
