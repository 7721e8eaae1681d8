from django.contrib import admin

from .models import Task, TaskFile


class TaskFileInline(admin.TabularInline):
    model = TaskFile
    fields = ["part", "original_name", "detected_type", "size", "scrub_status", "error"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):  # noqa: ANN001
        return False


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "title",
        "contractor",
        "status",
        "provenance",
        "sector",
        "occupation",
        "revision",
        "submitted_at",
        "updated_at",
    ]
    list_filter = ["status", "provenance", "sector"]
    search_fields = ["title", "contractor__email", "=id"]
    list_select_related = ["contractor"]
    date_hierarchy = "created_at"
    # Status moves only through services (audit trail); originals' text is not shown here.
    readonly_fields = [
        "status",
        "revision",
        "contractor",
        "pseudonym_state",
        "claimed_by",
        "claimed_at",
        "submitted_at",
        "decided_at",
        "contractor_confirmed_at",
        "request_text",
        "deliverable_text",
    ]
    exclude = ["pseudonym_state"]
    inlines = [TaskFileInline]


@admin.register(TaskFile)
class TaskFileAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "task",
        "part",
        "original_name",
        "detected_type",
        "size",
        "scrub_status",
        "attempts",
        "finished_at",
    ]
    list_filter = ["scrub_status", "detected_type", "part"]
    search_fields = ["original_name", "sha256", "=task__id"]
    list_select_related = ["task"]
    readonly_fields = [f.name for f in TaskFile._meta.fields]
