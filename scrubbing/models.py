from __future__ import annotations

from django.conf import settings
from django.db import models


class Finding(models.Model):
    """One detected span in one scrubbed file. `original_text` is shown to the owner only."""

    class Source(models.TextChoices):
        MODEL = "model", "Language model"
        PATTERN = "pattern", "Pattern"
        DENY_LIST = "deny-list", "Deny-list"
        SECRET = "secret", "Secret detector"
        CONTRACTOR = "contractor", "Added by contractor"
        LEFTOVER = "leftover", "Left over after scrubbing"

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
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["file_id", "id"]

    def __str__(self) -> str:
        # Neither the original text nor the locator (taken from the original: a sheet's name).
        return f"{self.entity_type} -> {self.replacement or 'leftover'} (finding #{self.pk})"


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
