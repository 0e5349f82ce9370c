"""Working a case: the list, the case page, and one small POST view per change.

Each view loads the case through `permissions.access_case` (which also logs the view),
validates one form, calls one `do_*` action and redirects back to the case.
"""

from __future__ import annotations

from accounts.decorators import capability_required, current_membership
from django.contrib import messages
from django.contrib.auth.models import User
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from school.models import Person

from cases import actions, conf
from cases.chronology import chronology
from cases.evidence import path_of
from cases.followups import current_policy
from cases.forms import ActionForm, AssignForm, CaseLinkForm, MoveForm, NoteForm, PersonLinkForm
from cases.models import Action, Case, EvidenceKind
from cases.pdf import case_pdf
from cases.permissions import access_case, visible_cases
from cases.workflow import Workflow


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@capability_required("can_work_cases")
def case_list(request: HttpRequest) -> HttpResponse:
    workflow = Workflow.for_policy(current_policy())
    cases = visible_cases(current_membership(request))
    show = request.GET.get("show", "open")
    if show == "open":
        cases = cases.filter(closed_at=None)
    rows = [(case, workflow.stage(case.state)) for case in cases[:500]]
    return render(request, "cases/list.html", {"rows": rows, "show": show})


@capability_required("can_work_cases")
def case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    case = access_case(request, reference)
    workflow = Workflow.for_policy(current_policy())
    context = {
        "case": case,
        "stage": workflow.stage(case.state),
        "workflow": workflow,
        "moves": workflow.transitions(case.state),
        # Several forms on one page: each gets its own id prefix, so labels stay unique.
        "assign_form": AssignForm(initial={"assignee": case.assigned_to}, auto_id="assign_%s"),
        "note_form": NoteForm(auto_id="note_%s"),
        "action_form": ActionForm(auto_id="action_%s"),
        "person_form": PersonLinkForm(auto_id="person_%s"),
        "link_form": CaseLinkForm(auto_id="link_%s"),
        "events": chronology(case, workflow),
        "linked": Case.objects.filter(links_in__case=case),
        "failed": case.followups.exclude(failed_at=None),
    }
    return render(request, "cases/case.html", context)


def _back(case: Case) -> HttpResponse:
    return redirect("cases:case", reference=case.reference)


def _form_errors(request: HttpRequest, form: object) -> None:
    errors = getattr(form, "errors", {})
    for field, messages_ in errors.items():
        label = "" if field == "__all__" else f"{field.replace('_', ' ').capitalize()}: "
        for message in messages_:
            messages.error(request, f"{label}{message}")


@capability_required("can_work_cases")
@require_POST
def case_move(request: HttpRequest, reference: str) -> HttpResponse:
    case = access_case(request, reference, "move")
    form = MoveForm(Workflow.for_policy(current_policy()), case.state, request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(case)
    actions.do_transition_case(case, form.move, request.user)
    return _back(case)


@capability_required("can_work_cases")
@require_POST
def case_assign(request: HttpRequest, reference: str) -> HttpResponse:
    case = access_case(request, reference, "assign")
    form = AssignForm(request.POST)
    if form.is_valid():
        actions.do_assign_case(case, form.cleaned_data["assignee"], request.user)
    else:
        _form_errors(request, form)
    return _back(case)


@capability_required("can_work_cases")
@require_POST
def case_note(request: HttpRequest, reference: str) -> HttpResponse:
    case = access_case(request, reference, "note")
    form = NoteForm(request.POST)
    if form.is_valid():
        actions.do_add_note(case, form.cleaned_data["text"], _user(request))
    else:
        _form_errors(request, form)
    return _back(case)


@capability_required("can_work_cases")
@require_POST
def case_action(request: HttpRequest, reference: str) -> HttpResponse:
    case = access_case(request, reference, "action")
    form = ActionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        actions.do_add_action(case, data["text"], data["due_on"], data["assignee"], _user(request))
    else:
        _form_errors(request, form)
    return _back(case)


@capability_required("can_work_cases")
@require_POST
def action_done(request: HttpRequest, reference: str, action_id: int) -> HttpResponse:
    case = access_case(request, reference, "action done")
    action = Action.objects.filter(case=case, pk=action_id, done_at=None).first()
    if action is not None:
        actions.do_complete_action(action, _user(request))
    return _back(case)


@capability_required("can_work_cases")
@require_POST
def case_person(request: HttpRequest, reference: str) -> HttpResponse:
    case = access_case(request, reference, "link person")
    form = PersonLinkForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(case)
    person: Person = form.cleaned_data["person"]
    people = [person, *(siblings(person) if form.cleaned_data["with_siblings"] else [])]
    for index, linked in enumerate(people):
        if not case.people.filter(person=linked).exists():
            involvement = form.cleaned_data["involvement"] if index == 0 else "sibling"
            actions.do_link_person(case, linked.pk, involvement, _user(request))
    return _back(case)


def siblings(person: Person) -> list[Person]:
    """Other children of any of the person's parents or carers, from the roster."""
    found = Person.objects.filter(parents__children=person).exclude(pk=person.pk).distinct()
    return list(found.order_by("name"))


@capability_required("can_work_cases")
@require_POST
def case_link(request: HttpRequest, reference: str) -> HttpResponse:
    case = access_case(request, reference, "link case")
    form = CaseLinkForm(request.POST)
    if form.is_valid():
        wanted = form.cleaned_data["reference"].strip().upper()
        other = visible_cases(current_membership(request)).filter(reference=wanted).first()
        if other is None or other.pk == case.pk:
            messages.error(request, _("No other case you can open has that reference."))
        else:
            actions.do_link_cases(case, other, _user(request))
    return _back(case)


@capability_required("can_work_cases")
def case_evidence(request: HttpRequest, reference: str, evidence_id: int) -> FileResponse:
    case = access_case(request, reference, f"evidence {evidence_id}")
    item = case.evidence.filter(pk=evidence_id, kind=EvidenceKind.IMAGE).first()
    if item is None:
        raise Http404("No such evidence")
    path = path_of(conf.evidence_dir(), item.stored_name)
    response = FileResponse(path.open("rb"), content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = f'inline; filename="{case.reference}-{item.pk}.png"'
    return response


@capability_required("can_work_cases")
def case_export(request: HttpRequest, reference: str) -> HttpResponse:
    case = access_case(request, reference, "export PDF")
    workflow = Workflow.for_policy(current_policy())
    response = HttpResponse(case_pdf(case, workflow), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{case.reference}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
