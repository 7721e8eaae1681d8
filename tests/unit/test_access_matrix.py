"""Every URL that names an object × every kind of visitor → the exact status code.

Rules: originals and findings are the owner's only (others get 404, which does not even confirm
the object exists; a wrong role gets the role's 403 before any lookup). Reviewers only reach
scrubbed, verified files of tasks in review or decided. Anonymous visitors go to the login page.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.urls import reverse

from portal.models import User
from reviews import services as review_services
from tests.builders.tasks import TaskStatus, add_file, in_review_task, make_task, preview_page

pytestmark = pytest.mark.django_db

ROLES = ("owner", "other", "reviewer", "admin", "anon")


@dataclass(frozen=True)
class Case:
    name: str  # url name
    target: str  # which object of the world: check_task, check_file, finding, review_task, ...
    method: str
    expect: dict[str, int]
    data: dict | None = None
    claim_first: bool = False  # the visitor (if a reviewer) holds the claim before the request


OWNER_ONLY = {"owner": 200, "other": 404, "reviewer": 403, "admin": 404, "anon": 302}
OWNER_ACTION = {"owner": 302, "other": 404, "reviewer": 403, "admin": 404, "anon": 302}
REVIEWER_ONLY = {"owner": 403, "other": 403, "reviewer": 200, "admin": 200, "anon": 302}
REVIEWER_ACTION = {"owner": 403, "other": 403, "reviewer": 302, "admin": 302, "anon": 302}

CASES = [
    # contractor side (task in contractor check)
    Case("submissions:task_detail", "check_task", "get", OWNER_ONLY),
    Case("submissions:task_file_states", "check_task", "get", OWNER_ONLY),
    Case("submissions:file_original", "check_file", "get", OWNER_ONLY),
    Case("submissions:file_scrubbed", "check_file", "get", OWNER_ONLY),
    Case("scrubbing:file_check", "check_file", "get", OWNER_ONLY),
    Case("scrubbing:file_preview", "check_file", "get", OWNER_ONLY),
    Case("scrubbing:file_pages", "check_file", "get", OWNER_ONLY),
    Case("scrubbing:preview_image", "check_page", "get", OWNER_ONLY),
    Case("scrubbing:task_check", "check_task", "get", OWNER_ONLY),
    Case(
        "scrubbing:findings_decide",
        "check_task",
        "post",
        OWNER_ACTION,
        data={"decision": "keep", "finding": "0"},
    ),
    Case("scrubbing:findings_undo", "check_task", "post", OWNER_ACTION),
    Case("scrubbing:finding_keep", "finding", "post", OWNER_ACTION),
    Case("scrubbing:leftover_redact", "finding", "post", OWNER_ACTION),
    Case("scrubbing:leftovers_redact_all", "check_file", "post", OWNER_ACTION),
    Case(
        "scrubbing:terms_add",
        "check_task",
        "post",
        OWNER_ACTION,
        data={"terms": "Initech", "category": "CLIENT"},
    ),
    # originals stay the owner's even while the task is in review
    Case("submissions:file_original", "review_file", "get", OWNER_ONLY),
    Case("scrubbing:file_check", "review_file", "get", OWNER_ONLY),
    # reviewer side (task in review)
    Case("reviews:review", "review_task", "get", REVIEWER_ONLY),
    Case("reviews:file_download", "review_file", "get", REVIEWER_ONLY),
    Case("reviews:file_pages", "review_file", "get", REVIEWER_ONLY),
    Case("reviews:preview_image", "review_page", "get", REVIEWER_ONLY),
    Case("reviews:skip", "review_task", "post", REVIEWER_ACTION),
    # commenting needs the claim (refused with a message otherwise, still a redirect)
    Case(
        "reviews:comment_add",
        "review_task",
        "post",
        REVIEWER_ACTION,
        data={"body": "Page 2 still names the client."},
        claim_first=True,
    ),
    # a comment that is not the visitor's own: refused with a message (reviewers), 403 others
    Case("reviews:comment_delete", "comment", "post", REVIEWER_ACTION),
    # the owner's previews are the owner's; a reviewer's page image is never the owner's route
    Case(
        "scrubbing:preview_image",
        "review_page",
        "get",
        {"owner": 200, "other": 404, "reviewer": 403, "admin": 404, "anon": 302},
    ),
    Case("reviews:claim", "review_task", "post", REVIEWER_ACTION),
    Case("reviews:release", "review_task", "post", REVIEWER_ACTION),
    Case(
        "reviews:takeover",
        "review_task",
        "post",
        {"owner": 403, "other": 403, "reviewer": 403, "admin": 302, "anon": 302},
    ),
    # deciding without holding the claim: a 409 conflict, nothing recorded
    Case(
        "reviews:decide",
        "review_task",
        "post",
        {"owner": 403, "other": 403, "reviewer": 409, "admin": 409, "anon": 302},
        data={"decision": "approve"},
    ),
    Case(
        "reviews:decide",
        "review_task",
        "post",
        REVIEWER_ACTION,
        data={"decision": "approve"},
        claim_first=True,
    ),
    # reviewers cannot reach a task (or its files) before the contractor submitted it
    Case(
        "reviews:review",
        "check_task",
        "get",
        {"owner": 403, "other": 403, "reviewer": 404, "admin": 404, "anon": 302},
    ),
    Case(
        "reviews:file_download",
        "check_file",
        "get",
        {"owner": 403, "other": 403, "reviewer": 404, "admin": 404, "anon": 302},
    ),
    Case(
        "reviews:file_pages",
        "check_file",
        "get",
        {"owner": 403, "other": 403, "reviewer": 404, "admin": 404, "anon": 302},
    ),
    Case(
        "reviews:preview_image",
        "check_page",
        "get",
        {"owner": 403, "other": 403, "reviewer": 404, "admin": 404, "anon": 302},
    ),
    Case(
        "reviews:claim",
        "check_task",
        "post",
        {"owner": 403, "other": 403, "reviewer": 404, "admin": 404, "anon": 302},
    ),
]


@pytest.fixture
def world(contractor):
    check_task = make_task(contractor, status=TaskStatus.CONTRACTOR_CHECK)
    check_file = add_file(check_task)
    review_task = in_review_task(contractor)
    review_file = add_file(review_task)
    from reviews.models import ReviewComment

    someone = User.objects.create_user(email="rex@example.com", role=User.Role.REVIEWER)
    comment = ReviewComment.objects.create(
        task=review_task, author=someone, revision=1, body="Not yours to remove."
    )
    return {
        "comment": comment,
        "check_page": preview_page(check_file),
        "review_page": preview_page(review_file),
        "check_task": check_task,
        "check_file": check_file,
        "finding": check_file.findings.first(),
        "review_task": review_task,
        "review_file": review_file,
    }


@pytest.mark.parametrize(
    ("case", "role"),
    [(c, r) for c in CASES for r in ROLES],
    ids=[
        f"{c.name}[{c.target}{'+claim' if c.claim_first else ''}]-{r}" for c in CASES for r in ROLES
    ],
)
def test_access(client, world, case, role, contractor, other_contractor, reviewer, admin_user):
    user = {
        "owner": contractor,
        "other": other_contractor,
        "reviewer": reviewer,
        "admin": admin_user,
        "anon": None,
    }[role]
    if user is not None:
        client.force_login(user)
        if case.claim_first and user.is_reviewer:
            review_services.review_claim(world[case.target].pk, reviewer=user)
    url = reverse(case.name, args=[world[case.target].pk])
    response = getattr(client, case.method)(url, case.data or {})
    if response.streaming:
        b"".join(response.streaming_content)  # consuming it closes the stored file
    expected = case.expect[role]
    assert response.status_code == expected, response.content[:300]
    if role == "anon":
        assert response["Location"].startswith(reverse("account_login"))
    elif expected == 302:
        assert not response["Location"].startswith(reverse("account_login"))


def test_the_matrix_covers_every_object_url():
    """A new object URL in these apps must be added to the matrix."""
    from django.urls import get_resolver

    covered = {c.name for c in CASES}
    names = set()
    for namespace in ("submissions", "scrubbing", "reviews"):
        resolver = get_resolver().namespace_dict[namespace][1]
        for key, entries in resolver.reverse_dict.lists():
            if isinstance(key, str):
                for _bits, pattern, _defaults, _converters in entries:
                    if "<pk>" in pattern:
                        names.add(f"{namespace}:{key}")
    # Draft-only actions are covered by the submissions tests, not this matrix.
    draft_actions = {
        "submissions:task_edit",
        "submissions:task_submit_scrub",
        "submissions:task_rescrub",
        "submissions:task_submit_review",
        "submissions:task_reopen",
        "submissions:task_delete",
        "submissions:file_remove",
        "submissions:file_replace",
    }
    assert names - draft_actions <= covered, sorted(names - draft_actions - covered)


def test_admin_and_reviewer_pages_never_show_originals(client, world, reviewer, admin_user):
    for user in (reviewer, admin_user):
        client.force_login(user)
        html = client.get(reverse("reviews:review", args=[world["review_task"].pk])).content
        assert b"Jane Doe" not in html and b"Globex" not in html
