"""Forms for reporting (public, young people's, staff) and for working a case.

Report forms clean everything before anything is saved: images are checked and re-encoded
here, so a bad screenshot is an error beside its field and the report is not half-stored.
"""

from __future__ import annotations

from typing import Any

from accounts.models import STAFF_ROLES
from django import forms
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from school.models import Person

from cases import spam
from cases.actions import ReportData
from cases.evidence import CleanImage, EvidenceError, clean_image
from cases.models import Involvement, ReporterRole, Source
from cases.triage import SELF_HARM, SEXUAL, THREAT
from cases.workflow import Workflow, WorkflowError

MAX_IMAGES = 5

CONCERNS = [
    ("bullying", _("Bullying or being picked on")),
    ("unkind-words", _("Rude or unkind words")),
    ("personal-information", _("Someone's personal details shared")),
    ("photos", _("Photos or videos shared without agreement")),
    (THREAT, _("Threats to hurt someone")),
    (SELF_HARM, _("Someone may hurt themselves")),
    (SEXUAL, _("Sexual messages or pictures involving a child")),
]
YOUNG_CONCERNS = [
    ("bullying", _("Someone is being mean to me or to someone else")),
    ("photos", _("Someone shared a photo or video")),
    (THREAT, _("Someone said they will hurt someone")),
    (SELF_HARM, _("Someone might hurt themselves")),
    (SEXUAL, _("Someone sent rude pictures or asked for them")),
]


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ImagesField(forms.FileField):
    """Up to MAX_IMAGES screenshots, each checked and re-encoded by `clean_image`."""

    widget = MultipleImageInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"})

    def clean(self, data: Any, initial: Any = None) -> list[CleanImage]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_IMAGES:
            raise forms.ValidationError(
                _("Attach at most %(n)s pictures."), params={"n": MAX_IMAGES}
            )
        cleaned = []
        for upload in files:
            if not isinstance(upload, UploadedFile):
                raise forms.ValidationError(_("That upload could not be read."))
            try:
                cleaned.append(clean_image(upload.read(), upload.name or "the picture"))
            except EvidenceError as error:
                raise forms.ValidationError(str(error)) from error
        return cleaned


