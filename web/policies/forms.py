from __future__ import annotations

from typing import Any, ClassVar

from accounts.models import Group
from django import forms
from django.utils.translation import gettext_lazy as _

from policies.models import Policy


class VersionForm(forms.Form):
    body = forms.CharField(label=_("The policy"), widget=forms.Textarea(attrs={"rows": 24}))
    note = forms.CharField(label=_("What changed, in a few words"), max_length=300)


class DetailsForm(forms.ModelForm[Policy]):
    audience = forms.MultipleChoiceField(
        label=_("Who must read it"),
        choices=Group.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Policy
        fields = ("owner", "status", "accepted_on", "review_due", "audience")
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "accepted_on": forms.DateInput(attrs={"type": "date"}),
            "review_due": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.format == "netiquette":
            # The YAML policy carries its own governance dates; edit them there.
            del self.fields["accepted_on"]
            del self.fields["review_due"]
