from __future__ import annotations

from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_ratelimit.core import get_usage

from portal.audit import AuditVerb, audit_record
from portal.downloads import attachment_response
from portal.permissions import contractor_required

from . import autosave_services, selectors, services, upload_services, workflow
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
                staged.append(
                    upload_services.upload_stage(owner=request.user, part=part, upload=upload)
                )
            except upload_services.UploadRefused as exc:
                errors.append(str(exc))
    removed = {int(x) for x in request.POST.getlist("unstage") if x.isdigit()}
    if removed:
        upload_services.staged_discard([s for s in staged if s.pk in removed])
        staged = [s for s in staged if s.pk not in removed]
    return staged, errors


def _restore(request: HttpRequest, task: Task | None) -> tuple[dict, list, Any]:
    """An autosave of this form that is newer than the task: (initial values, staged, row)."""
    saved = selectors.autosave_for(request.user, task)
    if saved is None or (task is not None and saved.updated_at < task.updated_at):
        return {}, [], None
    staged = selectors.staged_of(request.user, saved.staged_ids)
    initial = dict(saved.data)
    initial["staged"] = ",".join(str(x.pk) for x in staged)
    return initial, staged, saved


def _task_form_page(
    request: HttpRequest, task: Task | None, template_context: dict | None = None
) -> HttpResponse:
    submit = "save_draft" not in request.POST
    editing = task  # the autosave of this form (None: the new-task form)
    restored = None
    submit_errors: list[str] = []
    if request.method == "POST":
        form = TaskForm(request.POST, request.FILES, instance=task)
        staged, file_errors = _stage_uploads(request, form)
        # What does not fit the task's limits is discarded now, not left staged.
        staged, limit_errors = upload_services.staged_fit(task, staged)
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
            except upload_services.UploadRefused as exc:
                file_errors.append(str(exc))
            except workflow.IllegalTransition as exc:
                submit_errors.append(str(exc))
            else:
                autosave_services.autosave_discard(owner=request.user, task=editing, saved=True)
                messages.success(
                    request,
                    "Task submitted: every file is being scrubbed." if submit else "Draft saved.",
                )
                return redirect("submissions:task_detail", task.pk)
        form.data = form.data.copy()
        form.data["staged"] = ",".join(str(s.pk) for s in staged)
    else:
        initial, staged, restored = _restore(request, task)
        form = TaskForm(instance=task, initial=initial)
        file_errors = []
    context = {
        "form": form,
        "task": task,
        "staged": staged,
        "file_errors": file_errors,
        "submit_errors": submit_errors,
        "restored": restored,
        "existing": selectors.files_by_part(task) if task is not None else {},
        # the browser checks size before uploading (the server checks again)
        "max_file_bytes": settings.PORTAL_MAX_FILE_BYTES,
    }
    status = 400 if file_errors or submit_errors else 200
    return render(request, "submissions/task_form.html", context, status=status)


@contractor_required
def task_create(request: HttpRequest) -> HttpResponse:
    return _task_form_page(request, None)


@contractor_required
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_for_owner(request.user, pk)
    if task.status not in workflow.EDITABLE:
        messages.error(request, "Only a draft can be edited. Reopen it first.")
        return redirect("submissions:task_detail", pk)
    return _task_form_page(request, task)


SESSION_ENDED = (
    "Your session ended: sign in again (another tab is fine), then carry on here. What you "
    "typed and the files you added are kept."
)


