"""Django rows for the portal's tests: tasks, their files and findings (model-bakery fills
what a test does not name), real small files in private storage.

No scrubbing engine run: findings and scrubbed outputs are written directly, as the worker would.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from model_bakery import baker

from portal.storage import save_bytes
from scrubbing.models import Finding
from submissions.models import Task, TaskFile
from submissions.occupations import GDPVAL_OCCUPATIONS

TaskStatus = Task.Status
ScrubStatus = TaskFile.ScrubStatus
SECTOR = next(iter(GDPVAL_OCCUPATIONS))
OCCUPATION = GDPVAL_OCCUPATIONS[SECTOR][0]

# The secret strings: they must never reach anyone but the owner.
ORIGINAL_REQUEST = "Please ask Jane Doe at Globex Corp for the Q3 plan."
SCRUBBED_REQUEST = "Please ask [PERSON_1] at [ORGANIZATION_1] for the Q3 plan."
ORIGINAL_NAME = "Globex_Corp_plan.txt"


def make_task(contractor, status: str = TaskStatus.DRAFT, **overrides) -> Task:
    fields = dict(
        title="Globex quarterly plan",
        request_text=ORIGINAL_REQUEST,
        request_text_scrubbed=SCRUBBED_REQUEST if status not in (TaskStatus.DRAFT,) else "",
        sector=SECTOR,
        occupation=OCCUPATION,
        provenance=Task.Provenance.REAL,
        minutes_spent=90,
        attest_rights=True,
        attest_confidential=True,
        status=status,
    )
    if status == TaskStatus.IN_REVIEW:
        fields["submitted_at"] = timezone.now()
        fields["contractor_confirmed_at"] = timezone.now()
    fields.update(overrides)
    return baker.make(Task, contractor=contractor, **fields)


def add_file(
    task: Task,
    *,
    part: str = TaskFile.Part.DELIVERABLE,
    name: str = ORIGINAL_NAME,
    original: bytes = b"Jane Doe works at Globex Corp.\n",
    scrubbed: bytes | None = b"[PERSON_1] works at [ORGANIZATION_1].\n",
    status: str = ScrubStatus.DONE,
    detected_type: str = "text",
    findings: list[tuple[str, str, str]] | None = None,
    error: str = "",
    report: dict | None = None,
) -> TaskFile:
    """A task file with its original and (optionally) scrubbed bytes saved in private storage.

    `findings`: (entity type, original text, replacement); default: the two in the sample text.
    """
    f = baker.prepare(
        TaskFile,
        task=task,
        part=part,
        original_name=name,
        sha256=hashlib.sha256(original).hexdigest(),
        size=len(original),
        detected_type=detected_type,
        scrub_status=status,
        error=error,
    )
    save_bytes(f.original, original)
    if scrubbed is not None:
        save_bytes(f.scrubbed, scrubbed)
        f.scrubbed_name = name
        f.scrubbed_sha256 = hashlib.sha256(scrubbed).hexdigest()
    if findings is None:
        findings = [
            ("PERSON", "Jane Doe", "[PERSON_1]"),
            ("ORGANIZATION", "Globex Corp", "[ORGANIZATION_1]"),
        ]
    counts: dict[str, int] = {}
    for kind, _, _ in findings:
        counts[kind] = counts.get(kind, 0) + 1
    f.report = report if report is not None else {"counts": counts, "residual": []}
    f.save()
    Finding.objects.bulk_create(
        baker.prepare(
            Finding,
            file=f,
            entity_type=kind,
            score=0.9,
            locator="paragraph 1",
            location_kind="body",
            original_text=text,
            replacement=replacement,
            source=Finding.Source.MODEL,
        )
        for kind, text, replacement in findings
    )
    return f


def queued_file(contractor, name: str, original: bytes, detected_type: str) -> TaskFile:
    """One file of a task being scrubbed, queued for the worker (no findings, no output yet)."""
    task = make_task(contractor, status=TaskStatus.SCRUBBING)
    return add_file(
        task,
        name=name,
        original=original,
        scrubbed=None,
        status=ScrubStatus.QUEUED,
        detected_type=detected_type,
        findings=[],
        report={},
    )


def in_review_task(contractor, *, age_days: float = 0, **overrides) -> Task:
    task = make_task(contractor, status=TaskStatus.IN_REVIEW, **overrides)
    if age_days:
        Task.objects.filter(pk=task.pk).update(
            submitted_at=timezone.now() - timedelta(days=age_days)
        )
        task.refresh_from_db()
    return task


def expire_claim(task: Task) -> None:
    """Move the claim back past its expiry."""
    past = timezone.now() - timedelta(minutes=settings.REVIEW_CLAIM_MINUTES, seconds=5)
    Task.objects.filter(pk=task.pk).update(claimed_at=past)
    task.refresh_from_db()


def scrubbed_docx(paragraphs: list[str]) -> bytes:
    """A .docx as the scrubber writes it: no author in the metadata (make_docx sets one)."""
    import io

    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.core_properties.author = ""
    document.core_properties.last_modified_by = ""
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def preview_page(f: TaskFile, png: bytes | None = None, boxes: list | None = None):
    """A ready preview of the file's current version with one page image, as a worker makes it."""
    from scrubbing.models import FilePreview, PreviewPage
    from tests.builders.files import make_png

    preview = FilePreview.objects.create(
        file=f,
        scrubbed_sha256=f.scrubbed_sha256,
        status=FilePreview.Status.READY,
        page_count=1,
        segments=[["line 1", "body", "[PERSON_1] works at [ORGANIZATION_1]."]],
    )
    page = PreviewPage(preview=preview, number=1, width=900, height=160, boxes=boxes or [])
    save_bytes(page.image, png or make_png("[PERSON_1]"))
    page.save()
    return page
