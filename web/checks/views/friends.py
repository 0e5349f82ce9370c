"""Friend requests: is it all right to connect with this person? The engine answers."""

from __future__ import annotations

from typing import Any

from accounts.decorators import capability_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from checks.engine import NoPolicy, current_engine_policy, get_engine
from checks.forms import FriendRequestForm
from netiquette.detectors.friend_request import FriendRequestDetector
from netiquette.engine import Engine
from netiquette.findings import Result
from netiquette.items import FriendRequest
from netiquette.kinds import Role
from netiquette.school import Person, School

SENDER, RECIPIENT = "The sender", "The recipient"


def _by_people(sender: str, recipient: str) -> Result:
    return get_engine().check(FriendRequest(id="web", sender=sender, recipient=recipient))


def _by_roles(sender_role: str, recipient_role: str) -> Result:
    """Ask the engine about two stand-ins with these roles (the people are not on the roster)."""
    people = (Person(SENDER, Role(sender_role)), Person(RECIPIENT, Role(recipient_role)))
    engine = Engine(
        current_engine_policy(),
        School("stand-ins", people=people),
        detectors=[FriendRequestDetector()],
    )
    return engine.check(FriendRequest(id="web", sender=SENDER, recipient=RECIPIENT))


@capability_required("can_check_posts")
def friend_requests_view(request: HttpRequest) -> HttpResponse:
    form = FriendRequestForm(request.POST or None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data.get("sender") and data.get("recipient"):
                result = _by_people(data["sender"], data["recipient"])
            else:
                result = _by_roles(data["sender_role"], data["recipient_role"])
        except NoPolicy:
            context["no_policy"] = True
        else:
            context["result"] = result
    return render(request, "checks/friend_requests.html", context)
