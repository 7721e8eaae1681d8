"""The context pass through the portal: a task's files scrubbed by the real job code with the
pass pointed at a local chat-completions server; the check page shows the model's findings with
their reasons, the sensitive sentences to confirm, and says when the pass did not run."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from scrubbing import selectors as scrub_selectors
from scrubbing.models import ContextUsage, Finding, Term
from tests.builders.files import make_docx, task_form_data
from tests.context_server import ERROR_500, ChatServer, good

pytestmark = pytest.mark.django_db

PARAGRAPHS = [
    "Jane Doe agreed the unit price of EUR 4.20 per kg with the supplier.",
    "Our gross margin on the retrofit work fell to 31% in the third quarter.",
]
PRICE = {"text": "unit price of EUR 4.20 per kg", "category": "pricing", "reason": "A price."}


@pytest.fixture
def context_on(settings):
    from scrubbing.scrubber import get_scrubber

    def on(server, **more):
        settings.SCRUB_CONTEXT_URL = server.url
        settings.SCRUB_CONTEXT_MODEL = "test-model"
        settings.SCRUB_CONTEXT_TIMEOUT = 5
        settings.SCRUB_CONTEXT_RETRIES = 1
        for k, v in more.items():
            setattr(settings, k, v)
        get_scrubber.cache_clear()

    yield on
    get_scrubber.cache_clear()  # the next test builds its scrubber from its own settings


def _scrub_task(client, contractor, django_capture_on_commit_callbacks):
    from scrubbing import services
    from submissions.models import Task

    client.force_login(contractor)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            reverse("submissions:task_create"),
            {
                **task_form_data(title="Supplier review", request_text="Review the supplier."),
                "deliverable_files": [SimpleUploadedFile("terms.docx", make_docx(PARAGRAPHS))],
            },
        )
    assert response.status_code == 302
    task = Task.objects.get(title="Supplier review")
    for f in task.files.filter(scrub_status="queued"):
        services.file_scrub(f.pk, f.generation)
    task.refresh_from_db()
    return task, task.files.get(original_name="terms.docx")


def test_the_check_page_shows_the_context_finding_with_its_reason(
    client, contractor, django_capture_on_commit_callbacks, context_on
):
    with ChatServer([good([PRICE])]) as server:
        context_on(server)
        task, f = _scrub_task(client, contractor, django_capture_on_commit_callbacks)
    assert task.status == "contractor_check" and f.scrub_status == "done"
    sent = "\n".join(server.user_texts())
    assert "Jane" not in sent and "Occupation: Buyers and Purchasing Agents" in sent
    finding = f.findings.get(source=Finding.Source.CONTEXT)
    assert finding.replacement == "[CONFIDENTIAL_1]" and finding.reason == "pricing: A price."
    assert f.report["context"]["status"] == "ran"
    assert ContextUsage.objects.get(task=task).chars == f.report["context"]["chars"] + sum(
        x.report["context"]["chars"] for x in task.files.exclude(pk=f.pk)
    )
    page = client.get(reverse("scrubbing:file_check", args=[f.pk])).content.decode()
    assert "unit price of EUR 4.20 per kg" in page and "Why: pricing: A price." in page
    assert "Context model" in page and 'id="context-status"' in page
    assert "did not run" not in page
    # the sensitive sentence: flagged, not redacted, shown with its reason
    assert 'id="flags"' in page and "Why: margins: It discusses margins or profit." in page
    flag = f.findings.get(source=Finding.Source.SENSITIVE, original_text__startswith="Our gross")
    assert flag.replacement == "" and flag.reason.startswith("margins:")
    # reviewers: neither the flags nor any reason (the model's words may quote the original)
    public = list(scrub_selectors.findings_public([f.pk]))
    assert Finding.Source.SENSITIVE not in {x.source for x in public}
    assert all("reason" in x.get_deferred_fields() for x in public)


def test_the_check_page_says_when_the_context_pass_did_not_run(
    client, contractor, django_capture_on_commit_callbacks, context_on
):
    with ChatServer([ERROR_500]) as server:
        context_on(server)
        task, f = _scrub_task(client, contractor, django_capture_on_commit_callbacks)
    assert f.scrub_status == "done"  # the local engine scrubbed it
    assert f.report["context"]["status"] == "not run"
    assert not f.findings.filter(source=Finding.Source.CONTEXT).exists()
    page = client.get(reverse("scrubbing:file_check", args=[f.pk])).content.decode()
    assert "The context pass did not run" in page and "HTTP 500" in page
    assert "2 attempt(s)" in page
    detail = client.get(reverse("submissions:task_detail", args=[task.pk])).content.decode()
    assert "context pass did not run" in detail  # the task page's file list says so too
    # the characters sent count against the budget even unanswered: they left the deployment
    assert ContextUsage.objects.get(task=task).chars > 0


def test_the_task_budget_is_shared_by_the_tasks_files(
    client, contractor, django_capture_on_commit_callbacks, context_on
):
    with ChatServer([good([PRICE])]) as server:
        context_on(server, SCRUB_CONTEXT_TASK_BUDGET=40)
        task, f = _scrub_task(client, contractor, django_capture_on_commit_callbacks)
    runs = [x.report["context"] for x in task.files.all()]
    assert sum(r["chars"] for r in runs) <= 40
    assert ContextUsage.objects.get(task=task).chars == sum(r["chars"] for r in runs)
    assert f.report["context"]["status"] == "not run"
    assert "budget" in f.report["context"]["reason"]
    page = client.get(reverse("scrubbing:file_check", args=[f.pk])).content.decode()
    assert "budget for the context pass (40 characters) is spent" in page


def test_a_sensitive_sentence_redacted_goes_on_the_deny_list(
    client, contractor, django_capture_on_commit_callbacks
):
    task, f = _scrub_task(client, contractor, django_capture_on_commit_callbacks)
    assert f.report["context"]["status"] == "off"
    page = client.get(reverse("scrubbing:file_check", args=[f.pk])).content.decode()
    assert 'id="context-status"' not in page  # off: nothing to say
    flag = f.findings.get(source=Finding.Source.SENSITIVE, original_text__startswith="Our gross")
    response = client.post(reverse("scrubbing:leftover_redact", args=[flag.pk]))
    assert response.status_code == 302
    assert Term.objects.filter(owner=contractor, list_kind="deny", text=flag.original_text).exists()
    flag.refresh_from_db()
    assert flag.decided_at is not None
