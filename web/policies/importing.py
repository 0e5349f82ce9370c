"""Import the social media policy from the school's own document: upload, review, accept.

The engine's importer reads the document and proposes a policy; a person corrects it on one
screen and accepts it as a new version. Nothing is stored between the steps: the proposal
travels in the review form as one signed field, and only `actions.do_add_version` writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from accounts.decorators import capability_required
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import BadRequest, TooManyFieldsSent
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from netiquette.importer import PolicyImportError, import_policy
from netiquette.importer.result import ImportResult
from netiquette.kinds import Role
from netiquette.policy import PolicyError, dump_policy_yaml, parse_policy, policy_to_data
from policies import actions
from policies.import_forms import (
    MAX_UPLOAD_BYTES,
    ClauseForm,
    ReviewForm,
    UploadForm,
    read_proposal,
    sign_proposal,
)
from policies.models import Format, Policy, PolicyVersion
from policies.views import access_policy

# Clauses the importer is less sure of than this are marked for a person to check first.
REVIEW_BELOW = 0.6
MAX_CLAUSES = 400
# Each clause posts at most its text, kind, strength, drop box and one value per role.
MAX_REVIEW_FIELDS = 20 + MAX_CLAUSES * (4 + len(Role))


@dataclass(frozen=True)
class ClauseRow:
    """One clause on the review screen: its form and what the importer knew about it."""

    form: ClauseForm
    id: str
    section: str
    confidence: float
    notes: list[str]

    @property
    def low(self) -> bool:
        return self.confidence < REVIEW_BELOW

    @property
    def percent(self) -> int:
        return round(self.confidence * 100)


def access_importable(slug: str) -> Policy:
    """Only the Netiquette policy (the social media one) can be imported from a document."""
    policy = access_policy(slug)
    if policy.format != Format.NETIQUETTE:
        raise Http404("only the social media policy is imported from a document")
    return policy


@capability_required("can_manage_policies")
def upload_view(request: HttpRequest, slug: str) -> HttpResponse:
    record = access_importable(slug)
    if request.method != "POST":
        return _upload_page(request, record, UploadForm())
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        document = form.cleaned_data["document"]
        try:
            result = import_policy(document.read(), document.name)
        except PolicyImportError as error:
            form.add_error("document", str(error))
        else:
            if len(result.clauses) <= MAX_CLAUSES:
                proposal = _proposal(slug, result)
                review = ReviewForm(initial=_initial(proposal))
                return _render_review(request, record, proposal, review, _clause_forms(proposal))
            form.add_error("document", _too_many(len(result.clauses)))
    return _upload_page(request, record, form)


@csrf_exempt
@require_POST
@capability_required("can_manage_policies")
def accept_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Accept the reviewed policy. CSRF is still checked, after reading the long form.

    A long policy posts more fields than the site-wide DATA_UPLOAD_MAX_NUMBER_FIELDS, and the
    CSRF middleware would parse (and refuse) the body before any view ran; so this view reads
    the body under its own limit, then `csrf_protect` checks the token as the middleware would.
    """
    _read_review_form(request)
    return _accept(request, slug)


@csrf_protect
def _accept(request: HttpRequest, slug: str) -> HttpResponse:
    record = access_importable(slug)
    try:
        proposal = read_proposal(request.POST.get("proposal", ""), slug)
    except forms.ValidationError as error:
        return _upload_page(request, record, UploadForm(), refused=error.messages, status=400)
    review = ReviewForm(request.POST)
    clauses = _clause_forms(proposal, request.POST)
    valid = all([form.is_valid() for form in (review, *clauses)])
    kept = [form for form in clauses if form.is_valid() and not form.cleaned_data["drop"]]
    if valid and not kept:
        review.add_error(None, _("Keep at least one clause: a policy needs rules."))
    elif valid and (version := _save(request, record, proposal, review, kept)):
        messages.success(request, _("Imported as version %(n)s.") % {"n": version.number})
        return redirect("policies:detail", slug=record.slug)
    return _render_review(request, record, proposal, review, clauses)


def _save(
    request: HttpRequest,
    record: Policy,
    proposal: dict[str, Any],
    review: ReviewForm,
    kept: list[ClauseForm],
) -> PolicyVersion | None:
    """Validate the corrected policy and save it as a new version; None with errors placed."""
    data = _edited_policy(proposal, review.cleaned_data, kept, record)
    try:
        body = dump_policy_yaml(parse_policy(data, source=proposal["source"]))
        return actions.do_add_version(record, body, review.cleaned_data["note"], request.user)
    except PolicyError as error:
        _place_problems(error.problems, review, kept)
        return None


def _upload_page(
    request: HttpRequest,
    record: Policy,
    form: UploadForm,
    refused: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {"record": record, "form": form, "refused": refused, "max_bytes": MAX_UPLOAD_BYTES}
    return render(request, "policies/import_upload.html", context, status=status)


def _read_review_form(request: HttpRequest) -> None:
    if request.content_type != "application/x-www-form-urlencoded":
        return
    try:
        text = request.body.decode(request.encoding or settings.DEFAULT_CHARSET)
    except UnicodeDecodeError as error:
        raise BadRequest("the form is not in UTF-8") from error
    try:
        pairs = parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_REVIEW_FIELDS)
    except ValueError as error:
        raise TooManyFieldsSent("the review form has too many fields") from error
    post = QueryDict(mutable=True)
    for key, value in pairs:
        post.appendlist(key, value)
    # WSGI and ASGI requests take a parsed form through POST's setter; the stubs type it as
    # read-only.
    request.POST = post  # type: ignore[assignment]


