"""The cases dashboard: counts for governors, counts and the overdue list for case workers."""

from __future__ import annotations

from accounts.decorators import capability_required, current_membership
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cases.dashboard import panel_for
from cases.models import Followup


@capability_required("can_see_case_counts")
def dashboard(request: HttpRequest) -> HttpResponse:
    membership = current_membership(request)
    # Governors see every case counted, never a name; leaders see the same plus the lists.
    context = panel_for(membership) or {}
    if membership.can_see_all_cases:
        context["failed_work"] = Followup.objects.exclude(failed_at=None).select_related("case")
    return render(request, "cases/dashboard.html", context)
