"""Django's PostgreSQL backend, resilient to cut connections (portal/db.py).

portal/settings/base.py uses it for every postgres DATABASE_URL. Statements that are safe to
repeat are run again on a fresh connection, and connecting is tried once more when the server cut
the new connection while it was being set up (a restart or failover in progress).
"""

from __future__ import annotations

import contextlib
import time

from django.db.backends.postgresql import base

from portal.db import retry_on_lost_connection


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.execute_wrappers.append(retry_on_lost_connection)

    def connect(self) -> None:
        try:
            super().connect()
        except base.Database.OperationalError:
            if self.connection is not None:
                with contextlib.suppress(base.Database.Error):
                    self.connection.close()
                self.connection = None
            time.sleep(0.1)
            super().connect()
