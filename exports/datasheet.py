"""The datasheet (README.md) of a batch, rendered from templates/exports/datasheet.md."""

from __future__ import annotations

from django.template.loader import render_to_string

from reviews.models import ExportBatch

from .rows import BatchStats, iso


def datasheet(batch: ExportBatch, stats: BatchStats, tasks_name: str) -> str:
    """Markdown: what the batch holds, counts per sector/occupation/type, how it was scrubbed."""
    text = render_to_string(
        "exports/datasheet.md",
        {
            "batch": batch,
            "created": iso(batch.created_at),
            "since": iso(batch.since) if batch.since else "",
            "stats": stats,
            "tasks_name": tasks_name,
            "sectors": sorted(stats.sectors.items()),
            "occupations": sorted(stats.occupations.items()),
            "provenance": sorted(stats.provenance.items()),
            "engine_versions": ", ".join(sorted(stats.engine_versions)),
            "findings": sorted(stats.findings.items()),
        },
    )
    return text.removesuffix("\n")  # the template's last line ends before {% endautoescape %}