class BaseReportForm(forms.Form):
    what_happened = forms.CharField(
        label=_("What happened?"), widget=forms.Textarea, max_length=5000
    )
    platform = forms.CharField(
        label=_("Where did it happen?"),
        max_length=80,
        required=False,
        help_text=_("For example Instagram, WhatsApp, a game chat."),
    )
    links = forms.CharField(
        label=_("Links to the posts or messages"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One link on each line."),
    )
    happened_on = forms.DateField(
        label=_("When did it happen?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    people_described = forms.CharField(
        label=_("Who was involved?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    pasted_text = forms.CharField(
        label=_("Paste the messages here"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20000,
    )
    screenshots = ImagesField(
        label=_("Screenshots"),
        required=False,
        help_text=_("Up to 5 pictures: PNG, JPEG, GIF or WebP, 10 MB each."),
    )
    concerns = forms.MultipleChoiceField(
        label=_("What is it about?"),
        choices=CONCERNS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    source = Source.PUBLIC

    def clean_links(self) -> list[str]:
        check = URLValidator(schemes=["http", "https"])
        links = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        for link in links:
            try:
                check(link)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("%(link)s is not a web link (it should start with https://)."),
                    params={"link": link[:80]},
                ) from None
        return links[:20]

    def report_data(self) -> ReportData:
        data = self.cleaned_data
        return ReportData(
            source=self.source,
            reporter_role=data.get("reporter_role") or ReporterRole.OTHER,
            what_happened=data["what_happened"],
            platform=data["platform"],
            happened_on=data["happened_on"],
            people_described=data["people_described"],
            reporter_name=data.get("reporter_name", ""),
            reporter_email=data.get("reporter_email", ""),
            concerns=list(data["concerns"]),
            links=data["links"],
            pasted_text=data["pasted_text"],
            images=data["screenshots"],
        )


class SpamCheckedForm(BaseReportForm):
    """The public forms: a honeypot field and a signed time stamp, checked on clean."""

    website = forms.CharField(label=_("Leave this empty"), required=False)
    form_stamp = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["form_stamp"].initial = spam.make_stamp()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("website"):
            raise forms.ValidationError(_("The report could not be sent."))
        problem = spam.stamp_problem(self.data.get("form_stamp", ""))
        if problem:
            raise forms.ValidationError(problem)
        return data


class PublicReportForm(SpamCheckedForm):
    reporter_role = forms.ChoiceField(
        label=_("You are"), choices=[c for c in ReporterRole.choices if c[0] != "staff"]
    )
    reporter_name = forms.CharField(label=_("Your name (optional)"), max_length=120, required=False)
    reporter_email = forms.EmailField(
        label=_("Your email address (optional)"),
        required=False,
        help_text=_("We will email you a receipt and a link."),
    )


class YoungReportForm(SpamCheckedForm):
    source = Source.YOUNG

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = {
            "what_happened": _("What happened? Tell us in your own words."),
            "platform": _("Where was it? (an app, a game, a website)"),
            "people_described": _("Who was it? (you do not have to say)"),
            "pasted_text": _("Copy the messages here if you can"),
            "concerns": _("Tick any that are true"),
        }
        for name, label in labels.items():
            self.fields[name].label = label
        self.fields["concerns"].choices = YOUNG_CONCERNS  # type: ignore[attr-defined]
        self.fields["platform"].help_text = ""
        del self.fields["links"], self.fields["happened_on"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data.setdefault("links", [])
        data.setdefault("happened_on", None)
        data["reporter_role"] = ReporterRole.PUPIL
        return data


class StaffReportForm(BaseReportForm):
    source = Source.STAFF
    people = forms.ModelMultipleChoiceField(
        label=_("People from the roster"),
        queryset=Person.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["reporter_role"] = ReporterRole.STAFF
        return data

    def report_data(self) -> ReportData:
        report = super().report_data()
        report.people = [p.pk for p in self.cleaned_data["people"]]
        return report


def case_workers() -> Any:
    return User.objects.filter(membership__role__in=[r.value for r in STAFF_ROLES], is_active=True)


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = case_workers()  # type: ignore[attr-defined]


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10000
    )


class ActionForm(AssignForm):
    text = forms.CharField(label=_("Action"), max_length=300)
    due_on = forms.DateField(label=_("Due by"), widget=forms.DateInput(attrs={"type": "date"}))
    field_order = ("text", "due_on", "assignee")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].label = _("Who will do it")


class PersonLinkForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.all())
    involvement = forms.ChoiceField(label=_("How they are involved"), choices=Involvement.choices)
    with_siblings = forms.BooleanField(
        label=_("Also link their brothers and sisters"), required=False
    )


class CaseLinkForm(forms.Form):
    reference = forms.CharField(label=_("Reference of the other case"), max_length=16)


class MoveForm(forms.Form):
    """One form for every move; the workflow says which fields the chosen move needs."""

    transition = forms.CharField(widget=forms.HiddenInput)
    meeting_at = forms.DateTimeField(
        label=_("Meeting date and time"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    attendees = forms.CharField(label=_("Who will attend"), required=False, max_length=1000)
    outcome = forms.CharField(
        label=_("Outcome"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    route = forms.ChoiceField(label=_("Pass to"), required=False)
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, workflow: Workflow, state: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.workflow, self.state = workflow, state
        routes = [("", "—")] + [(r.id, r.label) for r in workflow.routes]
        self.fields["route"].choices = routes  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        try:
            self.move = self.workflow.check(self.state, data.get("transition", ""), data)
        except WorkflowError as error:
            for name, message in error.problems.items():
                self.add_error(name if name in self.fields else None, message)
        return data
