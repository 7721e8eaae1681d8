from django.contrib import admin

from .models import Finding, Term


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["text", "list_kind", "category", "owner", "created_at"]
    list_filter = ["list_kind", "category", ("owner", admin.EmptyFieldListFilter)]
    search_fields = ["text", "owner__email"]
    list_select_related = ["owner"]


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    # Original text is the contractor's only: admins see type, place and replacement.
    list_display = [
        "id",
        "file",
        "entity_type",
        "source",
        "locator",
        "replacement",
        "decision",
        "score",
    ]
    list_filter = ["entity_type", "source", "decision"]
    search_fields = ["=file__id", "=file__task__id"]
    list_select_related = ["file"]
    exclude = ["original_text"]
    readonly_fields = [
        "file",
        "entity_type",
        "score",
        "locator",
        "location_kind",
        "replacement",
        "source",
        "decision",
    ]
