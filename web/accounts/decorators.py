"""`capability_required`: the one way a view says who may use it."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase

from accounts.models import Membership

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


def membership_of(request: HttpRequest) -> Membership | None:
    user = request.user
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user_id=user.pk).select_related("person").first()


def capability_required(capability: str) -> Callable[[View], View]:
    """Sign-in required, then the membership's `capability` property must be true (else 403)."""
    if not hasattr(Membership, capability):
        raise AttributeError(f"Membership has no capability {capability!r}")

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = membership_of(request)
            if membership is None or not getattr(membership, capability):
                raise PermissionDenied
            request.membership = membership  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


def current_membership(request: HttpRequest) -> Membership:
    """The membership the decorator loaded (or loads it); 403 for users without one."""
    membership = getattr(request, "membership", None)
    if membership is None:
        membership = membership_of(request)
    if membership is None:
        raise PermissionDenied
    return membership
