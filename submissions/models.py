from __future__ import annotations

import re
import uuid

from django.conf import settings
from django.db import models

from .occupations import OCCUPATION_CHOICES, SECTOR_CHOICES

_QUOTED = re.compile("\u201c[^\u201d]*\u201d")


def original_upload_to(instance: TaskFile, filename: str) -> str:
    # Random storage names: the contractor's file name (which may hold a client's name) never
    # becomes a path, and paths cannot be guessed.
    return f"originals/{instance.task_id}/{uuid.uuid4().hex}"


def scrubbed_upload_to(instance: TaskFile, filename: str) -> str:
    return f"scrubbed/{instance.task_id}/{uuid.uuid4().hex}"


class Task(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SCRUBBING = "scrubbing", "Scrubbing"
        CONTRACTOR_CHECK = "contractor_check", "Waiting for your check"
        IN_REVIEW = "in_review", "In review"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"

    class Provenance(models.TextChoices):
        REAL = "real", "Real work"
        FABRICATED = "fabricated", "Realistic fabricated example"

    contractor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="tasks"
    )
    title = models.CharField(max_length=200)
    sector = models.CharField(max_length=100, choices=SECTOR_CHOICES)
    sector_other = models.CharField("other sector", max_length=100, blank=True)
    occupation = models.CharField(max_length=120, choices=OCCUPATION_CHOICES)
    occupation_other = models.CharField("other occupation", max_length=120, blank=True)
    request_text = models.TextField(
        "task request", help_text="What the manager or client asked for."
    )
    deliverable_text = models.TextField("deliverable text", blank=True)
    # Scrubbed copies of everything typed, filled by the scrubber (see TaskFile.text_field).
    # Anyone but the owner sees only these.
    title_scrubbed = models.CharField(max_length=255, blank=True)
    request_text_scrubbed = models.TextField(blank=True)
    deliverable_text_scrubbed = models.TextField(blank=True)
    sector_other_scrubbed = models.CharField(max_length=255, blank=True)
    occupation_other_scrubbed = models.CharField(max_length=255, blank=True)
    provenance = models.CharField(max_length=16, choices=Provenance.choices)
    minutes_spent = models.PositiveIntegerField()
    attest_rights = models.BooleanField("has the right to share", default=False)
    attest_confidential = models.BooleanField(
        "removed or lets the portal remove confidential information", default=False
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    revision = models.PositiveIntegerField(default=1)
    # Consistent replacements across the whole task, kept across re-scrubs (engine state).
    pseudonym_state = models.JSONField(default=dict, blank=True)
    contractor_confirmed_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claimed_tasks",
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    export_batch = models.ForeignKey(
        "reviews.ExportBatch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
        help_text="The export batch that took this approved task.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.public_title}"  # never the unscrubbed title outside owner pages

    @property
    def public_title(self) -> str:
        """The title as reviewers and exports see it: scrubbed, or a neutral label until then."""
        return self.title_scrubbed or f"Task #{self.pk}"

    @property
    def public_sector(self) -> str:
        if self.sector == "Other":
            return self.sector_other_scrubbed or "Other"
        return self.sector

    @property
    def public_occupation(self) -> str:
        if self.occupation == "Other":
            return self.occupation_other_scrubbed or "Other"
        return self.occupation

    @property
    def sector_label(self) -> str:
        return self.sector_other if self.sector == "Other" and self.sector_other else self.sector

    @property
    def occupation_label(self) -> str:
        if self.occupation == "Other" and self.occupation_other:
            return self.occupation_other
        return self.occupation


class TaskFile(models.Model):
    class Part(models.TextChoices):
        REQUEST = "request", "Task request (reference file)"
        DELIVERABLE = "deliverable", "Task deliverable"

    class ScrubStatus(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Scrubbing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        RESIDUAL = "residual", "Residual found"

    FINISHED = (ScrubStatus.DONE, ScrubStatus.FAILED, ScrubStatus.RESIDUAL)

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="files")

    class TextField(models.TextChoices):
        TITLE = "title", "Task title"
        REQUEST_TEXT = "request_text", "Task request text"
        DELIVERABLE_TEXT = "deliverable_text", "Deliverable text answer"
        SECTOR_OTHER = "sector_other", "Other sector"
        OCCUPATION_OTHER = "occupation_other", "Other occupation"

    part = models.CharField(max_length=16, choices=Part.choices)
    # The task's typed texts are scrubbed as text files through the same pipeline, so they get
    # the same findings, verification and fail-closed status as uploads. Blank for uploads.
    text_field = models.CharField(max_length=20, choices=TextField.choices, blank=True)
    original = models.FileField(upload_to=original_upload_to, max_length=255)
    original_name = models.CharField(max_length=255)
    scrubbed = models.FileField(upload_to=scrubbed_upload_to, max_length=255, blank=True)
    scrubbed_name = models.CharField(max_length=255, blank=True)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    detected_type = models.CharField(max_length=16)
    content_type = models.CharField(max_length=128, blank=True)
    scrubbed_sha256 = models.CharField(max_length=64, blank=True)
    scrub_status = models.CharField(
        max_length=16, choices=ScrubStatus.choices, default=ScrubStatus.QUEUED, db_index=True
    )
    error = models.TextField(blank=True)
    report = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    # Bumped when the contractor replaces the file: same row, same place, new bytes.
    version = models.PositiveIntegerField(default=1)
    # Bumped on every (re-)queue: a redelivered job for an older generation does nothing.
    generation = models.PositiveIntegerField(default=1)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # A running file's lease: the job renews it while it runs; once it lapses (the worker died)
    # the sweeper sends the file again. The owner is "host:pid:process start" of that job.
    lease_expires_at = models.DateTimeField(null=True, blank=True, db_index=True)
    lease_owner = models.CharField(max_length=255, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["part", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "part", "sha256"],
                condition=models.Q(text_field=""),
                name="unique_file_content_per_task_part",
            ),
            models.UniqueConstraint(
                fields=["task", "text_field"],
                condition=~models.Q(text_field=""),
                name="one_text_file_per_field",
            ),
        ]

    def __str__(self) -> str:
        # Never the original name: this string shows in the admin and in logs.
        return f"{self.public_name} ({self.get_scrub_status_display()})"

    @property
    def public_name(self) -> str:
        """How anyone but the owner names this file: a neutral label, never the upload's name."""
        if self.text_field:
            return f"{self.get_text_field_display()} of task #{self.task_id}"
        return f"{self.get_part_display().split(' (')[0]} file #{self.pk} ({self.detected_type})"

    @property
    def public_error(self) -> str:
        """The error sentence without the names it quotes (file and archive member names are
        the contractor's; the engine quotes every name in “…”)."""
        text = self.error.replace(self.original_name, self.public_name) if self.error else ""
        return _QUOTED.sub(lambda m: m.group(0) if self.public_name in m.group(0) else "“…”", text)

    @property
    def is_clean(self) -> bool:
        """Only a verified scrub may ever be shown to a reviewer or exported."""
        return self.scrub_status == self.ScrubStatus.DONE and bool(self.scrubbed)

    @property
    def is_finished(self) -> bool:
        return self.scrub_status in self.FINISHED


class StagedUpload(models.Model):
    """A file accepted by validation but not yet part of a task.

    Uploads are staged one by one (drag-and-drop posts each file as it is dropped; a plain form
    post stages every valid file before the form is checked), so a refused file or a form error
    never loses the files that were fine.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    part = models.CharField(max_length=16, choices=TaskFile.Part.choices)
    file = models.FileField(upload_to="staged/", max_length=255)
    original_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    detected_type = models.CharField(max_length=16)
    content_type = models.CharField(max_length=128, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Staged upload #{self.pk}"  # the name is the owner's


class FormAutosave(models.Model):
    """What the contractor was typing on a task form, saved every few seconds while signed in.

    One per owner and task (task empty: the new-task form). It holds original text, so only its
    owner ever reads it; it is deleted when the form is saved, discarded or the task deleted.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    task = models.ForeignKey(
        Task, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    data = models.JSONField(default=dict, blank=True)
    staged_ids = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "task"], name="one_autosave_per_form"),
            models.UniqueConstraint(
                fields=["owner"],
                condition=models.Q(task__isnull=True),
                name="one_new_task_autosave",
            ),
        ]

    def __str__(self) -> str:
        return f"autosave of {self.owner_id} for task {self.task_id or 'new'}"
