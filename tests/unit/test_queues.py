"""Queues per kind of work: the queue a file's job is sent to, worker tuning, and the process
files (Procfile, docker-compose.yml) that must run a worker for every queue.

Jobs go through the real embedded broker (kombu's filesystem transport, which names each
message file after its queue); the real-worker ordering test is tests/integration/test_queues.py.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import yaml

from portal.queues import queue_for_kind, queue_names, worker_tuning
from scrubbing import services as scrub_services
from scrubbing.leases import job_id
from scrubbing.services import file_dispatch
from tests.builders.tasks import queued_file

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ["pdf", "png", "jpeg", "tiff", "svg", "doc", "xls", "ppt", "rtf", "odt", "zip"]
ORDINARY = ["docx", "xlsx", "pptx", "text", "eml", "msg", "html", "ipynb"]


@pytest.fixture
def own_queues(settings):
    """This test's own queue names, so parallel tests never see each other's messages."""
    tag = uuid.uuid4().hex[:8]
    settings.PORTAL_SCRUB_QUEUE, settings.PORTAL_HEAVY_QUEUE = f"s{tag}", f"h{tag}"
    settings.PORTAL_EXPORT_QUEUE = settings.PORTAL_HEAVY_QUEUE
    folder = Path(settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_out"])
    yield settings.PORTAL_SCRUB_QUEUE, settings.PORTAL_HEAVY_QUEUE
    for path in folder.glob(f"*.[sh]{tag}.msg"):
        path.unlink()


def sent_to(settings, job: str, queues: tuple[str, str]) -> list[str]:
    """Which of this test's queues hold a message of this job in the filesystem broker."""
    folder = Path(settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_out"])
    return [q for q in queues for p in folder.glob(f"*.{q}.msg") if f'"{job}"' in p.read_text()]


@pytest.mark.parametrize("kind", HEAVY + ORDINARY)
def test_each_kind_has_its_queue(settings, kind):
    expected = settings.PORTAL_HEAVY_QUEUE if kind in HEAVY else settings.PORTAL_SCRUB_QUEUE
    assert queue_for_kind(kind) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kind"), [("scan.pdf", "pdf"), ("memo.docx", "docx")])
def test_a_job_is_sent_to_the_queue_of_its_file(settings, own_queues, contractor, name, kind):
    scrub_q, heavy_q = own_queues
    f = queued_file(contractor, name, b"Ring Jane Doe.", kind)
    assert file_dispatch(f.pk, f.generation, kind=kind)
    assert sent_to(settings, job_id(f.pk, f.generation), own_queues) == [
        heavy_q if kind == "pdf" else scrub_q
    ]


@pytest.mark.django_db
def test_the_sweeper_resends_a_pdf_to_the_heavy_queue(settings, own_queues, contractor):
    scrub_q, heavy_q = own_queues
    pdf = queued_file(contractor, "scan.pdf", b"%PDF-1.4", "pdf")  # queued, never sent
    text = queued_file(contractor, "notes.txt", b"Ring Jane Doe.", "text")
    assert scrub_services.files_requeue_stuck() == 2
    assert sent_to(settings, job_id(pdf.pk, pdf.generation), own_queues) == [heavy_q]
    assert sent_to(settings, job_id(text.pk, text.generation), own_queues) == [scrub_q]


def test_previews_and_exports_are_routed_heavy_and_every_queue_is_declared(settings):
    from portal.celery import app

    router = app.amqp.router
    assert router.route({}, "scrubbing.render_preview")["queue"].name == "heavy"
    assert router.route({}, "reviews.export_batch")["queue"].name == "heavy"
    assert router.route({}, "scrubbing.requeue_stuck_files")["queue"].name == "scrub"
    # a worker without -Q consumes every declared queue: nothing is left unconsumed
    assert set(app.conf.task_queues) == set(queue_names()) == {"scrub", "heavy"}


def test_worker_tuning_follows_the_queues_it_consumes(settings):
    settings.PORTAL_SCRUB_CONCURRENCY, settings.PORTAL_SCRUB_PREFETCH = 3, 2
    settings.PORTAL_HEAVY_CONCURRENCY, settings.PORTAL_HEAVY_PREFETCH = 1, 1
    settings.PORTAL_EXPORT_QUEUE = "export"
    assert worker_tuning(["heavy"]) == (1, 1)
    assert worker_tuning(["export"]) == (1, 1)
    assert worker_tuning(["scrub"]) == (3, 2)
    assert worker_tuning(["scrub", "heavy"]) == (3, 2)
    assert worker_tuning(None) == (3, 2)


def _queues_of(command: str) -> set[str]:
    words = command.split()
    if "worker" not in words:
        return set()
    if "-Q" not in words:
        return {"scrub", "heavy"}  # every declared queue
    value = words[words.index("-Q") + 1]
    return {q.split(":-")[-1].rstrip("}") for q in value.split(",")}


def test_make_run_and_compose_run_a_worker_for_every_queue():
    procfile = [line.split(":", 1) for line in (ROOT / "Procfile").read_text().splitlines()]
    consumed = [_queues_of(cmd) for name, cmd in procfile if name.strip() != "web"]
    assert set().union(*consumed) == {"scrub", "heavy"}
    assert all(len(c) == 1 for c in consumed)  # one worker per queue: a PDF never blocks a .docx
    assert sum("-B" in cmd.split() for _, cmd in procfile) == 1  # one scheduler

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    per_service = {n: _queues_of(s.get("command", "")) for n, s in compose.items()}
    assert per_service["worker-scrub"] == {"scrub"}
    assert per_service["worker-heavy"] == {"heavy"}
    assert set().union(*per_service.values()) == {"scrub", "heavy"}
