from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django_ratelimit.core import get_usage

from portal.audit import audit_record
from portal.downloads import attachment_response
from portal.permissions import contractor_required

from . import selectors, services
from .forms import StageUploadForm, TaskForm
from .models import Task


def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return render(request, "home.html")
    if user.is_reviewer:
        return redirect("reviews:queue")
    return redirect("submissions:task_list")


@contractor_required
def task_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.tasks_of_contractor(request.user), 20).get_page(
        request.GET.get("page")
    )
    return render(request, "submissions/task_list.html", {"page": page})


def _stage_uploads(request: HttpRequest, form: TaskForm) -> tuple[list, list[str]]:
    """Stage every posted file that passes validation; collect a sentence per refused file."""
    staged = selectors.staged_of(request.user, form.staged_ids())
    errors: list[str] = []
    for part, field in (("request", "request_files"), ("deliverable", "deliverable_files")):
        for upload in request.FILES.getlist(field):
            try:
                staged.append(services.upload_stage(owner=request.user, part=part, upload=upload))
            except services.UploadRefused as exc:
                errors.append(str(exc))
    removed = {int(x) for x in request.POST.getlist("unstage") if x.isdigit()}
    if removed:
        services.staged_discard([s for s in staged if s.pk in removed])
        staged = [s for s in staged if s.pk not in removed]
    return staged, errors


def _task_form_page(
    request: HttpRequest, task: Task | None, template_context: dict | None = None
) -> HttpResponse:
    submit = "save_draft" not in request.POST
    if request.method == "POST":
        form = TaskForm(request.POST, request.FILES, instance=task)
        staged, file_errors = _stage_uploads(request, form)
        # What does not fit the task's limits is discarded now, not left staged.
        staged, limit_errors = services.staged_fit(task, staged)
        file_errors += limit_errors
        if form.is_valid() and not file_errors:
            fields = {k: form.cleaned_data[k] for k in TaskForm.Meta.fields}
            try:
                if task is None:
                    task = services.task_create(
                        contractor=request.user,
                        fields=fields,
                        staged=staged,
                        submit=submit,
                        request=request,
                    )
                else:
                    task = services.task_update(
                        task,
                        actor=request.user,
                        fields=fields,
                        staged=staged,
                        submit=submit,
                        request=request,
                    )
            except (services.UploadRefused, services.IllegalTransition) as exc:
                file_errors.append(str(exc))
            else:
                messages.success(
                    request,
                    "Task submitted: every file is being scrubbed." if submit else "Draft saved.",
                )
                return redirect("submissions:task_detail", task.pk)
        form.data = form.data.copy()
        form.data["staged"] = ",".join(str(s.pk) for s in staged)
    else:
        form = TaskForm(instance=task)
        staged, file_errors = [], []
    context = {
        "form": form,
        "task": task,
        "staged": staged,
        "file_errors": file_errors,
        # the browser checks size before uploading (the server checks again)
        "max_file_bytes": settings.PORTAL_MAX_FILE_BYTES,
    }
    return render(
        request, "submissions/task_form.html", context, status=400 if file_errors else 200
    )


@contractor_required
def task_create(request: HttpRequest) -> HttpResponse:
    return _task_form_page(request, None)


@contractor_required
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_for_owner(request.user, pk)
    if task.status not in services.EDITABLE:
        messages.error(request, "Only a draft can be edited. Reopen it first.")
        return redirect("submissions:task_detail", pk)
    return _task_form_page(request, task)


@contractor_required
@require_POST
def stage_upload(request: HttpRequest) -> JsonResponse:
    """Drag-and-drop posts one file at a time here; the answer is per file."""
    usage = get_usage(
        request,
        group="stage_upload",
        key="user",
        rate=settings.PORTAL_STAGE_RATE,
        method="POST",
        increment=True,
    )
    if usage and usage["should_limit"]:
        wait = max(1, int(usage["time_left"]))
        response = JsonResponse(
            {
                "ok": False,
                "error": f"Too many uploads in a short time: wait {wait} seconds, then add "
                "this file again.",
            },
            status=429,
        )
        response["Retry-After"] = str(wait)
        return response
    form = StageUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return JsonResponse({"ok": False, "error": "Choose a file and a task part."}, status=400)
    try:
        staged = services.upload_stage(
            owner=request.user, part=form.cleaned_data["part"], upload=form.cleaned_data["file"]
        )
    except services.UploadRefused as exc:
        return JsonResponse({"ok": False, "error": str(exc)}, status=422)
    return JsonResponse(
        {
            "ok": True,
            "id": staged.pk,
            "name": staged.original_name,
            "type": staged.detected_type,
            "size": staged.size,
        }
    )


