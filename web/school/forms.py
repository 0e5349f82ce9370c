from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from school.models import Person, School

DAY_CHOICES = [
    ("mon", _("Monday")),
    ("tue", _("Tuesday")),
    ("wed", _("Wednesday")),
    ("thu", _("Thursday")),
    ("fri", _("Friday")),
    ("sat", _("Saturday")),
    ("sun", _("Sunday")),
]


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


class SchoolForm(forms.Form):
    name = forms.CharField(label=_("School name"), max_length=200)
    websites = forms.CharField(
        label=_("The school's own websites, one a line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    hours_start = forms.TimeField(
        label=_("School day starts"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    hours_end = forms.TimeField(
        label=_("School day ends"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    hours_days = forms.MultipleChoiceField(
        label=_("School days"), choices=DAY_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    confidential_terms = forms.CharField(
        label=_("Confidential terms, one a line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    footer_links = forms.CharField(
        label=_("Footer links, one a line as: Label | https://address"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    @classmethod
    def initial_from(cls, school: School) -> dict[str, Any]:
        links = "\n".join(f"{x['label']} | {x['url']}" for x in school.footer_links)
        return {
            "name": school.name,
            "websites": "\n".join(school.websites),
            "hours_start": school.hours_start,
            "hours_end": school.hours_end,
            "hours_days": school.hours_days,
            "confidential_terms": "\n".join(school.confidential_terms),
            "footer_links": links,
        }

    def clean_websites(self) -> list[str]:
        return _lines(self.cleaned_data["websites"])

    def clean_confidential_terms(self) -> list[str]:
        return _lines(self.cleaned_data["confidential_terms"])

    def clean_footer_links(self) -> list[dict[str, str]]:
        links = []
        for number, line in enumerate(_lines(self.cleaned_data["footer_links"]), start=1):
            label, sep, url = (part.strip() for part in line.partition("|"))
            if not sep or not label or not url.startswith(("https://", "http://")):
                raise forms.ValidationError(
                    _("Line %(n)s: write it as Label | https://address") % {"n": number}
                )
            links.append({"label": label, "url": url})
        return links

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("hours_start"), data.get("hours_end")
        if start and end and end <= start:
            self.add_error("hours_end", _("The school day must end after it starts."))
        return data


class PersonForm(forms.ModelForm[Person]):
    class Meta:
        model = Person
        fields = (
            "name",
            "role",
            "title",
            "preferred",
            "year",
            "registration_group",
            "position",
            "consent_name",
            "consent_photo",
        )


class RosterUploadForm(forms.Form):
    file = forms.FileField(label=_("CSV export from your MIS"))
