from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal: accounts and audit"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from . import db

        # A cut connection is retried for reads and reconnected after idle gaps (portal/db.py).
        connection_created.connect(db.install, dispatch_uid="portal.db.install")
