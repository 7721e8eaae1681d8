"""Admin for terms and findings: global terms only, findings without originals.

A contractor's own allow- and deny-list entries are their original text (client names, people,
e-mail addresses): the admin neither lists nor searches them. Admins manage the global lists.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from portal.admin import ReadOnlyAdmin

from .models import Finding, Term


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["text", "list_kind", "category", "created_at"]
    list_filter = ["list_kind", "category"]
    search_fields = ["text"]
    fields = ["list_kind", "text", "category"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Term]:
        return super().get_queryset(request).filter(owner__isnull=True)

    def save_model(self, request: HttpRequest, obj: Term, form, change: bool) -> None:  # noqa: ANN001
        obj.owner = None  # terms made here are global
        super().save_model(request, obj, form, change)


@admin.register(Finding)
class FindingAdmin(ReadOnlyAdmin):
    # Original text and locator are the contractor's only (the locator is read from the
    # original: a sheet or member name); admins see type, replacement, decision and source.
    list_display = ["id", "file", "entity_type", "source", "replacement", "decision", "score"]
    list_filter = ["entity_type", "source", "decision"]
    search_fields = ["=file__id", "=file__task__id"]
    list_select_related = ["file"]
    fields = [
        "file",
        "entity_type",
        "score",
        "location_kind",
        "replacement",
        "source",
        "decision",
        "created_at",
    ]
    readonly_fields = fields
