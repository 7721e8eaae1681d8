"""What the portal keeps and writes: no original text in any log, encryption at rest, atomic
writes, retention of originals. Each test fails when its protection is removed (the web
protections are in test_security.py)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests.builders.files import make_docx, task_form_data
from tests.builders.processes import drain, production_env, run_manage
from tests.builders.tasks import queued_file

ROOT = Path(__file__).resolve().parents[2]
NAME = "Margaret Hollingsworth"
EMAIL = "m.hollingsworth@northwind-traders.com"
TOKEN = "ghp_R8mVq2ZtL5xKd9WcYp3NfB7sHj4Ga6Ue1Qo0"


# ---- logs ----------------------------------------------------------------------------------

SECRET_STRINGS = (NAME, "Hollingsworth", EMAIL, TOKEN)


def _secret_document() -> bytes:
    return make_docx([f"Prepared by {NAME} ({EMAIL}).", f"Deploy token {TOKEN}"])


def _assert_clean_logs(caplog):
    text = "\n".join(
        f"{r.getMessage()} {r.args!r} {r.exc_text or ''} "
        + (logging.Formatter().formatException(r.exc_info) if r.exc_info else "")
        for r in caplog.records
    )
    leaked = [s for s in SECRET_STRINGS if s.lower() in text.lower()]
    assert not leaked, f"logs hold original text: {leaked}\n{text[:3000]}"


@pytest.mark.django_db
def test_no_original_text_in_logs_over_a_scrub(caplog, contractor):

    from scrubbing import services as scrub_services

    caplog.set_level(logging.DEBUG)
    f = queued_file(contractor, f"{NAME} memo.docx", _secret_document(), "docx")
    assert scrub_services.file_scrub(f.pk, f.generation) == "done"
    f.refresh_from_db()
    assert f.findings.filter(original_text__icontains="Hollingsworth").exists()
    _assert_clean_logs(caplog)


@pytest.mark.django_db
def test_an_unexpected_error_is_logged_without_original_text(caplog, contractor, monkeypatch):
    """An engine exception whose message quotes the document must not reach the log as is."""

    from scrubbing import services as scrub_services

    caplog.set_level(logging.DEBUG)
    f = queued_file(contractor, "memo.docx", b"x", "docx")

    real = scrub_services.get_scrubber()

    class Leaky:
        def __getattr__(self, name):
            return getattr(real, name)

        def analyze(self, *args, **kwargs):
            raise ValueError(f"cannot split segment 'Prepared by {NAME} ({EMAIL})'")

    monkeypatch.setattr(scrub_services, "get_scrubber", lambda: Leaky())
    assert scrub_services.file_scrub(f.pk, f.generation) == "failed"
    assert any("ValueError" in r.getMessage() for r in caplog.records)  # still diagnosable
    _assert_clean_logs(caplog)


def test_engine_errors_are_logged_without_original_text(caplog, monkeypatch):
    from scrubbing.engine import pipeline
    from scrubbing.engine.pseudonyms import Pseudonymizer
    from scrubbing.engine.terms import TermLists

    caplog.set_level(logging.DEBUG)

    def leaky_detector():
        raise ValueError(f"bad segment 'Prepared by {NAME} ({EMAIL})'")

    monkeypatch.setattr(pipeline, "_detector", leaky_detector)
    result = pipeline.Scrubber().scrub("a.txt", b"hello", TermLists(), Pseudonymizer())
    assert result.status == "failed"
    _assert_clean_logs(caplog)


# ---- encryption at rest, atomic writes ------------------------------------------------------


@pytest.fixture
def encrypted_storage(settings, tmp_path):
    from cryptography.fernet import Fernet

    settings.PORTAL_ENCRYPTION_KEY = Fernet.generate_key().decode()
    settings.MEDIA_ROOT = str(tmp_path / "private")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "portal.encrypted_storage.EncryptedFileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    return tmp_path / "private"


@pytest.mark.django_db
def test_encrypted_at_rest_and_downloads_still_match(
    encrypted_storage, client, contractor, django_capture_on_commit_callbacks
):
    from scrubbing import services as scrub_services
    from submissions.models import Task

    upload = make_docx([f"Prepared by {NAME} ({EMAIL})."])
    client.force_login(contractor)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            reverse("submissions:task_create"),
            {
                **task_form_data(title="Encrypted", request_text=f"Ask {NAME}"),
                "deliverable_files": [SimpleUploadedFile("memo.docx", upload)],
            },
        )
    assert response.status_code == 302, response.content[:1000]
    f = Task.objects.get(title="Encrypted").files.get(original_name="memo.docx")
    on_disk = (encrypted_storage / f.original.name).read_bytes()
    assert on_disk != upload and on_disk.startswith(b"SSENC1\n")
    assert b"PK" not in on_disk[:16] and b"word/document.xml" not in on_disk
    assert drain(client.get(reverse("submissions:file_original", args=[f.pk]))) == upload
    # the worker reads through the same storage; the scrubbed output is encrypted too
    assert scrub_services.file_scrub(f.pk, f.generation) == "done"
    f.refresh_from_db()
    scrubbed_disk = (encrypted_storage / f.scrubbed.name).read_bytes()
    scrubbed = drain(client.get(reverse("submissions:file_scrubbed", args=[f.pk])))
    assert scrubbed[:2] == b"PK" and scrubbed_disk.startswith(b"SSENC1\n")
    text = encrypted_storage / f.task.files.get(text_field="request_text").original.name
    assert NAME.encode() not in text.read_bytes()


def test_wrong_key_cannot_read_and_plain_blobs_stay_readable(tmp_path):
    from cryptography.fernet import Fernet, InvalidToken
    from django.core.files.base import ContentFile

    from portal.encrypted_storage import EncryptedFileSystemStorage, PrivateFileSystemStorage

    key, other = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    mine = EncryptedFileSystemStorage(location=tmp_path, key=key)
    name = mine.save("a/blob", ContentFile(b"secret bytes"))
    assert mine.open(name).read() == b"secret bytes" and mine.size(name) == 12
    with pytest.raises(InvalidToken):
        EncryptedFileSystemStorage(location=tmp_path, key=other).open(name).read()
    # rotation: a new first key encrypts, the old one still decrypts
    rotated = EncryptedFileSystemStorage(location=tmp_path, key=f"{other},{key}")
    assert rotated.open(name).read() == b"secret bytes"
    # blobs stored before encryption was switched on are still served
    plain = PrivateFileSystemStorage(location=tmp_path).save("old", ContentFile(b"plain"))
    assert mine.open(plain).read() == b"plain"


def test_bad_encryption_key_stops_start_up(tmp_path):
    result = run_manage(production_env(tmp_path, PORTAL_ENCRYPTION_KEY="not-a-key"), "check")
    assert result.returncode != 0 and "PORTAL_ENCRYPTION_KEY" in result.stderr


def test_encryption_key_selects_the_encrypted_backend(tmp_path):
    from cryptography.fernet import Fernet

    env = production_env(tmp_path, PORTAL_ENCRYPTION_KEY=Fernet.generate_key().decode())
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.STORAGES['default']['BACKEND'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.stdout.strip().endswith("EncryptedFileSystemStorage"), out.stderr


def full_disk(monkeypatch) -> None:
    """Files opened for writing by the storage fail on their second write (ENOSPC)."""
    real_fdopen = os.fdopen

    class Filling:
        def __init__(self, handle):
            self.handle, self.writes = handle, 0

        def write(self, data):
            self.writes += 1
            if self.writes > 1:
                raise OSError(28, "No space left on device")
            return self.handle.write(data)

        def __getattr__(self, name):
            return getattr(self.handle, name)

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: Filling(real_fdopen(*a, **k)))


@pytest.mark.parametrize("encrypted", [False, True])
def test_failed_write_leaves_nothing_half_written(tmp_path, monkeypatch, encrypted):
    """A disk that fills up mid-write: no file under the name, no partial file anywhere."""
    from cryptography.fernet import Fernet
    from django.core.files.base import ContentFile

    from portal.encrypted_storage import EncryptedFileSystemStorage, PrivateFileSystemStorage

    storage = (
        EncryptedFileSystemStorage(location=tmp_path, key=Fernet.generate_key().decode())
        if encrypted
        else PrivateFileSystemStorage(location=tmp_path)
    )
    full_disk(monkeypatch)
    big = ContentFile(b"x" * (3 * 1024 * 1024))  # several chunks
    with pytest.raises(OSError, match="No space"):
        storage.save("scrubbed/1/out", big)
    monkeypatch.undo()
    leftovers = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert not leftovers, leftovers
    name = storage.save("scrubbed/1/out", ContentFile(b"complete"))
    with storage.open(name) as handle:
        assert handle.read() == b"complete"


def test_plain_filesystem_storage_would_leave_a_half_file(tmp_path, monkeypatch):
    """The control: Django's own FileSystemStorage keeps the partial file under its name."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import FileSystemStorage

    full_disk(monkeypatch)
    with pytest.raises(OSError, match="No space"):
        FileSystemStorage(location=tmp_path).save("out", ContentFile(b"x" * (3 * 1024 * 1024)))
    monkeypatch.undo()
    assert (tmp_path / "out").exists()  # why PrivateFileSystemStorage exists


