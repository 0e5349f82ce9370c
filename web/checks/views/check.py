"""Check a post: an ordinary form, plus a live fragment that the page's script asks for.

"Use the safe version" is a submit button carrying the safe text; without JavaScript the
page comes back with the safe text in the box, checked again. The script does the same in
place.
"""

from __future__ import annotations

from typing import Any

from accounts.decorators import capability_required, current_membership
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_POST

from checks import checking
from checks.actions import do_record_check
from checks.engine import NoPolicy
from checks.forms import PHOTO_SLOTS, CheckForm


def _bound_form(request: HttpRequest) -> CheckForm:
    data: QueryDict = request.POST
    if data.get("use_safe") and data.get("safe_text"):
        data = data.copy()
        data["text"] = str(data.get("safe_text", ""))
    return CheckForm(data, request.FILES)


def _run(request: HttpRequest, form: CheckForm, source: str) -> dict[str, Any]:
    item = checking.item_from_form(form.cleaned_data, request.FILES.dict(), PHOTO_SLOTS)
    try:
        result = checking.check(item)
    except NoPolicy:
        return {"form": form, "no_policy": True}
    if source != "live":  # a live check is a draft being typed, not a check to count
        do_record_check(item, result, request.user, source)
    safe = result.redacted if result.redacted and result.redacted != item.text else None
    return {
        "form": form,
        "result": result,
        "pieces": checking.pieces(item.text, result.findings),
        "safe": safe,
    }


@capability_required("can_check_posts")
def check_view(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        membership = current_membership(request)
        initial = {"author_role": membership.engine_role, "channel": "personal"}
        return render(request, "checks/check.html", {"form": CheckForm(initial=initial)})
    form = _bound_form(request)
    context = _run(request, form, "page") if form.is_valid() else {"form": form}
    return render(request, "checks/check.html", context)


@require_POST
@capability_required("can_check_posts")
def check_live_view(request: HttpRequest) -> HttpResponse:
    """The results panel alone, for the page's script to swap in as the person types."""
    form = _bound_form(request)
    if not form.is_valid():
        return render(request, "checks/_result.html", {"form": form})
    return render(request, "checks/_result.html", _run(request, form, "live"))
