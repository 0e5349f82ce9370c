"""Sign in (with a second step for accounts with two-factor on), sign out, two-factor set-up,
and the head's page of people and accounts."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import actions, twofactor
from accounts.decorators import capability_required, current_membership
from accounts.forms import CodeForm, MemberForm, NewMemberForm
from accounts.models import Membership, Role

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


@capability_required("can_manage_accounts")
def people_view(request: HttpRequest) -> HttpResponse:
    """Every account with its role, and a form to make a new one."""
    form = NewMemberForm(request.POST or None, initial={"role": Role.PARENT})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = actions.do_create_member(
            data["username"],
            data["password"],
            Role(data["role"]),
            person=data["person"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            actor=request.user,
        )
        messages.success(request, _("Account %(name)s made.") % {"name": user.username})
        return redirect("accounts:people")
    members = Membership.objects.select_related("user", "person").order_by("user__username")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "accounts/people.html", {"form": form, "members": members}, status=status
    )


@capability_required("can_manage_accounts")
def member_view(request: HttpRequest, user_id: int) -> HttpResponse:
    """Change one account's role, roster link, email, or whether it may sign in."""
    member = get_object_or_404(Membership.objects.select_related("user", "person"), user_id=user_id)
    initial = {
        "role": member.role,
        "person": member.person,
        "email": member.user.email,
        "is_active": member.user.is_active,
    }
    form = MemberForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if member.user_id == request.user.pk and _locks_out(form.cleaned_data):
            form.add_error(None, _("You cannot take away your own head teacher account."))
        else:
            _apply_member_changes(member, form.cleaned_data, request.user)
            messages.success(request, _("Account %(name)s saved.") % {"name": member.user})
            return redirect("accounts:people")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/member.html", {"form": form, "member": member}, status=status)


def _locks_out(data: dict[str, Any]) -> bool:
    """The head demoting or switching off their own account would leave no one to undo it."""
    return data["role"] != Role.HEAD or not data["is_active"]


def _apply_member_changes(member: Membership, data: dict[str, Any], actor: actions.Actor) -> None:
    """Each change through its own audited action, and only what changed."""
    if data["role"] != member.role:
        actions.do_change_role(member, Role(data["role"]), actor)
    if data["person"] != member.person:
        actions.do_link_person(member, data["person"], actor)
    if data["email"] != member.user.email:
        actions.do_change_email(member.user, data["email"], actor)
    if data["is_active"] != member.user.is_active:
        actions.do_set_active(member.user, data["is_active"], actor)
