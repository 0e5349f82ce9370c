from __future__ import annotations

from accounts.decorators import capability_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def _placeholder(request: HttpRequest, heading: str) -> HttpResponse:
    return render(request, "placeholder.html", {"heading": heading})


@capability_required("can_publish_announcements")
def announcements_view(request: HttpRequest) -> HttpResponse:
    return _placeholder(request, "Announcements")


def events_view(request: HttpRequest) -> HttpResponse:
    return _placeholder(request, "News and events")


@capability_required("can_see_dashboard")
def dashboard_view(request: HttpRequest) -> HttpResponse:
    return _placeholder(request, "Dashboard")
