"""Forms of the checks app. Choices come from the engine's vocabulary and the roster."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _
from school.models import Person

from checks.models import Announcement

ROLE_CHOICES = [
    ("parent", _("A parent or carer")),
    ("staff", _("A member of staff")),
    ("governor", _("A governor")),
    ("pupil", _("A pupil")),
    ("other", _("Someone else")),
]
CHANNEL_CHOICES = [
    ("personal", _("My own social media account")),
    ("school", _("The school's official account")),
    ("school-system", _("School email, website or intranet")),
    ("direct", _("A private message")),
]
RIGHTS_CHOICES = [
    ("", _("Not recorded")),
    ("own photo", _("We took it ourselves")),
    ("third-party content", _("It belongs to someone else")),
]
PHOTO_SLOTS = (1, 2)


def roster_choices() -> list[tuple[str, str]]:
    return [(p.name, f"{p.name} ({p.get_role_display()})") for p in Person.objects.order_by("name")]


class CheckForm(forms.Form):
    text = forms.CharField(
        label=_("Your post"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "true"}),
    )
    author_role = forms.ChoiceField(label=_("Who is posting?"), choices=ROLE_CHOICES)
    channel = forms.ChoiceField(
        label=_("Where will it appear?"), choices=CHANNEL_CHOICES, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A callable, so the roster is read only when the form is shown or people are tagged:
        # a live check, which is most requests to this form, usually does neither.
        people = roster_choices
        for slot in PHOTO_SLOTS:
            self.fields[f"photo_{slot}"] = forms.FileField(
                label=_("Photo or video %(n)s") % {"n": slot},
                required=False,
                allow_empty_file=True,  # only the name is used; live checks send no content
            )
            self.fields[f"photo_{slot}_people"] = forms.MultipleChoiceField(
                label=_("People in photo %(n)s") % {"n": slot},
                choices=people,
                required=False,
                widget=forms.SelectMultiple(attrs={"size": 6}),
            )
            self.fields[f"photo_{slot}_rights"] = forms.ChoiceField(
                label=_("Who owns photo %(n)s?") % {"n": slot},
                choices=RIGHTS_CHOICES,
                required=False,
            )

    def photo_slots(self) -> list[dict[str, forms.BoundField]]:
        return [
            {
                "file": self[f"photo_{slot}"],
                "people": self[f"photo_{slot}_people"],
                "rights": self[f"photo_{slot}_rights"],
            }
            for slot in PHOTO_SLOTS
        ]


PERSON_ROLE_CHOICES = [
    ("", _("Choose a role")),
    ("staff", _("A member of staff")),
    ("pupil", _("A pupil")),
    ("parent", _("A parent or carer")),
    ("governor", _("A governor")),
    ("other", _("Someone else")),
]


class FriendRequestForm(forms.Form):
    """Two people from the roster, or two roles when the people are not on it."""

    sender_role = forms.ChoiceField(
        label=_("Or the role of who sent it"), choices=PERSON_ROLE_CHOICES, required=False
    )
    recipient_role = forms.ChoiceField(
        label=_("Or the role of who received it"), choices=PERSON_ROLE_CHOICES, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = [("", _("Choose a person")), *roster_choices()]
        self.fields["sender"] = forms.ChoiceField(
            label=_("Who sent the request?"), choices=people, required=False
        )
        self.fields["recipient"] = forms.ChoiceField(
            label=_("Who received it?"), choices=people, required=False
        )
        self.order_fields(["sender", "recipient", "sender_role", "recipient_role"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        people = data.get("sender") and data.get("recipient")
        roles = data.get("sender_role") and data.get("recipient_role")
        if not people and not roles:
            raise forms.ValidationError(
                _("Choose both people, or the roles of both people."), code="incomplete"
            )
        if people and data["sender"] == data["recipient"]:
            self.add_error("recipient", _("Choose two different people."))
        return data


class AnnouncementForm(forms.ModelForm[Announcement]):
    class Meta:
        model = Announcement
        fields = ("title", "body", "starts_at", "ends_at", "location")
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "body": forms.Textarea(attrs={"rows": 6}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_at"), data.get("ends_at")
        if end and not start:
            self.add_error("starts_at", _("Give the start as well as the end."))
        elif start and end and end <= start:
            self.add_error("ends_at", _("The event must end after it starts."))
        return data


class PublishForm(forms.Form):
    reviewed = forms.BooleanField(
        label=_("I have read the points above and the announcement is fine to publish"),
        required=False,
    )
