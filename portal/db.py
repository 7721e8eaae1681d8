"""A cut database connection is not an error for statements that are safe to repeat.

Django's `CONN_HEALTH_CHECKS` checks a reused connection once, at the start of a request. A
connection can also be cut *during* a request or a job (the server restarted, a failover,
`pg_terminate_backend`), typically while the process is busy elsewhere: hashing a password,
scrubbing a file. `retry_on_lost_connection` is installed on every connection as an execute
wrapper and, outside a transaction only (autocommit, so nothing is half done):

- before a statement that follows an idle gap, checks the connection (one `SELECT 1`) and
  reconnects if it was cut: the statement has not been sent yet, so any statement is safe;
- when a read (`SELECT`) fails because the connection was lost, reconnects and runs it once
  more: a read has no effect, so repeating it is harmless.

Inside `transaction.atomic()` nothing is retried: the transaction is gone with the connection,
and the error reaches the caller (a Celery job retries; see scrubbing.tasks). Writes that fail
mid-flight are not retried either: whether they were applied is unknown.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.db import InterfaceError, OperationalError

logger = logging.getLogger(__name__)

#: a statement after this many seconds without one checks the connection first
IDLE_CHECK_SECONDS = 0.25
_LAST_USE = "_portal_last_use"


def _reconnect(connection: Any, cursor_wrapper: Any) -> None:
    connection.close()
    connection.ensure_connection()
    cursor_wrapper.cursor = connection.create_cursor()


def _may_retry(connection: Any, cursor_wrapper: Any, many: bool) -> bool:
    return (
        not many
        and connection.get_autocommit()
        and not connection.in_atomic_block
        and getattr(cursor_wrapper.cursor, "name", None) is None  # no server-side cursor
    )


def retry_on_lost_connection(execute, sql: str, params, many: bool, context: dict):  # noqa: ANN001
    connection, cursor_wrapper = context["connection"], context["cursor"]
    last = getattr(connection, _LAST_USE, None)
    now = time.monotonic()
    setattr(connection, _LAST_USE, now)
    retry = _may_retry(connection, cursor_wrapper, many)
    if (
        retry
        and last is not None
        and now - last > IDLE_CHECK_SECONDS
        and not connection.is_usable()
    ):
        logger.warning("database connection was lost while idle; reconnected")
        _reconnect(connection, cursor_wrapper)
    try:
        return execute(sql, params, many, context)
    except (OperationalError, InterfaceError):
        read = sql.lstrip()[:6].upper() == "SELECT"
        if not (retry and read) or connection.is_usable():
            raise
        logger.warning("database connection was lost during a read; reconnected and retried")
        _reconnect(connection, cursor_wrapper)
        return execute(sql, params, many, context)
    finally:
        setattr(connection, _LAST_USE, time.monotonic())


def install(sender: Any = None, connection: Any = None, **kwargs: Any) -> None:
    """`connection_created` receiver: wrap every new connection once."""
    if connection is not None and retry_on_lost_connection not in connection.execute_wrappers:
        connection.execute_wrappers.append(retry_on_lost_connection)


def ensure_usable() -> None:
    """Before a transaction that follows long work without the database (a scrub), drop the
    connection if it was cut meanwhile, so the transaction starts on a fresh one."""
    from django.db import connection

    usable = connection.connection is None or connection.in_atomic_block or connection.is_usable()
    if not usable:
        logger.warning("database connection was lost during long work; reconnecting")
        connection.close()
