"""Scrubbing one stored file: the writes around the pure engine, and the files' jobs (queueing,
dispatch, the sweeper's re-queueing).

The Celery task only calls `file_scrub`. Fencing: each run takes an attempt token when it starts;
a result is written only if the token is still current, so redelivered or duplicated jobs
(acks_late after a killed worker, the sweeper's resend) can never overwrite a newer run.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import timedelta

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from portal.audit import AuditVerb, audit_record
from portal.queues import queue_for_kind
from portal.storage import read_all, save_bytes, sha256_of_chunks
from submissions.models import Task, TaskFile
from submissions.workflow import task_transition

from . import leases
from .engine.base import ScrubError, exception_summary
from .engine.context import TaskFacts
from .engine.filenames import scrub_name
from .engine.inventory import Inventory
from .engine.results import (
    Analysis,
    AssignFn,
    Detection,
    FileResult,
    failed_result,
    failure_sentence,
)
from .engine.sweep import assign_later, assign_replacements
from .engine.terms import TermLists
from .jobs import SCRUB_FILE, job
from .kept import result_keep, result_kept, results_forget
from .models import ContextUsage, FileScan, Finding, Term
from .scrubber import get_scrubber
from .selectors import term_lists_for

logger = logging.getLogger(__name__)
ScrubStatus = TaskFile.ScrubStatus


def file_start(file_id: int, generation: int) -> int | None:
    """Mark the file running and return this attempt's token, or None if the job is stale.

    Stale: another generation, a file already finished, a task no longer being scrubbed (a
    draft's files are never scrubbed), or a duplicate of a job that still runs elsewhere under
    a live lease. The file is leased to this process (`leases.keeper` renews it)."""
    with transaction.atomic():
        f = (
            TaskFile.objects.select_for_update(of=("self",))
            .filter(
                pk=file_id,
                generation=generation,
                scrub_status__in=[ScrubStatus.QUEUED, ScrubStatus.RUNNING],
                task__status=Task.Status.SCRUBBING,
            )
            .first()
        )
        if f is None:
            return None
        now = timezone.now()
        if f.scrub_status == ScrubStatus.RUNNING and leases.held_elsewhere(f, now):
            logger.info("file %s: still running under a live lease; duplicate job dropped", f.pk)
            return None
        f.scrub_status = ScrubStatus.RUNNING
        f.attempts += 1
        f.started_at = now
        f.lease_owner = leases.owner()
        f.lease_expires_at = now + leases.duration()
        f.save(
            update_fields=[
                "scrub_status",
                "attempts",
                "started_at",
                "lease_owner",
                "lease_expires_at",
                "updated_at",
            ]
        )
        return f.attempts


def file_scrub(file_id: int, generation: int) -> str | None:
    """Scrub one file end to end; returns the final status, or None when the job was stale."""
    token = file_start(file_id, generation)
    if token is None:
        logger.info("file %s generation %s: stale job, nothing to do", file_id, generation)
        return None
    f = TaskFile.objects.select_related("task__contractor").get(pk=file_id)
    kept = result_kept(f, generation)
    if kept is not None:
        logger.info("file %s: writing the result kept from an earlier attempt", file_id)
        return file_record_result(file_id, token, *kept)
    logger.info("file %s generation %s: scrubbing (attempt %s)", file_id, generation, token)
    scrubber = get_scrubber()
    scrubbed_name = ""
    try:
        data = read_all(f.original)
        terms = term_lists_for(f.task.contractor)
        # People already found in the task's other files are searched for in this one too.
        known = scrubber.new_pseudonymizer(f.task.pseudonym_state or None).known_texts("PERSON")
        analysis = scrubber.analyze(
            f.original_name, data, terms, known_names=known, is_title=f.text_field == "title"
        )
        scrubbed_name = _assign_pseudonyms(f.task_id, analysis, terms, f)
        _context_pass(f.task, analysis)
        result = scrubber.finish(analysis, assign=_assign_more(f.task_id, str(f.pk)))
    except ScrubError as exc:
        result = failed_result(f.original_name, failure_sentence(exc))
    except Exception as exc:
        from celery.exceptions import SoftTimeLimitExceeded

        if isinstance(exc, SoftTimeLimitExceeded):
            limit = settings.CELERY_TASK_SOFT_TIME_LIMIT
            took = f"{limit / 60:.0f} minutes" if limit >= 120 else f"{limit} seconds"
            result = failed_result(
                f.original_name, f"Scrubbing took longer than {took} and was stopped."
            )
        elif isinstance(exc, MemoryError):
            result = failed_result(f.original_name, failure_sentence(exc))
        elif isinstance(exc, OSError) and not isinstance(exc, FileNotFoundError):
            raise  # storage hiccup: let Celery retry the job
        elif isinstance(exc, (OperationalError, InterfaceError)):
            raise  # database connection lost: Celery retries, Django reconnects
        else:
            # Never the exception's message or locals: they may quote the document.
            logger.error(
                "file %s: unexpected error while scrubbing: %s", file_id, exception_summary(exc)
            )
            result = failed_result(f.original_name, failure_sentence(exc))
    if result.output is not None:
        result_keep(f, generation, result, scrubbed_name)  # a failed write keeps it
    return file_record_result(file_id, token, result, scrubbed_name)


def _assign_pseudonyms(task_id: int, analysis: Analysis, terms: TermLists, f: TaskFile) -> str:
    """Consistent replacements across the task's files: one writer at a time per task.

    The file's detections join the task inventory, the file is swept for every entity the
    task knows, and the inventory version and the file's word hashes are kept (`FileScan`)
    so that `inventory_rescrub_stale` can tell later whether the file must be scrubbed again.
    Returns the file's scrubbed name (names in file names are replaced the same way).
    The state holds original texts: it lives only in the task row, never in exports or logs.
    """
    scrubber = get_scrubber()
    with transaction.atomic():
        task = Task.objects.select_for_update().only("pk", "pseudonym_state").get(pk=task_id)
        pseudonymizer = scrubber.new_pseudonymizer(task.pseudonym_state or None)
        scrubber.assign(analysis, pseudonymizer, file_key=str(f.pk))
        name = scrub_name(analysis.name, terms, pseudonymizer)
        Task.objects.filter(pk=task_id).update(pseudonym_state=pseudonymizer.state())
        FileScan.objects.update_or_create(
            file_id=f.pk,
            defaults={
                "generation": f.generation,
                "inventory_version": analysis.inventory_version,
                "atoms": FileScan.pack(analysis.atoms),
            },
        )
    return name


def _assign_more(task_id: int, file_key: str) -> AssignFn:
    """Replacements for what verification finds in a later round: the task's lock again,
    just as briefly."""

    def assign(findings: Sequence[Detection]) -> None:
        with transaction.atomic():
            task = Task.objects.select_for_update().only("pk", "pseudonym_state").get(pk=task_id)
            pseudonymizer = get_scrubber().new_pseudonymizer(task.pseudonym_state or None)
            assign_later(findings, pseudonymizer, file_key)
            Task.objects.filter(pk=task_id).update(pseudonym_state=pseudonymizer.state())

    return assign


class _TaskBudget:
    """The task's context-pass characters (`ContextUsage`), reserved and given back under the
    row's lock so that files scrubbed at once never spend more than the budget together."""

    def __init__(self, task_id: int) -> None:
        self.task_id = task_id

    def reserve(self, chars: int) -> int:
        with transaction.atomic():
            ContextUsage.objects.get_or_create(task_id=self.task_id)
            usage = ContextUsage.objects.select_for_update().get(task_id=self.task_id)
            granted = max(0, min(chars, settings.SCRUB_CONTEXT_TASK_BUDGET - usage.chars))
            usage.chars += granted
            usage.save(update_fields=["chars", "updated_at"])
        return granted

    def release(self, chars: int) -> None:
        if chars > 0:
            with transaction.atomic():
                usage = ContextUsage.objects.select_for_update().get(task_id=self.task_id)
                usage.chars = max(0, usage.chars - chars)
                usage.save(update_fields=["chars", "updated_at"])


def _context_pass(task: Task, analysis: Analysis) -> None:
    """The context model's findings for the file (no lock held while it reads), then their
    placeholders under the task's lock. Told the task's occupation and sector as the public
    pages show them (an "other" one in its scrubbed form), never another file's originals."""
    scrubber = get_scrubber()
    facts = TaskFacts(occupation=task.public_occupation, sector=task.public_sector)
    found = scrubber.consult(analysis, facts, _TaskBudget(task.pk))
    if not found:
        return
    with transaction.atomic():
        locked = Task.objects.select_for_update().only("pk", "pseudonym_state").get(pk=task.pk)
        pseudonymizer = scrubber.new_pseudonymizer(locked.pseudonym_state or None)
        assign_replacements(found, pseudonymizer)
        Task.objects.filter(pk=task.pk).update(pseudonym_state=pseudonymizer.state())
    scrubber.adopt(analysis, found)


def inventory_rescrub_stale(task_id: int) -> int:
    """Scrub again every finished file that an entity found later could change.

    A file is scrubbed with the inventory as it was when its replacements were assigned; a
    file finished later may add a person, a code name or a surface form, or change an
    entity's type. Every done or residual file whose inventory version is older and whose
    words make up a form of such an entity is queued again (its job then sees the whole
    inventory); the task reaches the contractor's check only when no file is stale.
    Converges: a re-run adds the same detections, so it changes nothing further.
    """
    task = Task.objects.select_for_update().only("pk", "status", "pseudonym_state").get(pk=task_id)
    if task.status != Task.Status.SCRUBBING:
        return 0
    inventory = Inventory((task.pseudonym_state or {}).get("inventory"))
    scans = FileScan.objects.filter(
        file__task_id=task_id,
        file__scrub_status__in=[ScrubStatus.DONE, ScrubStatus.RESIDUAL],
        inventory_version__lt=inventory.version,
    ).select_related("file")
    stale = [
        s.file
        for s in scans
        if s.generation == s.file.generation and inventory.stale(s.inventory_version, s.atom_set())
    ]
    if stale:
        files_enqueue(stale)
        audit_record(
            actor=None,
            verb=AuditVerb.TASK_INVENTORY_RESCRUB,
            obj=task,
            task_id=task_id,
            files=len(stale),
        )
    return len(stale)


def file_record_result(
    file_id: int, token: int, result: FileResult, scrubbed_name: str = ""
) -> str | None:
    with transaction.atomic():
        f = TaskFile.objects.select_for_update().select_related("task").get(pk=file_id)
        if f.attempts != token or f.scrub_status != ScrubStatus.RUNNING:
            logger.info("file %s: a newer run owns this file, result dropped", file_id)
            return None
        f.lease_owner, f.lease_expires_at = "", None
        transaction.on_commit(lambda: results_forget([file_id]))
        f.findings.all().delete()
        if f.scrubbed:
            f.scrubbed.delete(save=False)
        f.scrubbed_sha256 = ""
        status = (
            result.status
            if result.status in (ScrubStatus.DONE, ScrubStatus.FAILED, ScrubStatus.RESIDUAL)
            else ScrubStatus.FAILED
        )
        if result.output is not None and status != ScrubStatus.FAILED:
            # Residual outputs are kept so the owner can see what was missed; only DONE files
            # are ever shown to others or exported (TaskFile.is_clean).
            save_bytes(f.scrubbed, result.output)
            f.scrubbed_sha256 = sha256_of_chunks([result.output])
            # a .docm comes out macro-free as .docx, an Outlook .msg as .eml: the name says so
            f.scrubbed_name = result.output_name(scrubbed_name or f.original_name)
        f.scrub_status = status
        f.error = result.error or ""
        f.report = result.report
        f.finished_at = timezone.now()
        f.save()
        # the findings, and the sensitive sentences (source "sensitive", no replacement: flagged
        # for the owner to confirm, never redacted)
        Finding.objects.bulk_create(
            Finding(
                file=f,
                entity_type=item.entity_type,
                score=item.score,
                locator=item.locator[:255],
                location_kind=item.location_kind[:40],
                original_text=item.text,
                replacement=item.replacement[:255],
                source=item.source if item.source in Finding.Source.values else "pattern",
                reason=item.reason[:500],
            )
            for item in [*result.findings, *result.flags]
        )
        # Leftovers of a residual file: the owner decides (add to the deny-list, or keep).
        Finding.objects.bulk_create(
            Finding(
                file=f,
                entity_type=item.text_type,
                score=1.0,
                locator=item.locator[:255],
                location_kind="leftover",
                original_text=item.text,
                replacement="",
                source=Finding.Source.LEFTOVER,
            )
            for item in result.leftovers
        )
        if f.text_field and status == ScrubStatus.DONE:
            text = result.output.decode("utf-8")
            multiline = (TaskFile.TextField.REQUEST_TEXT, TaskFile.TextField.DELIVERABLE_TEXT)
            if f.text_field not in multiline:
                text = " ".join(text.split())[:255]  # one-line fields stay one line
            setattr(f.task, f"{f.text_field}_scrubbed", text)
            f.task.save(update_fields=[f"{f.text_field}_scrubbed", "updated_at"])
        audit_record(
            actor=None,
            verb=AuditVerb.FILE_SCRUBBED,
            obj=f,
            task_id=f.task_id,
            status=status,
            findings=len(result.findings),
            seconds=round(result.seconds, 2),
        )
        inventory_rescrub_stale(f.task_id)
        task_refresh_scrub_state(f.task)
    return status


def task_refresh_scrub_state(task: Task) -> None:
    """When every file of a scrubbing task has finished, hand it to the contractor's check."""
    task = Task.objects.select_for_update().get(pk=task.pk)
    if task.status != Task.Status.SCRUBBING:
        return
    if task.files.exclude(scrub_status__in=TaskFile.FINISHED).exists():
        return
    task_transition(task, Task.Status.CONTRACTOR_CHECK, actor=None)


# ---- queueing --------------------------------------------------------------------------------


def files_enqueue(files: Iterable[TaskFile]) -> None:
    """Mark files queued (a new generation) and send one job each after the commit."""
    now = timezone.now()
    for f in files:
        f.scrub_status = ScrubStatus.QUEUED
        f.generation += 1
        f.error = ""
        f.enqueued_at = now
        f.dispatched_at = None
        f.started_at = f.finished_at = None
        f.save(
            update_fields=[
                "scrub_status",
                "generation",
                "error",
                "enqueued_at",
                "dispatched_at",
                "started_at",
                "finished_at",
                "updated_at",
            ]
        )
        file_id, generation, kind = f.pk, f.generation, f.detected_type
        transaction.on_commit(lambda i=file_id, g=generation, k=kind: file_dispatch(i, g, kind=k))


def file_dispatch(file_id: int, generation: int, *, kind: str) -> bool:
    """Send the job to the queue for the file's kind (portal/queues.py); if the broker is down
    the file stays queued and the sweeper resends it."""
    try:
        job(SCRUB_FILE).apply_async(
            (file_id, generation),
            retry=False,
            task_id=leases.job_id(file_id, generation),
            queue=queue_for_kind(kind),
        )
    except Exception as exc:  # kombu raises several connection error types
        logger.warning("broker unavailable, file %s stays queued: %s", file_id, type(exc).__name__)
        return False
    TaskFile.objects.filter(pk=file_id, generation=generation).update(dispatched_at=timezone.now())
    return True


INTERRUPTED = (
    "Scrubbing this file was interrupted too many times (the worker stopped while working on "
    "it); split it into smaller files or contact an admin."
)


def files_requeue_stuck() -> int:
    """Resend jobs for stranded files of tasks being scrubbed (never drafts); returns how many.

    - queued, never sent (the broker was down at upload);
    - running, lease lapsed (the worker died: nobody renews it);
    - queued and sent, but the job is neither in the broker's queue nor held by any worker (a
      broker restarted empty), once a sweep interval has passed since it was sent;
    - queued or running for PORTAL_STUCK_FILE_SECONDS whatever the above says (last resort).
    A file interrupted SCRUB_MAX_ATTEMPTS times fails with a sentence instead of a resend.
    """
    now = timezone.now()
    cutoff = now - timedelta(seconds=settings.PORTAL_STUCK_FILE_SECONDS)
    files = TaskFile.objects.filter(task__status=Task.Status.SCRUBBING)
    queued = files.filter(scrub_status=ScrubStatus.QUEUED)
    running = files.filter(scrub_status=ScrubStatus.RUNNING)
    never_sent = queued.filter(dispatched_at__isnull=True)
    lost = queued.filter(dispatched_at__lt=cutoff)
    lapsed = running.filter(lease_expires_at__lt=now)
    dead = running.filter(lease_expires_at__isnull=True, started_at__lt=cutoff)
    waiting = queued.filter(
        dispatched_at__lt=now - timedelta(seconds=settings.PORTAL_SWEEP_SECONDS),
        dispatched_at__gte=cutoff,
    ).only("pk", "generation")
    vanished = leases.jobs_missing([(f.pk, f.generation) for f in waiting])
    stranded = never_sent | lost | lapsed | dead | files.filter(pk__in=vanished)
    count = 0
    fields = ("pk", "generation", "attempts", "scrub_status", "original_name", "detected_type")
    for f in stranded.only(*fields):
        if f.scrub_status == ScrubStatus.RUNNING and f.attempts >= settings.SCRUB_MAX_ATTEMPTS:
            file_record_result(f.pk, f.attempts, failed_result(f.original_name, INTERRUPTED))
            continue
        if file_dispatch(f.pk, f.generation, kind=f.detected_type):
            count += 1
    if count:
        logger.info("sweeper: re-sent %d stranded file(s)", count)
    return count


def term_add(
    *, owner, text: str, list_kind: str, category: str = Term.Category.CONFIDENTIAL, request=None
) -> Term:
    text = " ".join(text.split())
    if len(text) < 2:
        raise ValueError("A term needs at least two characters.")
    term, created = Term.objects.get_or_create(
        owner=owner, list_kind=list_kind, text=text, defaults={"category": category}
    )
    if created:
        audit_record(
            actor=owner,
            verb=AuditVerb(f"term.{list_kind}"),
            obj=term,
            request=request,
            category=category,
        )
    return term
