"""The contractor's check of a scrubbed task: previews, findings by entity, keep/redact in bulk
with undo, leftovers, missed terms.

Owner-only pages: every object is looked up through the owner's selectors, so another
contractor, a reviewer or an admin gets a 404 (or the role's 403) and never an original.
"""

from __future__ import annotations

import time
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from portal.downloads import inline_image_response
from portal.permissions import contractor_required
from submissions import selectors as task_selectors
from submissions.models import Task, TaskFile

from . import check_selectors, check_services, preview_services, selectors
from .forms import MissedTermsForm
from .models import Finding

UNDO_KEY = "check_undo"
UNDO_SECONDS = 600


def _back(request: HttpRequest, default: str) -> str:
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return back
    return default


def _filters(request: HttpRequest) -> dict[str, Any]:
    file_id = request.GET.get("file", "")
    return {
        "entity_type": request.GET.get("type", "")[:40],
        "source": request.GET.get("source", "")[:16],
        "file_id": int(file_id) if file_id.isdigit() else None,
    }


def _undo_offer(request: HttpRequest, task: Task) -> dict | None:
    undo = request.session.get(UNDO_KEY)
    if not undo or undo.get("task") != task.pk or time.time() - undo.get("at", 0) > UNDO_SECONDS:
        return None
    return undo


def _text_parts(f: TaskFile, preview) -> tuple[list, list]:
    """(own content, other parts) of the scrubbed text: the cached preview's, or read now."""
    if preview is not None and preview.status != preview.Status.PENDING:
        return selectors.split_parts(preview.segments)
    main, other = selectors.split_parts(selectors.document_segments(f))
    return selectors.cut(main), selectors.cut(other)


def _file_context(request: HttpRequest, pk: int) -> dict[str, Any]:
    f = task_selectors.file_for_owner(request.user, pk)
    every = list(selectors.findings_for_file(f.pk))
    for item in every:
        item.file = f  # the places name the file: no query per finding
    leftovers = [x for x in every if x.source == Finding.Source.LEFTOVER]
    flags = [x for x in every if x.source == Finding.Source.SENSITIVE]
    findings = [x for x in every if not x.to_confirm]
    types = selectors.replacement_types(findings)
    preview = check_selectors.current_preview(f) or preview_services.preview_request(f)
    main, other = _text_parts(f, preview)
    filters = _filters(request)
    shown = check_selectors.filter_findings(
        findings, entity_type=filters["entity_type"], source=filters["source"]
    )
    return {
        "file": f,
        "task": f.task,
        "findings": findings,
        "groups": check_selectors.finding_groups(shown),
        "choices": check_selectors.filter_choices(findings),
        "filters": filters,
        "leftovers": leftovers,
        "leftover_groups": check_selectors.finding_groups(leftovers),
        "leftover_summary": check_selectors.leftover_summary(leftovers),
        "flags": flags,
        "flag_groups": check_selectors.finding_groups(flags),
        "context_run": check_selectors.context_run(f),
        "legend": selectors.legend(findings),
        "segments": selectors.preview(f, types, main),
        "other_segments": selectors.preview(f, types, other),
        "preview": preview,
        "pages_url": reverse("scrubbing:file_pages", args=[f.pk]),
        "image_url_name": "scrubbing:preview_image",
        "decidable": f.task.status in check_services.DECIDABLE,
        "undo": _undo_offer(request, f.task),
    }


@contractor_required
def file_check(request: HttpRequest, pk: int) -> HttpResponse:
    """One file: page images, the scrubbed text with highlighted replacements, its findings."""
    context = _file_context(request, pk)
    context["terms_form"] = MissedTermsForm()
    return render(request, "scrubbing/file_check.html", context)


