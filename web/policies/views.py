"""The public policy pages, the register (versions, diffs, reading progress) and reading."""

from __future__ import annotations

import difflib

from accounts.decorators import capability_required, current_membership
from checks.engine import social_media_policy
from checks.feeds import upcoming
from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netiquette.policy import PolicyError
from policies import actions, progress
from policies.forms import DetailsForm, VersionForm
from policies.models import Format, Policy, PolicyVersion, Status


def access_policy(slug: str, *, public: bool = False) -> Policy:
    """Load a policy by slug; public pages see only those in force."""
    policies = Policy.objects.select_related("current_version")
    if public:
        policies = policies.filter(status=Status.ACTIVE).exclude(current_version=None)
    return get_object_or_404(policies, slug=slug)


def public_view(request: HttpRequest) -> HttpResponse:
    """The social media policy as the page a school links from its website."""
    record = social_media_policy()
    if record is None or record.current_version is None:
        raise Http404("no social media policy in force")
    policy = record.current_version.to_engine_policy()
    related = {p.slug: p for p in Policy.objects.filter(status=Status.ACTIVE)}
    context = {
        "record": record,
        "policy": policy,
        "review_status": policy.review_status().value,
        "related": [(r, related.get(r.id)) for r in policy.related],
        "upcoming": upcoming(),
    }
    return render(request, "policies/public.html", context)


def related_public_view(request: HttpRequest, slug: str) -> HttpResponse:
    policy = access_policy(slug, public=True)
    if policy.format == Format.NETIQUETTE:
        return redirect("policies:public")
    return render(request, "policies/related_public.html", {"record": policy})


@capability_required("can_view_register")
def register_view(request: HttpRequest) -> HttpResponse:
    policies = Policy.objects.select_related("current_version").order_by("title")
    rows = [(p, progress.progress(p)) for p in policies]
    return render(request, "policies/register.html", {"rows": rows})


@capability_required("can_view_register")
def detail_view(request: HttpRequest, slug: str) -> HttpResponse:
    policy = access_policy(slug)
    versions = list(policy.versions.select_related("created_by").order_by("-number"))
    context = {
        "record": policy,
        "versions": versions,
        "groups": progress.progress(policy),
        "diff": _diff(policy, request.GET.get("from"), request.GET.get("to")),
    }
    return render(request, "policies/detail.html", context)


def _diff(policy: Policy, old: str | None, new: str | None) -> list[tuple[str, str]] | None:
    if not (old and new and old.isdigit() and new.isdigit()):
        return None
    a = get_object_or_404(PolicyVersion, policy=policy, number=int(old))
    b = get_object_or_404(PolicyVersion, policy=policy, number=int(new))
    lines = difflib.unified_diff(
        a.body.splitlines(), b.body.splitlines(), f"v{a.number}", f"v{b.number}", lineterm="", n=2
    )
    kinds = {"+": "add", "-": "del", "@": "hunk"}
    return [(kinds.get(line[:1], "same"), line) for line in lines if line[:3] not in ("+++", "---")]


@capability_required("can_manage_policies")
def edit_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Editing makes a new version; a YAML policy that does not validate is never saved."""
    policy = access_policy(slug)
    body = policy.current_version.body if policy.current_version else ""
    form = VersionForm(request.POST or None, initial={"body": body})
    if request.method == "POST" and form.is_valid():
        try:
            version = actions.do_add_version(
                policy, form.cleaned_data["body"], form.cleaned_data["note"], request.user
            )
        except PolicyError as error:
            for problem in error.problems:
                form.add_error("body", problem)
        else:
            messages.success(request, _("Saved as version %(n)s.") % {"n": version.number})
            return redirect("policies:detail", slug=policy.slug)
    return render(request, "policies/edit.html", {"record": policy, "form": form})


@capability_required("can_manage_policies")
def details_view(request: HttpRequest, slug: str) -> HttpResponse:
    policy = access_policy(slug)
    form = DetailsForm(request.POST or None, instance=policy)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        policy.refresh_from_db()
        if changes:
            actions.do_update_policy(policy, changes, request.user)
        messages.success(request, _("The policy's details are saved."))
        return redirect("policies:detail", slug=policy.slug)
    return render(request, "policies/details.html", {"record": policy, "form": form})


@capability_required("can_acknowledge_policies")
def to_read_view(request: HttpRequest) -> HttpResponse:
    membership = current_membership(request)
    assert isinstance(request.user, User)
    policies = progress.to_read(request.user, membership.group)
    return render(request, "policies/to_read.html", {"policies": policies})


@require_POST
@capability_required("can_acknowledge_policies")
def acknowledge_view(request: HttpRequest, slug: str) -> HttpResponse:
    policy = access_policy(slug, public=True)
    membership = current_membership(request)
    group = membership.group
    if group is None or group.value not in policy.audience or policy.current_version is None:
        raise Http404("this policy does not ask you to read it")
    assert isinstance(request.user, User)
    actions.do_acknowledge(policy.current_version, request.user)
    messages.success(request, _("Thank you: you have confirmed reading “%(t)s”.") % {"t": policy})
    return redirect("policies:to_read")
