from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse


def role_required(check: Callable[[Any], bool]) -> Callable:
    """Login first, then a role check; a wrong role is a 403 with a friendly page."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not check(request.user):
                raise PermissionDenied("Your role does not allow this page.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


contractor_required = role_required(lambda u: u.is_contractor or u.is_portal_admin)
reviewer_required = role_required(lambda u: u.is_reviewer)
admin_required = role_required(lambda u: u.is_portal_admin)
