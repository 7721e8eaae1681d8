"""Stranded work recovers within two minutes, with real processes: PostgreSQL,
Redis, `celery worker` and `celery beat` subprocesses with the default lease (60 s) and sweep
interval (30 s), SIGKILL, and a broker restarted empty. `-s` prints the measured times.

- the whole worker SIGKILLed mid-scrub (no parent left to requeue; Redis's visibility timeout
  is the production hour): the lease lapses, beat's sweeper re-sends the file to a new worker;
- the broker restarted empty while a file's job waited in it: the sweeper sees the queue empty
  and no worker holding the job, and re-sends it;
- the result write fails after a long scrub: the retry writes the kept result, no second scrub.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from django.conf import settings

from submissions.models import Task, TaskFile
from tests.builders.files import celery_beat, celery_worker, need, wait_until
from tests.integration.test_faults import (
    OwnRedis,
    all_done,
    broker,
    kill_tree,
    post_task,
    slow_text,
    status_of,
)

pytestmark = pytest.mark.django_db(transaction=True)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TIMINGS: list[tuple[str, float, float]] = []
TWO_MINUTES = 120.0


@pytest.fixture(scope="module", autouse=True)
def _timing_table():
    yield
    if TIMINGS:
        print("\nstranded work: case / re-sent after (s) / done after (s)")
        for case, resent, done in TIMINGS:
            print(f"{case:<44} {resent:7.1f} {done:7.1f}")


@pytest.fixture
def own(real_services, tmp_path):
    """A private redis-server as the broker of this test, its workers and beat: no other worker
    (the suite's session worker) can take the jobs these tests strand."""
    need(shutil.which("redis-server") is not None, "redis-server")
    server = OwnRedis(tmp_path)
    server.start()
    try:
        with broker(server.url):
            yield server
    finally:
        server.stop()


def test_whole_worker_sigkilled_file_is_resent_within_two_minutes(own, client, contractor):
    assert settings.PORTAL_LEASE_SECONDS == 60 and settings.PORTAL_SWEEP_SECONDS == 30
    client.force_login(contractor)
    env = {"CELERY_BROKER_URL": own.url}
    with celery_beat(ARTIFACTS / "stranded-beat-kill.log", env):
        with celery_worker(ARTIFACTS / "stranded-kill-1.log", env) as worker:
            task = post_task(client, {"invoices.txt": slow_text(30000)}, title="lease kill")
            f = task.files.get(original_name="invoices.txt")
            wait_until(lambda: status_of(f) == "running", timeout=90, what="the scrub to start")
            first_lease = TaskFile.objects.get(pk=f.pk).lease_expires_at
            # the lease is renewed while the job runs (every third of its 60 s)
            wait_until(
                lambda: TaskFile.objects.get(pk=f.pk).lease_expires_at > first_lease,
                timeout=40,
                what="a lease renewal",
            )
            kill_tree(worker)
            killed = time.monotonic()
        assert status_of(f) == "running"  # nobody works on it, nobody will redeliver it soon
        with celery_worker(ARTIFACTS / "stranded-kill-2.log", env):
            wait_until(
                lambda: TaskFile.objects.get(pk=f.pk).attempts >= 2,
                timeout=TWO_MINUTES + 30,
                what="the sweeper to re-send the file",
            )
            resent = time.monotonic() - killed
            wait_until(lambda: status_of(f) == "done", timeout=300, what="the re-sent scrub")
            done = time.monotonic() - killed
    f.refresh_from_db()
    assert f.attempts == 2 and f.scrubbed
    assert resent < TWO_MINUTES, resent
    task.refresh_from_db()
    assert task.status == Task.Status.CONTRACTOR_CHECK
    TIMINGS.append(("whole worker SIGKILLed mid-scrub (lease lapses)", resent, done))


def test_job_lost_by_a_broker_restarted_empty_is_resent_within_two_minutes(own, client, contractor):
    client.force_login(contractor)
    env = {"CELERY_BROKER_URL": own.url}
    task = post_task(client, {"memo.txt": b"Ring Chen Moreau today."}, title="restart")
    f = task.files.get(original_name="memo.txt")
    sent = f.dispatched_at
    assert sent is not None  # the job went into the broker
    own.stop()  # no persistence: the broker comes back empty
    own.start()
    restarted = time.monotonic()
    with (
        celery_beat(ARTIFACTS / "stranded-beat-restart.log", env),
        celery_worker(ARTIFACTS / "stranded-restart.log", env),
    ):
        wait_until(
            lambda: TaskFile.objects.get(pk=f.pk).dispatched_at > sent,
            timeout=TWO_MINUTES + 30,
            what="the sweeper to re-send the lost job",
        )
        resent = time.monotonic() - restarted
        wait_until(lambda: all_done(task), timeout=120, what="the re-sent job")
        done = time.monotonic() - restarted
    f.refresh_from_db()
    assert f.attempts == 1  # the lost job never ran; the re-sent one did, once
    assert resent < TWO_MINUTES, resent
    TIMINGS.append(("job lost by a broker restarted empty", resent, done))


def test_a_failed_result_write_does_not_scrub_the_file_again(own, client, contractor):
    """The scrubbed output cannot be written (its folder is blocked): the job is retried and
    writes the result it kept instead of running the whole scrub again."""
    client.force_login(contractor)
    task = post_task(client, {"ledger.txt": slow_text(6000)}, title="kept result")  # no worker
    f = task.files.get(original_name="ledger.txt")
    blocker = Path(settings.MEDIA_ROOT) / "scrubbed" / str(task.pk)
    blocker.parent.mkdir(parents=True, exist_ok=True)
    if blocker.is_dir():  # left by an earlier run of the suite (ids start again)
        shutil.rmtree(blocker)
    blocker.write_bytes(b"not a folder")
    log = ARTIFACTS / "stranded-kept.log"
    try:
        with celery_worker(log, {"CELERY_BROKER_URL": own.url}):
            start = time.monotonic()
            wait_until(
                lambda: TaskFile.objects.get(pk=f.pk).attempts >= 2,
                timeout=180,
                what="a retry after the failed write",
            )
            failed_write = time.monotonic()
            blocker.unlink()
            wait_until(lambda: status_of(f) == "done", timeout=120, what="done after storage")
            after = time.monotonic() - failed_write
            total = time.monotonic() - start
    finally:
        if blocker.is_file():
            blocker.unlink()
    text = log.read_text()
    assert text.count(f"file {f.pk} generation {f.generation}: scrubbing") == 1, text[-3000:]
    assert f"file {f.pk}: writing the result kept" in text
    f.refresh_from_db()
    with f.scrubbed.open("rb") as fh:
        assert b"Okafor" not in fh.read()
    TIMINGS.append(("result write failed: retry writes the kept result", after, total))
