"""Admin for reviews (the ExportBatch admin, with the export actions, is exports/admin.py)."""

from __future__ import annotations

from django.contrib import admin

from portal.admin import ReadOnlyAdmin

from .models import Review


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin):
    # Decisions are written only by reviews.services.review_decide (state machine + audit):
    # the admin lists and shows them, it never adds, edits or deletes one.
    list_display = ["id", "task", "revision", "decision", "reviewer", "created_at"]
    list_filter = ["decision", "created_at"]
    search_fields = ["=task__id", "reviewer__email"]
    list_select_related = ["task", "reviewer"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "task",
        "reviewer",
        "revision",
        "decision",
        "reason_codes",
        "comment",
        "claimed_at",
        "created_at",
    ]
    exclude = ["snapshot"]