def _proposal(slug: str, result: ImportResult) -> dict[str, Any]:
    """What the review form carries, signed: the draft policy and what to show beside it."""
    return {
        "policy": slug,
        "source": result.source_name,
        "data": result.policy_data,
        "warnings": list(result.warnings),
        "left_out": list(result.left_out),
        "notes": {c.id: list(c.notes) for c in result.clauses if c.notes},
    }


def _initial(proposal: dict[str, Any]) -> dict[str, str]:
    data = proposal["data"]
    governance = data.get("governance") or {}
    return {
        "proposal": sign_proposal(proposal),
        "title": data.get("title", ""),
        "school": data.get("school", ""),
        "accepted": governance.get("accepted", ""),
        "review": governance.get("review", ""),
        "note": _("Imported from %(name)s") % {"name": proposal["source"]},
    }


def _clause_forms(proposal: dict[str, Any], post: QueryDict | None = None) -> list[ClauseForm]:
    return [
        ClauseForm(
            post,
            prefix=f"c{index}",
            clause=clause,
            initial={k: clause.get(k) for k in ("text", "kind", "strength", "roles")},
        )
        for index, clause in enumerate(proposal["data"]["clauses"])
    ]


def _edited_policy(
    proposal: dict[str, Any], cleaned: dict[str, Any], kept: list[ClauseForm], record: Policy
) -> dict[str, Any]:
    """The proposal with the person's corrections, keeping the school's own site settings."""
    data = dict(proposal["data"])
    governance = dict(data.get("governance") or {})
    for key in ("accepted", "review"):
        governance.pop(key, None)
        if cleaned[key]:
            governance[key] = cleaned[key]
    clauses = [form.edited() for form in kept]
    bound = {role for clause in clauses for role in clause["roles"]}
    data.update(
        title=cleaned["title"],
        school=cleaned["school"],
        governance=governance,
        clauses=clauses,
        roles=[r.value for r in Role if r.value in bound],
    )
    data.update(_site_settings(record))
    return data


def _site_settings(record: Policy) -> dict[str, Any]:
    """Thresholds and footer links are set by the school, not written in its document."""
    if record.current_version is None:
        return {}
    current = policy_to_data(record.current_version.to_engine_policy())
    return {key: current[key] for key in ("thresholds", "footer_links") if key in current}


def _place_problems(problems: list[str], review: ReviewForm, kept: list[ClauseForm]) -> None:
    """Put each of parse_policy's problems on the field it names (`clauses[2].kind: ...`)."""
    for problem in problems:
        path, _sep, message = problem.partition(": ")
        head, _dot, field = path.rpartition(".")
        field = field.partition("[")[0]
        if head.startswith("clauses[") and head.endswith("]") and head[8:-1].isdigit():
            form = kept[int(head[8:-1])]
            form.add_error(field if field in form.fields else None, message)
        elif head in ("", "governance") and field in review.fields:
            review.add_error(field, message)
        else:
            review.add_error(None, problem)


def _render_review(
    request: HttpRequest,
    record: Policy,
    proposal: dict[str, Any],
    review: ReviewForm,
    clauses: list[ClauseForm],
) -> HttpResponse:
    notes = proposal.get("notes", {})
    rows = [
        ClauseRow(
            form=form,
            id=form.clause["id"],
            section=form.clause.get("section", ""),
            confidence=float(form.clause.get("confidence", 1.0)),
            notes=notes.get(form.clause["id"], []),
        )
        for form in clauses
    ]
    rows.sort(key=lambda row: row.confidence)
    context = {
        "record": record,
        "review": review,
        "rows": rows,
        "proposal": proposal,
        "errors": _error_summary(review, rows),
        "low_below": round(REVIEW_BELOW * 100),
        "low_count": sum(row.low for row in rows),
    }
    return render(request, "policies/import_review.html", context)


def _error_summary(review: ReviewForm, rows: list[ClauseRow]) -> list[tuple[str, str]]:
    """Every problem as (the id of the field to jump to, a message naming where it is)."""
    out = [("review-form", str(error)) for error in review.non_field_errors()]
    for field in review:
        out += [(field.auto_id, f"{field.label}: {error}") for error in field.errors]
    for row in rows:
        where = _("Clause %(id)s") % {"id": row.id}
        errors = row.form.errors
        for error in errors.get("__all__", []):
            out.append((f"clause-{row.id}", f"{where}: {error}"))
        for field in row.form:
            for error in field.errors:
                anchor = field.id_for_label or f"{field.auto_id}_0"
                out.append((anchor, f"{where}, {str(field.label).lower()}: {error}"))
    return out


def _too_many(count: int) -> str:
    return _(
        "The document has %(count)s clauses; at most %(max)s can be reviewed at once. "
        "Split it into shorter documents, or edit the policy's YAML instead."
    ) % {"count": count, "max": MAX_CLAUSES}
