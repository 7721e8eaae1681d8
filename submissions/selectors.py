from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from portal.models import User

from .models import FormAutosave, StagedUpload, Task, TaskFile


def tasks_of_contractor(user: User) -> QuerySet[Task]:
    """The contractor's tasks with their files, for the "My tasks" list (constant queries)."""
    return (
        Task.objects.filter(contractor=user)
        .annotate(
            file_count=Count("files", filter=Q(files__text_field="")),
            files_unfinished=Count("files", filter=~Q(files__scrub_status__in=TaskFile.FINISHED)),
            files_problem=Count(
                "files",
                filter=Q(
                    files__scrub_status__in=[
                        TaskFile.ScrubStatus.FAILED,
                        TaskFile.ScrubStatus.RESIDUAL,
                    ]
                ),
            ),
        )
        .order_by("-updated_at")
    )


def task_for_owner(user: User, task_id: int) -> Task:
    """A contractor's own task; anything else is a 404 (never a 403 that confirms it exists)."""
    task = (
        Task.objects.filter(pk=task_id, contractor=user)
        .prefetch_related(Prefetch("files", queryset=TaskFile.objects.order_by("part", "id")))
        .first()
    )
    if task is None:
        raise Http404("No such task.")
    return task


def file_for_owner(user: User, file_id: int) -> TaskFile:
    f = TaskFile.objects.select_related("task").filter(pk=file_id, task__contractor=user).first()
    if f is None:
        raise Http404("No such file.")
    return f


def staged_of(user: User, ids: list[int]) -> list[StagedUpload]:
    if not ids:
        return []
    return list(StagedUpload.objects.filter(owner=user, pk__in=ids))


def files_by_part(task: Task) -> dict[str, list[TaskFile]]:
    files = list(task.files.all())
    return {
        "request": [f for f in files if f.part == TaskFile.Part.REQUEST and not f.text_field],
        "deliverable": [
            f for f in files if f.part == TaskFile.Part.DELIVERABLE and not f.text_field
        ],
        "texts": [f for f in files if f.text_field],
    }


def autosave_for(user: User, task: Task | None) -> FormAutosave | None:
    """The owner's autosave of this form (task None: the new-task form), if any."""
    return FormAutosave.objects.filter(owner=user, task=task).first()


def scrub_progress(parts: dict[str, list[TaskFile]]) -> dict[str, int]:
    """How far scrubbing is: uploaded files and typed texts counted apart."""
    uploads = parts["request"] + parts["deliverable"]
    texts = parts["texts"]
    files_finished = sum(1 for f in uploads if f.is_finished)
    texts_finished = sum(1 for f in texts if f.is_finished)
    return {
        "files": len(uploads),
        "files_finished": files_finished,
        "texts": len(texts),
        "texts_finished": texts_finished,
        "total": len(uploads) + len(texts),
        "finished": files_finished + texts_finished,
    }


def submit_blockers(task: Task) -> list[TaskFile]:
    """The files that keep a task in the check from going to review (not scrubbed cleanly)."""
    return [f for f in task.files.all() if f.scrub_status != TaskFile.ScrubStatus.DONE]