@contractor_required
def file_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The text preview alone (an htmx fragment for the task page)."""
    return render(request, "scrubbing/_preview.html", _file_context(request, pk))


@contractor_required
def file_pages(request: HttpRequest, pk: int) -> HttpResponse:
    """The page images (htmx polls this while the preview is being prepared)."""
    f = task_selectors.file_for_owner(request.user, pk)
    context = {
        "file": f,
        "preview": check_selectors.current_preview(f),
        "pages_url": request.path,
        "image_url_name": "scrubbing:preview_image",
    }
    return render(request, "scrubbing/_pages.html", context)


@contractor_required
def preview_image(request: HttpRequest, pk: int) -> HttpResponse:
    page = check_selectors.page_for_owner(request.user, pk)
    if page is None:
        raise Http404("No such page.")
    return inline_image_response(page.image)


@contractor_required
def task_check(request: HttpRequest, pk: int) -> HttpResponse:
    """Every finding of the task, one row per entity, with filters and bulk keep/redact."""
    task = task_selectors.task_for_owner(request.user, pk)
    findings = check_selectors.task_findings(task)
    filters = _filters(request)
    shown = check_selectors.filter_findings(findings, **filters)
    context = {
        "task": task,
        "groups": check_selectors.finding_groups(shown),
        "choices": check_selectors.filter_choices(findings),
        "filters": filters,
        "total": len(findings),
        "shown": len(shown),
        "decidable": task.status in check_services.DECIDABLE,
        "undo": _undo_offer(request, task),
    }
    return render(request, "scrubbing/task_check.html", context)


def _decide(request: HttpRequest, task: Task, ids: list[int], decision: str, back: str):
    try:
        done = check_services.findings_decide(
            owner=request.user, task=task, finding_ids=ids, decision=decision, request=request
        )
    except check_services.DecisionRefused as exc:
        messages.error(request, str(exc))
        return redirect(back)
    request.session[UNDO_KEY] = {**done.undo, "at": time.time()}
    if decision == Finding.Decision.KEEP:
        what = "Kept {}: on your allow-list"
    elif done.leftover:
        what = "Redacted {}: on your deny-list"
    else:
        what = "Redacted {} again: off your allow-list"
    plural = "entity" if done.entities == 1 else "entities"
    count = f"{done.entities} {plural} ({done.findings} finding{'s' if done.findings != 1 else ''})"
    messages.success(request, what.format(count) + ". Re-scrub the task to apply.")
    return redirect(back)


def _posted_ids(request: HttpRequest) -> list[int]:
    return [int(x) for x in request.POST.getlist("finding") if x.isdigit()]


@contractor_required
@require_POST
def findings_decide(request: HttpRequest, pk: int) -> HttpResponse:
    task = task_selectors.task_for_owner(request.user, pk)
    back = _back(request, reverse("scrubbing:task_check", args=[task.pk]))
    return _decide(request, task, _posted_ids(request), request.POST.get("decision", ""), back)


@contractor_required
@require_POST
def findings_undo(request: HttpRequest, pk: int) -> HttpResponse:
    task = task_selectors.task_for_owner(request.user, pk)
    back = _back(request, reverse("scrubbing:task_check", args=[task.pk]))
    undo = _undo_offer(request, task)
    if undo is None:
        messages.error(request, "There is nothing to undo.")
        return redirect(back)
    try:
        count = check_services.findings_undo(owner=request.user, undo=undo, request=request)
    except check_services.DecisionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Undone: {count} finding{'s' if count != 1 else ''} as before.")
    request.session.pop(UNDO_KEY, None)
    return redirect(back)


def _one(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    finding = selectors.finding_for_owner(request.user, pk)
    back = reverse("scrubbing:file_check", args=[finding.file_id])
    if request.POST.get("next"):  # a row's button on a findings table: back at that row
        back = _back(request, back) + f"#group-{finding.pk}"
    return _decide(request, finding.file.task, [finding.pk], decision, back)


@contractor_required
@require_POST
def finding_keep(request: HttpRequest, pk: int) -> HttpResponse:
    """A false positive (or a leftover that is fine): onto the allow-list, task-wide."""
    return _one(request, pk, Finding.Decision.KEEP)


@contractor_required
@require_POST
def leftover_redact(request: HttpRequest, pk: int) -> HttpResponse:
    """A leftover the verifier flagged is confidential after all: onto the deny-list; a kept
    finding is redacted again (off the allow-list)."""
    return _one(request, pk, Finding.Decision.REDACT)


@contractor_required
@require_POST
def leftovers_redact_all(request: HttpRequest, pk: int) -> HttpResponse:
    """Every undecided leftover of one residual file onto the deny-list at once."""
    f = task_selectors.file_for_owner(request.user, pk)
    ids = list(
        f.findings.filter(source=Finding.Source.LEFTOVER, decided_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    if not ids:
        messages.info(request, "Every leftover of this file is decided already.")
        return redirect("scrubbing:file_check", f.pk)
    return _decide(
        request, f.task, ids, Finding.Decision.REDACT, reverse("scrubbing:file_check", args=[f.pk])
    )


def _terms_message(task: Task, count: int) -> str:
    added = f"{count} term{'s' if count != 1 else ''} added to your deny-list."
    if task.status == Task.Status.DRAFT:
        return f"{added} They are applied when you submit the task for scrubbing."
    return f"{added} Re-scrub the task to apply them."


@contractor_required
@require_POST
def terms_add(request: HttpRequest, pk: int) -> HttpResponse:
    task = task_selectors.task_for_owner(request.user, pk)
    form = MissedTermsForm(request.POST)
    if not form.is_valid() or not form.term_list():
        messages.error(request, "Enter at least one term and choose what kind of term it is.")
    else:
        try:
            count = check_services.task_terms_add(
                task,
                actor=request.user,
                terms=form.term_list(),
                category=form.cleaned_data["category"],
                request=request,
            )
        except check_services.CheckRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _terms_message(task, count))
    return redirect(_back(request, reverse("submissions:task_detail", args=[task.pk])))