@contractor_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_for_owner(request.user, pk)
    context = {"task": task, "parts": selectors.files_by_part(task)}
    return render(request, "submissions/task_detail.html", context)


@contractor_required
def task_file_states(request: HttpRequest, pk: int) -> HttpResponse:
    """The live file table (htmx polls it until every file has finished)."""
    task = selectors.task_for_owner(request.user, pk)
    return render(
        request,
        "submissions/_file_states.html",
        {"task": task, "parts": selectors.files_by_part(task)},
    )


def _action(request: HttpRequest, pk: int, action, success: str) -> HttpResponse:
    task = selectors.task_for_owner(request.user, pk)
    try:
        action(task, actor=request.user, request=request)
    except services.IllegalTransition as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success)
    return redirect("submissions:task_detail", pk)


@contractor_required
@require_POST
def task_submit_scrub(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(request, pk, services.task_submit_for_scrubbing, "Submitted for scrubbing.")


@contractor_required
@require_POST
def task_rescrub(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(request, pk, services.task_rescrub, "Every file is being scrubbed again.")


@contractor_required
@require_POST
def task_submit_review(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(request, pk, services.task_submit_for_review, "Submitted for review. Thank you!")


@contractor_required
@require_POST
def task_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(request, pk, services.task_back_to_draft, "The task is a draft again.")


@contractor_required
@require_POST
def task_delete(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_for_owner(request.user, pk)
    try:
        services.task_delete_draft(task, actor=request.user, request=request)
    except services.IllegalTransition as exc:
        messages.error(request, str(exc))
        return redirect("submissions:task_detail", pk)
    messages.success(request, "Draft deleted.")
    return redirect("submissions:task_list")


@contractor_required
@require_POST
def file_remove(request: HttpRequest, pk: int) -> HttpResponse:
    f = selectors.file_for_owner(request.user, pk)
    try:
        services.file_remove(f, actor=request.user, request=request)
    except services.IllegalTransition as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Removed “{f.original_name}”.")
    return redirect("submissions:task_detail", f.task_id)


@contractor_required
@require_POST
def file_replace(request: HttpRequest, pk: int) -> HttpResponse:
    f = selectors.file_for_owner(request.user, pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Choose the new file.")
        return redirect("submissions:task_detail", f.task_id)
    try:
        staged = services.upload_stage(owner=request.user, part=f.part, upload=upload)
        services.file_replace(f, staged=staged, actor=request.user, request=request)
    except (services.UploadRefused, services.IllegalTransition) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Replaced with “{staged.original_name}”; it is being scrubbed.")
    return redirect("submissions:task_detail", f.task_id)


@contractor_required
def file_download_original(request: HttpRequest, pk: int) -> HttpResponse:
    """Originals: the owner only, ever."""
    f = selectors.file_for_owner(request.user, pk)
    if not f.original:
        messages.error(
            request,
            f"The original of “{f.original_name}” was deleted under the retention policy; "
            "the scrubbed copy is kept.",
        )
        return redirect("submissions:task_detail", f.task_id)
    audit_record(
        actor=request.user, verb="file.download.original", obj=f, task_id=f.task_id, request=request
    )
    return attachment_response(f.original, f.original_name, f.detected_type)


@contractor_required
def file_download_scrubbed(request: HttpRequest, pk: int) -> HttpResponse:
    """The owner may inspect their scrubbed output, residual ones included."""
    f = selectors.file_for_owner(request.user, pk)
    if not f.scrubbed:
        messages.error(request, f"“{f.original_name}” has no scrubbed version yet.")
        return redirect("submissions:task_detail", f.task_id)
    audit_record(
        actor=request.user, verb="file.download.scrubbed", obj=f, task_id=f.task_id, request=request
    )
    return attachment_response(f.scrubbed, f.scrubbed_name or f.original_name, f.detected_type)
