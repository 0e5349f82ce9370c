"""The only way a view loads a case, so the access rules live in one place.

- the designated safeguarding lead and the head see every case;
- other staff see the cases they reported or are assigned to;
- governors see counts only, never a case; parents and pupils see the status of their own
  reports (`my_reports`, or the private status link that needs no sign-in).

A case someone may not open is answered 404, not 403: its reference says nothing about
whether it exists. Every successful load is written to the audit log, so the log shows
every look at a case, as well as every change.
"""

from __future__ import annotations

from accounts.decorators import current_membership
from accounts.models import Membership
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from cases.actions import record_view, token_digest
from cases.models import Case


def visible_cases(membership: Membership) -> QuerySet[Case]:
    """The cases this member may open."""
    cases = Case.objects.select_related("assigned_to", "reporter")
    if membership.can_see_all_cases:
        return cases
    if membership.can_work_cases:
        user = membership.user
        return cases.filter(Q(reporter=user) | Q(assigned_to=user))
    return cases.none()


def access_case(request: HttpRequest, reference: str, what: str = "case") -> Case:
    """Load a case for the signed-in member, or 404.

    A page or file that shows the case is recorded as a view; a change records itself.
    """
    membership = current_membership(request)
    case = visible_cases(membership).filter(reference=reference).first()
    if case is None:
        raise Http404("No such case")
    if request.method in ("GET", "HEAD"):
        record_view(case, request.user, what)
    return case


def my_reports(request: HttpRequest) -> QuerySet[Case]:
    """The reports the signed-in person made, for their status page (no detail is shown)."""
    membership = current_membership(request)
    return Case.objects.filter(reporter=membership.user).order_by("-created_at")


def access_status(token: str) -> Case:
    """The case a private status link points to, by the digest of its token, or 404."""
    case = Case.objects.filter(token_digest=token_digest(token)).first()
    if case is None:
        raise Http404("No such report")
    return case
