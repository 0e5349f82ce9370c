"""The JSON API, /api/v1/: check one item, check a batch, read the policy, the schema.

Scripts authenticate with `Authorization: Bearer <token>` (tokens are made on the API
tokens page). Items and results have PRODUCT.md's shapes; bad input gets a 400 naming each
problem's place, and nothing is checked.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from accounts.actions import hash_token, touch_api_token
from accounts.models import ApiToken
from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from checks.actions import do_record_checks
from checks.engine import NoPolicy, current_version, get_engine
from checks.openapi import SCHEMA
from netiquette.items import AnyItem, Item, ItemError, parse_item
from netiquette.policy import policy_to_data

ApiView = Callable[[HttpRequest, User], HttpResponse]


def _error(status: int, message: str, problems: list[str] | None = None) -> JsonResponse:
    body: dict[str, Any] = {"error": message}
    if problems:
        body["problems"] = problems
    return JsonResponse(body, status=status)


def token_required(view: ApiView) -> Callable[[HttpRequest], HttpResponse]:
    """Bearer token of a member allowed to use the API; 401 without one, 403 if not allowed."""

    @wraps(view)
    def wrapped(request: HttpRequest) -> HttpResponse:
        header = request.headers.get("Authorization", "")
        scheme, _space, raw = header.partition(" ")
        if scheme.lower() != "bearer" or not raw.strip():
            return _error(401, "send a token: Authorization: Bearer <token>")
        token = (
            ApiToken.objects.select_related("user__membership")
            .filter(key_hash=hash_token(raw.strip()), user__is_active=True)
            .first()
        )
        if token is None:
            return _error(401, "unknown or revoked token")
        membership = getattr(token.user, "membership", None)
        if membership is None or not membership.can_use_api:
            return _error(403, "this account may not use the API")
        touch_api_token(token)
        return view(request, token.user)

    return csrf_exempt(wrapped)


def _json_body(request: HttpRequest) -> Any:
    try:
        return json.loads(request.body or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ItemError([f"the body is not JSON: {error}"]) from None


@require_POST
@token_required
def check_one(request: HttpRequest, user: User) -> HttpResponse:
    try:
        item = parse_item(_json_body(request))
        result = get_engine().check(item)
    except ItemError as error:
        return _error(400, "the item is not valid", error.problems)
    except NoPolicy:
        return _error(409, "no social media policy is in force")
    if isinstance(item, Item):  # friend requests are not posts, so are not counted
        do_record_checks([item], [result], user, "api")
    return JsonResponse(result.to_dict())


def _items(data: Any) -> list[AnyItem]:
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise ItemError(['expected an object {"items": [...]}'])
    raw = data["items"]
    limit = settings.NETIQUETTE_BATCH_LIMIT
    if len(raw) > limit:
        raise ItemError([f"items: {len(raw)} items; send at most {limit} at a time"])
    items, problems = [], []
    for index, element in enumerate(raw):
        try:
            items.append(parse_item(element))
        except ItemError as error:
            problems += [f"items[{index}].{p}" for p in error.problems]
    if problems:
        raise ItemError(problems)
    return items


@require_POST
@token_required
def check_batch(request: HttpRequest, user: User) -> HttpResponse:
    try:
        items = _items(_json_body(request))
        results = get_engine().check_many(items)
    except ItemError as error:
        return _error(400, "the batch is not valid; nothing was checked", error.problems)
    except NoPolicy:
        return _error(409, "no social media policy is in force")
    pairs = [(i, r) for i, r in zip(items, results, strict=True) if isinstance(i, Item)]
    do_record_checks([i for i, _r in pairs], [r for _i, r in pairs], user, "api")
    return JsonResponse({"results": [r.to_dict() for r in results]})


@require_GET
@token_required
def policy(request: HttpRequest, user: User) -> HttpResponse:
    try:
        version = current_version()
    except NoPolicy:
        return _error(404, "no social media policy is in force")
    engine_policy = version.to_engine_policy()
    data = {
        "version": version.number,
        "review_status": engine_policy.review_status().value,
        "policy": policy_to_data(engine_policy),
    }
    return JsonResponse(data)


@require_GET
def schema(request: HttpRequest) -> HttpResponse:
    return JsonResponse(SCHEMA)
