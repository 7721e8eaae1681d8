"""The Celery jobs of scrubbing, by name. Services send a job through `job(NAME)` rather than
importing scrubbing/tasks.py, which imports the services: the two never form an import circle.
ScrubbingConfig.ready imports the task module, so every process has the jobs registered."""

from __future__ import annotations

from celery import Task

SCRUB_FILE = "scrubbing.scrub_file"
REQUEUE_STUCK_FILES = "scrubbing.requeue_stuck_files"
RENDER_PREVIEW = "scrubbing.render_preview"


def job(name: str) -> Task:
    """The registered Celery task called `name` (its own options, routes and time limits)."""
    from portal.celery import app

    return app.tasks[name]
