from pathlib import Path

from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal: accounts and audit"

    def ready(self) -> None:
        from django.contrib.auth.models import update_last_login
        from django.contrib.auth.signals import user_logged_in

        from .db import record_last_login

        # the same write, declared safe to repeat after a lost database connection
        user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
        user_logged_in.connect(record_last_login, dispatch_uid="update_last_login")
        make_local_folders()


def make_local_folders() -> None:
    """The folders the settings name for local use (the SQLite file's, the filesystem broker's)
    exist once Django starts; the settings only name them."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    folders = []
    if db["ENGINE"].endswith("sqlite3"):
        names = [db["NAME"], db.get("TEST", {}).get("NAME") or ""]
        folders += [Path(n).parent for n in names if n and not str(n).startswith(":memory:")]
    options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
    keys = ("data_folder_in", "data_folder_out", "processed_folder", "control_folder")
    folders += [Path(options[k]) for k in keys if options.get(k)]
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
