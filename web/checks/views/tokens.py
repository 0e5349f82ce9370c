"""API tokens: make one (shown once), see when each was last used, revoke."""

from __future__ import annotations

from accounts import actions
from accounts.decorators import capability_required
from accounts.forms import TokenForm
from accounts.models import ApiToken
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST


@capability_required("can_use_api")
def tokens_view(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    form = TokenForm(request.POST or None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        _token, raw = actions.do_create_api_token(request.user, form.cleaned_data["name"])
        context["new_token"] = raw
        context["form"] = TokenForm()
    context["tokens"] = ApiToken.objects.filter(user=request.user).order_by("-created_at")
    return render(request, "checks/tokens.html", context)


@require_POST
@capability_required("can_use_api")
def revoke_view(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=token_id, user_id=request.user.pk)
    actions.do_revoke_api_token(token, request.user)
    return redirect("checks:tokens")
