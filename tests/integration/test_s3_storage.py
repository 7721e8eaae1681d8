"""Originals go to S3 through django-storages when configured (moto's server mode here)."""

from __future__ import annotations

import socket

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from submissions.models import Task
from tests.builders.files import make_docx

BUCKET = "portal-private-test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_storage(s3_endpoint, monkeypatch):
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(key, value)
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    storages = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
                "location": "private",
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        yield client


@pytest.mark.django_db
def test_originals_are_stored_privately_in_s3_and_served_only_to_the_owner(
    s3_storage, client, contractor, other_contractor
):
    data = make_docx(["Quarterly figures for Northwind"])
    client.force_login(contractor)
    response = client.post(
        reverse("submissions:task_create"),
        {
            "title": "Figures",
            "request_text": "Summarise the figures.",
            "deliverable_text": "",
            "sector": "Finance and Insurance",
            "occupation": "Financial Managers",
            "minutes_spent": "30",
            "provenance": "fabricated",
            "attest_rights": "on",
            "attest_confidential": "on",
            "save_draft": "1",
            "deliverable_files": [SimpleUploadedFile("figures.docx", data)],
        },
    )
    assert response.status_code == 302
    f = Task.objects.get().files.get(original_name="figures.docx")
    key = f"private/{f.original.name}"
    obj = s3_storage.get_object(Bucket=BUCKET, Key=key)
    assert obj["Body"].read() == data
    grants = s3_storage.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert all("AllUsers" not in str(g.get("Grantee", {})) for g in grants)
    # The bucket is never listed publicly and the name says nothing about the file.
    assert "figures" not in key

    download = client.get(reverse("submissions:file_original", args=[f.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == data
    client.force_login(other_contractor)
    assert client.get(reverse("submissions:file_original", args=[f.pk])).status_code == 404
