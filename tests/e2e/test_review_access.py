"""A reviewer never sees an original: no link to one, and every direct address is refused."""

from __future__ import annotations

import re

import pytest

from submissions import services
from submissions.models import Task, TaskFile
from tests.builders.files import make_docx

from .pages import DOCX, SECRET_EMAIL, SECRET_NAME, log_in, make_user, seeded_task, wait_checked

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _task_in_review(owner) -> Task:
    memo = make_docx(["Memo", f"Written by {SECRET_NAME} ({SECRET_EMAIL})."])
    task = wait_checked(
        seeded_task(owner, {"memo.docx": (memo, DOCX)}, title=f"Memo for {SECRET_NAME}")
    )
    assert set(task.files.values_list("scrub_status", flat=True)) == {"done"}
    return services.task_submit_for_review(task, actor=owner)


def test_the_reviewer_never_sees_an_original(scrub_worker, new_page, shot):
    owner = make_user("olga@example.org", "contractor")
    make_user("rex@example.org", "reviewer")
    task = _task_in_review(owner)
    files = list(task.files.all())
    page = new_page()
    log_in(page, "rex@example.org")
    shot(page, "queue")
    assert SECRET_NAME not in page.content()
    with page.expect_navigation():
        page.locator(f"#task-{task.pk}").get_by_role("button", name="Claim").click()
    if f"/review/tasks/{task.pk}/" not in page.url:
        page.goto(f"/review/tasks/{task.pk}/")
    shot(page, "review page")
    html = page.content()
    for secret in (SECRET_NAME, "Hollingsworth", SECRET_EMAIL):
        assert secret not in html, secret
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map((a) => a.getAttribute('href'))")
    for f in files:
        for forbidden in (
            f"/tasks/files/{f.pk}/original/",
            f"/tasks/files/{f.pk}/scrubbed/",
            f"/check/files/{f.pk}/",
        ):
            assert forbidden not in hrefs, forbidden
    assert not [h for h in hrefs if "original" in h], hrefs

    # Direct addresses of the owner's pages and originals: refused, never the bytes.
    for f in files:
        for url in (
            f"/tasks/files/{f.pk}/original/",
            f"/tasks/files/{f.pk}/scrubbed/",
            f"/check/files/{f.pk}/",
            f"/check/files/{f.pk}/preview/",
        ):
            response = page.request.get(url)
            assert response.status in (403, 404), (url, response.status)
            assert SECRET_NAME.encode() not in response.body()
    for url in (f"/tasks/{task.pk}/", f"/tasks/{task.pk}/files/"):
        response = page.request.get(url)
        assert response.status in (403, 404), (url, response.status)
    response = page.goto(f"/tasks/files/{files[0].pk}/original/")
    assert response.status in (403, 404)
    assert page.get_by_role(
        "heading", name=re.compile("can't open this page|couldn't find")
    ).is_visible()
    shot(page, "original refused")

    # What the reviewer may download is the scrubbed copy, and it holds no seeded name.
    deliverable = task.files.get(text_field="", part=TaskFile.Part.DELIVERABLE)
    response = page.request.get(f"/review/files/{deliverable.pk}/download/")
    assert response.status == 200
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(response.body())) as z:
        blob = b"".join(z.read(n) for n in z.namelist())
    assert b"Hollingsworth" not in blob and SECRET_EMAIL.encode() not in blob
