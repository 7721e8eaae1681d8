"""A cut database connection is not an error for statements that are safe to repeat.

Django's `CONN_HEALTH_CHECKS` checks a reused connection once, at the start of a request. A
connection can also be cut *during* a request or a job (the server restarted, a failover,
`pg_terminate_backend`), typically while the process is busy elsewhere: hashing a password,
scrubbing a file. `retry_on_lost_connection` is installed on every PostgreSQL connection (the
backend portal.db_backends.postgresql) as an execute wrapper and repeats a statement on a fresh
connection only when that cannot apply anything twice:

- a statement after an idle gap first checks the connection (one `SELECT 1`) and reconnects if
  it was cut: the statement itself has not been sent yet;
- a read (`SELECT`) outside a transaction that fails because the connection was lost is run
  once more on a fresh connection: a read has no effect;
- the first statement of a transaction (PostgreSQL: nothing sent since BEGIN would be) that
  fails because the connection was lost is run again on a fresh connection inside the same
  `atomic()` block: the server rolls back whatever the lost connection had begun.

- a write outside a transaction that the caller declared idempotent (`idempotent_writes()`:
  repeating it changes nothing, e.g. setting a user's last-login time) is run again too.

Anything else fails as before (a write outside a transaction that may or may not have been
applied, a statement in a transaction that already did something): the caller decides (a Celery
job retries; see scrubbing.tasks). Two callers decide here:

- `rerun_if_connection_lost` runs a view whose writes are harmless to repeat (the login) again
  when the connection was lost anywhere in it;
- `portal.sessions.SessionStore` saves a session again: writing the same data is idempotent.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import time
from collections.abc import Callable, Iterator
from typing import Any

from django.db import InterfaceError, OperationalError, connections

logger = logging.getLogger(__name__)

#: a statement after this many seconds without one checks the connection first
IDLE_CHECK_SECONDS = 0.25
_LAST_USE = "_portal_last_use"
_IDEMPOTENT = "_portal_idempotent_writes"
# Django's transaction bookkeeping, carried over to the fresh connection inside atomic()
_ATOMIC_STATE = (
    "in_atomic_block",
    "savepoint_ids",
    "atomic_blocks",
    "commit_on_exit",
    "savepoint_state",
    "run_on_commit",
)


def _transaction_not_begun(connection: Any) -> bool:
    """Inside atomic(), has this connection sent nothing yet (PostgreSQL's status is idle)?"""
    try:
        from psycopg import pq

        return connection.connection.info.transaction_status == pq.TransactionStatus.IDLE
    except (ImportError, AttributeError):
        return False


def _reconnect(connection: Any, cursor_wrapper: Any) -> None:
    kept = {name: getattr(connection, name) for name in _ATOMIC_STATE}
    with contextlib.suppress(Exception):  # the old connection is dead; closing it may fail too
        connection._close()
    connection.connection = None
    connection.connect()
    if kept["in_atomic_block"]:
        connection.set_autocommit(False)
        for name, value in kept.items():
            setattr(connection, name, value)
    cursor_wrapper.cursor = connection.create_cursor()


def _lost(connection: Any) -> bool:
    """Was the connection itself lost (not a statement error on a working connection)?"""
    raw = connection.connection
    if raw is None or getattr(raw, "broken", False) or getattr(raw, "closed", False):
        return True
    # inside a transaction a probe would fail for any error; outside, it tells
    return not connection.in_atomic_block and not connection.is_usable()


def _safe_to_repeat(connection: Any, cursor_wrapper: Any, many: bool) -> str:
    """ "" (never), "reads" (outside a transaction) or "all" (a transaction not yet begun)."""
    if many or getattr(cursor_wrapper.cursor, "name", None):  # no server-side cursors
        return ""
    if not connection.in_atomic_block:
        if not connection.get_autocommit():
            return ""
        return "all" if getattr(connection, _IDEMPOTENT, False) else "reads"
    return "all" if _transaction_not_begun(connection) else ""


@contextlib.contextmanager
def idempotent_writes(using: str = "default") -> Iterator[None]:
    """Writes in this block (outside a transaction) are safe to repeat after a lost connection."""
    connection = connections[using]
    old = getattr(connection, _IDEMPOTENT, False)
    setattr(connection, _IDEMPOTENT, True)
    try:
        yield
    finally:
        setattr(connection, _IDEMPOTENT, old)


def record_last_login(sender: Any, user: Any, **kwargs: Any) -> None:
    """Django's `update_last_login`, made safe to repeat: it sets a timestamp, so a login whose
    connection is cut during this one write is not a server error."""
    from django.utils import timezone

    user.last_login = timezone.now()
    with idempotent_writes():
        type(user)._default_manager.filter(pk=user.pk).update(last_login=user.last_login)


def retry_on_lost_connection(execute, sql: str, params, many: bool, context: dict):  # noqa: ANN001
    connection, cursor_wrapper = context["connection"], context["cursor"]
    last = getattr(connection, _LAST_USE, None)
    now = time.monotonic()
    setattr(connection, _LAST_USE, now)
    safe = _safe_to_repeat(connection, cursor_wrapper, many)
    if safe and last is not None and now - last > IDLE_CHECK_SECONDS and not connection.is_usable():
        logger.warning("database connection was lost while idle; reconnected")
        _reconnect(connection, cursor_wrapper)
        safe = _safe_to_repeat(connection, cursor_wrapper, many)
    try:
        return execute(sql, params, many, context)
    except (OperationalError, InterfaceError):
        repeatable = safe == "all" or (safe == "reads" and sql.lstrip()[:6].upper() == "SELECT")
        if not repeatable or not _lost(connection):
            raise
        logger.warning("database connection was lost during a statement; reconnected, ran again")
        _reconnect(connection, cursor_wrapper)
        return execute(sql, params, many, context)
    finally:
        setattr(connection, _LAST_USE, time.monotonic())


def is_lost_connection(exc: BaseException | None) -> bool:
    """Was this database error the connection being lost (the server closed it, a restart, a
    failover, `pg_terminate_backend`), not the statement failing (a constraint, a deadlock, a
    timeout)? Decided from the error itself: by the time it reaches the caller, Django's atomic()
    has already replaced the dead connection with a fresh one."""
    import psycopg

    if not isinstance(exc, OperationalError | InterfaceError):
        return False
    cause = exc.__cause__
    if not isinstance(cause, psycopg.Error):
        return False  # another database's error (SQLite's "database is locked"): a statement's
    if cause.sqlstate:  # the server said why: class 08 (connection exception), 57P (shutdown)
        return cause.sqlstate.startswith(("08", "57P"))
    return True  # psycopg's own: "server closed the connection", "the connection is closed"


def run_again_if_connection_lost(
    fn: Callable[[], Any], *, what: str, attempts: int = 3, using: str = "default"
) -> Any:
    """`fn()`, run again on a fresh connection (up to `attempts` times in all) when it failed
    because the connection was lost, the error itself or the one it was raised from (Django's
    session UpdateError). Only for work that is harmless to repeat as a whole."""
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except Exception as exc:
            lost = is_lost_connection(exc) or is_lost_connection(exc.__context__)
            if attempt == attempts or not lost:
                raise
        logger.warning("database connection was lost during %s; ran it again", what)
        connections[using].close()


def rerun_if_connection_lost(view: Callable[..., Any]) -> Callable[..., Any]:
    """A view run again when the database connection was lost. Only for views whose writes are
    harmless to repeat: signing in writes a session, an access-log row and the last-login time,
    and a repeat at worst leaves one more access-log row and an unused session that expires.
    After a failover everyone signs in at once."""

    @functools.wraps(view)
    def wrapped(request: Any, *args: Any, **kwargs: Any) -> Any:
        return run_again_if_connection_lost(
            lambda: view(request, *args, **kwargs), what=request.path
        )

    return wrapped
