"""Database sessions that survive a cut connection (SESSION_ENGINE = "portal.sessions").

Django saves the session at the end of every request that changed it, in its own transaction.
When the connection is lost during that save (its COMMIT included) the request would end as a
400 ("the session was deleted before the request completed"): here the save is run again on a
fresh connection, which is safe because it writes the same data again. A repeated create whose
first INSERT did commit meets its own row, and Django's create() then picks a new key.
"""

from __future__ import annotations

from django.contrib.sessions.backends import db
from django.db import router

from portal.db import run_again_if_connection_lost


class SessionStore(db.SessionStore):
    def save(self, must_create: bool = False) -> None:
        run_again_if_connection_lost(
            lambda: super(SessionStore, self).save(must_create=must_create),
            what="a session save",
            using=router.db_for_write(self.model),
        )
