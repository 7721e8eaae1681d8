"""Export of approved, cleanly scrubbed tasks: content, fail-closed selection, atomic batches.

Over 500 lines because an export is one subject from selection to the files written (fail-
closed selection, rows, JSONL and Parquet, batches, reruns, the command): its cases share the
builders at the top and read best beside each other.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import exports.admin
from exports import destinations, rows
from exports import selectors as export_selectors
from exports import services as export
from portal.models import AuditEvent
from reviews.models import ExportBatch, Review
from scrubbing.models import Finding
from submissions.models import Task, TaskFile

ScrubStatus = TaskFile.ScrubStatus


def _file(
    task: Task,
    part: str,
    name: str,
    scrubbed: bytes | None,
    status: str = ScrubStatus.DONE,
    text_field: str = "",
    original: bytes | None = None,
    counts: dict | None = None,
    secret: str = "",
) -> TaskFile:
    original = original or f"ORIGINAL {secret} of {name}".encode()
    f = TaskFile(
        task=task,
        part=part,
        text_field=text_field,
        original_name=name,
        sha256=hashlib.sha256(original).hexdigest(),
        size=len(original),
        detected_type="text",
        scrub_status=status,
        report={"counts": counts or {"PERSON": 1}, "engine_version": "test-1"},
    )
    f.original.save("x", ContentFile(original), save=False)
    if scrubbed is not None:
        f.scrubbed.save("x", ContentFile(scrubbed), save=False)
        f.scrubbed_name = name
        f.scrubbed_sha256 = hashlib.sha256(scrubbed).hexdigest()
    f.save()
    return f


def make_task(
    contractor,
    *,
    status: str = Task.Status.APPROVED,
    title: str = "Quarterly plan",
    title_scrubbed: str | None = None,
    file_status: str = ScrubStatus.DONE,
    secret: str | None = None,
    sector: str = "Finance",
    occupation: str = "Accountants",
    decided_days_ago: int = 1,
    files: list[tuple[str, str, bytes]] | None = None,
) -> Task:
    secret = secret or f"SECRET-{uuid.uuid4().hex}"
    now = timezone.now()
    task = Task.objects.create(
        contractor=contractor,
        title=title,
        title_scrubbed=title if title_scrubbed is None else title_scrubbed,
        sector=sector,
        occupation=occupation,
        request_text=f"Ask from {secret}",
        request_text_scrubbed="Ask from [PERSON_1]",
        deliverable_text=f"Answer for {secret}",
        deliverable_text_scrubbed="Answer for [PERSON_1]",
        provenance=Task.Provenance.REAL,
        minutes_spent=42,
        status=status,
        submitted_at=now - timedelta(days=decided_days_ago, hours=5),
        decided_at=now - timedelta(days=decided_days_ago),
    )
    _file(
        task,
        "request",
        "request-text.txt",
        b"Ask from [PERSON_1]",
        text_field="request_text",
        secret=secret,
    )
    _file(
        task,
        "deliverable",
        "deliverable-text.txt",
        b"Answer for [PERSON_1]",
        text_field="deliverable_text",
        secret=secret,
    )
    for part, name, data in files or [
        ("request", "brief.docx", b"scrubbed brief [PERSON_1]"),
        ("deliverable", "result.xlsx", b"scrubbed result [ORG_1]"),
    ]:
        _file(
            task,
            part,
            name,
            data,
            status=file_status if part == "deliverable" else ScrubStatus.DONE,
            secret=secret,
            counts={"PERSON": 2, "ORG": 1},
        )
    f = task.files.filter(text_field="").first()
    Finding.objects.create(
        file=f,
        entity_type="PERSON",
        score=0.9,
        locator="p1",
        original_text=secret,
        replacement="[PERSON_1]",
        source="model",
    )
    task.secret = secret  # type: ignore[attr-defined]
    return task


def batch_files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def run_export(out: Path, **kwargs) -> ExportBatch:
    batch = export.batch_create(destination=str(out), **kwargs)
    return export.batch_run(batch)


def rows_of(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "tasks.jsonl").read_text().splitlines()]


def assert_sha256sum_ok(folder: Path) -> None:
    result = subprocess.run(
        ["sha256sum", "--strict", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    listed = {line.split("  ", 1)[1] for line in (folder / "SHA256SUMS").read_text().splitlines()}
    on_disk = set(batch_files(folder)) - {"SHA256SUMS", "_COMPLETE"}
    assert listed == on_disk


# ---- selection: fail closed ------------------------------------------------------------------


@pytest.mark.parametrize("status", [s for s in Task.Status.values if s != Task.Status.APPROVED])
def test_unapproved_task_is_not_exportable(contractor, status):
    task = make_task(contractor, status=status)
    assert not export_selectors.exportable_tasks().filter(pk=task.pk).exists()


@pytest.mark.parametrize(
    "file_status",
    [ScrubStatus.QUEUED, ScrubStatus.RUNNING, ScrubStatus.FAILED, ScrubStatus.RESIDUAL],
)
def test_task_with_any_unclean_file_is_not_exportable(contractor, file_status):
    task = make_task(contractor, file_status=file_status)
    assert not export_selectors.exportable_tasks().filter(pk=task.pk).exists()


def test_done_file_without_scrubbed_output_or_checksum_is_not_exportable(contractor):
    a = make_task(contractor)
    a.files.filter(text_field="").first().scrubbed.delete(save=True)
    b = make_task(contractor)
    b.files.filter(text_field="").update(scrubbed_sha256="")
    c = make_task(contractor)
    Task.objects.filter(pk=c.pk).update(request_text_scrubbed="")
    ok = make_task(contractor)
    assert list(export_selectors.exportable_tasks().values_list("pk", flat=True)) == [ok.pk]


# ---- a local batch ---------------------------------------------------------------------------


def test_local_export_content_manifest_and_only_clean_approved(contractor, tmp_path):
    good = make_task(
        contractor,
        title="Plan for SECRET-title",
        # Defence in depth: even a scrubbed field still holding a string the scrubber found
        # elsewhere in the task is redacted on export.
        title_scrubbed="Plan for SECRET-title",
        files=[
            ("request", "brief.docx", b"brief [PERSON_1]"),
            ("request", "../../etc/brief.docx", b"second brief with the same name"),
            ("deliverable", "result.xlsx", b"result"),
        ],
    )
    Finding.objects.create(
        file=good.files.first(),
        entity_type="ORG",
        score=0.9,
        locator="x",
        original_text="SECRET-title",
        replacement="[ORG_7]",
        source="model",
    )
    good2 = make_task(contractor, sector="Health Care", occupation="Nurses")
    unapproved = make_task(contractor, status=Task.Status.IN_REVIEW)
    residual = make_task(contractor, file_status=ScrubStatus.RESIDUAL)
    failed = make_task(contractor, file_status=ScrubStatus.FAILED)
    queued = make_task(contractor, file_status=ScrubStatus.QUEUED)
    secrets = [t.secret for t in (good, good2, unapproved, residual, failed, queued)]

    batch = run_export(tmp_path)
    folder = tmp_path / batch.batch_id
    assert batch.status == ExportBatch.Status.COMPLETE
    assert (folder / "_COMPLETE").exists()
    assert not list(tmp_path.glob(".*"))  # no partial left

    rows = rows_of(folder)
    assert [r["task_id"] for r in rows] == [good.pk, good2.pk]
    row = rows[0]
    assert row["prompt"] == "Ask from [PERSON_1]"
    assert row["deliverable_text"] == "Answer for [PERSON_1]"
    assert row["title"] == "Plan for [ORG_7]"
    assert row["batch_id"] == batch.batch_id
    assert row["review_decision"] == "approve" and row["review_decided_at"].endswith("Z")
    assert row["provenance"] == "real" and row["minutes_spent"] == 42
    assert row["reference_files"] == [
        f"files/{good.pk}/request/brief.docx",
        f"files/{good.pk}/request/brief (2).docx",
    ]
    assert row["deliverable_files"] == [f"files/{good.pk}/deliverable/result.xlsx"]
    assert row["reference_file_sha256"][0] == hashlib.sha256(b"brief [PERSON_1]").hexdigest()
    assert row["scrub_counts"] == {"ORG": 3, "PERSON": 8}
    assert row["scrub_engine_version"] == "test-1"
    assert (folder / row["reference_files"][1]).read_bytes() == b"second brief with the same name"

    files = batch_files(folder)
    everything = b"\n".join(files.values())
    for secret in secrets:  # seeded only in originals, typed originals and Finding.original_text
        assert secret.encode() not in everything
    assert b"SECRET-title" not in everything
    assert b"ORIGINAL" not in everything
    assert not any(
        str(t.pk) in p.split("/")[1:2]
        for t in (unapproved, residual, failed, queued)
        for p in files
        if p.startswith("files/")
    )

    readme = (folder / "README.md").read_text()
    assert batch.batch_id in readme and "| Finance | 1 |" in readme
    assert "| Health Care | Nurses | 1 |" in readme
    assert_sha256sum_ok(folder)
    assert hashlib.sha256(files["SHA256SUMS"]).hexdigest() == batch.checksum

    assert set(Task.objects.filter(export_batch=batch).values_list("pk", flat=True)) == {
        good.pk,
        good2.pk,
    }
    assert batch.task_ids == [good.pk, good2.pk] and batch.file_count == 5
    event = AuditEvent.objects.get(verb="export.batch")
    assert event.details["status"] == "complete" and event.details["tasks"] == 2


def test_parquet_batch(contractor, tmp_path):
    import pyarrow.parquet as pq

    a, b = make_task(contractor), make_task(contractor)
    batch = run_export(tmp_path, fmt="parquet")
    folder = tmp_path / batch.batch_id
    table = pq.read_table(folder / "tasks.parquet")
    assert table.column("task_id").to_pylist() == [a.pk, b.pk]
    assert table.column("prompt").to_pylist() == ["Ask from [PERSON_1]"] * 2
    assert dict(table.column("scrub_counts").to_pylist()[0]) == {"ORG": 2, "PERSON": 6}
    assert table.column("deliverable_files").to_pylist()[0] == [
        f"files/{a.pk}/deliverable/result.xlsx"
    ]
    assert_sha256sum_ok(folder)


def test_incremental_batches_and_since(contractor, tmp_path):
    a = make_task(contractor, decided_days_ago=10)
    first = run_export(tmp_path)
    b = make_task(contractor, decided_days_ago=1)
    second = run_export(tmp_path)
    assert first.task_ids == [a.pk] and second.task_ids == [b.pk]
    assert export_selectors.tasks_for_mode(ExportBatch.Mode.NEW).count() == 0
    since = run_export(tmp_path / "since", mode="since", since=timezone.now() - timedelta(days=3))
    assert since.task_ids == [b.pk]
    b.refresh_from_db()
    assert b.export_batch_id == second.pk  # keeps the batch that first took it


def test_crash_mid_export_leaves_nothing_and_rerun_completes(contractor, tmp_path, monkeypatch):
    tasks = [make_task(contractor) for _ in range(3)]
    calls = {"n": 0}
    real = rows.iter_chunks

    def flaky(field):
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError("disk vanished")
        return real(field)

    monkeypatch.setattr(rows, "iter_chunks", flaky)
    batch = export.batch_create(destination=str(tmp_path))
    with pytest.raises(OSError):
        export.batch_run(batch)
    batch.refresh_from_db()
    assert batch.status == ExportBatch.Status.FAILED and "disk vanished" in batch.error
    assert list(tmp_path.iterdir()) == []  # neither the batch nor a partial folder
    assert not Task.objects.filter(export_batch__isnull=False).exists()

    monkeypatch.setattr(rows, "iter_chunks", real)
    export.batch_rerun(batch.batch_id)
    batch.refresh_from_db()
    assert batch.status == ExportBatch.Status.COMPLETE
    assert [r["task_id"] for r in rows_of(tmp_path / batch.batch_id)] == [t.pk for t in tasks]
    assert_sha256sum_ok(tmp_path / batch.batch_id)


def test_rerun_after_hard_kill_discards_leftovers(contractor, tmp_path):
    make_task(contractor)
    batch = export.batch_create(destination=str(tmp_path))  # "killed": still running, no files
    partial = tmp_path / f".{batch.batch_id}.partial"
    (partial / "files").mkdir(parents=True)
    (partial / "files" / "junk.bin").write_bytes(b"half written")
    export.batch_rerun(batch.batch_id)
    folder = tmp_path / batch.batch_id
    assert "files/junk.bin" not in batch_files(folder)
    assert not partial.exists()
    assert_sha256sum_ok(folder)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_rerun_of_finished_batch_is_byte_identical(contractor, tmp_path, fmt, monkeypatch):
    make_task(contractor)
    make_task(contractor)
    batch = run_export(tmp_path, fmt=fmt)
    before = batch_files(tmp_path / batch.batch_id)
    make_task(contractor)  # a later task never joins an earlier batch
    run_export(tmp_path)
    later = timezone.now() + timedelta(days=400)
    monkeypatch.setattr(export.timezone, "now", lambda: later)  # nothing may come from the clock
    again = export.batch_rerun(batch.batch_id)
    assert batch_files(tmp_path / batch.batch_id) == before
    assert again.checksum == batch.checksum


def test_checksum_mismatch_fails_closed(contractor, tmp_path):
    task = make_task(contractor)
    f = task.files.filter(text_field="").first()
    TaskFile.objects.filter(pk=f.pk).update(scrubbed_sha256="0" * 64)
    batch = export.batch_create(destination=str(tmp_path))
    with pytest.raises(destinations.ExportError):
        export.batch_run(batch)
    assert list(tmp_path.iterdir()) == []


def test_rerun_refuses_when_a_task_is_no_longer_exportable(contractor, tmp_path):
    task = make_task(contractor)
    batch = run_export(tmp_path)
    before = batch_files(tmp_path / batch.batch_id)
    TaskFile.objects.filter(task=task, text_field="").update(scrub_status=ScrubStatus.RESIDUAL)
    with pytest.raises(destinations.ExportError):
        export.batch_rerun(batch.batch_id)
    assert batch_files(tmp_path / batch.batch_id) == before  # the committed copy is untouched


# ---- command line ----------------------------------------------------------------------------


def test_command_exports_and_reports_nothing_to_do(contractor, tmp_path, capsys):
    task = make_task(contractor)
    call_command("export_tasks", "--out", str(tmp_path), "--batch", "new", "--no-progress")
    batch = ExportBatch.objects.get()
    assert batch.task_ids == [task.pk]
    assert batch.batch_id in capsys.readouterr().out
    call_command("export_tasks", "--out", str(tmp_path), "--no-progress")
    assert "Nothing to export" in capsys.readouterr().out
    assert ExportBatch.objects.count() == 1
    call_command("export_tasks", "--rerun", batch.batch_id, "--no-progress")
    assert_sha256sum_ok(tmp_path / batch.batch_id)


def test_command_selected_tasks_skips_unclean(contractor, tmp_path):
    ok = make_task(contractor)
    bad = make_task(contractor, file_status=ScrubStatus.RESIDUAL)
    call_command(
        "export_tasks",
        "--out",
        str(tmp_path),
        "--tasks",
        f"{ok.pk},{bad.pk}",
        "--format",
        "parquet",
        "--no-progress",
    )
    batch = ExportBatch.objects.get()
    assert batch.mode == "selected" and batch.task_ids == [ok.pk]
    assert (tmp_path / batch.batch_id / "tasks.parquet").exists()


# ---- browser ---------------------------------------------------------------------------------


@pytest.fixture
def run_inline(monkeypatch):
    """Run the Celery job in-process instead of queueing it."""
    from exports import tasks
    from exports import views as export_views

    monkeypatch.setattr(export_views, "enqueue", lambda batch: tasks.export_batch(batch.pk))
    monkeypatch.setattr(exports.admin, "enqueue", lambda batch: tasks.export_batch(batch.pk))


def test_export_page_starts_a_batch_and_shows_progress(
    client, admin_user, contractor, tmp_path, settings, run_inline
):
    settings.PORTAL_EXPORT_DESTINATION = str(tmp_path)
    task = make_task(contractor)
    client.force_login(admin_user)
    page = client.get(reverse("exports:page"))
    assert page.status_code == 200 and b"1 task waits" in page.content
    response = client.post(reverse("exports:page"), {"format": "jsonl", "mode": "new"})
    assert response.status_code == 302
    batch = ExportBatch.objects.get()
    assert batch.status == "complete" and batch.task_ids == [task.pk]
    assert batch.created_by == admin_user
    assert_sha256sum_ok(tmp_path / batch.batch_id)
    row = client.get(reverse("exports:progress", args=[batch.pk]))
    assert batch.batch_id.encode() in row.content and b"hx-trigger" not in row.content
    ExportBatch.objects.filter(pk=batch.pk).update(
        status="running", progress_done=3, progress_total=7
    )
    row = client.get(reverse("exports:progress", args=[batch.pk]))
    assert b'hx-trigger="every 2s"' in row.content and b'value="3"' in row.content


def test_export_page_refuses_non_admins(client, reviewer):
    client.force_login(reviewer)
    assert client.get(reverse("exports:page")).status_code == 403
    assert client.get(reverse("exports:stats")).status_code == 403


def test_admin_action_exports_only_clean_selected(
    client, admin_user, contractor, tmp_path, settings, run_inline
):
    settings.PORTAL_EXPORT_DESTINATION = str(tmp_path)
    ok = make_task(contractor)
    bad = make_task(contractor, status=Task.Status.IN_REVIEW)
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:submissions_task_changelist"),
        {"action": "export_selected_tasks", "_selected_action": [ok.pk, bad.pk]},
    )
    assert response.status_code == 302
    batch = ExportBatch.objects.get()
    assert batch.mode == "selected" and batch.task_ids == [ok.pk]
    assert [r["task_id"] for r in rows_of(tmp_path / batch.batch_id)] == [ok.pk]


def test_stats_page(client, admin_user, contractor, reviewer):
    task = make_task(contractor)  # submitted 5 h before the decision
    make_task(contractor, status=Task.Status.IN_REVIEW, sector="Health Care")
    Review.objects.create(task=task, reviewer=reviewer, revision=1, decision="approve")
    client.force_login(admin_user)
    response = client.get(reverse("exports:stats"))
    assert response.status_code == 200
    stats = response.context["stats"]
    assert stats["median_review_hours"] == 5.0
    assert {r["status"]: r["n"] for r in stats["per_status"]} == {"Approved": 1, "In review": 1}
    assert {r["sector"]: r["n"] for r in stats["per_sector"]} == {"Finance": 1, "Health Care": 1}
    assert {r["entity_type"]: r["n"] for r in stats["findings"]} == {"PERSON": 2}
    assert stats["exportable"] == 1 and stats["waiting_export"] == 1
    assert b"Tasks per occupation" in response.content


def test_browser_rerun_reproduces_and_admin_list_links_pages(
    client, admin_user, contractor, tmp_path, settings, run_inline
):
    settings.PORTAL_EXPORT_DESTINATION = str(tmp_path)
    task = make_task(contractor)
    batch = run_export(tmp_path)
    before = batch_files(tmp_path / batch.batch_id)
    client.force_login(admin_user)
    # Once committed, a rerun from the page must reproduce the same tasks or refuse.
    TaskFile.objects.filter(task=task, text_field="").update(scrub_status=ScrubStatus.FAILED)
    with pytest.raises(destinations.ExportError):
        client.post(reverse("exports:rerun", args=[batch.pk]))
    TaskFile.objects.filter(task=task).update(scrub_status=ScrubStatus.DONE)
    response = client.post(reverse("exports:rerun", args=[batch.pk]))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == "complete"
    assert batch_files(tmp_path / batch.batch_id) == before
    listing = client.get(reverse("admin:reviews_exportbatch_changelist"))
    assert listing.status_code == 200
    assert batch.batch_id.encode() in listing.content
    assert reverse("exports:page").encode() in listing.content


def test_task_whose_title_is_not_scrubbed_is_never_exported(contractor, tmp_path):
    from exports.selectors import exportable_tasks

    unscrubbed = make_task(contractor, title="Plan for Globex", title_scrubbed="")
    other = make_task(contractor)
    Task.objects.filter(pk=other.pk).update(sector="Other", sector_other="Globex internal")
    clean = make_task(contractor)
    assert list(exportable_tasks().values_list("pk", flat=True)) == [clean.pk]
    assert unscrubbed.pk and other.pk
