"""The contractor's check of a scrubbed task: per-file findings and preview, keep, missed terms.

Owner-only pages: every object is looked up through the owner's selectors, so another
contractor, a reviewer or an admin gets a 404 (or the role's 403) and never an original.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from portal.models import User
from portal.permissions import contractor_required
from submissions import selectors as task_selectors
from submissions import services as task_services

from . import selectors
from .forms import MissedTermsForm
from .models import Finding, Term


def _file_context(user: User, pk: int) -> dict[str, Any]:
    f = task_selectors.file_for_owner(user, pk)
    every = list(selectors.findings_for_file(f.pk))
    leftovers = [x for x in every if x.source == Finding.Source.LEFTOVER]
    findings = [x for x in every if x.source != Finding.Source.LEFTOVER]
    types = selectors.replacement_types(findings)
    return {
        "file": f,
        "task": f.task,
        "findings": findings,
        "leftovers": leftovers,
        "legend": selectors.legend(findings),
        "segments": selectors.preview(f, types),
    }


@contractor_required
def file_check(request: HttpRequest, pk: int) -> HttpResponse:
    """One file: the scrubbed text with highlighted replacements, and its findings."""
    context = _file_context(request.user, pk)
    context["terms_form"] = MissedTermsForm()
    return render(request, "scrubbing/file_check.html", context)


@contractor_required
def file_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The preview alone (an htmx fragment for the task page)."""
    return render(request, "scrubbing/_preview.html", _file_context(request.user, pk))


@contractor_required
@require_POST
def finding_keep(request: HttpRequest, pk: int) -> HttpResponse:
    finding = selectors.finding_for_owner(request.user, pk)
    try:
        marked = task_services.finding_keep(finding, actor=request.user, request=request)
    except task_services.CheckRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"Kept ({marked} finding{'s' if marked != 1 else ''}) and added to your allow-list. "
            "Re-scrub the task to apply it.",
        )
    return redirect("scrubbing:file_check", finding.file_id)


@contractor_required
@require_POST
def leftover_redact(request: HttpRequest, pk: int) -> HttpResponse:
    """A leftover the verifier flagged is confidential after all: deny-list it (re-scrub next)."""
    finding = selectors.finding_for_owner(request.user, pk)
    category = LEFTOVER_CATEGORY.get(finding.entity_type, Term.Category.CONFIDENTIAL)
    try:
        task_services.task_terms_add(
            finding.file.task,
            actor=request.user,
            terms=[finding.original_text],
            category=category,
            request=request,
        )
    except task_services.CheckRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Added to your deny-list. Re-scrub the task to apply it.")
    return redirect("scrubbing:file_check", finding.file_id)


@contractor_required
@require_POST
def leftovers_redact_all(request: HttpRequest, pk: int) -> HttpResponse:
    """Every leftover of one residual file onto the deny-list at once (large workbooks)."""
    f = task_selectors.file_for_owner(request.user, pk)
    by_category: dict[str, list[str]] = {}
    for finding in f.findings.filter(source=Finding.Source.LEFTOVER):
        category = LEFTOVER_CATEGORY.get(finding.entity_type, Term.Category.CONFIDENTIAL)
        by_category.setdefault(category, []).append(finding.original_text)
    try:
        for category, terms in by_category.items():
            task_services.task_terms_add(
                f.task, actor=request.user, terms=terms, category=category, request=request
            )
    except task_services.CheckRefused as exc:
        messages.error(request, str(exc))
    else:
        count = sum(len(t) for t in by_category.values())
        messages.success(
            request, f"Added {count} term(s) to your deny-list. Re-scrub the task to apply them."
        )
    return redirect("scrubbing:file_check", f.pk)


# The verifier's entity types, as deny-list categories (placeholders read [CLIENT_1], ...).
LEFTOVER_CATEGORY = {
    "PERSON": Term.Category.PERSON,
    "ORGANIZATION": Term.Category.CLIENT,
    "ORG": Term.Category.CLIENT,
    "URL": Term.Category.DOMAIN,
    "DOMAIN": Term.Category.DOMAIN,
}


@contractor_required
@require_POST
def terms_add(request: HttpRequest, pk: int) -> HttpResponse:
    task = task_selectors.task_for_owner(request.user, pk)
    form = MissedTermsForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter at least one term and choose what kind of term it is.")
    else:
        try:
            count = task_services.task_terms_add(
                task,
                actor=request.user,
                terms=form.term_list(),
                category=form.cleaned_data["category"],
                request=request,
            )
        except task_services.CheckRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                f"{count} term{'s' if count != 1 else ''} added to your deny-list. Re-scrub the "
                "task to apply.",
            )
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    return redirect("submissions:task_detail", task.pk)
