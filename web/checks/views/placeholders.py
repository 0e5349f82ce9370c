from __future__ import annotations

from accounts.decorators import capability_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@capability_required("can_see_dashboard")
def dashboard_view(request: HttpRequest) -> HttpResponse:
    return render(request, "placeholder.html", {"heading": "Dashboard"})
