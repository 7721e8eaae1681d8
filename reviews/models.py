from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class Review(models.Model):
    """A reviewer's decision on one revision of a task."""

    class Decision(models.TextChoices):
        APPROVE = "approve", "Approve"
        REJECT = "reject", "Reject"
        CHANGES_REQUESTED = "changes_requested", "Request changes"

    class Reason(models.TextChoices):
        PII_LEFT = "pii_left", "Personal data left"
        CONFIDENTIAL_LEFT = "confidential_left", "Confidential information left"
        LOW_QUALITY = "low_quality", "Low quality"
        NOT_REAL_WORK = "not_real_work", "Not real work"
        WRONG_OCCUPATION = "wrong_occupation", "Wrong occupation"
        FILES_UNREADABLE = "files_unreadable", "Files unreadable"
        OTHER = "other", "Other"

    task = models.ForeignKey("submissions.Task", on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews"
    )
    revision = models.PositiveIntegerField()
    decision = models.CharField(max_length=20, choices=Decision.choices)
    reason_codes = models.JSONField(default=list, blank=True)
    comment = models.TextField(blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    # What the reviewer saw (scrubbed texts, file hashes): the next revision's review page shows
    # what changed since. Holds scrubbed data only, never originals.
    snapshot = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} on task #{self.task_id} r{self.revision}"

    @property
    def reason_labels(self) -> list[str]:
        return [self.Reason(code).label for code in self.reason_codes if code in self.Reason.values]


class ExportBatch(models.Model):
    """One export run: which tasks, where, in which format, with the manifest's checksum."""

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        COMPLETE = "complete", "Complete"
        FAILED = "failed", "Failed"

    class Format(models.TextChoices):
        JSONL = "jsonl", "JSON Lines"
        PARQUET = "parquet", "Parquet"

    batch_id = models.CharField(max_length=40, unique=True, default="", blank=True)
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    destination = models.CharField(max_length=500)

    class Mode(models.TextChoices):
        NEW = "new", "Approved tasks not in any batch"
        SINCE = "since", "Approved since a date"
        SELECTED = "selected", "Selected tasks"

    format = models.CharField(max_length=10, choices=Format.choices, default=Format.JSONL)
    mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.NEW)
    # The ids this batch exported (ascending), frozen when it commits: a rerun reproduces exactly
    # these tasks even when later batches took some of them too.
    task_ids = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    since = models.DateTimeField(null=True, blank=True)
    task_count = models.PositiveIntegerField(default=0)
    file_count = models.PositiveIntegerField(default=0)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    checksum = models.CharField("sha256 of SHA256SUMS", max_length=64, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "export batches"

    def __str__(self) -> str:
        return self.batch_id or str(self.uid)


class ReviewComment(models.Model):
    """A reviewer's note on a task, on one file, or on one line of a file's scrubbed preview.

    Written while reviewing (`review` empty: not sent yet); recording the decision attaches the
    reviewer's pending comments to it, and the contractor sees them on the task page and in the
    decision e-mail. `quote` is the scrubbed line the comment is about (never original text).
    """

    task = models.ForeignKey("submissions.Task", on_delete=models.CASCADE, related_name="comments")
    file = models.ForeignKey(
        "submissions.TaskFile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="review_comments",
    )
    #: the line: an index into the file's scrubbed preview segments; empty for the whole file
    line = models.PositiveIntegerField(null=True, blank=True)
    quote = models.CharField(max_length=300, blank=True)
    #: the file's neutral name when the comment was written ("deliverable-2.pptx")
    file_label = models.CharField(max_length=80, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    revision = models.PositiveIntegerField()
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    body = models.TextField(max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"comment on task #{self.task_id} r{self.revision}"
