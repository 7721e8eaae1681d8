"""Contractor pages: another contractor's task is a 404, empty states, pagination, help, errors."""

from __future__ import annotations

import re

import pytest
from django.core.files.base import ContentFile
from django.template.loader import render_to_string

from submissions.models import Task, TaskFile

from .conftest import DESKTOP, PHONE
from .pages import OCCUPATION, SECTOR, assert_accessible_basics, log_in, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _task(owner, title: str, **extra) -> Task:
    return Task.objects.create(
        contractor=owner,
        title=title,
        sector=SECTOR,
        occupation=OCCUPATION,
        request_text="Compare the vendors.",
        provenance=Task.Provenance.REAL,
        minutes_spent=30,
        **extra,
    )


def _file(task: Task) -> TaskFile:
    f = TaskFile(
        task=task,
        part=TaskFile.Part.DELIVERABLE,
        original_name="client-secrets.txt",
        sha256="0" * 64,
        size=12,
        detected_type="text",
    )
    f.original.save("x", ContentFile(b"Jane Doe 555"), save=False)
    f.save()
    return f


def test_a_contractor_cannot_open_another_contractors_task(new_page, shot):
    alice = make_user("alice@example.org", "contractor")
    make_user("bob@example.org", "contractor")
    task = _task(alice, "Alice's confidential vendor memo")
    f = _file(task)
    page = new_page()
    log_in(page, "bob@example.org")
    shot(page, "bob has no tasks")
    for url in (
        f"/tasks/{task.pk}/",
        f"/tasks/{task.pk}/edit/",
        f"/tasks/{task.pk}/files/",
        f"/tasks/files/{f.pk}/original/",
        f"/tasks/files/{f.pk}/scrubbed/",
        f"/check/files/{f.pk}/",
        f"/check/files/{f.pk}/preview/",
    ):
        response = page.goto(url)
        assert response.status == 404, (url, response.status)
        assert "Alice's confidential" not in page.content()
        assert "Jane Doe" not in page.content()
    page.goto(f"/tasks/{task.pk}/")
    assert page.get_by_role("heading", name="We couldn't find that page").is_visible()
    shot(page, "404 for another contractor's task")
    page.set_viewport_size(PHONE)
    assert_accessible_basics(page)
    shot(page, "404 phone")
    # posting to another's task changes nothing either
    for action in ("submit-scrub", "delete", "reopen"):
        response = page.request.post(
            f"/tasks/{task.pk}/{action}/",
            headers={"X-CSRFToken": _csrf(page)},
        )
        assert response.status == 404, action
    task.refresh_from_db()
    assert task.status == Task.Status.DRAFT


def _csrf(page) -> str:
    page.goto("/tasks/new/")
    return page.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")


def test_task_list_pagination_and_phone_width(new_page, shot):
    casey = make_user("casey@example.org", "contractor")
    for i in range(23):
        _task(casey, f"Quarterly report {i + 1:02d}")
    page = new_page()
    log_in(page, "casey@example.org")
    assert page.locator("table tbody tr").count() == 20
    nav = page.get_by_role("navigation", name="Pages")
    assert "Page 1 of 2" in nav.inner_text()
    shot(page, "task list page 1")
    nav.get_by_role("link", name=re.compile("Next")).click()
    page.wait_for_url(re.compile(r"\?page=2"))
    assert page.locator("table tbody tr").count() == 3
    shot(page, "task list page 2")
    page.set_viewport_size(PHONE)
    assert_accessible_basics(page)
    shot(page, "task list page 2 phone")
    # nothing is wider than the phone's screen
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_public_pages_help_and_errors(new_page, shot):
    page = new_page()
    page.goto("/")
    shot(page, "home")
    page.set_viewport_size(PHONE)
    assert_accessible_basics(page)
    shot(page, "home phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.set_viewport_size(DESKTOP)
    page.get_by_role("link", name="Help").first.click()
    assert page.get_by_role("heading", name="What counts as confidential?").is_visible()
    text = page.locator("main").inner_text()
    for example in ("Northwind Traders", "Project Falcon", "API keys", "[PERSON_1]"):
        assert example in text, example
    shot(page, "help")
    page.set_viewport_size(PHONE)
    assert_accessible_basics(page)
    shot(page, "help phone")
    page.set_viewport_size(DESKTOP)
    page.goto("/accounts/login/")
    assert_accessible_basics(page)
    shot(page, "sign in")
    # keyboard: the skip link is the first stop and moves focus to the content
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    shot(page, "skip link focused", full_page=False)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # a wrong password is explained on the page
    page.get_by_label(re.compile(r"^e-?mail", re.I)).fill("nobody@example.org")
    page.get_by_label(re.compile(r"^Password( \*)?$")).fill("wrong-password-123")
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    assert page.locator(".msg-error").is_visible()
    shot(page, "sign in error")
    response = page.goto("/no-such-page/")
    assert response.status == 404
    shot(page, "404")
    # the 500 page has no context processors; serve its exact HTML from the live server's origin
    html = render_to_string("500.html")
    page.route(
        "**/__boom__", lambda route: route.fulfill(status=500, body=html, content_type="text/html")
    )
    response = page.goto("/__boom__")
    assert page.get_by_role("heading", name="Something went wrong on our side").is_visible()
    shot(page, "500")
    # a reviewer-only page for a contractor is a friendly 403
    make_user("carl@example.org", "contractor")
    log_in(page, "carl@example.org")
    response = page.goto("/review/")
    assert response.status == 403
    assert page.get_by_role("heading", name="You can't open this page").is_visible()
    shot(page, "403")
