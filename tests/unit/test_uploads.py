"""The two-part task form: sniffing, limits, per-file errors, nothing typed or uploaded lost."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from submissions.models import StagedUpload, Task, TaskFile
from tests.builders.files import make_docx, make_pdf, make_xlsx

SECTOR = "Professional, Scientific, and Technical Services"
OCCUPATION = "Accountants and Auditors"


def form_data(**overrides):
    data = {
        "title": "Year-end reconciliation",
        "request_text": "Reconcile the ledger for the client and summarise the variances.",
        "deliverable_text": "",
        "sector": SECTOR,
        "occupation": OCCUPATION,
        "minutes_spent": "240",
        "provenance": "real",
        "attest_rights": "on",
        "attest_confidential": "on",
    }
    data.update(overrides)
    return data


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.fixture
def client_c(client, contractor):
    client.force_login(contractor)
    return client


@pytest.mark.django_db
def test_create_task_stores_originals_and_queues_one_job_per_file_after_commit(
    client_c, contractor, django_capture_on_commit_callbacks
):
    docx = make_docx(["Report for the client"])
    xlsx = make_xlsx([["Name", "Amount"], ["Widget", 3]])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client_c.post(
            reverse("submissions:task_create"),
            {
                **form_data(deliverable_text="Summary of variances."),
                "request_files": [upload("brief.pdf", make_pdf(["Brief"]))],
                "deliverable_files": [upload("report.docx", docx), upload("ledger.xlsx", xlsx)],
            },
        )
    assert response.status_code == 302
    task = Task.objects.get()
    assert task.status == Task.Status.SCRUBBING
    files = {f.original_name: f for f in task.files.all()}
    # three uploads plus the typed title and texts, each scrubbed as a file
    assert set(files) == {
        "brief.pdf",
        "report.docx",
        "ledger.xlsx",
        "title.txt",
        "request-text.txt",
        "deliverable-text.txt",
    }
    # until the title is scrubbed, anyone but the owner sees a neutral label
    assert str(task) == f"#{task.pk} Task #{task.pk}"
    assert files["report.docx"].detected_type == "docx"
    assert files["ledger.xlsx"].detected_type == "xlsx"
    assert files["brief.pdf"].part == TaskFile.Part.REQUEST
    assert files["report.docx"].size == len(docx)
    import hashlib

    assert files["report.docx"].sha256 == hashlib.sha256(docx).hexdigest()
    with files["report.docx"].original.open("rb") as fh:
        assert fh.read() == docx
    # stored under a random name, never the contractor's file name
    assert "report" not in files["report.docx"].original.name
    assert all(f.scrub_status == TaskFile.ScrubStatus.QUEUED for f in files.values())
    assert len(callbacks) == 6  # one job per file, sent only after the commit
    assert not StagedUpload.objects.exists()


@pytest.mark.django_db
def test_refused_file_is_named_and_everything_else_is_kept(client_c, contractor):
    exe = b"MZ\x90\x00" + b"\x00" * 200  # a Windows executable wearing a .docx name
    response = client_c.post(
        reverse("submissions:task_create"),
        {
            **form_data(),
            "deliverable_files": [
                upload("report.docx", make_docx(["ok"])),
                upload("evil.docx", exe),
            ],
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "evil.docx" in body
    assert not Task.objects.exists()
    # typed fields are re-rendered and the good file is kept (staged) for the next post
    assert "Reconcile the ledger for the client" in body
    staged = StagedUpload.objects.get()
    assert staged.original_name == "report.docx"
    assert f'value="{staged.pk}"' in body
    # posting again without re-uploading uses the kept file
    response = client_c.post(
        reverse("submissions:task_create"), {**form_data(), "staged": str(staged.pk)}
    )
    assert response.status_code == 302
    assert Task.objects.get().files.filter(original_name="report.docx").exists()


@pytest.mark.django_db
def test_empty_file_refused_with_its_name(client_c):
    response = client_c.post(
        reverse("submissions:task_create"),
        {**form_data(), "deliverable_files": [upload("notes.txt", b"")]},
    )
    assert response.status_code == 400
    assert "notes.txt" in response.content.decode()
    assert "empty" in response.content.decode().lower()


@pytest.mark.django_db
def test_per_file_size_limit(client_c, settings):
    settings.PORTAL_MAX_FILE_BYTES = 1000
    response = client_c.post(
        reverse("submissions:task_create"),
        {**form_data(), "deliverable_files": [upload("big.txt", b"a" * 2000)]},
    )
    assert response.status_code == 400
    assert "big.txt" in response.content.decode()
    assert "limit per file" in response.content.decode()


@pytest.mark.django_db
def test_per_task_total_limit(client_c, settings):
    settings.PORTAL_MAX_TASK_BYTES = 3000
    response = client_c.post(
        reverse("submissions:task_create"),
        {
            **form_data(),
            "deliverable_files": [upload("a.txt", b"a" * 2000), upload("b.txt", b"b" * 2000)],
        },
    )
    assert response.status_code == 400
    assert "a task may hold at most" in response.content.decode()
    assert not Task.objects.exists()


@pytest.mark.django_db
def test_duplicate_upload_is_refused(client_c):
    same = make_docx(["same content"])
    response = client_c.post(
        reverse("submissions:task_create"),
        {**form_data(), "deliverable_files": [upload("one.docx", same), upload("two.docx", same)]},
    )
    assert response.status_code == 400
    assert "uploaded twice" in response.content.decode()


@pytest.mark.django_db
def test_form_requires_attestations_and_matching_occupation(client_c):
    response = client_c.post(
        reverse("submissions:task_create"),
        form_data(attest_rights="", occupation="Registered Nurses"),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Please confirm this to submit the task." in body
    assert "belongs to the sector" in body
    assert not Task.objects.exists()


@pytest.mark.django_db
def test_other_occupation_needs_free_text(client_c):
    response = client_c.post(
        reverse("submissions:task_create"), form_data(sector="Other", occupation="Other")
    )
    assert "Name the occupation." in response.content.decode()
    assert "Name the sector." in response.content.decode()


@pytest.mark.django_db
def test_file_names_with_paths_and_control_characters_are_made_safe(client_c):
    response = client_c.post(
        reverse("submissions:task_create"),
        {
            **form_data(),
            "deliverable_files": [upload("..\\..\\etc/pass\x07wd.txt", b"hello world")],
        },
    )
    assert response.status_code == 302
    f = Task.objects.get().files.get(text_field="")
    assert f.original_name == "passwd.txt"  # no directories, no control characters


@pytest.mark.django_db
def test_drag_and_drop_staging_answers_per_file(client_c):
    ok = client_c.post(
        reverse("submissions:stage_upload"),
        {"part": "deliverable", "file": upload("r.docx", make_docx(["x"]))},
    )
    assert ok.status_code == 200 and ok.json()["type"] == "docx"
    bad = client_c.post(
        reverse("submissions:stage_upload"),
        {"part": "deliverable", "file": upload("r.pdf", b"not a pdf at all\x00\x01")},
    )
    assert bad.status_code == 422
    assert "r.pdf" in bad.json()["error"]


@pytest.mark.django_db
def test_staged_uploads_of_another_user_cannot_be_attached(client, contractor, other_contractor):
    client.force_login(other_contractor)
    other = client.post(
        reverse("submissions:stage_upload"),
        {"part": "deliverable", "file": upload("theirs.txt", b"their words")},
    ).json()
    client.force_login(contractor)
    response = client.post(
        reverse("submissions:task_create"),
        {**form_data(deliverable_text="mine"), "staged": str(other["id"])},
    )
    assert response.status_code == 302
    task = Task.objects.get(contractor=contractor)
    assert not task.files.filter(original_name="theirs.txt").exists()


@pytest.mark.django_db
def test_a_refusal_names_the_file_exactly_once(client_c):
    response = client_c.post(
        reverse("submissions:stage_upload"),
        {"part": "deliverable", "file": upload("fake.pdf", b"just words, not a pdf")},
    )
    error = response.json()["error"]
    assert error.count("fake.pdf") == 1, error
