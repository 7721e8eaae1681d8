"""Which database errors are a lost connection, and what is run again after one (portal.db)."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.db import IntegrityError, OperationalError
from django.urls import resolve

from portal.db import is_lost_connection, run_again_if_connection_lost


def django_error(cause: Exception, kind: type[Exception] = OperationalError) -> Exception:
    """What Django raises: its own class, raised from the driver's error."""
    exc = kind(str(cause))
    exc.__cause__ = cause
    return exc


@pytest.mark.parametrize(
    "cause",
    [
        psycopg.errors.AdminShutdown("terminating connection due to administrator command"),
        psycopg.errors.CrashShutdown("the server crashed"),
        psycopg.errors.CannotConnectNow("the database system is starting up"),
        psycopg.OperationalError("consuming input failed: server closed the connection"),
    ],
)
def test_the_server_closing_the_connection_is_a_lost_connection(cause):
    assert is_lost_connection(django_error(cause))


@pytest.mark.parametrize(
    ("cause", "kind"),
    [
        (psycopg.errors.DeadlockDetected("deadlock detected"), OperationalError),
        (
            psycopg.errors.QueryCanceled("canceling statement due to statement timeout"),
            OperationalError,
        ),
        (psycopg.errors.UniqueViolation("duplicate key"), IntegrityError),
    ],
)
def test_a_statement_that_failed_is_not_a_lost_connection(cause, kind):
    assert not is_lost_connection(django_error(cause, kind))
    assert not is_lost_connection(ValueError("not a database error"))
    assert not is_lost_connection(django_error(sqlite3.OperationalError("database is locked")))
    assert not is_lost_connection(None)


def failing(times: int, exc: Exception):
    calls: list[int] = []

    def fn() -> str:
        calls.append(1)
        if len(calls) <= times:
            raise exc
        return "done"

    return fn, calls


@pytest.mark.django_db
def test_work_is_run_again_after_a_lost_connection_and_its_answer_returned():
    fn, calls = failing(2, django_error(psycopg.errors.AdminShutdown("cut")))
    assert run_again_if_connection_lost(fn, what="a test") == "done"
    assert len(calls) == 3


@pytest.mark.django_db
def test_a_session_update_error_raised_from_a_lost_connection_is_run_again():
    try:
        raise django_error(psycopg.errors.AdminShutdown("cut"))
    except OperationalError:
        try:
            raise UpdateError  # as Django's session save does, inside its except block
        except UpdateError as exc:
            update_error = exc
    fn, calls = failing(1, update_error)
    assert run_again_if_connection_lost(fn, what="a session save") == "done"
    assert len(calls) == 2


@pytest.mark.django_db
def test_it_gives_up_after_its_attempts_and_raises_the_last_error():
    fn, calls = failing(5, django_error(psycopg.errors.AdminShutdown("cut")))
    with pytest.raises(OperationalError):
        run_again_if_connection_lost(fn, what="a test", attempts=3)
    assert len(calls) == 3


def test_a_statement_error_is_raised_at_once_not_repeated():
    fn, calls = failing(1, django_error(psycopg.errors.DeadlockDetected("deadlock")))
    with pytest.raises(OperationalError):
        run_again_if_connection_lost(fn, what="a test")
    assert len(calls) == 1


def test_the_sign_in_page_is_the_view_that_is_run_again():
    match = resolve("/accounts/login/")
    assert match.url_name == "account_login"
    assert match.func.__wrapped__.view_class.__name__ == "LoginView"


@pytest.mark.django_db
def test_sessions_are_saved_and_read_back_through_the_store_that_saves_again(settings):
    from importlib import import_module

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    assert type(store).__module__ == "portal.sessions"
    store["step"] = "review"
    store.save()
    again = type(store)(session_key=store.session_key)
    assert again["step"] == "review"
