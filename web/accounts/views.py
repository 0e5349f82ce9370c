"""Sign in (with a second step for accounts with two-factor on), sign out, two-factor set-up."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import actions, twofactor
from accounts.decorators import capability_required, current_membership
from accounts.forms import CodeForm
from accounts.models import Membership

PENDING = "netiquette_pending_user"
NEXT = "netiquette_next"
TRIES = "netiquette_code_tries"
MAX_TRIES = 5


def _next_url(request: HttpRequest, candidate: str) -> str:
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}):
        return candidate
    return "/"


def login_view(request: HttpRequest) -> HttpResponse:
    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        target = _next_url(request, request.POST.get("next", ""))
        membership = Membership.objects.filter(user=user).first()
        if membership is not None and membership.totp_enabled:
            # Password right, second factor still to come: remember who, not yet signed in.
            request.session[PENDING] = user.pk
            request.session[NEXT] = target
            return redirect("accounts:verify")
        login(request, user)
        return redirect(target)
    next_url = request.GET.get("next", "")
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


def verify_view(request: HttpRequest) -> HttpResponse:
    user_id = request.session.get(PENDING)
    if not isinstance(user_id, int):
        return redirect("accounts:login")
    membership = Membership.objects.filter(user_id=user_id).select_related("user").first()
    if membership is None:
        return redirect("accounts:login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.verify(membership.totp_secret, form.cleaned_data["code"]):
            target = request.session.pop(NEXT, "/")
            request.session.pop(PENDING, None)
            request.session.pop(TRIES, None)
            login(request, membership.user)
            return redirect(target)
        tries = request.session.get(TRIES, 0) + 1
        request.session[TRIES] = tries
        if tries >= MAX_TRIES:
            # Guessing codes would take a million tries; after a few, start again from the password.
            request.session.flush()
            return redirect("accounts:login")
        form.add_error("code", _("That code is not right. Check the time on your phone."))
    return render(request, "accounts/verify.html", {"form": form})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("accounts:login")


@capability_required("can_use_two_factor")
def two_factor_view(request: HttpRequest) -> HttpResponse:
    membership = current_membership(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and membership.totp_secret and form.is_valid():
        if twofactor.verify(membership.totp_secret, form.cleaned_data["code"]):
            actions.do_enable_two_factor(membership, request.user)
            messages.success(request, _("Two-factor sign-in is on."))
            return redirect("accounts:two_factor")
        form.add_error("code", _("That code is not right. Check the time on your phone."))
    context: dict[str, object] = {"membership": membership, "form": form}
    if membership.totp_secret and not membership.totp_enabled:
        assert isinstance(request.user, User)
        uri = twofactor.provisioning_uri(
            membership.totp_secret, request.user.username, "Netiquette"
        )
        context["qr"] = twofactor.qr_svg(uri)
    return render(request, "accounts/two_factor.html", context)


@require_POST
@capability_required("can_use_two_factor")
def two_factor_start_view(request: HttpRequest) -> HttpResponse:
    membership = current_membership(request)
    if membership.totp_enabled:
        return redirect("accounts:two_factor")
    actions.do_start_two_factor(membership, twofactor.new_secret(), request.user)
    return redirect("accounts:two_factor")


@require_POST
@capability_required("can_use_two_factor")
def two_factor_disable_view(request: HttpRequest) -> HttpResponse:
    membership = current_membership(request)
    if membership.totp_enabled or membership.totp_secret:
        actions.do_disable_two_factor(membership, request.user)
        messages.success(request, _("Two-factor sign-in is off."))
    return redirect("accounts:two_factor")
