from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from .models import Task, TaskFile
from .occupations import OTHER, SECTOR_OF_OCCUPATION

# A hint for the browser's file picker only; the real type is sniffed from the bytes.
ACCEPT = (
    ".docx,.xlsx,.pptx,.pdf,.png,.jpg,.jpeg,.txt,.md,.csv,.json,.py,.js,.ts,.java,.go,.rb,"
    ".sql,.yaml,.yml,.toml,.ini,.cfg,.env,.html,.css,.sh,.zip,"
    ".doc,.xls,.ppt,.rtf,.odt,.ods,.odp,.ipynb,.htm,.eml,.msg,.mbox,"
    ".gif,.tif,.tiff,.webp,.heic,.heif,.avif,.bmp,.svg,.ppm,.pgm,.pbm,.pnm"
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Accepts many files; each is validated on its own by `upload_stage`, not here."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list:
        if not data:
            return []
        return list(data) if isinstance(data, list | tuple) else [data]


class TaskForm(forms.ModelForm):
    request_files = MultipleFileField(
        label="Reference files", help_text="Optional files that came with the request."
    )
    deliverable_files = MultipleFileField(
        label="Deliverable files", help_text="The files you produced (one or many)."
    )
    staged = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Task
        fields = [
            "title",
            "request_text",
            "deliverable_text",
            "sector",
            "sector_other",
            "occupation",
            "occupation_other",
            "minutes_spent",
            "provenance",
            "attest_rights",
            "attest_confidential",
        ]
        widgets = {
            "request_text": forms.Textarea(attrs={"rows": 8}),
            "deliverable_text": forms.Textarea(attrs={"rows": 6}),
            "provenance": forms.RadioSelect,
        }
        labels = {
            "request_text": "Request text",
            "deliverable_text": "Deliverable text answer (optional)",
            "minutes_spent": "Minutes the work took",
            "attest_rights": "I have the right to share this work.",
            "attest_confidential": (
                "I have removed client and employer confidential information, or I let the "
                "portal remove it and will check the result."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["minutes_spent"].min_value = 1
        self.fields["minutes_spent"].widget.attrs.update({"min": 1, "max": 100000})
        self.fields["provenance"].choices = Task.Provenance.choices

    def clean_minutes_spent(self) -> int:
        minutes = self.cleaned_data["minutes_spent"]
        if minutes < 1 or minutes > 100000:
            raise ValidationError("Enter the minutes the work took (1 to 100,000).")
        return minutes

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for field in ("attest_rights", "attest_confidential"):
            if not data.get(field):
                self.add_error(field, "Please confirm this to submit the task.")
        sector, occupation = data.get("sector"), data.get("occupation")
        if sector == OTHER and not data.get("sector_other", "").strip():
            self.add_error("sector_other", "Name the sector.")
        if occupation == OTHER and not data.get("occupation_other", "").strip():
            self.add_error("occupation_other", "Name the occupation.")
        if (
            sector
            and occupation
            and occupation != OTHER
            and sector != OTHER
            and SECTOR_OF_OCCUPATION.get(occupation) != sector
        ):
            self.add_error(
                "occupation",
                f"“{occupation}” belongs to the sector “{SECTOR_OF_OCCUPATION.get(occupation)}”.",
            )
        return data

    def staged_ids(self) -> list[int]:
        raw = self.data.get("staged", "") if self.is_bound else ""
        return [int(x) for x in raw.split(",") if x.strip().isdigit()]


class StageUploadForm(forms.Form):
    """One file posted by drag-and-drop before the task form is submitted."""

    part = forms.ChoiceField(choices=TaskFile.Part.choices)
    # Empty files pass here so that upload_stage refuses them with a sentence naming the file.
    file = forms.FileField(allow_empty_file=True)
