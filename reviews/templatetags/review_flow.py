"""Tags for the contractor's task page (its view belongs to submissions): timeline, check panel,
latest decision. Each reads through selectors; none writes."""

from __future__ import annotations

from typing import Any

from django import template

from reviews import selectors
from reviews.models import Review
from scrubbing.forms import MissedTermsForm
from scrubbing.models import Finding
from submissions.models import Task, TaskFile

register = template.Library()


@register.inclusion_tag("reviews/_timeline.html", takes_context=True)
def task_timeline(context: dict[str, Any], task: Task) -> dict[str, Any]:
    return {"timeline": selectors.task_timeline(task, context["request"].user)}


@register.inclusion_tag("scrubbing/_check_panel.html", takes_context=True)
def check_panel(context: dict[str, Any], task: Task) -> dict[str, Any]:
    files = list(task.files.all())  # prefetched by the task page's selector
    return {
        "task": task,
        "files": files,
        "has_scrubbed": any(f.scrubbed for f in files),
        "problems": [
            f
            for f in files
            if f.scrub_status in (TaskFile.ScrubStatus.FAILED, TaskFile.ScrubStatus.RESIDUAL)
        ],
        "terms_form": MissedTermsForm(),
        "finding_count": Finding.objects.filter(file__task=task).count()
        if task.status == Task.Status.CONTRACTOR_CHECK
        else 0,
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
    }


@register.simple_tag
def latest_review(task: Task) -> Review | None:
    return selectors.latest_review(task)
