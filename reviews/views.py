"""Reviewer pages: queue, claim/next/release/take-over, review page, decision, scrubbed downloads.

Every view here is reviewer-only (reviewers and admins). Nothing here can serve an original:
files come from `selectors.file_for_reviewer`, which requires a verified scrubbed output.
"""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from portal.audit import audit_record
from portal.downloads import attachment_response
from portal.permissions import reviewer_required
from scrubbing.selectors import highlight, legend

from . import selectors, services
from .forms import DecisionForm, QueueFilterForm

QUEUE_PAGE_SIZE = 25


@reviewer_required
def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET)
    filters = form.filters()
    page = Paginator(selectors.review_queue(filters), QUEUE_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "page": page,
        "counts": selectors.queue_counts(request.user),
        "filtered": bool({k for k in filters if k != "sort"}),
        "cutoff": services.claim_cutoff(),
    }
    return render(request, "reviews/queue.html", context)


def _review_page(
    request: HttpRequest, pk: int, form: DecisionForm | None = None, status: int = 200
) -> HttpResponse:
    task = selectors.task_for_review(pk)
    parts, findings, types = selectors.review_files(task)
    mine = services.claim_is_mine(task, request.user)
    context = {
        "task": task,
        "parts": parts,
        "legend": legend(findings),
        "request_html": highlight(task.request_text_scrubbed, types),
        "deliverable_html": highlight(task.deliverable_text_scrubbed, types),
        "changes": selectors.revision_changes(task),
        "reviews": selectors.reviews_of(task),
        "timeline": selectors.task_timeline(task, request.user),
        "claim_live": services.claim_is_live(task),
        "claim_mine": mine,
        "claim_expires": services.claim_expires(task),
        "form": form or DecisionForm(),
        "can_decide": mine and task.status == task.Status.IN_REVIEW,
    }
    return render(request, "reviews/review.html", context, status=status)


@reviewer_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_page(request, pk)


def _claim_action(request: HttpRequest, pk: int, act, success: str, then: str) -> HttpResponse:
    """Run one claim change (claim, release, take over), then land on `then`; a refusal becomes a
    message."""
    selectors.task_for_review(pk)  # 404 for tasks a reviewer may not see
    try:
        act(pk, request=request)
    except services.ClaimError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success)
    return redirect(then)


@reviewer_required
@require_POST
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request,
        pk,
        partial(services.review_claim, reviewer=request.user),
        "The task is yours for the next few minutes: decide when ready.",
        reverse("reviews:review", args=[pk]),
    )


@reviewer_required
@require_POST
def claim_next(request: HttpRequest) -> HttpResponse:
    task = services.review_claim_next(reviewer=request.user, request=request)
    if task is None:
        messages.info(request, "No task is waiting: the queue is empty or every task is claimed.")
        return redirect("reviews:queue")
    return redirect("reviews:review", task.pk)


@reviewer_required
@require_POST
def release(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request,
        pk,
        partial(services.review_release, reviewer=request.user),
        "Released: the task is back in the queue.",
        reverse("reviews:queue"),
    )


@reviewer_required
@require_POST
def takeover(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_portal_admin:
        raise PermissionDenied("Only an admin can take over a task.")
    return _claim_action(
        request,
        pk,
        partial(services.review_takeover, admin=request.user),
        "You took the task over.",
        reverse("reviews:review", args=[pk]),
    )


@reviewer_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    selectors.task_for_review(pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _review_page(request, pk, form, status=400)
    data = form.cleaned_data
    try:
        review = services.review_decide(
            pk,
            reviewer=request.user,
            decision=data["decision"],
            reasons=data["reasons"],
            comment=data["comment"],
            request=request,
        )
    except services.DecisionRefused as exc:
        form.add_error(None, str(exc))
        # 409: the request was well formed but the task's state (claim, status) refuses it.
        return _review_page(request, pk, form, status=409)
    messages.success(
        request, f"Recorded: {review.get_decision_display().lower()}. The contractor is told."
    )
    if "next" in request.POST:  # "decide and go to the next task"
        following = services.review_claim_next(reviewer=request.user, request=request)
        if following is not None:
            return redirect("reviews:review", following.pk)
    return redirect("reviews:queue")


@reviewer_required
def file_download(request: HttpRequest, pk: int) -> HttpResponse:
    """A verified scrubbed file, for a reviewer; every download is in the audit trail."""
    f = selectors.file_for_reviewer(pk)
    siblings = list(f.task.files.order_by("part", "id"))
    name = dict((x.pk, n) for x, n in selectors.numbered_files(siblings)).get(
        f.pk, f"{f.part}-{f.text_field or 'text'}.txt"
    )
    audit_record(
        actor=request.user, verb="file.download.review", obj=f, task_id=f.task_id, request=request
    )
    return attachment_response(f.scrubbed, f"task{f.task_id}-{name}", f.detected_type)
