"""Steps and data shared by the browser tests."""

from __future__ import annotations

import base64
import re
import zipfile
from io import BytesIO

from tests.helpers import make_docx, make_pdf, make_pptx, make_xlsx

PASSWORD = "correct-horse-battery-9"
# Seeded into every document: none of it may appear in a scrubbed preview.
SECRET_NAME = "Margaret Hollingsworth"
SECRET_EMAIL = "m.hollingsworth@northwind-traders.com"
OTHER_NAME = "Oliver Pemberton"
CODE_NAME = "Quillfeather"  # a made-up code name no model knows: the contractor adds it
SECTOR = "Manufacturing"
OCCUPATION = "Buyers and Purchasing Agents"

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def seeded_files() -> dict[str, tuple[bytes, str]]:
    line = f"Prepared by {SECRET_NAME} ({SECRET_EMAIL}) for {OTHER_NAME}."
    return {
        "vendor-memo.docx": (
            make_docx(
                ["Vendor memo", line, f"Internal code name: {CODE_NAME} rollout, phase two."]
            ),
            DOCX,
        ),
        "prices.xlsx": (
            make_xlsx(
                [
                    ["Contact", "Email", "Price"],
                    [SECRET_NAME, SECRET_EMAIL, 1200],
                    [OTHER_NAME, "", 900],
                ]
            ),
            XLSX,
        ),
        "summary.pptx": (make_pptx(["Vendor summary", line, "Recommendation: supplier B"]), PPTX),
        "summary.pdf": (
            make_pdf(["Summary", line, "Recommendation: supplier B"]),
            "application/pdf",
        ),
    }


def broken_docx() -> bytes:
    """Passes the upload check (it is an OOXML package) but cannot be read: fails in the worker."""
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="x"/>')
        z.writestr("word/document.xml", "<w:document><w:body><w:p>broken")
    return buf.getvalue()


def field(page, label: str):
    """The control labelled exactly `label` (a required field's label ends with " *")."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def make_user(email: str, role: str, *, staff: bool = False):
    from allauth.account.models import EmailAddress

    from portal.models import User

    user = User.objects.create_user(email=email, password=PASSWORD, role=role)
    if staff:
        user.is_staff = user.is_superuser = True
        user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def log_in(page, email: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label(re.compile(r"^e-?mail", re.I)).fill(email)
    field(page, "Password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile(r"sign in|log in", re.I)).click()
    assert "/accounts/login/" not in page.url, page.content()[:3000]


def log_out(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()


def drop_files(page, selector: str, files: dict[str, tuple[bytes, str]]) -> None:
    """Drag-and-drop for real: a DataTransfer holding File objects, dropped on the zone."""
    payload = [
        {"name": name, "type": mime, "b64": base64.b64encode(data).decode()}
        for name, (data, mime) in files.items()
    ]
    transfer = page.evaluate_handle(
        """(files) => {
            const dt = new DataTransfer();
            for (const f of files) {
                const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
                dt.items.add(new File([bytes], f.name, { type: f.type }));
            }
            return dt;
        }""",
        payload,
    )
    zone = page.locator(selector)
    zone.dispatch_event("dragenter", {"dataTransfer": transfer})
    zone.dispatch_event("dragover", {"dataTransfer": transfer})
    zone.dispatch_event("drop", {"dataTransfer": transfer})


def fill_task_form(page, title: str, request_text: str) -> None:
    field(page, "Title").fill(title)
    field(page, "Request text").fill(request_text)
    field(page, "Sector").select_option(SECTOR)
    field(page, "Occupation").select_option(OCCUPATION)
    field(page, "Minutes the work took").fill("90")
    page.get_by_label("Real work").check()
    page.get_by_role("checkbox", name="I have the right to share this work.").check()
    page.get_by_role("checkbox", name=re.compile(r"^I have removed client")).check()


def wait_for_staged(page, count: int, timeout: float = 30_000) -> None:
    page.wait_for_function(
        "(n) => document.querySelectorAll('ul.staged li.is-ok, ul.staged li.is-error').length >= n"
        " && !document.querySelector('ul.staged li.is-uploading')",
        arg=count,
        timeout=timeout,
    )


def wait_scrub_finished(page, timeout: float = 240_000) -> None:
    """Every file row finished and the task left "scrubbing", seen through htmx polling only."""
    page.locator("#file-states").wait_for(timeout=10_000)
    page.wait_for_function(
        """() => {
            const box = document.getElementById('file-states');
            const rows = [...document.querySelectorAll('#file-states tr[data-status]')];
            return box && box.dataset.taskStatus !== 'scrubbing' && rows.length > 0
                && rows.every((r) => ['done', 'failed', 'residual'].includes(r.dataset.status));
        }""",
        timeout=timeout,
        polling=500,
    )


def assert_accessible_basics(page) -> None:
    """Cheap checks on the current page: one h1, every form control has a visible label or an
    aria-label, every image has alt text, and nothing is wider than the viewport."""
    problems = page.evaluate(
        """() => {
            const out = [];
            if (document.querySelectorAll('h1').length !== 1) out.push('h1 count');
            const controls = document.querySelectorAll(
                'input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea');
            for (const el of controls) {
                if (el.closest('[hidden]')) continue;
                const named = (el.labels && el.labels.length && el.labels[0].textContent.trim())
                    || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
                if (!named) out.push('unlabelled ' + (el.name || el.id || el.outerHTML.slice(0, 60)));
            }
            for (const img of document.querySelectorAll('img:not([alt])')) out.push('img without alt');
            if (document.documentElement.scrollWidth > window.innerWidth + 1) {
                out.push('wider than the viewport: ' + document.documentElement.scrollWidth);
            }
            return out;
        }"""
    )
    assert not problems, (page.url, problems)