def json_contractor_required(view):
    """For the form's background requests: a JSON answer instead of a redirect to sign-in."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return JsonResponse(
                {"ok": False, "session_ended": True, "error": SESSION_ENDED}, status=401
            )
        if not (user.is_contractor or user.is_portal_admin):
            return JsonResponse({"ok": False, "error": "Your role cannot do this."}, status=403)
        return view(request, *args, **kwargs)

    return wrapped


def _form_task(request: HttpRequest) -> Task | None:
    raw = request.POST.get("task", "")
    return selectors.task_for_owner(request.user, int(raw)) if raw.isdigit() else None


@json_contractor_required
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
        staged = upload_services.upload_stage(
            owner=request.user, part=form.cleaned_data["part"], upload=form.cleaned_data["file"]
        )
    except upload_services.UploadRefused as exc:
        return JsonResponse({"ok": False, "error": str(exc)}, status=422)
    others = selectors.staged_of(
        request.user, [int(x) for x in request.POST.get("staged", "").split(",") if x.isdigit()]
    )
    twin = upload_services.upload_duplicate_of(staged, task=_form_task(request), others=others)
    if twin is not None:
        upload_services.staged_discard([staged])
        return JsonResponse(
            {
                "ok": False,
                "duplicate": True,
                "error": f"“{staged.original_name}” is already here (same content as “{twin}”): "
                "it was not added twice.",
            },
            status=409,
        )
    return JsonResponse(
        {
            "ok": True,
            "id": staged.pk,
            "name": staged.original_name,
            "type": staged.detected_type,
            "size": staged.size,
        }
    )


@json_contractor_required
@require_POST
def autosave(request: HttpRequest) -> JsonResponse:
    """The task form, every few seconds while it changes (see autosave_services)."""
    task = _form_task(request)
    staged = [int(x) for x in request.POST.get("staged", "").split(",") if x.isdigit()]
    try:
        saved = autosave_services.autosave_store(
            owner=request.user,
            task=task,
            data=request.POST.dict(),
            staged_ids=staged,
            request=request,
        )
    except autosave_services.AutosaveRefused as exc:
        return JsonResponse({"ok": False, "error": str(exc)}, status=409)
    return JsonResponse({"ok": True, "saved_at": saved.updated_at.strftime("%H:%M:%S")})


@contractor_required
@require_POST
def autosave_discard(request: HttpRequest) -> HttpResponse:
    task = _form_task(request)
    autosave_services.autosave_discard(owner=request.user, task=task, request=request)
    messages.success(request, "The autosaved draft was discarded.")
    if task is not None:
        return redirect("submissions:task_edit", task.pk)
    return redirect("submissions:task_create")


@json_contractor_required
def session_state(request: HttpRequest) -> JsonResponse:
    """Is the session alive? A page whose session ended asks until it is, then takes the new
    CSRF token (signing in again changes it) and carries on."""
    return JsonResponse({"ok": True, "user": request.user.pk, "csrf": get_token(request)})


@contractor_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_for_owner(request.user, pk)
    parts = selectors.files_by_part(task)
    context = {
        "task": task,
        "parts": parts,
        "progress": selectors.scrub_progress(parts),
        "blockers": selectors.submit_blockers(task),
    }
    return render(request, "submissions/task_detail.html", context)


@contractor_required
def task_file_states(request: HttpRequest, pk: int) -> HttpResponse:
    """The live file table (htmx polls it until every file has finished)."""
    task = selectors.task_for_owner(request.user, pk)
    parts = selectors.files_by_part(task)
    return render(
        request,
        "submissions/_file_states.html",
        {"task": task, "parts": parts, "progress": selectors.scrub_progress(parts)},
    )


def _action(request: HttpRequest, pk: int, action, success: str) -> HttpResponse:
    task = selectors.task_for_owner(request.user, pk)
    try:
        action(task, actor=request.user, request=request)
    except workflow.IllegalTransition as exc:
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
    """Back to draft; after a reviewer asked for changes, straight to the edit page."""
    task = selectors.task_for_owner(request.user, pk)
    was = task.status
    try:
        task = services.task_back_to_draft(task, actor=request.user, request=request)
    except workflow.IllegalTransition as exc:
        messages.error(request, str(exc))
        return redirect("submissions:task_detail", pk)
    if was == Task.Status.CHANGES_REQUESTED:
        messages.success(
            request,
            f"Revision {task.revision}: change what the reviewer asked for, replace or remove "
            "files, then save and scrub.",
        )
        return redirect("submissions:task_edit", pk)
    messages.success(request, "The task is a draft again.")
    return redirect("submissions:task_detail", pk)


@contractor_required
@require_POST
def task_delete(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_for_owner(request.user, pk)
    try:
        services.task_delete_draft(task, actor=request.user, request=request)
    except workflow.IllegalTransition as exc:
        messages.error(request, str(exc))
        return redirect("submissions:task_detail", pk)
    messages.success(request, "Draft deleted.")
    return redirect("submissions:task_list")


def _file_action_done(
    request: HttpRequest, f, ok: bool, message: str, extra: dict | None = None
) -> HttpResponse:
    """Answer a remove/replace: JSON for the form's script, else a message and a redirect."""
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse(
            {"ok": ok, "message": message, **(extra or {})}, status=200 if ok else 409
        )
    (messages.success if ok else messages.error)(request, message)
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("submissions:task_detail", f.task_id)


@json_contractor_required
@require_POST
def file_remove(request: HttpRequest, pk: int) -> HttpResponse:
    f = selectors.file_for_owner(request.user, pk)
    try:
        services.file_remove(f, actor=request.user, request=request)
    except workflow.IllegalTransition as exc:
        return _file_action_done(request, f, False, str(exc))
    return _file_action_done(request, f, True, f"Removed “{f.original_name}”.")


@json_contractor_required
@require_POST
def file_replace(request: HttpRequest, pk: int) -> HttpResponse:
    f = selectors.file_for_owner(request.user, pk)
    upload = request.FILES.get("file")
    if upload is None:
        return _file_action_done(request, f, False, "Choose the new file.")
    try:
        staged = upload_services.upload_stage(owner=request.user, part=f.part, upload=upload)
        try:
            services.file_replace(f, staged=staged, actor=request.user, request=request)
        except (upload_services.UploadRefused, workflow.IllegalTransition):
            upload_services.staged_discard([staged])
            raise
    except (upload_services.UploadRefused, workflow.IllegalTransition) as exc:
        return _file_action_done(request, f, False, str(exc))
    then = "it is being scrubbed" if f.task.status != Task.Status.DRAFT else "saved"
    return _file_action_done(
        request,
        f,
        True,
        f"Replaced with “{staged.original_name}” (version {f.version}); {then}.",
        {
            "name": staged.original_name,
            "type": staged.detected_type,
            "size": staged.size,
            "version": f.version,
        },
    )


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
        actor=request.user,
        verb=AuditVerb.FILE_DOWNLOAD_ORIGINAL,
        obj=f,
        task_id=f.task_id,
        request=request,
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
        actor=request.user,
        verb=AuditVerb.FILE_DOWNLOAD_SCRUBBED,
        obj=f,
        task_id=f.task_id,
        request=request,
    )
    return attachment_response(f.scrubbed, f.scrubbed_name or f.original_name, f.detected_type)
