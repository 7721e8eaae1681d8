"""Discard staged uploads never saved in a task (beat runs the same every hour)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from submissions.upload_services import staged_expire


class Command(BaseCommand):
    help = (
        "Discard uploaded files that were never saved in a task, PORTAL_STAGED_TTL_HOURS after "
        "they were uploaded, and stored bytes of staged uploads that no row names."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=float,
            default=None,
            help=f"age in hours (default {settings.PORTAL_STAGED_TTL_HOURS:g}, "
            "PORTAL_STAGED_TTL_HOURS)",
        )
        parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")

    def handle(self, *args, hours=None, dry_run=False, **options):
        if hours is not None and hours < 0:
            raise CommandError("--hours must be 0 or more.")
        count = staged_expire(hours=hours, dry_run=dry_run)
        verb = "would discard" if dry_run else "discarded"
        self.stdout.write(f"{verb} {count} staged upload(s)")
