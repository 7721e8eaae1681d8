"""Account forms: allauth's, with every error a person needs at once."""

from __future__ import annotations

from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms

MISMATCH = "You must type the same password each time."


class SignupForm(AllauthSignupForm):
    """allauth drops "the two passwords differ" once the first one fails a rule; say both."""

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        first, second = self.data.get("password1", ""), self.data.get("password2", "")
        if (
            first
            and second
            and first != second
            and MISMATCH not in self.errors.get("password2", [])
        ):
            self.add_error("password2", MISMATCH)
        return data


class ResendVerificationForm(forms.Form):
    email = forms.EmailField(label="Your e-mail address", max_length=320)
