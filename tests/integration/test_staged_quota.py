"""The staged-upload quota holds under a burst of one user's concurrent uploads, on
PostgreSQL: the owner's row lock makes them take turns, so the quota is never overshot."""

from __future__ import annotations

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from submissions import upload_services
from submissions.models import StagedUpload

pytestmark = pytest.mark.django_db(transaction=True)


def test_concurrent_uploads_never_overshoot_the_quota(real_services, contractor, settings):
    settings.PORTAL_STAGED_MAX_FILES = 3
    results: list[str] = []
    start = threading.Barrier(8)

    def upload(i: int) -> None:
        try:
            start.wait()
            upload_services.upload_stage(
                owner=contractor,
                part="deliverable",
                upload=SimpleUploadedFile(f"part{i}.txt", f"content number {i}".encode()),
            )
            results.append("kept")
        except upload_services.UploadRefused as exc:
            results.append(str(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=upload, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert results.count("kept") == 3, results
    assert StagedUpload.objects.filter(owner=contractor).count() == 3
    refused = [r for r in results if r != "kept"]
    assert len(refused) == 5 and all("at most 3 files" in r for r in refused)
