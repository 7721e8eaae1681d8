from __future__ import annotations

import re
import uuid

from django.conf import settings
from django.db import models


class Finding(models.Model):
    """One detected span in one scrubbed file. `original_text` is shown to the owner only."""

    class Source(models.TextChoices):
        MODEL = "model", "Language model"
        PATTERN = "pattern", "Pattern"
        STRUCTURE = "structure", "Document structure"
        DENY_LIST = "deny-list", "Deny-list"
        SECRET = "secret", "Secret detector"
        CONTRACTOR = "contractor", "Added by contractor"
        LEFTOVER = "leftover", "Left over after scrubbing"
        CONTEXT = "context model", "Context model"
        SENSITIVE = "sensitive", "Sensitive sentence (to confirm)"

    class Decision(models.TextChoices):
        REDACT = "redact", "Redact"
        KEEP = "keep", "Keep (false positive)"

    file = models.ForeignKey(
        "submissions.TaskFile", on_delete=models.CASCADE, related_name="findings"
    )
    entity_type = models.CharField(max_length=40, db_index=True)
    score = models.FloatField()
    locator = models.CharField(max_length=255)
    location_kind = models.CharField(max_length=40, blank=True)
    original_text = models.TextField()
    replacement = models.CharField(max_length=255, blank=True)  # blank for leftovers
    source = models.CharField(max_length=16, choices=Source.choices)
    decision = models.CharField(max_length=8, choices=Decision.choices, default=Decision.REDACT)
    #: why the context model or the sensitive-sentence rules flagged it ("pricing: ...")
    reason = models.CharField(max_length=500, blank=True)
    # When the owner decided on the check page (keep, redact, or a leftover's redact/keep);
    # empty while nobody did. A re-scrub writes new rows, so a decision lasts one scrub.
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["file_id", "id"]

    def __str__(self) -> str:
        # Neither the original text nor the locator (taken from the original: a sheet's name).
        return f"{self.entity_type} -> {self.replacement or 'leftover'} (finding #{self.pk})"

    @property
    def to_confirm(self) -> bool:
        """A leftover or a sensitive sentence: the owner decides (deny-list or allow-list)."""
        return self.source in TO_CONFIRM


#: findings the owner confirms: what verification found left over, sensitive sentences
TO_CONFIRM = (Finding.Source.LEFTOVER, Finding.Source.SENSITIVE)


class ContextUsage(models.Model):
    """Characters of document text a task has sent to the context model (its budget,
    settings.SCRUB_CONTEXT_TASK_BUDGET); reserved before a file's requests, the unused part
    given back after them, under this row's lock."""

    task = models.OneToOneField(
        "submissions.Task", on_delete=models.CASCADE, related_name="context_usage"
    )
    chars = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"context pass of task {self.task_id}: {self.chars} characters"


class Term(models.Model):
    """A deny-list (always redact) or allow-list (never redact) entry.

    `owner` null means global (set by admins); otherwise the contractor's own list. One row per
    term rather than one list object: terms are added and removed one by one from the check page.
    """

    class ListKind(models.TextChoices):
        DENY = "deny", "Deny-list (always redact)"
        ALLOW = "allow", "Allow-list (never redact)"

    class Category(models.TextChoices):
        CLIENT = "CLIENT", "Client or company name"
        CODENAME = "CODENAME", "Project or code name"
        PERSON = "PERSON", "Person"
        DOMAIN = "DOMAIN", "Internal domain or URL"
        CONFIDENTIAL = "CONFIDENTIAL", "Other confidential term"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="terms",
        help_text="Empty for a global term.",
    )
    list_kind = models.CharField(max_length=8, choices=ListKind.choices)
    text = models.CharField(max_length=200)
    category = models.CharField(
        max_length=16, choices=Category.choices, default=Category.CONFIDENTIAL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["list_kind", "text"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "list_kind", "text"], name="unique_term_per_owner"
            )
        ]

    def __str__(self) -> str:
        if self.owner_id is None:
            return f"{self.get_list_kind_display()}: {self.text} (global)"
        # A contractor's term is their original text: only its owner sees it.
        return f"{self.get_list_kind_display()} term #{self.pk} of a contractor"


def preview_upload_to(instance: PreviewPage, filename: str) -> str:
    return f"previews/{instance.preview.file.task_id}/{uuid.uuid4().hex}"


class FilePreview(models.Model):
    """What a person sees of one scrubbed file version: page images and the text, made by a
    worker from the scrubbed output only (never the original). One row per output checksum."""

    class Status(models.TextChoices):
        PENDING = "pending", "Being prepared"
        READY = "ready", "Ready"
        UNAVAILABLE = "unavailable", "Not available"

    file = models.ForeignKey(
        "submissions.TaskFile", on_delete=models.CASCADE, related_name="previews"
    )
    scrubbed_sha256 = models.CharField(max_length=64)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    #: why there are no page images, one sentence ("LibreOffice took longer than 60 seconds.")
    reason = models.CharField(max_length=300, blank=True)
    #: pages in the document; at most settings.PORTAL_PREVIEW_MAX_PAGES of them are rendered
    page_count = models.PositiveIntegerField(default=0)
    #: the scrubbed text as [locator, kind, text] triples, cut at the preview limit
    segments = models.JSONField(default=list, blank=True)
    seconds = models.FloatField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["file", "scrubbed_sha256"], name="one_preview_per_file_version"
            )
        ]

    def __str__(self) -> str:
        return f"preview of file #{self.file_id} ({self.get_status_display()})"


class PreviewPage(models.Model):
    """One rendered page (or the picture itself) with boxes where replacements are."""

    preview = models.ForeignKey(FilePreview, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField()
    image = models.FileField(upload_to=preview_upload_to, max_length=255)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    #: [{"x", "y", "w", "h" (fractions of the page), "type", "text" (the replacement)}]
    boxes = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["preview_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["preview", "number"], name="one_image_per_page")
        ]

    def __str__(self) -> str:
        return f"page {self.number} of {self.preview}"

    def rects(self) -> list[dict]:
        """The boxes in a 1000 x 1000 frame, for an SVG drawn over the image (no inline CSS)."""
        css = re.compile(r"[^A-Za-z0-9_-]")
        return [
            {
                "x": round(b["x"] * 1000, 1),
                "y": round(b["y"] * 1000, 1),
                "w": round(b["w"] * 1000, 1),
                "h": round(b["h"] * 1000, 1),
                "type": b.get("type", ""),
                "css": css.sub("", str(b.get("type", "")).upper()) or "OTHER",
                "text": b.get("text", ""),
            }
            for b in self.boxes
        ]


class FileScan(models.Model):
    """What the task inventory needs to know about one scrubbed file to tell whether it is stale.

    `inventory_version`: the task inventory's version its replacements were assigned at;
    `atoms`: CRC-32 hashes of every word of its text and name (packed, sorted; no text). A file is
    scrubbed again when an entity changed after that version has a form made of its words.
    """

    file = models.OneToOneField(
        "submissions.TaskFile", on_delete=models.CASCADE, related_name="scan"
    )
    generation = models.PositiveIntegerField()
    inventory_version = models.PositiveIntegerField(default=0)
    atoms = models.BinaryField(default=b"")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"scan of file {self.file_id} at inventory version {self.inventory_version}"

    @staticmethod
    def pack(atoms: set[int]) -> bytes:
        from array import array

        return array("I", sorted(atoms)).tobytes()

    def atom_set(self) -> set[int]:
        from array import array

        a = array("I")
        a.frombytes(bytes(self.atoms))
        return set(a)
