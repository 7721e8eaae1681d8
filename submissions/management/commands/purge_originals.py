"""Delete originals N days after their task was approved or rejected (retention)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from submissions.services import originals_purge
from submissions.upload_services import staged_expire


class Command(BaseCommand):
    help = (
        "Delete the original files, typed texts and findings' original text of tasks approved or "
        "rejected more than PORTAL_RETENTION_DAYS days ago (scrubbed files are kept), and "
        "uploads never saved in a task PORTAL_STAGED_TTL_HOURS after they were uploaded."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"retention in days (default {settings.PORTAL_RETENTION_DAYS}, "
            "PORTAL_RETENTION_DAYS)",
        )
        parser.add_argument("--dry-run", action="store_true", help="list, delete nothing")

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is not None and days < 0:
            self.stderr.write("--days must be 0 or more.")
            raise SystemExit(2)
        ids = originals_purge(days=days, dry_run=dry_run)
        staged = staged_expire(dry_run=dry_run)  # staged uploads are originals too
        verb = "would purge" if dry_run else "purged"
        self.stdout.write(f"{verb} originals of {len(ids)} task(s)" + (f": {ids}" if ids else ""))
        verb = "would discard" if dry_run else "discarded"
        self.stdout.write(f"{verb} {staged} staged upload(s) never saved in a task")
