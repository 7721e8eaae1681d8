"""`manage.py export_tasks --out PATH [--since DATE | --batch new | --rerun ID] [--format ...]`."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.dateparse import parse_date, parse_datetime
from tqdm import tqdm

from exports import selectors as export_selectors
from exports import services
from exports.destinations import ExportError, default_destination
from portal.models import User
from reviews.models import ExportBatch


def parse_since(value: str) -> datetime:
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise CommandError(f"--since: {value!r} is not a date (YYYY-MM-DD) or date-time.")
        moment = datetime.combine(day, time.min)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Command(BaseCommand):
    help = (
        "Export approved, cleanly scrubbed tasks as a dataset batch to a folder or "
        "s3://bucket/prefix. Default selection: approved tasks not in any batch (--batch new)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", help="Folder or s3://bucket/prefix (default: the setting).")
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--since", help="Tasks decided on or after this date (YYYY-MM-DD).")
        which.add_argument(
            "--batch", choices=["new"], help="Approved tasks not in any batch (the default)."
        )
        which.add_argument("--rerun", metavar="BATCH_ID", help="Write an earlier batch again.")
        which.add_argument(
            "--tasks", help="Comma-separated task ids (only the exportable ones are taken)."
        )
        parser.add_argument("--format", choices=ExportBatch.Format.values, default="jsonl")
        parser.add_argument("--user", help="E-mail of the admin recorded as the batch's author.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args: Any, **opts: Any) -> None:
        bar: tqdm | None = None

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if opts["no_progress"]:
                return
            if bar is None:
                bar = tqdm(total=total, unit="task", desc="export", file=self.stderr._out)
            bar.update(done - bar.n)

        actor = None
        if opts["user"]:
            actor = User.objects.filter(email=opts["user"].lower()).first()
            if actor is None:
                raise CommandError(f"No user {opts['user']!r}.")
        try:
            if opts["rerun"]:
                batch = services.batch_rerun(
                    opts["rerun"], destination=opts["out"], progress=progress
                )
            else:
                batch = self._new_batch(opts, actor)
                if batch is None:
                    return
                batch = services.batch_run(batch, progress=progress)
        except ExportError as exc:
            raise CommandError(str(exc)) from exc
        finally:
            if bar is not None:
                bar.close()
        self.stdout.write(
            self.style.SUCCESS(
                f"Batch {batch.batch_id}: {batch.task_count} tasks, {batch.file_count} files "
                f"-> {services.batch_location(batch)}"
            )
        )

    def _new_batch(self, opts: dict[str, Any], actor: User | None) -> ExportBatch | None:
        out = opts["out"] or default_destination()
        since = parse_since(opts["since"]) if opts["since"] else None
        ids: list[int] | None = None
        if opts["tasks"]:
            try:
                wanted = {int(x) for x in opts["tasks"].split(",") if x.strip()}
            except ValueError as exc:
                raise CommandError("--tasks takes comma-separated task ids.") from exc
            ids = export_selectors.exportable_ids(
                export_selectors.exportable_tasks().filter(pk__in=wanted)
            )
            refused = sorted(wanted - set(ids))
            if refused:
                self.stderr.write(
                    f"Not exportable (not approved or not scrubbed cleanly): {refused}"
                )
            mode = ExportBatch.Mode.SELECTED
        elif since is not None:
            mode = ExportBatch.Mode.SINCE
        else:
            mode = ExportBatch.Mode.NEW
        count = export_selectors.tasks_for_mode(mode, since).count() if ids is None else len(ids)
        if count == 0:
            self.stdout.write("Nothing to export: no approved, cleanly scrubbed task matches.")
            return None
        return services.batch_create(
            destination=out, fmt=opts["format"], mode=mode, since=since, task_ids=ids, actor=actor
        )
