"""Queues per kind of work: a .docx is scrubbed while a long scanned PDF holds the heavy worker.

Two real workers, one per queue (`-Q`), each with one process, on PostgreSQL and Redis. The
queue names are this run's own, so the session's all-queue worker (conftest) takes none of
these jobs.
"""

from __future__ import annotations

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from scrubbing.leases import job_id
from submissions.models import Task, TaskFile
from tests.builders.files import (
    celery_worker,
    make_docx,
    make_png,
    make_scanned_pdf,
    task_form_data,
    wait_until,
)

from .conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)

LINE = "Prepared by Margaret Hollingsworth (m.hollingsworth@northwind-traders.com)"


def post_task(client, files: dict[str, bytes]) -> Task:
    response = client.post(
        reverse("submissions:task_create"),
        {
            **task_form_data(title="Queue check"),
            "deliverable_files": [SimpleUploadedFile(n, d) for n, d in files.items()],
        },
    )
    assert response.status_code == 302, response.content[:2000]
    return Task.objects.latest("id")


def finished(task: Task) -> bool:
    return not task.files.exclude(scrub_status__in=TaskFile.FINISHED).exists()


def test_a_docx_finishes_while_a_long_pdf_occupies_the_heavy_worker(
    real_services, settings, client, contractor
):
    import redis

    scrub_q, heavy_q = f"itest-scrub-{os.getpid()}", f"itest-heavy-{os.getpid()}"
    settings.PORTAL_SCRUB_QUEUE, settings.PORTAL_HEAVY_QUEUE = scrub_q, heavy_q
    queues = {"PORTAL_SCRUB_QUEUE": scrub_q, "PORTAL_HEAVY_QUEUE": heavy_q}
    scrub_log, heavy_log = ARTIFACTS / "queue-scrub.log", ARTIFACTS / "queue-heavy.log"
    client.force_login(contractor)
    try:
        with (
            celery_worker(scrub_log, queues, concurrency=1, queues=scrub_q),
            celery_worker(heavy_log, queues, concurrency=1, queues=heavy_q),
        ):
            # both workers load their models first, so neither job below pays for it
            warm = post_task(client, {"w.docx": make_docx([LINE]), "w.png": make_png(LINE)})
            wait_until(lambda: finished(warm), timeout=300, what="the warm-up files")

            pdf_task = post_task(client, {"scan.pdf": make_scanned_pdf(4, LINE)})
            pdf = pdf_task.files.get(original_name="scan.pdf")
            wait_until(
                lambda: TaskFile.objects.filter(pk=pdf.pk, scrub_status="running").exists(),
                timeout=300,
                what="the scanned PDF to start on the heavy worker",
            )
            docx_task = post_task(client, {"memo.docx": make_docx(["Vendor memo", LINE])})
            docx = docx_task.files.get(original_name="memo.docx")
            wait_until(
                lambda: TaskFile.objects.filter(pk=docx.pk, scrub_status="done").exists(),
                timeout=300,
                what="the .docx to finish",
            )
            pdf.refresh_from_db()
            assert pdf.scrub_status == "running", (pdf.scrub_status, pdf.error)

            wait_until(lambda: finished(pdf_task), timeout=600, what="the scanned PDF")
            pdf.refresh_from_db()
            docx.refresh_from_db()
            assert pdf.scrub_status == "done", pdf.error
            assert pdf.started_at < docx.started_at < docx.finished_at < pdf.finished_at
            assert pdf.findings.exists()  # OCR read the pages
    finally:
        redis.Redis.from_url(settings.CELERY_BROKER_URL).delete(scrub_q, heavy_q)

    # each job was received by the worker of its own queue, and only by it
    scrub_text, heavy_text = scrub_log.read_text(), heavy_log.read_text()
    pdf_job, docx_job = job_id(pdf.pk, pdf.generation), job_id(docx.pk, docx.generation)
    assert f"[{pdf_job}] received" in heavy_text and pdf_job not in scrub_text
    assert f"[{docx_job}] received" in scrub_text and docx_job not in heavy_text
    title = docx_task.files.get(text_field="title")  # typed text: the ordinary queue
    assert job_id(title.pk, title.generation) in scrub_text
    preview = "Task scrubbing.render_preview["
    assert preview in heavy_text and preview not in scrub_text  # previews go heavy
