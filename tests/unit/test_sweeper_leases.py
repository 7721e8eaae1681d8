"""Sweeper, leases and kept results, on the service level.

The fault behaviour with real processes (SIGKILL, a broker restarted empty) is in
tests/integration/test_stranded_work.py; here: which files the sweeper may send, how a lease
fences a duplicate job, and that a finished scrub survives a failed result write.
"""

from __future__ import annotations

import os
from datetime import timedelta

import psutil
import pytest
from django.utils import timezone

from scrubbing import leases
from scrubbing import services as scrub_services
from submissions.models import Task, TaskFile
from tests.builders.tasks import add_file, make_task, queued_file

pytestmark = pytest.mark.django_db
TaskStatus = Task.Status
ScrubStatus = TaskFile.ScrubStatus


def never_sent(contractor, status: str) -> TaskFile:
    task = make_task(contractor, status=status)
    return add_file(task, scrubbed=None, status=ScrubStatus.QUEUED, findings=[], report={})


def test_the_sweeper_never_sends_a_drafts_files(contractor):
    draft_file = never_sent(contractor, TaskStatus.DRAFT)
    assert draft_file.dispatched_at is None
    assert scrub_services.files_requeue_stuck() == 0
    draft_file.refresh_from_db()
    assert draft_file.dispatched_at is None and draft_file.scrub_status == ScrubStatus.QUEUED


def test_the_sweeper_sends_a_scrubbing_tasks_never_sent_file(contractor):
    f = never_sent(contractor, TaskStatus.SCRUBBING)
    assert scrub_services.files_requeue_stuck() == 1
    f.refresh_from_db()
    assert f.dispatched_at is not None


def test_a_job_for_a_drafts_file_does_nothing(contractor):
    f = never_sent(contractor, TaskStatus.DRAFT)
    assert scrub_services.file_scrub(f.pk, f.generation) is None
    f.refresh_from_db()
    assert f.scrub_status == ScrubStatus.QUEUED and f.attempts == 0


def running(contractor, *, owner: str, expires_in: float, attempts: int = 1) -> TaskFile:
    f = queued_file(contractor, "memo.txt", b"Ring Jane Doe.", "text")
    TaskFile.objects.filter(pk=f.pk).update(
        scrub_status=ScrubStatus.RUNNING,
        attempts=attempts,
        started_at=timezone.now(),
        lease_owner=owner,
        lease_expires_at=timezone.now() + timedelta(seconds=expires_in),
        dispatched_at=timezone.now(),
    )
    f.refresh_from_db()
    return f


def live_process_owner() -> str:
    parent = psutil.Process(os.getppid())  # alive, and not this process
    return f"{leases._HOST}:{parent.pid}:{int(parent.create_time())}"


def test_a_live_lease_is_left_alone_and_a_lapsed_one_is_resent(contractor):
    live = running(contractor, owner=live_process_owner(), expires_in=60)
    assert scrub_services.files_requeue_stuck() == 0
    TaskFile.objects.filter(pk=live.pk).update(lease_expires_at=timezone.now())
    assert scrub_services.files_requeue_stuck() == 1


def test_a_duplicate_job_is_dropped_while_the_lease_holder_lives(contractor):
    f = running(contractor, owner=live_process_owner(), expires_in=60)
    assert scrub_services.file_start(f.pk, f.generation) is None
    f.refresh_from_db()
    assert f.attempts == 1  # untouched


def test_another_hosts_live_lease_is_respected(contractor):
    f = running(contractor, owner="other-host:1:1", expires_in=60)
    assert scrub_services.file_start(f.pk, f.generation) is None


def test_a_dead_owners_lease_is_taken_over_at_once(contractor):
    """A redelivered job (the worker child was SIGKILLed) need not wait for the lease."""
    gone = psutil.Process(os.getpid())
    f = running(
        contractor, owner=f"{leases._HOST}:{gone.pid}:{int(gone.create_time()) - 5}", expires_in=60
    )
    assert scrub_services.file_start(f.pk, f.generation) == 2
    f.refresh_from_db()
    assert f.lease_owner == leases.owner() and f.lease_expires_at > timezone.now()


def test_a_file_interrupted_too_often_fails_with_a_sentence(contractor, settings):
    settings.SCRUB_MAX_ATTEMPTS = 3
    f = running(contractor, owner="other-host:1:1", expires_in=-1, attempts=3)
    assert scrub_services.files_requeue_stuck() == 0
    f.refresh_from_db()
    assert f.scrub_status == ScrubStatus.FAILED
    assert "interrupted too many times" in f.error
    assert f.task.status == TaskStatus.CONTRACTOR_CHECK


def test_the_lease_is_released_when_the_result_is_written(contractor):
    f = queued_file(contractor, "memo.txt", b"Ring Jane Doe about the invoice.", "text")
    assert scrub_services.file_scrub(f.pk, f.generation) == "done"
    f.refresh_from_db()
    assert f.lease_owner == "" and f.lease_expires_at is None


def test_a_finished_scrub_is_kept_when_only_the_result_write_fails(contractor, monkeypatch):
    f = queued_file(contractor, "memo.txt", b"Ring Jane Doe about the invoice.", "text")
    real_save = scrub_services.save_bytes

    def full_disk(field, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(scrub_services, "save_bytes", full_disk)
    with pytest.raises(OSError):
        scrub_services.file_scrub(f.pk, f.generation)  # Celery would retry this job
    f.refresh_from_db()
    assert f.scrub_status == ScrubStatus.RUNNING and not f.scrubbed

    # the retry writes the kept result: the engine is not run again
    monkeypatch.setattr(scrub_services, "save_bytes", real_save)
    real = scrub_services.get_scrubber()

    class NoSecondScrub:
        def __getattr__(self, name):
            return getattr(real, name)

        def analyze(self, *args, **kwargs):
            raise AssertionError("the file was scrubbed again")

    monkeypatch.setattr(scrub_services, "get_scrubber", lambda: NoSecondScrub())
    assert scrub_services.file_scrub(f.pk, f.generation) == "done"
    f.refresh_from_db()
    assert f.attempts == 2
    with f.scrubbed.open("rb") as handle:
        assert b"Jane Doe" not in handle.read()
    assert f.findings.filter(original_text__contains="Jane Doe").exists()


def test_a_kept_result_is_never_used_for_a_newer_generation(contractor, monkeypatch):
    f = queued_file(contractor, "memo.txt", b"Ring Jane Doe about the invoice.", "text")
    monkeypatch.setattr(
        scrub_services, "save_bytes", lambda *a: (_ for _ in ()).throw(OSError("disk"))
    )
    with pytest.raises(OSError):
        scrub_services.file_scrub(f.pk, f.generation)
    monkeypatch.undo()
    TaskFile.objects.filter(pk=f.pk).update(
        scrub_status=ScrubStatus.QUEUED, generation=f.generation + 1
    )
    calls = []
    real = scrub_services.get_scrubber()

    class Counting:
        def __getattr__(self, name):
            return getattr(real, name)

        def analyze(self, *args, **kwargs):
            calls.append(1)
            return real.analyze(*args, **kwargs)

    monkeypatch.setattr(scrub_services, "get_scrubber", lambda: Counting())
    assert scrub_services.file_scrub(f.pk, f.generation + 1) == "done"
    assert calls == [1]  # scrubbed afresh
