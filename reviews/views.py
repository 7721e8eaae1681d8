"""Reviewer pages: queue, claim/next/release/take-over, review page, decision, scrubbed downloads.

Every view here is reviewer-only (reviewers and admins). Nothing here can serve an original:
files come from `selectors.file_for_reviewer`, which requires a verified scrubbed output.
"""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from portal.audit import AuditVerb, audit_record
from portal.downloads import attachment_response, inline_image_response
from portal.permissions import reviewer_required
from scrubbing import preview_services
from scrubbing.selectors import legend

from . import review_selectors, selectors, services
from .forms import CommentForm, DecisionForm, QueueFilterForm

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
        "cutoff": selectors.claim_cutoff(),
    }
    return render(request, "reviews/queue.html", context)


SKIPPED_KEY = "review_skipped"


def _skipped(request: HttpRequest) -> list[int]:
    return [int(x) for x in request.session.get(SKIPPED_KEY, [])][-100:]


def _current_item(request: HttpRequest, items: list) -> int:
    raw = request.GET.get("item", "") or request.POST.get("item", "")
    return int(raw) if raw.isdigit() and int(raw) < len(items) else 0


def _review_page(
    request: HttpRequest, pk: int, form: DecisionForm | None = None, status: int = 200
) -> HttpResponse:
    task = selectors.task_for_review(pk)
    items, overview, _types = review_selectors.review_items(task, request.user)
    for item in items:  # files scrubbed before previews existed get one now (made by a worker)
        if item.preview is None and not item.is_text and item.file.is_clean:
            item.preview = preview_services.preview_request(item.file)
    mine = selectors.claim_is_mine(task, request.user)
    findings = [f for item in items for f in item.findings]
    context = {
        "task": task,
        "items": items,
        "current": _current_item(request, items),
        "overview": overview,
        "legend": legend(findings),
        "task_comments": overview.task_comments,
        "earlier_comments": review_selectors.earlier_comments(task),
        "reviews": selectors.reviews_of(task),
        "timeline": selectors.task_timeline(task, request.user),
        "claim_live": selectors.claim_is_live(task),
        "claim_mine": mine,
        "claim_expires": selectors.claim_expires(task),
        "form": form or DecisionForm(),
        "can_decide": mine and task.status == task.Status.IN_REVIEW,
        "image_url_name": "reviews:preview_image",
        "reasons": list(enumerate(DecisionForm.base_fields["reasons"].choices, start=1)),
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
    task = services.review_claim_next(
        reviewer=request.user, request=request, exclude=_skipped(request)
    )
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
        following = services.review_claim_next(
            reviewer=request.user, request=request, exclude=_skipped(request)
        )
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
        actor=request.user,
        verb=AuditVerb.FILE_DOWNLOAD_REVIEW,
        obj=f,
        task_id=f.task_id,
        request=request,
    )
    return attachment_response(f.scrubbed, f"task{f.task_id}-{name}", f.detected_type)


@reviewer_required
@require_POST
def skip(request: HttpRequest, pk: int) -> HttpResponse:
    """Not now: give the task back and open the next one (this one is passed over for a while)."""
    selectors.task_for_review(pk)
    services.review_skip(pk, reviewer=request.user, request=request)
    request.session[SKIPPED_KEY] = [*_skipped(request), pk][-100:]
    following = services.review_claim_next(
        reviewer=request.user, request=request, exclude=_skipped(request)
    )
    if following is None:
        messages.info(request, "Skipped. No other task is waiting: the queue is empty.")
        return redirect("reviews:queue")
    messages.info(request, f"Skipped task #{pk}; here is the next one.")
    return redirect("reviews:review", following.pk)


def _comments_block(
    request: HttpRequest, task_pk: int, item_number: int, file_id: int | None
) -> HttpResponse:
    """The comments of one item, or of the task (htmx swaps it in place after a change)."""
    task = selectors.task_for_review(task_pk)
    comments = review_selectors.comments_of(task, request.user, file_id)
    f = task.files.filter(pk=file_id).first() if file_id is not None else None
    context = {
        "task": task,
        "file": f,
        "number": item_number,
        "comments": comments,
        "can_decide": selectors.claim_is_mine(task, request.user),
    }
    return render(request, "reviews/_comments.html", context)


@reviewer_required
@require_POST
def comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    selectors.task_for_review(pk)
    form = CommentForm(request.POST)
    item = form.data.get("item", "")
    item_number = int(item) if str(item).isdigit() else 0
    if not form.is_valid():
        messages.error(request, "Write the comment first (at most 2,000 characters).")
    else:
        data = form.cleaned_data
        try:
            services.comment_add(
                pk,
                reviewer=request.user,
                body=data["body"],
                file_id=data.get("file"),
                line=data.get("line"),
                request=request,
            )
        except services.CommentRefused as exc:
            messages.error(request, str(exc))
    if request.htmx:
        file_id = form.cleaned_data.get("file") if form.is_valid() else None
        return _comments_block(request, pk, item_number, file_id)
    anchor = f"comments-{item_number}" if form.data.get("file") else "comments-task"
    return redirect(f"{reverse('reviews:review', args=[pk])}?item={item_number}#{anchor}")


@reviewer_required
@require_POST
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = request.POST.get("item", "")
    item_number = int(item) if item.isdigit() else 0
    file_raw = request.POST.get("file", "")
    try:
        task_pk = services.comment_delete(pk, reviewer=request.user, request=request)
    except services.CommentRefused as exc:
        messages.error(request, str(exc))
        return redirect("reviews:queue")
    if request.htmx:
        file_id = int(file_raw) if file_raw.isdigit() else None
        return _comments_block(request, task_pk, item_number, file_id)
    anchor = f"comments-{item_number}" if file_raw else "comments-task"
    return redirect(f"{reverse('reviews:review', args=[task_pk])}?item={item_number}#{anchor}")


@reviewer_required
def done_by_me(request: HttpRequest) -> HttpResponse:
    page = Paginator(review_selectors.decided_by(request.user), QUEUE_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "reviews/done.html", {"page": page})


@reviewer_required
def file_pages(request: HttpRequest, pk: int) -> HttpResponse:
    """A clean file's page images (htmx polls this while they are being drawn)."""
    from scrubbing.check_selectors import current_preview

    f = selectors.file_for_reviewer(pk)
    context = {
        "file": f,
        "preview": current_preview(f),
        "pages_url": request.path,
        "image_url_name": "reviews:preview_image",
    }
    return render(request, "scrubbing/_pages.html", context)


@reviewer_required
def preview_image(request: HttpRequest, pk: int) -> HttpResponse:
    page = review_selectors.page_for_reviewer(pk)
    if page is None:
        raise Http404("No such page.")
    return inline_image_response(page.image)
