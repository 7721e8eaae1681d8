"""`python manage.py scrub PATH... --out DIR [--terms FILE] [--json REPORT]
[--occupation TEXT] [--sector TEXT]`

All PATHs are scrubbed as one task (consistent replacements across them). Each output keeps its
file name directly under DIR; nothing is written outside DIR. One line per file; exit status 1
if any file is failed or residual; never a traceback. With the context pass configured
(SCRUB_CONTEXT_URL, as for the worker) the line also says how it went, and how many sensitive
sentences were flagged; occupation and
sector are what the model is told about the task.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from portal.storage import safe_display_name


class Command(BaseCommand):
    help = "Scrub files as one task and write the scrubbed copies to --out."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--out", required=True, metavar="DIR")
        parser.add_argument("--terms", metavar="FILE", help="UTF-8, one deny-list term per line")
        parser.add_argument("--json", dest="json_report", metavar="REPORT")
        parser.add_argument("--occupation", default="", help="told to the context model")
        parser.add_argument("--sector", default="", help="told to the context model")

    def handle(self, *args, **options) -> None:
        from scrubbing.engine.context import TaskFacts
        from scrubbing.engine.pipeline import Pseudonymizer, Term, TermLists
        from scrubbing.scrubber import get_scrubber

        logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
        out = Path(options["out"])
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"Cannot create the output folder {out}: {exc.strerror}.") from None
        deny: tuple[Term, ...] = ()
        if options["terms"]:
            try:
                lines = Path(options["terms"]).read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise CommandError(f"Cannot read the terms file: {exc}.") from None
            deny = tuple(Term(line.strip()) for line in lines if line.strip())

        inputs: list[tuple[str, bytes]] = []
        unreadable: dict[str, str] = {}
        for raw in options["paths"]:
            path = Path(raw)
            name = safe_display_name(path.name)
            try:
                inputs.append((name, path.read_bytes()))
            except OSError as exc:
                unreadable[name] = f"Cannot read the file: {exc.strerror or exc}."

        try:
            scrubber = get_scrubber()
            results = scrubber.scrub_many(
                inputs,
                TermLists(deny=deny),
                Pseudonymizer(mode=settings.SCRUB_MODE),
                TaskFacts(options["occupation"], options["sector"]),
            )
        except Exception as exc:  # the engine handles per-file errors; this is start-up
            logging.getLogger(__name__).exception("scrubber failed to start")
            raise CommandError(f"The scrubber could not start: {type(exc).__name__}.") from None
        report = []
        failed = False
        for name, error in unreadable.items():
            report.append(
                {"name": name, "status": "failed", "error": error, "findings": {}, "seconds": 0.0}
            )
        for result in results:
            name = safe_display_name(result.name)
            if result.output is not None and result.status == "done":
                name = result.output_name(name)  # .docm -> .docx, .msg -> .eml
                target = (out / name).resolve()
                if target.parent != out.resolve():  # never write outside DIR
                    result.status, result.error = "failed", "Unsafe output name."
                else:
                    target.write_bytes(result.output)
            report.append(
                {
                    "name": name,
                    "status": result.status,
                    "error": result.error,
                    "findings": dict(result.counts),
                    "seconds": round(result.seconds, 3),
                    "context": result.report.get("context", {}),
                    "flagged": [{"locator": f.locator, "reason": f.reason} for f in result.flags],
                }
            )
        for item in report:
            failed |= item["status"] != "done"
            detail = (
                item["error"] if item["error"] else f"{sum(item['findings'].values())} findings"
            )
            line = f"{item['name']}\t{item['status']}\t{detail}"
            context = item.get("context") or {}
            if context.get("status", "off") != "off":
                line += f"\tcontext pass {_context_line(context)}"
            if item.get("flagged"):
                line += f"\t{len(item['flagged'])} sensitive sentence(s) to confirm"
            self.stdout.write(line)
        if options["json_report"]:
            Path(options["json_report"]).write_text(json.dumps(report, indent=2), encoding="utf-8")
        if failed:
            sys.exit(1)


def _context_line(run: dict) -> str:
    if run["status"] == "ran":
        return f"ran, {run['requests']} request(s), {run['found']} finding(s) added"
    return f"{run['status']}: {run['reason']}"
