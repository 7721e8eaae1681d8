"""A job submitted through the view is picked up and finished by a real worker process."""

from __future__ import annotations

import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from submissions.models import Task, TaskFile
from tests.builders.files import (
    make_docx,
    make_pdf,
    make_png,
    make_xlsx,
    task_form_data,
    wait_until,
)

pytestmark = pytest.mark.django_db(transaction=True)

SECRET_NAME = "Margaret Hollingsworth"
SECRET_EMAIL = "m.hollingsworth@northwind-traders.com"


def post_task(client, files: dict[str, bytes], part: str = "deliverable_files") -> Task:
    response = client.post(
        reverse("submissions:task_create"),
        {
            **task_form_data(
                title="Vendor comparison",
                request_text=f"Please compare the vendors. Ask {SECRET_NAME} if unsure.",
                minutes_spent="120",
                provenance="real",
            ),
            part: [SimpleUploadedFile(n, d) for n, d in files.items()],
        },
    )
    assert response.status_code == 302, response.content[:2000]
    return Task.objects.latest("id")


def test_uploaded_files_are_scrubbed_by_a_real_worker(worker, client, contractor):
    client.force_login(contractor)
    line = f"Prepared by {SECRET_NAME} ({SECRET_EMAIL})"
    task = post_task(
        client,
        {
            "memo.docx": make_docx(["Vendor memo", line]),
            "prices.xlsx": make_xlsx([["Contact", "Email"], [SECRET_NAME, SECRET_EMAIL]]),
            "summary.pdf": make_pdf(["Summary", line]),
            "whiteboard.png": make_png(f"Call {SECRET_EMAIL}"),
        },
    )
    wait_until(
        lambda: not task.files.exclude(scrub_status__in=TaskFile.FINISHED).exists(),
        timeout=240,
        what="every file to finish scrubbing",
    )
    task.refresh_from_db()
    states = {f.original_name: (f.scrub_status, f.error) for f in task.files.all()}
    assert all(s == "done" for s, _ in states.values()), states
    assert task.status == Task.Status.CONTRACTOR_CHECK
    for f in task.files.all():
        with f.scrubbed.open("rb") as fh:
            data = fh.read()
        parts = [data]
        if f.detected_type in ("docx", "xlsx", "pptx"):
            import io

            with zipfile.ZipFile(io.BytesIO(data)) as z:
                parts = [z.read(n) for n in z.namelist()]
        for blob in parts:
            assert SECRET_EMAIL.encode() not in blob, f.original_name
            assert b"Hollingsworth" not in blob, f.original_name
        if f.text_field != "title":  # "Vendor comparison" holds nothing to find
            assert f.findings.exists(), f.original_name
        assert f.attempts == 1
    # consistent replacement across the task: one placeholder for the same person everywhere
    people = {
        (f.original_name, original, replacement)
        for f in task.files.all()
        for original, replacement in f.findings.filter(entity_type="PERSON").values_list(
            "original_text", "replacement"
        )
        if "Hollingsworth" in original
    }
    assert len({r for _, _, r in people}) == 1, people


def test_a_bad_file_fails_alone_and_the_rest_finish(worker, client, contractor):
    client.force_login(contractor)
    good = make_docx([f"Signed {SECRET_NAME}"])
    broken = make_docx(["whatever"])[:-200]  # truncated zip: passes no sniff as docx
    response = client.post(
        reverse("submissions:stage_upload"),
        {"part": "deliverable", "file": SimpleUploadedFile("broken.docx", broken)},
    )
    assert response.status_code == 422  # refused at upload with a per-file sentence
    task = post_task(client, {"good.docx": good, "notes.txt": b"Ring Margaret on Tuesday."})
    wait_until(
        lambda: task.files.filter(scrub_status="done").count() == 4,  # 2 files, title, request
        timeout=180,
        what="files done",
    )
    task.refresh_from_db()
    assert task.status == Task.Status.CONTRACTOR_CHECK


def test_redelivered_job_for_an_old_generation_does_nothing(worker, client, contractor):
    from scrubbing.tasks import scrub_file

    client.force_login(contractor)
    task = post_task(client, {"a.txt": b"Call Margaret Hollingsworth."})
    wait_until(
        lambda: task.files.filter(scrub_status="done").count() == task.files.count(),
        timeout=120,
        what="done",
    )
    f = task.files.get(original_name="a.txt")
    before = (f.attempts, f.finished_at)
    scrub_file.apply_async((f.pk, f.generation - 1))  # a stale duplicate
    scrub_file.apply_async((f.pk, f.generation))  # a duplicate of a finished job
    import time

    time.sleep(3)
    f.refresh_from_db()
    assert (f.attempts, f.finished_at) == before
    assert f.scrub_status == "done"
