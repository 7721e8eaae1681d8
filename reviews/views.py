from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from portal.permissions import reviewer_required


@reviewer_required
def queue(request: HttpRequest) -> HttpResponse:
    return render(request, "reviews/queue.html", {})
