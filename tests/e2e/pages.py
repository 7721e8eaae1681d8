"""Steps and data shared by the browser tests."""

from __future__ import annotations

import base64
import re
import zipfile
from io import BytesIO

from tests.builders.files import make_docx, make_pdf, make_pptx, make_xlsx

PASSWORD = "correct-horse-battery-9"
# Seeded into every document: none of it may appear in a scrubbed preview.
SECRET_NAME = "Margaret Hollingsworth"
SECRET_EMAIL = "m.hollingsworth@northwind-traders.com"
OTHER_NAME = "Oliver Pemberton"
# A made-up code name said once, with no "code name" cue: no rule can know it, so the contractor
# adds it (a cue such as "code name: X" or a word that recurs in the task is found by the engine).
CODE_NAME = "Quillfeather"
SECTOR = "Manufacturing"
OCCUPATION = "Buyers and Purchasing Agents"

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def seeded_files() -> dict[str, tuple[bytes, str]]:
    line = f"Prepared by {SECRET_NAME} ({SECRET_EMAIL}) for {OTHER_NAME}."
    return {
        "vendor-memo.docx": (
            make_docx(["Vendor memo", line, f"Phase two of the {CODE_NAME} rollout starts soon."]),
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
    from tests.builders.accounts import make_user as make

    return make(email, role, staff=staff, password=PASSWORD)


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


def seeded_task(
    owner, files: dict[str, tuple[bytes, str]], *, title: str, part: str = "deliverable"
):
    """A task made through the services (as the form does) and submitted for scrubbing; the
    real worker scrubs it. `files`: name -> (bytes, mime)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from submissions import services, upload_services
    from submissions.models import Task

    staged = [
        upload_services.upload_stage(owner=owner, part=part, upload=SimpleUploadedFile(name, data))
        for name, (data, _mime) in files.items()
    ]
    return services.task_create(
        contractor=owner,
        fields={
            "title": title,
            "request_text": f"Compare the vendors and send it to {SECRET_NAME}.",
            "deliverable_text": "",
            "sector": SECTOR,
            "sector_other": "",
            "occupation": OCCUPATION,
            "occupation_other": "",
            "minutes_spent": 45,
            "provenance": Task.Provenance.REAL,
            "attest_rights": True,
            "attest_confidential": True,
        },
        staged=staged,
        submit=True,
    )


def wait_checked(task, timeout: float = 300):
    """Until the real worker has scrubbed every file and the task waits for the check."""
    from submissions.models import Task
    from tests.builders.files import wait_until

    wait_until(
        lambda: Task.objects.get(pk=task.pk).status == Task.Status.CONTRACTOR_CHECK,
        timeout=timeout,
        what="the real worker to scrub the task",
    )
    task.refresh_from_db()
    return task


def wait_previews(task, timeout: float = 240):
    """Until the worker has drawn (or given up on) the preview of every finished file."""
    from scrubbing.models import FilePreview
    from tests.builders.files import wait_until

    def done() -> bool:
        files = [f for f in task.files.all() if f.scrubbed_sha256 and not f.text_field]
        ready = FilePreview.objects.filter(
            file__in=files, status__in=["ready", "unavailable"]
        ).values_list("file_id", "scrubbed_sha256")
        return {(f.pk, f.scrubbed_sha256) for f in files} <= set(ready)

    wait_until(done, timeout=timeout, what="the worker to draw the previews")


def in_viewport(page, selector: str) -> bool:
    """The element is on screen now (not just somewhere in the page)."""
    return page.evaluate(
        """(sel) => { const el = document.querySelector(sel); if (!el) return false;
            const r = el.getBoundingClientRect();
            return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight + 1; }""",
        selector,
    )
