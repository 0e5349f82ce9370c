from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _
from school.models import Person

from accounts.models import Role


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]{6}"}
        ),
    )


class TokenForm(forms.Form):
    name = forms.CharField(label=_("What the token is for"), max_length=100)


def _person_field() -> forms.ModelChoiceField[Person]:
    return forms.ModelChoiceField(
        label=_("Person on the roster"),
        queryset=Person.objects.order_by("name"),
        required=False,
        empty_label=_("None"),
        help_text=_("Pupils and parents see what concerns them through this link."),
    )


class MemberForm(forms.Form):
    """What the head may change about an account."""

    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    email = forms.EmailField(label=_("Email"), required=False)
    is_active = forms.BooleanField(
        label=_("May sign in"),
        required=False,
        help_text=_("Untick to stop this account signing in; its history is kept."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"] = _person_field()


class NewMemberForm(MemberForm):
    username = forms.CharField(label=_("Username"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password = forms.CharField(
        label=_("First password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Give it to the person privately; at least 8 characters, not a common one."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["is_active"]  # a new account may sign in
        self.order_fields(
            ["username", "first_name", "last_name", "email", "role", "person", "password"]
        )

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("There is already an account with this username."))
        return username

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password = data.get("password")
        if password:
            candidate = User(username=data.get("username", ""), email=data.get("email", ""))
            try:
                validate_password(password, candidate)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data
