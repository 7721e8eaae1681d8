from __future__ import annotations

from typing import Any

from django import forms

from submissions.models import Task
from submissions.occupations import OCCUPATION_CHOICES, SECTOR_CHOICES

from .models import Review

AGE_CHOICES = [
    ("", "Any age"),
    ("lt1", "Waiting less than a day"),
    ("1to7", "1 to 7 days"),
    ("gt7", "More than 7 days"),
]
REVISION_CHOICES = [
    ("", "Any revision"),
    ("first", "First submission"),
    ("resubmitted", "Resubmitted"),
]
SORT_CHOICES = [
    ("oldest", "Oldest first"),
    ("newest", "Newest first"),
    ("revision", "Most revisions first"),
    ("occupation", "Occupation A–Z"),
]


def _blank(choices: Any, label: str) -> list[tuple[str, str]]:
    return [("", label), *list(choices)]


class QueueFilterForm(forms.Form):
    """GET filters of the reviewer queue; invalid values are ignored, never an error page."""

    occupation = forms.ChoiceField(
        required=False, choices=_blank(OCCUPATION_CHOICES, "Any occupation")
    )
    sector = forms.ChoiceField(required=False, choices=_blank(SECTOR_CHOICES, "Any sector"))
    provenance = forms.ChoiceField(
        required=False, choices=_blank(Task.Provenance.choices, "Any provenance")
    )
    age = forms.ChoiceField(required=False, choices=AGE_CHOICES)
    revision = forms.ChoiceField(required=False, choices=REVISION_CHOICES)
    sort = forms.ChoiceField(required=False, choices=SORT_CHOICES)

    def filters(self) -> dict[str, str]:
        """The valid, non-empty filters (bind the form to request.GET first)."""
        self.is_valid()  # an invalid field drops out of cleaned_data; the others still apply
        return {k: v for k, v in self.cleaned_data.items() if v}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=Review.Decision.choices, widget=forms.RadioSelect)
    reasons = forms.MultipleChoiceField(
        choices=Review.Reason.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Required to reject or to request changes.",
    )
    comment = forms.CharField(
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Sent to the contractor with the decision.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("decision") in (
            Review.Decision.REJECT,
            Review.Decision.CHANGES_REQUESTED,
        ) and not data.get("reasons"):
            self.add_error("reasons", "Give at least one reason to reject or to request changes.")
        return data


class CommentForm(forms.Form):
    """A reviewer's comment on the task, a file (`file`) or one line of it (`line`)."""

    body = forms.CharField(
        label="Comment", max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    file = forms.IntegerField(required=False, widget=forms.HiddenInput)
    line = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    item = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
