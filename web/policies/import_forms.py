"""Forms for importing the social media policy from the school's own document.

The upload form takes the file; the review form carries the importer's proposal as one signed
hidden field, so nothing is stored between the steps, and one small `ClauseForm` per clause
holds what a person may correct (kind, strength, roles, text, or drop it).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django import forms
from django.core import signing
from django.core.files.uploadedfile import UploadedFile
from django.forms.utils import ErrorDict
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from netiquette.kinds import Role, RuleKind, Strength

FORMATS = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# A review carries a day's grace: long enough to check a long policy, short enough that an
# old page cannot be replayed much later.
PROPOSAL_MAX_AGE = 24 * 60 * 60
PROPOSAL_SALT = "policies.import.proposal"

KIND_LABELS = {
    RuleKind.CUSTOM: _("Not mapped (kept as text, never enforced)"),
}
STRENGTH_LABELS = {
    Strength.MUST: _("must (blocks)"),
    Strength.MUST_NOT: _("must not (blocks)"),
    Strength.SHOULD: _("should (review)"),
    Strength.SHOULD_NOT: _("should not (review)"),
    Strength.CAUTION: _("caution (review)"),
}
ROLE_LABELS = {
    Role.PUPIL: _("Pupils"),
    Role.STAFF: _("Staff"),
    Role.GOVERNOR: _("Governors"),
    Role.PARENT: _("Parents and carers"),
    Role.OTHER: _("Others (volunteers, visitors)"),
}


def _kind_choices() -> list[tuple[str, Any]]:
    return [(k.value, KIND_LABELS.get(k, k.value.replace("-", " ").capitalize())) for k in RuleKind]


class UploadForm(forms.Form):
    document = forms.FileField(
        label=_("The policy document"),
        help_text=_("A Word (.docx), PDF, web page (.html), Markdown (.md) or text (.txt) file."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(FORMATS)}),
    )

    def clean_document(self) -> UploadedFile:
        document: UploadedFile = self.cleaned_data["document"]
        suffix = PurePath(document.name or "").suffix.lower()
        if suffix not in FORMATS:
            raise forms.ValidationError(
                _("“%(name)s” is not a file we can read: choose a .docx, .pdf, .html, .md or .txt"),
                params={"name": document.name},
            )
        if document.size is not None and document.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; the largest we accept is %(limit)s."),
                params={
                    "size": filesizeformat(document.size),
                    "limit": filesizeformat(MAX_UPLOAD_BYTES),
                },
            )
        return document


class ReviewForm(forms.Form):
    """The policy as a whole: title, school, governance dates, and the signed proposal.

    The view reads the proposal itself (with `read_proposal`) before binding this form, since
    it decides how many clause forms there are.
    """

    proposal = forms.CharField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Title"), max_length=300)
    school = forms.CharField(label=_("School"), max_length=300)
    accepted = forms.CharField(
        label=_("Accepted by governors"),
        max_length=100,
        required=False,
        help_text=_("A date or a term, such as 12 March 2025 or Spring 2025."),
    )
    review = forms.CharField(
        label=_("Review due"),
        max_length=100,
        required=False,
        help_text=_("Without it the register cannot say when the policy is overdue."),
    )
    note = forms.CharField(label=_("What changed, in a few words"), max_length=300)


class ClauseForm(forms.Form):
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}))
    kind = forms.ChoiceField(label=_("Kind of rule"), choices=_kind_choices)
    strength = forms.ChoiceField(
        label=_("Strength"), choices=[(s.value, STRENGTH_LABELS[s]) for s in Strength]
    )
    roles = forms.MultipleChoiceField(
        label=_("Who it binds"),
        choices=[(r.value, ROLE_LABELS[r]) for r in Role],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one group the clause binds.")},
    )
    drop = forms.BooleanField(label=_("Leave this clause out"), required=False)

    def __init__(self, *args: Any, clause: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.clause = clause

    def full_clean(self) -> None:
        # A dropped clause is not checked: the person has decided it is not a rule.
        super().full_clean()
        if self.is_bound and self.cleaned_data.get("drop"):
            self._errors = ErrorDict()

    def edited(self) -> dict[str, Any]:
        """The clause as policy data with the person's corrections."""
        data = {k: v for k, v in self.clause.items() if k != "confidence"}
        kind = self.cleaned_data["kind"]
        if kind != self.clause.get("kind"):
            # Topics narrow one kind (personal data); they mean nothing for another.
            data.pop("topics", None)
        data.update(
            text=self.cleaned_data["text"],
            kind=kind,
            strength=self.cleaned_data["strength"],
            roles=[r.value for r in Role if r.value in self.cleaned_data["roles"]],
        )
        return data


def sign_proposal(proposal: dict[str, Any]) -> str:
    return signing.dumps(proposal, salt=PROPOSAL_SALT, compress=True)


def read_proposal(value: str, slug: str) -> dict[str, Any]:
    """The importer's proposal back from the page; refused if changed, stale or for another policy."""
    try:
        proposal = signing.loads(value, salt=PROPOSAL_SALT, max_age=PROPOSAL_MAX_AGE)
    except signing.SignatureExpired as error:
        raise forms.ValidationError(
            _("This review is more than a day old: upload the document again."), code="expired"
        ) from error
    except signing.BadSignature as error:
        raise forms.ValidationError(
            _("The page was changed outside the form: upload the document again."),
            code="tampered",
        ) from error
    if not isinstance(proposal, dict) or proposal.get("policy") != slug:
        raise forms.ValidationError(
            _("This review belongs to another policy: upload the document again."),
            code="tampered",
        )
    return proposal
