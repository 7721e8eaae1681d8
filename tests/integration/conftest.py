"""Integration tests run against real PostgreSQL and Redis, with a real Celery worker process.

`make test-integration` points DATABASE_URL at PostgreSQL and CELERY_BROKER_URL at Redis. When
either is missing the tests skip, or fail under PORTAL_REQUIRE_SERVICES=1 (CI).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.builders.files import celery_worker, need, url_reachable, wait_for_idle_workers

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/integration" in str(item.fspath):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def real_services():
    from django.conf import settings
    from django.db import connection

    need(
        connection.vendor == "postgresql",
        "PostgreSQL (set DATABASE_URL; `make test-integration` does)",
    )
    need(
        url_reachable(settings.CELERY_BROKER_URL, 6379)
        and settings.CELERY_BROKER_URL.startswith("redis"),
        "Redis as the Celery broker (set CELERY_BROKER_URL)",
    )


@pytest.fixture(scope="session")
def session_worker(real_services, django_db_setup, django_db_blocker):
    """One real `celery worker` for the session, on the test database and the Redis broker."""
    import redis
    from django.conf import settings

    redis.Redis.from_url(settings.CELERY_BROKER_URL).flushdb()  # no jobs left from older runs
    with celery_worker(ARTIFACTS / "integration-worker.log") as proc:
        yield proc


@pytest.fixture
def worker(session_worker, transactional_db):
    """The session's worker for one test, idle again before the test's database is flushed
    (the jobs a test does not wait for, such as previews, finish first). Asking for the
    database here orders the teardown: this wait runs before the flush."""
    yield session_worker
    wait_for_idle_workers()
