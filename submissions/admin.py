"""Admin for tasks and their files: scrubbed fields only.

The rule (docs/security.md): originals are their owner's, on every page including this one. The
admin shows the public title, the scrubbed texts and neutral file names; never the typed
originals, the replacement table (`pseudonym_state`), original file names or error sentences
that quote them. Tasks and files are read-only here: every change goes through the services
(state machine and audit trail).
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from portal.admin import ReadOnlyAdmin

from .models import StagedUpload, Task, TaskFile


class PublicFileColumns:
    """A file as others see it: its neutral name and its error without the names it quotes."""

    @admin.display(description="file")
    def name(self, obj: TaskFile) -> str:
        return obj.public_name

    @admin.display(description="error")
    def error_text(self, obj: TaskFile) -> str:
        return obj.public_error


class TaskFileInline(PublicFileColumns, admin.TabularInline):
    model = TaskFile
    fields = ["part", "name", "detected_type", "size", "scrub_status", "error_text"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Task)
class TaskAdmin(ReadOnlyAdmin):
    list_display = [
        "id",
        "public_title",
        "contractor",
        "status",
        "provenance",
        "public_sector",
        "public_occupation",
        "revision",
        "submitted_at",
        "updated_at",
    ]
    list_filter = ["status", "provenance", "sector"]
    # Search never looks into originals (a match would confirm a guessed original string).
    search_fields = ["title_scrubbed", "contractor__email", "=id"]
    list_select_related = ["contractor"]
    date_hierarchy = "created_at"
    fields = [
        "public_title",
        "contractor",
        "status",
        "revision",
        "provenance",
        "public_sector",
        "public_occupation",
        "minutes_spent",
        "request_text_scrubbed",
        "deliverable_text_scrubbed",
        "attest_rights",
        "attest_confidential",
        "claimed_by",
        "claimed_at",
        "submitted_at",
        "contractor_confirmed_at",
        "decided_at",
        "export_batch",
        "created_at",
        "updated_at",
    ]
    readonly_fields = fields
    inlines = [TaskFileInline]

    @admin.display(description="title", ordering="title_scrubbed")
    def public_title(self, obj: Task) -> str:
        return obj.public_title

    @admin.display(description="sector")
    def public_sector(self, obj: Task) -> str:
        return obj.public_sector

    @admin.display(description="occupation")
    def public_occupation(self, obj: Task) -> str:
        return obj.public_occupation


@admin.register(TaskFile)
class TaskFileAdmin(PublicFileColumns, ReadOnlyAdmin):
    list_display = [
        "id",
        "name",
        "task",
        "part",
        "detected_type",
        "size",
        "scrub_status",
        "attempts",
        "generation",
        "finished_at",
    ]
    list_filter = ["scrub_status", "detected_type", "part"]
    search_fields = ["sha256", "=task__id"]
    list_select_related = ["task"]
    fields = [
        "name",
        "task",
        "part",
        "text_field",
        "detected_type",
        "content_type",
        "size",
        "sha256",
        "scrub_status",
        "error_text",
        "finding_counts",
        "attempts",
        "generation",
        "enqueued_at",
        "dispatched_at",
        "started_at",
        "finished_at",
        "scrubbed_sha256",
        "created_at",
        "updated_at",
    ]
    readonly_fields = fields

    @admin.display(description="findings per type")
    def finding_counts(self, obj: TaskFile) -> str:
        # The report's other parts (residual locators) are taken from the original.
        counts = (obj.report or {}).get("counts") or {}
        return ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "none"


@admin.register(StagedUpload)
class StagedUploadAdmin(ReadOnlyAdmin):
    """Uploads waiting to join a task (counted against the owner's quota, expired by beat)."""

    list_display = ["id", "owner", "part", "detected_type", "size", "created_at"]
    list_filter = ["part", "detected_type"]
    search_fields = ["owner__email"]
    list_select_related = ["owner"]
    fields = list_display
    readonly_fields = fields
