"""The context pass in a real Celery worker (PostgreSQL, Redis): the worker reads the
SCRUB_CONTEXT_* settings from its environment and asks a local chat-completions server started by
the test; a good answer becomes redacted findings with reasons, a failing server leaves the file
scrubbed by the local engine with the pass marked "not run"."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from scrubbing.models import ContextUsage, Finding
from submissions.models import Task, TaskFile
from tests.builders.files import celery_worker, make_docx, task_form_data, wait_until
from tests.context_server import ERROR_500, ChatServer, good

from .conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)

PARAGRAPHS = [
    "Margaret Hollingsworth agreed the unit price of EUR 4.20 per kg with the supplier.",
    "The team meets on Fridays.",
]
PRICE = {"text": "unit price of EUR 4.20 per kg", "category": "pricing", "reason": "A price."}


@pytest.fixture(scope="module")
def server():
    with ChatServer([good([PRICE])]) as s:
        yield s


@pytest.fixture(scope="module")
def context_worker(real_services, django_db_setup, django_db_blocker, server):
    import redis
    from django.conf import settings

    redis.Redis.from_url(settings.CELERY_BROKER_URL).flushdb()
    env = {
        "SCRUB_CONTEXT_URL": server.url,
        "SCRUB_CONTEXT_MODEL": "test-model",
        "SCRUB_CONTEXT_TIMEOUT": "5",
        "SCRUB_CONTEXT_RETRIES": "1",
    }
    with celery_worker(ARTIFACTS / "context-worker.log", env) as proc:
        yield proc


def _scrubbed(client, contractor, title: str) -> TaskFile:
    client.force_login(contractor)
    response = client.post(
        reverse("submissions:task_create"),
        {
            **task_form_data(title=title, request_text="Review the supplier terms."),
            "deliverable_files": [SimpleUploadedFile("terms.docx", make_docx(PARAGRAPHS))],
        },
    )
    assert response.status_code == 302
    task = Task.objects.get(title=title)
    wait_until(
        lambda: not task.files.exclude(scrub_status__in=TaskFile.FINISHED).exists(),
        timeout=240,
        what="every file to finish scrubbing",
    )
    return task.files.get(original_name="terms.docx")


def test_a_worker_adds_the_context_models_findings(context_worker, server, client, contractor):
    from portal.storage import read_all
    from scrubbing.engine.registry import open_document

    f = _scrubbed(client, contractor, "Supplier terms")
    assert f.scrub_status == "done", f.error
    assert f.report["context"]["status"] == "ran", f.report["context"]
    finding = f.findings.get(source=Finding.Source.CONTEXT)
    assert finding.replacement == "[CONFIDENTIAL_1]" and finding.reason == "pricing: A price."
    text = "\n".join(s.text for s in open_document("docx", read_all(f.scrubbed)).segments)
    assert "4.20" not in text and "[CONFIDENTIAL_1]" in text
    sent = "\n".join(server.user_texts())
    assert "Hollingsworth" not in sent and "Sector: Manufacturing" in sent
    assert ContextUsage.objects.get(task=f.task).chars > 0


def test_a_failing_server_leaves_the_file_to_the_local_engine(
    context_worker, server, client, contractor
):
    server.answers, server.requests = [ERROR_500], []
    f = _scrubbed(client, contractor, "Supplier terms, again")
    assert f.scrub_status == "done", f.error
    run = f.report["context"]
    assert run["status"] == "not run" and "HTTP 500" in run["reason"]
    assert not f.findings.filter(source=Finding.Source.CONTEXT).exists()
    assert f.findings.filter(entity_type="PERSON").exists()  # the local engine's findings
    assert len(server.requests) == 2 * f.task.files.count()  # one retry per file, no more
