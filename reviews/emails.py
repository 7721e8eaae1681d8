"""E-mail to the contractor when a reviewer decides (Django's backend: console in development)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from .models import Review

logger = logging.getLogger(__name__)

SUBJECTS = {
    Review.Decision.APPROVE: "Your task #{id} was approved",
    Review.Decision.REJECT: "Your task #{id} was not accepted",
    Review.Decision.CHANGES_REQUESTED: "Your task #{id} needs changes",
}


def send_decision_email(review: Review, request: HttpRequest | None = None) -> bool:
    """Send the decision with its reasons and comment; False (logged) if the mail failed.

    The reviewer's identity is not in the mail: contractors see "a reviewer".
    """
    task = review.task
    path = reverse("submissions:task_detail", args=[task.pk])
    link = request.build_absolute_uri(path) if request is not None else path
    reasons = [Review.Reason(code).label for code in review.reason_codes]
    body = render_to_string(
        "reviews/email_decision.txt",
        {
            "review": review,
            "task": task,
            "reasons": reasons,
            "link": link,
            "comments": list(review.comments.order_by("created_at", "id")),
        },
    )
    subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + SUBJECTS[review.decision].format(id=task.pk)
    try:
        send_mail(subject, body, None, [task.contractor.email], fail_silently=False)
    except Exception:  # SMTP down etc.: the decision stands, the task page shows it anyway
        logger.exception("decision e-mail for review %s could not be sent", review.pk)
        return False
    return True
