"""Template context for every page: the school's name, footer links and what the user may do."""

from __future__ import annotations

from typing import Any

from accounts.decorators import membership_of
from django.http import HttpRequest
from school.models import School


def site(request: HttpRequest) -> dict[str, Any]:
    school = School.objects.filter(pk=1).first()
    membership = getattr(request, "membership", None) or membership_of(request)
    return {
        "school_name": school.name if school else "Netiquette",
        "footer_links": school.footer_links if school else [],
        "me": membership,
    }
