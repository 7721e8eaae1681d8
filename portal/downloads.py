"""Serving private files: always as an attachment, never sniffed or rendered inline."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, StreamingHttpResponse

from .storage import safe_display_name

# Types a browser might render or run; everything is sent as a download anyway.
_SAFE_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "zip": "application/zip",
    "text": "text/plain; charset=utf-8",
}


def attachment_response(field: FieldFile, name: str, kind: str) -> FileResponse:
    response = FileResponse(
        field.open("rb"),
        as_attachment=True,
        filename=safe_display_name(name),
        content_type=_SAFE_TYPES.get(kind, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def inline_image_response(field: FieldFile) -> FileResponse:
    """A preview image for an <img>: PNG we drew ourselves, private, never sniffed."""
    response = FileResponse(field.open("rb"), content_type="image/png")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    # an image row never changes (a new file version gets new rows): the browser may keep it
    response["Cache-Control"] = "private, max-age=86400"
    return response


def zip_attachment_response(chunks: Iterator[bytes], name: str) -> StreamingHttpResponse:
    """A .zip written while it is sent (an export batch), as a download."""
    response = StreamingHttpResponse(chunks, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{safe_display_name(name)}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
