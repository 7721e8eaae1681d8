"""The branded error pages in development too.

With DEBUG=1 Django answers a 404 and an unhandled error with its technical pages (URL list,
traceback). The portal shows its own 404 and 500 pages in development as in production, so a
demo looks like the product; the traceback still goes to the console log. Set
DEBUG_TECHNICAL_PAGES=1 to get Django's pages back while debugging. Without DEBUG this
middleware does nothing (Django's handler404/handler500 are used).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse

logger = logging.getLogger("django.request")


class BrandedErrorPagesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    @property
    def active(self) -> bool:
        return settings.DEBUG and not settings.DEBUG_TECHNICAL_PAGES

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.active and response.status_code == 404 and request.resolver_match is None:
            # no URL matched: Django's technical 404 page; the branded one instead
            from .views import page_not_found

            return page_not_found(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not self.active:
            return None
        from .views import page_not_found, server_error

        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        if _handled(exception):
            return None
        logger.error(
            "Internal Server Error: %s",
            request.path,
            exc_info=exception,
            extra={"status_code": 500, "request": request},
        )
        return server_error(request)


def _handled(exception: Exception) -> bool:
    """Exceptions Django turns into their own answers (403, 400) even with DEBUG on."""
    from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation

    return isinstance(exception, PermissionDenied | BadRequest | SuspiciousOperation)
