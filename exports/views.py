"""Admin pages for exports: start a batch, watch its progress, rerun it; portal statistics."""

from __future__ import annotations

from datetime import UTC, datetime, time

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.audit import AuditVerb, audit_record
from portal.downloads import zip_attachment_response
from portal.permissions import admin_required
from reviews.models import ExportBatch

from . import download as export_download_module
from . import selectors as export_selectors
from . import services
from .destinations import default_destination

HISTORY_LENGTH = 50


class ExportForm(forms.Form):
    format = forms.ChoiceField(choices=ExportBatch.Format.choices, initial="jsonl")
    mode = forms.ChoiceField(
        label="Tasks",
        choices=[
            (ExportBatch.Mode.NEW, "Approved tasks not in any batch yet"),
            (ExportBatch.Mode.SINCE, "Approved tasks decided since a date"),
        ],
        initial=ExportBatch.Mode.NEW,
        widget=forms.RadioSelect,
    )
    since = forms.DateField(
        required=False, help_text="YYYY-MM-DD, only for “decided since a date”."
    )

    def clean(self) -> dict:
        data = super().clean()
        # a date that did not parse has its own error already: one sentence per field
        if (
            data.get("mode") == ExportBatch.Mode.SINCE
            and not data.get("since")
            and "since" not in self.errors
        ):
            self.add_error("since", "Give the date.")
        return data

    def since_datetime(self) -> datetime | None:
        day = self.cleaned_data.get("since")
        if self.cleaned_data["mode"] != ExportBatch.Mode.SINCE or day is None:
            return None
        return datetime.combine(day, time.min, tzinfo=UTC)


def enqueue(batch: ExportBatch) -> None:
    """Hand the batch to a worker once the row is committed."""
    from .tasks import export_batch

    transaction.on_commit(lambda: export_batch.delay(batch.pk))


@admin_required
@require_http_methods(["GET", "POST"])
def export_page(request: HttpRequest) -> HttpResponse:
    form = ExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        mode = form.cleaned_data["mode"]
        since = form.since_datetime()
        if not export_selectors.tasks_for_mode(mode, since).exists():
            messages.warning(
                request, "Nothing to export: no approved, cleanly scrubbed task matches."
            )
            return redirect("exports:page")
        batch = services.batch_create(
            destination=default_destination(),
            fmt=form.cleaned_data["format"],
            mode=mode,
            since=since,
            actor=request.user,
        )
        enqueue(batch)
        messages.success(request, f"Export {batch.batch_id} started.")
        return redirect("exports:page")
    return render(
        request,
        "exports/page.html",
        {
            "form": form,
            "destination": default_destination(),
            "batches": export_selectors.export_batches()[:HISTORY_LENGTH],
            "waiting": export_selectors.tasks_for_mode(ExportBatch.Mode.NEW).count(),
        },
    )


@admin_required
@require_GET
def export_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """One history row; htmx polls it while the batch runs."""
    batch = get_object_or_404(export_selectors.export_batches(), pk=pk)
    return render(request, "exports/row.html", {"batch": batch})


@admin_required
@require_POST
def export_rerun(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(ExportBatch, pk=pk)
    if batch.status == ExportBatch.Status.RUNNING:
        messages.error(request, f"Export {batch.batch_id} is running.")
        return redirect("exports:page")
    ExportBatch.objects.filter(pk=batch.pk).update(
        status=ExportBatch.Status.RUNNING, progress_done=0, error=""
    )
    enqueue(batch)
    messages.success(request, f"Export {batch.batch_id} is being written again.")
    return redirect("exports:page")


@admin_required
@require_GET
def stats_page(request: HttpRequest) -> HttpResponse:
    return render(request, "exports/stats.html", {"stats": export_selectors.portal_stats()})


@admin_required
@require_GET
def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    """A complete batch as one .zip (streamed); every download is an audit event."""
    batch = get_object_or_404(ExportBatch, pk=pk)
    try:
        members = export_download_module.batch_members(batch)
    except export_download_module.NotDownloadable as exc:
        messages.error(request, str(exc))
        return redirect("exports:page")
    audit_record(
        actor=request.user,
        verb=AuditVerb.EXPORT_DOWNLOAD,
        obj=batch,
        request=request,
        batch_id=batch.batch_id,
        files=len(members),
    )
    return zip_attachment_response(
        export_download_module.zip_stream(batch.batch_id, members), f"{batch.batch_id}.zip"
    )
