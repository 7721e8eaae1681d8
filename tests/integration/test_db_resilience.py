"""A cut database connection is not a 500, on PostgreSQL with pg_terminate_backend.

portal/db.py reconnects after an idle gap before any statement and retries a read that failed
because the connection was lost, outside transactions only; work that is harmless to repeat as a
whole (the sign-in page, a session save) is run again. Here: the statement level, inside
and outside `atomic`, and 30 concurrent logins (the production PBKDF2 hasher) while every
connection is terminated again and again.
"""

from __future__ import annotations

import threading
import time

import psycopg
import pytest
from allauth.account.models import EmailAddress
from django.db import OperationalError, connection, transaction
from django.test import Client

from portal.db import run_again_if_connection_lost
from portal.models import User

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def pg(real_services):
    from django.conf import settings

    db = settings.DATABASES["default"]
    conn = psycopg.connect(
        host=db.get("HOST") or "127.0.0.1",
        port=db.get("PORT") or 5432,
        user=db.get("USER") or "postgres",
        dbname=connection.settings_dict["NAME"],
        autocommit=True,
    )
    yield conn
    conn.close()


def terminate_others(pg) -> int:
    rows = pg.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
    ).fetchall()
    return len(rows)


def cut_my_connection(pg) -> None:
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    pg.execute("SELECT pg_terminate_backend(%s)", (pid,))
    time.sleep(0.1)


def test_a_read_after_the_connection_was_cut_is_answered(pg, contractor):
    assert User.objects.count() == 1
    cut_my_connection(pg)
    assert User.objects.filter(email=contractor.email).exists()  # reconnected, no error


def test_a_write_after_an_idle_cut_is_applied_once(pg, contractor):
    User.objects.filter(pk=contractor.pk).update(first_name="Before")
    cut_my_connection(pg)
    time.sleep(0.3)  # an idle gap: a password being hashed, a file being scrubbed
    assert User.objects.filter(pk=contractor.pk).update(first_name="After") == 1
    assert User.objects.get(pk=contractor.pk).first_name == "After"


def test_inside_a_transaction_a_cut_is_an_error_not_a_silent_retry(pg, contractor):
    with pytest.raises(OperationalError), transaction.atomic():
        User.objects.select_for_update().get(pk=contractor.pk)
        cut_my_connection(pg)
        User.objects.filter(pk=contractor.pk).update(first_name="Half")
    assert User.objects.get(pk=contractor.pk).first_name != "Half"  # nothing half done


def test_work_whose_commit_was_cut_is_run_again_on_a_fresh_connection(pg, contractor):
    """A transaction cut before its COMMIT (the server says so at COMMIT time) is run again
    whole by run_again_if_connection_lost, and its answer returned: what sessions and the
    sign-in page use."""
    attempts: list[int] = []

    def rename() -> str:
        attempts.append(connection.connection.info.backend_pid if connection.connection else 0)
        with transaction.atomic():
            User.objects.filter(pk=contractor.pk).update(first_name=f"Try{len(attempts)}")
            if len(attempts) == 1:
                cut_my_connection(pg)
        return "renamed"

    assert run_again_if_connection_lost(rename, what="a rename") == "renamed"
    assert len(attempts) == 2
    assert User.objects.get(pk=contractor.pk).first_name == "Try2"


def test_logins_while_every_connection_is_cut_are_never_a_500(pg, settings, caplog):
    """30 contractors sign in at once with the production hasher; meanwhile every database
    connection is terminated, three times (a server restart, a failover). Each answer is a
    login (302), never a 500 (before: 9 of 30 were)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    settings.ACCOUNT_RATE_LIMITS = False
    password = "load-test-password-2026"
    emails = [f"login{i}@example.com" for i in range(30)]
    for email in emails:
        user = User.objects.create_user(email=email, password=password)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    statuses: list[int] = []
    stop = threading.Event()
    cuts = [0]

    def keep_cutting() -> None:
        for pause in (1.0, 1.5, 1.5):  # while the logins hash their passwords
            if stop.wait(pause):
                return
            cuts[0] += terminate_others(pg)

    def log_in(email: str) -> None:
        client = Client(raise_request_exception=False)
        try:
            client.get("/accounts/login/")
            response = client.post("/accounts/login/", {"login": email, "password": password})
            statuses.append(response.status_code)
        finally:
            connection.close()

    cutter = threading.Thread(target=keep_cutting, daemon=True)
    cutter.start()
    threads = [threading.Thread(target=log_in, args=(e,)) for e in emails]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    stop.set()
    cutter.join(timeout=10)
    connection.close()  # this thread's connection was cut too
    assert cuts[0] > 0  # connections really were cut, and the logins ran into that
    assert any("database connection was lost" in r.getMessage() for r in caplog.records)
    assert sorted(set(statuses)) == [302], {s: statuses.count(s) for s in set(statuses)}
    assert len(statuses) == 30
