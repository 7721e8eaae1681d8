"""Staged uploads are bounded: a per-user quota, a rate limit on the staging
endpoint, expiry (beat job and command), nothing left staged when a form is refused for its
limits, and `purge_originals` covering them."""

from __future__ import annotations

import os
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from portal.storage import private_storage
from submissions.models import StagedUpload, Task
from tests.builders.files import task_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # rate-limit counters
    yield
    cache.clear()


@pytest.fixture
def client_c(client, contractor):
    client.force_login(contractor)
    return client


def stage(client, name: str, data: bytes, part: str = "deliverable"):
    return client.post(
        reverse("submissions:stage_upload"), {"part": part, "file": SimpleUploadedFile(name, data)}
    )


def staged_blobs() -> set[str]:
    try:
        return set(private_storage().listdir("staged")[1])
    except FileNotFoundError:
        return set()


def test_quota_on_the_number_of_staged_files(client_c, settings, contractor):
    settings.PORTAL_STAGED_MAX_FILES = 2
    assert stage(client_c, "a.txt", b"first file").status_code == 200
    assert stage(client_c, "b.txt", b"second file").status_code == 200
    before = staged_blobs()
    refused = stage(client_c, "c.txt", b"third file")
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert "“c.txt” was not kept" in error and "at most 2 files" in error, error
    assert StagedUpload.objects.filter(owner=contractor).count() == 2
    assert staged_blobs() == before  # the refused file's bytes were not left behind


def test_quota_on_staged_bytes_is_per_user(client, settings, contractor, other_contractor):
    settings.PORTAL_STAGED_MAX_BYTES = 3000
    client.force_login(contractor)
    assert stage(client, "a.txt", b"a" * 2000).status_code == 200
    refused = stage(client, "b.txt", b"b" * 2000)
    assert refused.status_code == 422 and "3 MB" not in refused.json()["error"]
    assert "2.0 MB" not in refused.json()["error"] and "0.0 MB" in refused.json()["error"]
    client.force_login(other_contractor)  # another contractor has a quota of their own
    assert stage(client, "b.txt", b"b" * 2000).status_code == 200


def test_saving_the_task_frees_the_quota(client_c, settings, contractor):
    settings.PORTAL_STAGED_MAX_FILES = 1
    first = stage(client_c, "a.txt", b"first file").json()
    response = client_c.post(
        reverse("submissions:task_create"), {**task_form_data(), "staged": str(first["id"])}
    )
    assert response.status_code == 302
    assert not StagedUpload.objects.filter(owner=contractor).exists()
    assert stage(client_c, "b.txt", b"second file").status_code == 200


def test_staging_endpoint_is_rate_limited_with_a_clear_429(client_c, settings):
    settings.PORTAL_STAGE_RATE = "3/m"
    for i in range(3):
        assert stage(client_c, f"f{i}.txt", f"file {i}".encode()).status_code == 200
    limited = stage(client_c, "f3.txt", b"file 3")
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) >= 1
    body = limited.json()
    assert body["ok"] is False and body["error"].startswith("Too many uploads in a short time")
    assert StagedUpload.objects.count() == 3


def test_a_form_refused_for_too_many_files_keeps_only_what_fits(
    client_c, settings, contractor, django_capture_on_commit_callbacks
):
    settings.PORTAL_MAX_FILES_PER_TASK = 2
    before = staged_blobs()
    files = [SimpleUploadedFile(f"part{i}.txt", f"content {i}".encode()) for i in range(4)]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_c.post(
            reverse("submissions:task_create"), {**task_form_data(), "deliverable_files": files}
        )
    assert response.status_code == 400
    body = response.content.decode()
    assert "A task may hold at most 2 files; not kept: “part2.txt”, “part3.txt”." in body
    kept = StagedUpload.objects.filter(owner=contractor)
    assert sorted(s.original_name for s in kept) == ["part0.txt", "part1.txt"]
    assert staged_blobs() - before == {s.file.name.split("/")[-1] for s in kept}
    assert not Task.objects.exists()
    # the kept files come back with the form: posting it again saves the task
    ids = ",".join(str(s.pk) for s in kept)
    again = client_c.post(reverse("submissions:task_create"), {**task_form_data(), "staged": ids})
    assert again.status_code == 302
    assert Task.objects.get().files.filter(text_field="").count() == 2


def test_a_form_refused_for_its_total_size_discards_the_overflow(
    client_c, settings, contractor, django_capture_on_commit_callbacks
):
    settings.PORTAL_MAX_TASK_BYTES = 3000
    files = [SimpleUploadedFile("a.txt", b"a" * 2000), SimpleUploadedFile("b.txt", b"b" * 2000)]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_c.post(
            reverse("submissions:task_create"), {**task_form_data(), "deliverable_files": files}
        )
    assert response.status_code == 400
    assert "a task may hold at most" in response.content.decode()
    assert "not kept: “b.txt”" in response.content.decode()
    assert [s.original_name for s in StagedUpload.objects.all()] == ["a.txt"]


def _age(staged: StagedUpload, hours: float) -> None:
    StagedUpload.objects.filter(pk=staged.pk).update(
        created_at=timezone.now() - timedelta(hours=hours)
    )


def _orphan_blob(age_hours: float) -> str:
    storage = private_storage()
    name = storage.save("staged/orphan", ContentFile(b"left behind by a crash"))
    old = time.time() - age_hours * 3600
    os.utime(storage.path(name), (old, old))
    return name


def test_expiry_command_discards_old_staged_uploads_and_orphaned_bytes(
    client_c, contractor, django_capture_on_commit_callbacks
):
    old = StagedUpload.objects.get(pk=stage(client_c, "old.txt", b"old upload").json()["id"])
    fresh = StagedUpload.objects.get(pk=stage(client_c, "new.txt", b"new upload").json()["id"])
    _age(old, settings.PORTAL_STAGED_TTL_HOURS + 1)
    orphan = _orphan_blob(settings.PORTAL_STAGED_TTL_HOURS + 1)
    young_orphan = _orphan_blob(0)
    storage = private_storage()

    call_command("expire_staged_uploads", "--dry-run")
    assert StagedUpload.objects.count() == 2 and storage.exists(orphan)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_staged_uploads")
    assert list(StagedUpload.objects.all()) == [fresh]
    assert not storage.exists(old.file.name) and storage.exists(fresh.file.name)
    assert not storage.exists(orphan)
    assert storage.exists(young_orphan)  # may still be on its way to a row


def test_beat_expires_staged_uploads(client_c, django_capture_on_commit_callbacks):
    from submissions.tasks import expire_staged_uploads

    schedule = {e["task"]: e for e in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "submissions.expire_staged_uploads" in schedule
    old = StagedUpload.objects.get(pk=stage(client_c, "old.txt", b"old upload").json()["id"])
    _age(old, settings.PORTAL_STAGED_TTL_HOURS + 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert expire_staged_uploads() == 1
    assert not StagedUpload.objects.exists()
    assert not private_storage().exists(old.file.name)


def test_purge_originals_covers_staged_uploads(client_c, django_capture_on_commit_callbacks):
    old = StagedUpload.objects.get(pk=stage(client_c, "old.txt", b"old upload").json()["id"])
    _age(old, settings.PORTAL_STAGED_TTL_HOURS + 1)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_originals")
    assert not StagedUpload.objects.exists()
    assert not private_storage().exists(old.file.name)
