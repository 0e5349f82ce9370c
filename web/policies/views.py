from __future__ import annotations

from accounts.decorators import capability_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def _placeholder(request: HttpRequest, heading: str) -> HttpResponse:
    return render(request, "placeholder.html", {"heading": heading})


def public_view(request: HttpRequest) -> HttpResponse:
    return _placeholder(request, "Our policy")


@capability_required("can_acknowledge_policies")
def to_read_view(request: HttpRequest) -> HttpResponse:
    return _placeholder(request, "Policies to read")


@capability_required("can_view_register")
def register_view(request: HttpRequest) -> HttpResponse:
    return _placeholder(request, "Policy register")
