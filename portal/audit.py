"""Writing audit events. The only writer of portal.AuditEvent."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest

from .models import AuditEvent, User


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    actor: User | None,
    verb: str,
    obj: models.Model,
    task_id: int | None = None,
    request: HttpRequest | None = None,
    **details: Any,
) -> AuditEvent:
    """Append one event. `details` must never hold original (unscrubbed) text or secrets."""
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        verb=verb,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        task_id=task_id,
        ip_address=client_ip(request),
        details=details,
    )
