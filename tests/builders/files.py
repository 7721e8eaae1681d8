"""Shared test helpers: real services, a real worker process, real documents."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIRE_SERVICES = os.environ.get("PORTAL_REQUIRE_SERVICES") == "1"


def port_open(host: str, port: int, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def url_reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    return port_open(parsed.hostname or "127.0.0.1", parsed.port or default_port)


def need(condition: bool, what: str) -> None:
    """Skip when a real service is missing, or fail when CI requires every service."""
    if condition:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"{what} is required (PORTAL_REQUIRE_SERVICES=1) but not available.")
    pytest.skip(f"{what} is not available")


def worker_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a worker that shares this test process's database and storage."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    if db["ENGINE"].endswith("sqlite3"):
        env["DATABASE_URL"] = f"sqlite:///{db['NAME']}"
    else:
        user = db.get("USER") or "postgres"
        pw = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
        env["DATABASE_URL"] = (
            f"postgres://{user}{pw}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/"
            f"{db['NAME']}"
        )
    env["CELERY_BROKER_URL"] = settings.CELERY_BROKER_URL
    env["PORTAL_VAR_DIR"] = str(settings.VAR_DIR)
    env["PORTAL_MEDIA_ROOT"] = str(settings.MEDIA_ROOT)
    env.setdefault("PYTHONUNBUFFERED", "1")
    env.update(extra or {})
    return env


@contextmanager
def celery_process(log_path: Path, args: list[str], ready: str, extra_env: dict | None = None):
    """A real `celery -A portal ARGS` subprocess; yields the Popen once its log says `ready`."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = open(log_path, "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "portal", *args],
        cwd=ROOT,
        env=worker_env(extra_env),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"celery exited early:\n{log_path.read_text()[-3000:]}")
            if ready in log_path.read_text():
                break
            time.sleep(0.3)
        else:
            raise RuntimeError(f"celery not ready in 90 s:\n{log_path.read_text()[-3000:]}")
        yield proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()


def celery_worker(
    log_path: Path,
    extra_env: dict[str, str] | None = None,
    concurrency: int = 1,
    queues: str | None = None,
):
    """A real `celery worker` subprocess (on `queues`, comma-separated, or every queue); yields
    the Popen once it reports ready."""
    args = [
        "worker",
        *(["-Q", queues] if queues else []),
        "--loglevel",
        "INFO",
        "--concurrency",
        str(concurrency),
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "-n",
        f"test-{os.getpid()}-{time.monotonic_ns()}@%h",
    ]
    return celery_process(log_path, args, " ready.", extra_env)


def wait_for_idle_workers(timeout: float = 240.0) -> None:
    """Until the broker's queues are empty and no worker runs or holds a job (the previews a
    finished scrub queued, say). A job still writing when a test's database is flushed holds
    row locks that PostgreSQL's TRUNCATE waits for while the job waits for a table the TRUNCATE
    has locked: a deadlock in teardown."""
    import redis
    from django.conf import settings

    from portal.celery import app

    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)

    def idle() -> bool:
        if any(broker.llen(queue) for queue in settings.CELERY_TASK_QUEUES):
            return False
        inspect = app.control.inspect(timeout=1.0)
        busy = [*(inspect.active() or {}).values(), *(inspect.reserved() or {}).values()]
        return not any(busy)

    wait_until(idle, timeout=timeout, interval=0.5, what="the workers to finish their jobs")


def celery_beat(log_path: Path, extra_env: dict[str, str] | None = None):
    """A real `celery beat` subprocess with the production schedule (the sweeper every 30 s)."""
    schedule = str(log_path.with_suffix(".schedule"))
    args = ["beat", "--loglevel", "INFO", "--schedule", schedule]
    return celery_process(log_path, args, "beat: Starting", extra_env)


def wait_until(predicate, timeout: float = 120.0, interval: float = 0.5, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def task_form_data(**overrides: object) -> dict:
    """A valid POST for the two-part task form (files are added by the caller)."""
    data = {
        "title": "Vendor comparison",
        "request_text": "Please compare the vendors.",
        "deliverable_text": "",
        "sector": "Manufacturing",
        "occupation": "Buyers and Purchasing Agents",
        "minutes_spent": "3",
        "provenance": "fabricated",
        "attest_rights": "on",
        "attest_confidential": "on",
    }
    data.update(overrides)
    return data


# ---- real documents, made by the libraries themselves ---------------------------------------


def make_docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.core_properties.author = "Jane Doe"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def make_xlsx(rows: list[list[object]]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.properties.creator = "Jane Doe"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def make_pptx(lines: list[str]) -> bytes:
    import pptx

    prs = pptx.Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = lines[0]
    slide.placeholders[1].text = "\n".join(lines[1:])
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def make_pdf(lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setAuthor("Jane Doe")
    y = 800
    for line in lines:
        c.drawString(72, y, line)
        y -= 18
    c.save()
    return buf.getvalue()


def make_scanned_pdf(pages: int, line: str) -> bytes:
    """A PDF of page pictures only (no text layer): every page is OCR'd."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 28)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for p in range(pages):
        img = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
        draw = ImageDraw.Draw(img)
        for i in range(20):
            draw.text((100, 100 + 70 * i), f"Page {p + 1}, line {i}: {line}", fill=0, font=font)
        png = io.BytesIO()
        img.save(png, "PNG")
        c.drawImage(ImageReader(png), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    return buf.getvalue()


def make_png(text: str) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (900, 160), "white")
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 36)
    except OSError:
        font = ImageFont.load_default(size=36)
    draw.text((20, 50), text, fill="black", font=font)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()
