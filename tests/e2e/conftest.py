"""End-to-end tests: Debian Chromium through Playwright against a live server and a real worker.

The live server (pytest-django's ``live_server``, a threaded WSGI server in this process) and a
real ``celery worker`` subprocess share the SQLite test database file, the private media folder and
the filesystem broker (see ``tests.builders.files.worker_env``), so files uploaded through the browser are
scrubbed exactly as in production: no eager Celery.

Chromium is the Debian package (Playwright's own browser download is not used). A missing
Chromium skips these tests locally and fails them under ``PORTAL_REQUIRE_SERVICES=1``.
Every step is screenshotted into ``test-artifacts/e2e/``.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from django.utils.functional import empty

from tests.builders.files import ROOT, celery_worker, need

ARTIFACTS = ROOT / "test-artifacts" / "e2e"
CHROMIUM = Path(os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _isolate_var_dir() -> Path:
    """Give this e2e session its own database file, private media and broker folders.

    The unit tests use ``var/test/test-db.sqlite3``; a second pytest run at the same time (a
    teammate's unit tests, xdist) would recreate or flush that file under our live server and
    worker. Runs before any test database exists, so everything below is still unused.
    """
    from django.conf import settings
    from django.core.files.storage import default_storage, storages

    var = Path(settings.VAR_DIR) / "e2e" / str(os.getpid())
    shutil.rmtree(var, ignore_errors=True)
    (var / "private").mkdir(parents=True)
    settings.VAR_DIR = var
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        db.setdefault("TEST", {})["NAME"] = str(var / "test-db.sqlite3")
    settings.MEDIA_ROOT = var / "private"
    default = settings.STORAGES["default"]
    if default["BACKEND"].endswith("FileSystemStorage"):
        default.setdefault("OPTIONS", {})["location"] = str(var / "private")
        storages._storages.pop("default", None)
        if hasattr(storages, "backends"):
            storages.__dict__.pop("backends", None)
        default_storage._wrapped = empty
    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        from portal.celery import app

        options = {
            "data_folder_in": str(var / "broker" / "out"),
            "data_folder_out": str(var / "broker" / "out"),
            "processed_folder": str(var / "broker" / "processed"),
            "store_processed": False,
        }
        for sub in ("out", "processed"):
            (var / "broker" / sub).mkdir(parents=True)
        settings.CELERY_BROKER_TRANSPORT_OPTIONS = options
        app.conf.broker_transport_options = options
    return var


E2E_VAR = _isolate_var_dir()
atexit.register(shutil.rmtree, E2E_VAR, ignore_errors=True)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session", autouse=True)
def _e2e_environment():
    """Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    between browser steps are still synchronous, so Django's async guard is relaxed here only."""
    old = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    yield
    if old is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = old


@pytest.fixture(scope="session", autouse=True)
def _plain_http_cookies():
    """The live server speaks plain http: Secure cookies would not come back to it."""
    from django.conf import settings

    old = settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    yield
    settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE = old


@pytest.fixture(scope="session")
def chromium_browser():
    need(CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK), f"Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def scrub_worker(chromium_browser, django_db_setup, django_db_blocker):
    """One real `celery worker` for the whole e2e session, on the test database file.
    (Asks for the browser first: without Chromium there is no point starting a worker.)"""
    started = time.monotonic()
    with celery_worker(ARTIFACTS / "worker.log") as proc:
        print(f"\n[e2e] worker ready in {time.monotonic() - started:.1f} s")
        yield proc


class Shots:
    """Numbered screenshots of one test: ``test-artifacts/e2e/<test>/NN-step.png``."""

    def __init__(self, name: str) -> None:
        self.dir = ARTIFACTS / name
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir(parents=True)
        self.n = 0

    def __call__(self, page, step: str, full_page: bool = True) -> Path:
        self.n += 1
        slug = re.sub(r"[^a-z0-9]+", "-", step.lower()).strip("-")
        path = self.dir / f"{self.n:02d}-{slug}.png"
        # caret="initial": Playwright's default caret hiding leaves style="" on form controls,
        # which htmx then copies when it swaps a block (a CSP report the page never made)
        page.screenshot(path=str(path), full_page=full_page, caret="initial")
        return path


@pytest.fixture
def shot(request) -> Shots:
    return Shots(re.sub(r"[^A-Za-z0-9_]+", "_", request.node.name))


@pytest.fixture
def new_page(chromium_browser, live_server):
    """Make pages in fresh browser contexts (one per user); JS errors and CSP violations fail."""
    contexts = []
    problems: list[str] = []

    def make(viewport: dict | None = None):
        context = chromium_browser.new_context(
            base_url=live_server.url, viewport=viewport or DESKTOP, accept_downloads=True
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))

        def console(msg):
            text = msg.text
            if msg.type == "error" and ("Content Security Policy" in text or "Refused to" in text):
                problems.append(f"CSP on {page.url} ({msg.location}): {text}")

        page.on("console", console)
        page.on(
            "response",
            # (a test that wants a 500 page fakes it at /__boom__)
            lambda r: (
                problems.append(f"HTTP {r.status} {r.url}")
                if r.status >= 500 and "/__boom__" not in r.url
                else None
            ),
        )
        return page

    yield make
    for context in contexts:
        context.close()
    assert not problems, "\n".join(problems)
