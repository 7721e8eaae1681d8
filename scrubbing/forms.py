from __future__ import annotations

from django import forms

from .models import Term


class MissedTermsForm(forms.Form):
    """Terms the scrubber missed, one per line; they go on the contractor's deny-list."""

    terms = forms.CharField(
        label="Terms the scrubber missed",
        widget=forms.Textarea(
            attrs={"rows": 3, "placeholder": "One per line: client names, code names, people"}
        ),
        max_length=5000,
        # optional on the page (most checks need none); an empty post says so in a message
        required=False,
        help_text="Added to your own deny-list: they are redacted in this and future tasks.",
    )
    category = forms.ChoiceField(label="What are they?", choices=Term.Category.choices)

    def term_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["terms"].splitlines() if line.strip()]
