"""Export to S3 (moto in server mode on a local port, reached over real HTTP by boto3)."""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
from pathlib import Path

import pytest

from exports import destinations, rows
from exports import services as export
from reviews.models import ExportBatch
from submissions.models import Task, TaskFile
from tests.builders.files import need
from tests.unit.test_export import assert_sha256sum_ok, make_task

pytestmark = [
    pytest.mark.integration,
    # botocore/moto internals still call datetime.utcnow() on some paths.
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]
BUCKET = "datasets"
PREFIX = "gdpval/exports"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def s3(monkeypatch, settings):
    try:
        from moto import server as server_mod
    except ImportError:
        server_mod = None
    need(server_mod is not None, "moto[server] (the S3 emulator)")
    import boto3

    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    port = _free_port()
    server = server_mod.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    settings.PORTAL_EXPORT_S3_OPTIONS = {"endpoint_url": endpoint, "region_name": "us-east-1"}
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    try:
        yield client
    finally:
        server.stop()


def _keys(client, prefix: str) -> list[str]:
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix)
    return sorted(obj["Key"] for page in pages for obj in page.get("Contents", []))


def _download(client, batch_id: str, into: Path) -> dict[str, bytes]:
    base = f"{PREFIX}/{batch_id}/"
    out: dict[str, bytes] = {}
    for key in _keys(client, base):
        data = client.get_object(Bucket=BUCKET, Key=key)["Body"].read()
        rel = key[len(base) :]
        out[rel] = data
        (into / rel).parent.mkdir(parents=True, exist_ok=True)
        (into / rel).write_bytes(data)
    return out


def test_s3_batch_content_manifest_and_only_clean(s3, contractor, tmp_path):
    good = make_task(contractor)
    residual = make_task(contractor, file_status=TaskFile.ScrubStatus.RESIDUAL)
    unapproved = make_task(contractor, status=Task.Status.REJECTED)

    batch = export.batch_create(destination=f"s3://{BUCKET}/{PREFIX}")
    batch = export.batch_run(batch)
    assert batch.status == ExportBatch.Status.COMPLETE
    assert batch.destination == f"s3://{BUCKET}/{PREFIX}"

    files = _download(s3, batch.batch_id, tmp_path)
    assert "_COMPLETE" in files and "README.md" in files
    assert hashlib.sha256(files["SHA256SUMS"]).hexdigest() == batch.checksum
    assert batch.checksum.encode() in files["_COMPLETE"]
    assert_sha256sum_ok(tmp_path)  # the real sha256sum binary on the downloaded batch

    rows = [json.loads(x) for x in files["tasks.jsonl"].decode().splitlines()]
    assert [r["task_id"] for r in rows] == [good.pk]
    assert files[rows[0]["deliverable_files"][0]] == b"scrubbed result [ORG_1]"
    everything = b"\n".join(files.values())
    for task in (good, residual, unapproved):
        assert task.secret.encode() not in everything
    assert not any(
        k.startswith((f"files/{residual.pk}/", f"files/{unapproved.pk}/")) for k in files
    )


def test_s3_crash_leaves_no_complete_marker_and_rerun_cleans_up(
    s3, contractor, monkeypatch, tmp_path
):
    tasks = [make_task(contractor) for _ in range(3)]
    real = rows.iter_chunks
    calls = {"n": 0}

    def flaky(field):
        calls["n"] += 1
        if calls["n"] == 3:
            raise ConnectionError("network down")
        return real(field)

    monkeypatch.setattr(rows, "iter_chunks", flaky)
    # A hard kill skips the cleanup: keep what was uploaded to see the rerun remove it.
    monkeypatch.setattr(destinations.S3Destination, "abort", lambda self: None)
    batch = export.batch_create(destination=f"s3://{BUCKET}/{PREFIX}")
    with pytest.raises(ConnectionError):
        export.batch_run(batch)
    base = f"{PREFIX}/{batch.batch_id}/"
    leftovers = _keys(s3, base)
    assert leftovers and f"{base}_COMPLETE" not in leftovers  # readers ignore this batch
    s3.put_object(Bucket=BUCKET, Key=f"{base}files/stale.bin", Body=b"stale")
    batch.refresh_from_db()
    assert batch.status == ExportBatch.Status.FAILED
    assert not Task.objects.filter(export_batch__isnull=False).exists()

    monkeypatch.setattr(rows, "iter_chunks", real)
    export.batch_rerun(batch.batch_id)
    files = _download(s3, batch.batch_id, tmp_path / "one")
    assert "files/stale.bin" not in files and "_COMPLETE" in files
    assert [json.loads(x)["task_id"] for x in files["tasks.jsonl"].decode().splitlines()] == [
        t.pk for t in tasks
    ]
    assert_sha256sum_ok(tmp_path / "one")

    # Rerunning the finished batch reproduces every object byte for byte.
    export.batch_rerun(batch.batch_id)
    assert _download(s3, batch.batch_id, tmp_path / "two") == files


def test_s3_incremental_and_command(s3, contractor, tmp_path):
    from django.core.management import call_command

    first = make_task(contractor)
    call_command(
        "export_tasks",
        "--out",
        f"s3://{BUCKET}/{PREFIX}",
        "--batch",
        "new",
        "--format",
        "parquet",
        "--no-progress",
    )
    second = make_task(contractor)
    call_command("export_tasks", "--out", f"s3://{BUCKET}/{PREFIX}", "--no-progress")
    b1, b2 = ExportBatch.objects.order_by("pk")
    assert (b1.task_ids, b2.task_ids) == ([first.pk], [second.pk])
    assert f"{PREFIX}/{b1.batch_id}/tasks.parquet" in _keys(s3, PREFIX)
    assert f"{PREFIX}/{b2.batch_id}/tasks.jsonl" in _keys(s3, PREFIX)
    files = _download(s3, b1.batch_id, tmp_path)
    result = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=tmp_path, capture_output=True)
    assert result.returncode == 0 and "_COMPLETE" in files
