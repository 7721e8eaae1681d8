"""Admin for exports: the ExportBatch list and the "Export selected approved tasks" action.

Registered by Django's admin autodiscovery (exports is an installed app); importing it
registers ExportBatch and adds the action to the Task admin.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from reviews.models import ExportBatch
from submissions.models import Task

from . import selectors as export_selectors
from . import services
from .destinations import default_destination
from .views import enqueue


@admin.action(description="Export selected approved tasks")
def export_selected_tasks(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Task]
) -> HttpResponse | None:
    if not getattr(request.user, "is_portal_admin", False):
        modeladmin.message_user(request, "Only admins may export.", messages.ERROR)
        return None
    wanted = set(queryset.values_list("pk", flat=True))
    ids = export_selectors.exportable_ids(export_selectors.exportable_tasks().filter(pk__in=wanted))
    refused = len(wanted) - len(ids)
    if not ids:
        modeladmin.message_user(
            request,
            "None of the selected tasks can be exported: only approved tasks whose every file "
            "was scrubbed cleanly are.",
            messages.ERROR,
        )
        return None
    batch = services.batch_create(
        destination=default_destination(),
        mode=ExportBatch.Mode.SELECTED,
        task_ids=ids,
        actor=request.user,  # type: ignore[arg-type]
    )
    enqueue(batch)
    note = (
        f" {refused} selected task(s) were left out (not approved or not clean)." if refused else ""
    )
    modeladmin.message_user(
        request, f"Export {batch.batch_id} of {len(ids)} task(s) started.{note}", messages.SUCCESS
    )
    return HttpResponseRedirect(reverse("exports:page"))


class ExportBatchAdmin(admin.ModelAdmin):
    list_display = [
        "batch_id",
        "status",
        "format",
        "mode",
        "task_count",
        "file_count",
        "progress",
        "created_by",
        "created_at",
        "finished_at",
    ]
    list_filter = ["status", "format", "mode"]
    search_fields = ["batch_id", "destination", "checksum"]
    list_select_related = ["created_by"]
    exclude = ["task_ids"]
    change_list_template = "admin/reviews/exportbatch/change_list.html"

    @admin.display(description="progress")
    def progress(self, obj: ExportBatch) -> str:
        return f"{obj.progress_done}/{obj.progress_total}"

    def get_readonly_fields(self, request: HttpRequest, obj: ExportBatch | None = None) -> list:
        return [f.name for f in ExportBatch._meta.fields if f.name != "task_ids"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # batches are made by the export page, the action or the command

    def has_change_permission(self, request: HttpRequest, obj: ExportBatch | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: ExportBatch | None = None) -> bool:
        return False


def install(site: admin.AdminSite = admin.site) -> None:
    """Register ExportBatch and add the export action to the Task admin (idempotent)."""
    if not site.is_registered(ExportBatch):
        site.register(ExportBatch, ExportBatchAdmin)
    if not site.is_registered(Task):
        import submissions.admin  # noqa: F401  (registers TaskAdmin)
    task_admin = site._registry.get(Task)
    if task_admin is not None:
        actions = list(task_admin.actions or [])
        if export_selected_tasks not in actions:
            task_admin.actions = [*actions, export_selected_tasks]


install()
