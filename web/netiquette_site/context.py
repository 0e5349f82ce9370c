"""Template context for every page: the school's name, footer links and what the user may do."""

from __future__ import annotations

import functools
from typing import Any

from accounts.decorators import membership_of
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject, lazy
from school.models import School


def site(request: HttpRequest) -> dict[str, Any]:
    """The school is read only if the template uses it: a fragment (a live check) does not."""

    @functools.cache
    def school() -> School | None:
        return School.objects.filter(pk=1).first()

    def name() -> str:
        found = school()
        return found.name if found else "Netiquette"

    def links() -> list[dict[str, str]]:
        found = school()
        return found.footer_links if found else []

    membership = getattr(request, "membership", None) or membership_of(request)
    return {
        "school_name": lazy(name, str)(),
        "footer_links": SimpleLazyObject(links),
        "me": membership,
    }
