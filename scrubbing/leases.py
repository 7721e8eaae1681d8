"""Leases on running files, and where a queued file's job is.

A job that starts a file leases it to its process for PORTAL_LEASE_SECONDS and a thread renews
the lease every third of that while the job runs. A worker that dies (SIGKILL, OOM, a lost
machine) stops renewing, so its files' leases lapse and the sweeper (every
PORTAL_SWEEP_SECONDS) sends them again: a stranded file is re-sent within lease + sweep
interval (90 s by default) instead of waiting for the broker's visibility timeout.

A queued file's job can vanish too (a broker restarted empty). Celery can tell: when the
broker's queue is empty and no worker holds the job (`inspect().query_task` by the job's id),
nothing will ever run it.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime, timedelta

import psutil
from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from submissions.models import TaskFile

logger = logging.getLogger(__name__)
_HOST = socket.gethostname()
_owner: tuple[int, str] | None = None


def owner() -> str:
    """This process as a lease owner: "host:pid:start time" (a pid alone can be reused)."""
    global _owner
    pid = os.getpid()
    if _owner is None or _owner[0] != pid:  # a forked worker child is a new owner
        _owner = (pid, f"{_HOST}:{pid}:{int(psutil.Process(pid).create_time())}")
    return _owner[1]


def duration() -> timedelta:
    return timedelta(seconds=settings.PORTAL_LEASE_SECONDS)


def _owner_gone(lease_owner: str) -> bool:
    """True only when the owner is known dead: a process of this host that no longer runs."""
    try:
        host, pid, started = lease_owner.rsplit(":", 2)
        if host != _HOST:
            return False
        return int(psutil.Process(int(pid)).create_time()) != int(started)
    except psutil.NoSuchProcess:
        return True
    except (ValueError, psutil.Error):
        return False


def held_elsewhere(f: TaskFile, now: datetime) -> bool:
    """Is this running file leased to another live process (so a second job must not start)?"""
    if not f.lease_owner or f.lease_expires_at is None or f.lease_expires_at <= now:
        return False
    if f.lease_owner == owner():  # this process's own job, retried
        return False
    return not _owner_gone(f.lease_owner)


@contextmanager
def keeper(file_id: int, generation: int) -> Iterator[None]:
    """Renew this process's lease on the file while the block runs (a daemon thread)."""
    stop = threading.Event()
    me = owner()

    def renew() -> None:
        from django.db import connection

        try:
            while not stop.wait(settings.PORTAL_LEASE_SECONDS / 3):
                try:
                    TaskFile.objects.filter(
                        pk=file_id,
                        generation=generation,
                        scrub_status=TaskFile.ScrubStatus.RUNNING,
                        lease_owner=me,
                    ).update(lease_expires_at=timezone.now() + duration())
                except DatabaseError:
                    connection.close()  # cut: the next renewal opens a fresh connection
        finally:
            connection.close()

    thread = threading.Thread(target=renew, name=f"lease-file-{file_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=10)


def job_id(file_id: int, generation: int) -> str:
    """The Celery task id of a file's job: the same for every send of one generation."""
    return f"scrub-file-{file_id}-{generation}"


def queue_depth(conn, queue: str) -> int:
    """Jobs waiting in one broker queue (0 when the queue does not exist yet)."""
    channel = conn.channel()  # its own channel: AMQP closes a channel on a missing queue
    try:
        return channel.queue_declare(queue=queue, passive=True).message_count
    except conn.channel_errors:
        return 0
    finally:
        with suppress(*conn.connection_errors, *conn.channel_errors):
            channel.close()


def jobs_missing(pairs: Sequence[tuple[int, int]]) -> list[int]:
    """Ids of the queued files, given as (id, generation), whose job nobody has: the broker's
    queue is empty and no worker that answers holds it. Empty when unsure (jobs wait in the
    queue, no worker answers, the broker is unreachable): the time-based rule covers those."""
    if not pairs:
        return []
    from portal.celery import app
    from portal.queues import queue_names

    try:
        with app.connection_for_read() as conn:
            conn.ensure_connection(max_retries=1)
            waiting = sum(queue_depth(conn, name) for name in queue_names())
        if waiting:
            return []
        replies = app.control.inspect(timeout=1.0).query_task(*[job_id(*p) for p in pairs])
    except Exception as exc:  # broker down or unsupported: unsure
        logger.info("sweeper: cannot ask the broker about queued jobs (%s)", type(exc).__name__)
        return []
    if not replies:
        return []
    held = {task_id for reply in replies.values() for task_id in (reply or {})}
    return [file_id for file_id, generation in pairs if job_id(file_id, generation) not in held]
