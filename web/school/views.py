"""The school profile: details, the roster with consents, editing, and CSV import."""

from __future__ import annotations

from accounts.decorators import capability_required
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netiquette.roster import RosterError
from school import actions, roster_import
from school.forms import PersonForm, RosterUploadForm, SchoolForm
from school.models import Person, School

PREVIEW = "netiquette_roster_preview"


def access_person(person_id: int) -> Person:
    return get_object_or_404(Person, pk=person_id)


@capability_required("can_view_roster")
def profile_view(request: HttpRequest) -> HttpResponse:
    school = School.load()
    people = Person.objects.prefetch_related("children").order_by("role", "year", "name")
    return render(request, "school/profile.html", {"school": school, "people": people})


@capability_required("can_edit_roster")
def edit_school_view(request: HttpRequest) -> HttpResponse:
    school = School.load()
    form = SchoolForm(request.POST or None, initial=SchoolForm.initial_from(school))
    if request.method == "POST" and form.is_valid():
        changes = {k: v for k, v in form.cleaned_data.items() if getattr(school, k) != v}
        if changes:
            actions.do_update_school(school, changes, request.user)
        messages.success(request, _("The school's details are saved."))
        return redirect("school:profile")
    return render(request, "school/edit_school.html", {"form": form})


@capability_required("can_edit_roster")
def person_view(request: HttpRequest, person_id: int | None = None) -> HttpResponse:
    person = access_person(person_id) if person_id is not None else None
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        if person is None:
            actions.do_create_person(form.cleaned_data, request.user)
        else:
            changes = {name: form.cleaned_data[name] for name in form.changed_data}
            person.refresh_from_db()
            actions.do_update_person(person, changes, request.user)
        messages.success(request, _("Saved."))
        return redirect("school:profile")
    return render(request, "school/person.html", {"form": form, "person": person})


@require_POST
@capability_required("can_edit_roster")
def delete_person_view(request: HttpRequest, person_id: int) -> HttpResponse:
    actions.do_delete_person(access_person(person_id), request.user)
    messages.success(request, _("Removed from the roster."))
    return redirect("school:profile")


@capability_required("can_edit_roster")
def import_view(request: HttpRequest) -> HttpResponse:
    """Step one: upload and preview. Every bad row is listed and nothing is saved."""
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        try:
            pupils = roster_import.read_upload(form.cleaned_data["file"])
        except RosterError as error:
            context["problems"] = error.problems
        else:
            rows = roster_import.preview(pupils)
            request.session[PREVIEW] = rows
            context["rows"] = rows
    return render(request, "school/import.html", context)


@require_POST
@capability_required("can_edit_roster")
def import_confirm_view(request: HttpRequest) -> HttpResponse:
    """Step two: save the previewed rows, all in one transaction."""
    rows = request.session.pop(PREVIEW, None)
    if not rows:
        messages.error(request, _("There is nothing to import: upload the file again."))
        return redirect("school:import")
    added, updated = actions.do_import_pupils(rows, request.user)
    messages.success(
        request, _("Imported: %(a)s added, %(u)s updated.") % {"a": added, "u": updated}
    )
    return redirect("school:profile")