# ---- retention -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_purge_originals_after_retention_keeps_scrubbed_files(
    client, contractor, django_capture_on_commit_callbacks, settings
):
    from django.core.management import call_command

    from portal.models import AuditEvent
    from portal.storage import private_storage
    from scrubbing import services as scrub_services
    from scrubbing.models import Finding
    from submissions.models import Task

    client.force_login(contractor)
    tasks = {}
    for title in ("old approved", "old rejected", "recent approved", "old in review"):
        with django_capture_on_commit_callbacks(execute=False):
            client.post(
                reverse("submissions:task_create"),
                {
                    **task_form_data(
                        title=title,
                        request_text=f"Ask {NAME} about it",
                        deliverable_text=f"Done for {NAME}.",
                    ),
                    "deliverable_files": [
                        SimpleUploadedFile(
                            f"{title}.docx", make_docx([f"Prepared by {NAME} ({EMAIL}) {title}."])
                        )
                    ],
                },
            )
        task = Task.objects.get(title=title)
        for f in task.files.all():
            scrub_services.file_scrub(f.pk, f.generation)
        tasks[title] = task
    settings.PORTAL_RETENTION_DAYS = 30
    old = timezone.now() - timedelta(days=31)
    Task.objects.filter(pk=tasks["old approved"].pk).update(status="approved", decided_at=old)
    Task.objects.filter(pk=tasks["old rejected"].pk).update(status="rejected", decided_at=old)
    Task.objects.filter(pk=tasks["recent approved"].pk).update(
        status="approved", decided_at=timezone.now() - timedelta(days=29)
    )
    Task.objects.filter(pk=tasks["old in review"].pk).update(
        status="in_review", decided_at=None, updated_at=old
    )
    blobs = {t: [f.original.name for f in tasks[t].files.all()] for t in tasks}
    storage = private_storage()

    call_command("purge_originals", "--dry-run")
    assert all(storage.exists(n) for names in blobs.values() for n in names)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_originals")

    for title in ("old approved", "old rejected"):
        task = Task.objects.get(pk=tasks[title].pk)
        assert not any(storage.exists(n) for n in blobs[title]), title
        for f in task.files.all():
            assert not f.original and f.scrubbed and storage.exists(f.scrubbed.name)
        assert NAME not in task.request_text and NAME not in task.deliverable_text
        assert task.request_text == task.request_text_scrubbed
        assert task.title == task.title_scrubbed and task.pseudonym_state == {}
        assert NAME not in json.dumps(task.pseudonym_state)
        purged = next(f for f in task.files.all() if not f.text_field)
        page = client.get(reverse("submissions:file_original", args=[purged.pk]))
        assert page.status_code == 302  # a sentence about retention, not a server error
        assert not Finding.objects.filter(file__task=task).exclude(original_text="").exists()
        assert Finding.objects.filter(file__task=task).exists()  # types/replacements kept
        event = AuditEvent.objects.get(task_id=task.pk, verb="task.originals_purged")
        assert event.details["files"] == len(blobs[title])
        assert NAME not in json.dumps(event.details)
    for title in ("recent approved", "old in review"):
        task = Task.objects.get(pk=tasks[title].pk)
        assert all(storage.exists(n) for n in blobs[title]), title
        assert NAME in task.request_text
    # idempotent
    from submissions.services import originals_purge

    assert originals_purge() == []
