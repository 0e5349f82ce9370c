"""The JSON API, /api/v1/: check one item, check a batch, read the policy, the schema.

Scripts authenticate with `Authorization: Bearer <token>` (tokens are made on the API
tokens page). Items and results have PRODUCT.md's shapes; bad input gets a 400 naming each
problem's place, and nothing is checked.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from typing import Any, Literal

from accounts.actions import hash_token, touch_api_token
from accounts.models import ApiToken, Membership
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from netiquette_site.prepared import PreparedQuery

from checks.actions import do_record_checks
from checks.engine import NoPolicy, current_version, get_engine
from checks.openapi import SCHEMA
from netiquette.items import AnyItem, Item, ItemError, parse_item
from netiquette.policy import policy_to_data


@dataclass(frozen=True)
class Caller:
    """Who sent an API request, as much as the API needs: read in one query per request."""

    token_id: int
    user_id: int
    last_used_at: datetime | None


ApiView = Callable[[HttpRequest, Caller], HttpResponse]


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
        caller = _caller(raw.strip())
        if caller is None:
            return _error(401, "unknown or revoked token")
        if caller is False:
            return _error(403, "this account may not use the API")
        touch_api_token(caller.token_id, caller.last_used_at)
        return view(request, caller)

    return csrf_exempt(wrapped)


# Every request asks this, so it selects four columns, compiled once (see `prepared`).
_TOKEN = PreparedQuery(
    lambda key_hash: ApiToken.objects.filter(key_hash=key_hash, user__is_active=True).values_list(
        "pk", "user_id", "last_used_at", "user__membership__role"
    )
)


def _caller(raw: str) -> Caller | Literal[False] | None:
    """The token's caller; None for an unknown token, False for an account without the API.

    The capability is decided by `Membership`, from the role, as everywhere else."""
    row = _TOKEN.first(hash_token(raw))
    if row is None:
        return None
    token_id, user_id, last_used_at, role = row
    if role is None or not Membership(role=role).can_use_api:
        return False
    return Caller(token_id, user_id, last_used_at)


def _json_body(request: HttpRequest) -> Any:
    try:
        return json.loads(request.body or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ItemError([f"the body is not JSON: {error}"]) from None


@require_POST
@token_required
def check_one(request: HttpRequest, caller: Caller) -> HttpResponse:
    try:
        item = parse_item(_json_body(request))
        result = get_engine().check(item)
    except ItemError as error:
        return _error(400, "the item is not valid", error.problems)
    except NoPolicy:
        return _error(409, "no social media policy is in force")
    if isinstance(item, Item):  # friend requests are not posts, so are not counted
        do_record_checks([item], [result], caller.user_id, "api")
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
def check_batch(request: HttpRequest, caller: Caller) -> HttpResponse:
    try:
        items = _items(_json_body(request))
        results = get_engine().check_many(items)
    except ItemError as error:
        return _error(400, "the batch is not valid; nothing was checked", error.problems)
    except NoPolicy:
        return _error(409, "no social media policy is in force")
    pairs = [(i, r) for i, r in zip(items, results, strict=True) if isinstance(i, Item)]
    do_record_checks([i for i, _r in pairs], [r for _i, r in pairs], caller.user_id, "api")
    return JsonResponse({"results": [r.to_dict() for r in results]})


@require_GET
@token_required
def policy(request: HttpRequest, caller: Caller) -> HttpResponse:
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
