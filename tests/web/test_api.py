"""The JSON API: token authentication, one item, a batch, the policy, the schema."""

from __future__ import annotations

import json
from typing import Any

import pytest
from accounts.actions import do_create_api_token, do_revoke_api_token
from accounts.models import ApiToken
from checks.models import CheckRecord
from django.test import Client

from .helpers import Member

POST = {
    "id": "p1",
    "text": "So proud of Noah Fenwick today!",
    "author_role": "parent",
    "channel": "personal",
}


@pytest.fixture
def token(teacher: Member) -> str:
    return do_create_api_token(teacher.user, "newsletter script")[1]


def _post(client: Client, url: str, body: Any, token: str | None) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post(url, json.dumps(body), content_type="application/json", headers=headers)


def test_it_checks_one_item(anonymous: Client, token: str) -> None:
    response = _post(anonymous, "/api/v1/check", POST, token)
    assert response.status_code == 200
    result = response.json()
    assert result["id"] == "p1" and result["verdict"] == "block"
    finding = result["findings"][0]
    assert (finding["kind"], finding["clause"], finding["evidence"]) == (
        "personal-data",
        "wb-2.1",
        "Noah Fenwick",
    )
    assert "Noah Fenwick" not in result["redacted"]
    assert CheckRecord.objects.get().source == "api"


def test_it_answers_a_friend_request(anonymous: Client, token: str) -> None:
    item = {"id": "f1", "type": "friend-request", "from": "Noah Fenwick", "to": "Hannah Vickery"}
    assert _post(anonymous, "/api/v1/check", item, token).json()["verdict"] == "block"


def test_it_names_each_problem_in_a_bad_item(anonymous: Client, token: str) -> None:
    response = _post(anonymous, "/api/v1/check", {"id": "x", "channel": "fax"}, token)
    assert response.status_code == 400
    problems = response.json()["problems"]
    assert "text: is required" in problems
    assert any(p.startswith("channel: unknown channel 'fax'") for p in problems)


def test_it_rejects_a_body_that_is_not_json(anonymous: Client, token: str) -> None:
    response = anonymous.post(
        "/api/v1/check",
        "{nope",
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 400
    assert response.json()["problems"][0].startswith("the body is not JSON")


def test_it_checks_a_batch_in_order(anonymous: Client, token: str) -> None:
    items = [
        {"id": str(n), "text": "Lovely sports day!" if n % 2 else POST["text"]} for n in range(40)
    ]
    response = _post(anonymous, "/api/v1/check/batch", {"items": items}, token)
    results = response.json()["results"]
    assert [r["id"] for r in results] == [str(n) for n in range(40)]
    assert results[0]["verdict"] == "block" and results[1]["verdict"] == "ok"
    assert CheckRecord.objects.count() == 40


def test_it_refuses_more_than_a_thousand(anonymous: Client, token: str) -> None:
    items = [{"id": str(n), "text": "hi"} for n in range(1001)]
    response = _post(anonymous, "/api/v1/check/batch", {"items": items}, token)
    assert response.status_code == 400
    assert "send at most 1000" in response.json()["problems"][0]


def test_it_checks_nothing_when_one_item_is_bad(anonymous: Client, token: str) -> None:
    items = [{"id": "a", "text": "fine"}, {"id": "b"}]
    response = _post(anonymous, "/api/v1/check/batch", {"items": items}, token)
    assert response.status_code == 400
    assert response.json()["problems"] == ["items[1].text: is required"]
    assert CheckRecord.objects.count() == 0


def test_it_reads_the_policy(anonymous: Client, token: str) -> None:
    response = anonymous.get("/api/v1/policy", headers={"Authorization": f"Bearer {token}"})
    data = response.json()
    assert data["version"] == 1
    assert data["policy"]["title"] == "Online Conduct and Social Media Policy"
    assert any(c["id"] == "wb-2.1" for c in data["policy"]["clauses"])


def test_it_needs_a_token(anonymous: Client, teacher: Member) -> None:
    assert _post(anonymous, "/api/v1/check", POST, None).status_code == 401
    assert _post(anonymous, "/api/v1/check", POST, "nq_wrong").status_code == 401
    # a signed-in session is not enough: scripts use tokens, and there is no CSRF here
    assert _post(teacher, "/api/v1/check", POST, None).status_code == 401


def test_it_stops_a_revoked_token(anonymous: Client, teacher: Member, token: str) -> None:
    do_revoke_api_token(ApiToken.objects.get(user=teacher.user), teacher.user)
    assert _post(anonymous, "/api/v1/check", POST, token).status_code == 401


def test_it_refuses_a_member_who_may_not_use_the_api(anonymous: Client, parent: Member) -> None:
    raw = do_create_api_token(parent.user, "sneaky")[1]
    assert _post(anonymous, "/api/v1/check", POST, raw).status_code == 403


def test_it_serves_the_schema(anonymous: Client) -> None:
    schema = anonymous.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert {"/check", "/check/batch", "/policy"} <= set(schema["paths"])


@pytest.mark.parametrize(
    "who,status",
    [("head", 200), ("teacher", 200), ("governor", 403), ("parent", 403), ("pupil", 403)],
)
def test_the_token_page_is_for_staff(cast: dict[str, Member], who: str, status: int) -> None:
    assert cast[who].get("/api/tokens/").status_code == status


def test_it_shows_a_new_token_once(teacher: Member, anonymous: Client) -> None:
    html = teacher.post("/api/tokens/", {"name": "newsletter"}).content.decode()
    raw = html.split('<code id="new-token">')[1].split("</code>")[0]
    assert _post(anonymous, "/api/v1/check", POST, raw).status_code == 200
    assert raw not in teacher.get("/api/tokens/").content.decode()
    assert ApiToken.objects.get().key_hash != raw


def test_it_revokes_only_your_own_tokens(teacher: Member, dsl: Member) -> None:
    token = do_create_api_token(teacher.user, "mine")[0]
    assert dsl.post(f"/api/tokens/{token.pk}/revoke/").status_code == 404
    assert teacher.post(f"/api/tokens/{token.pk}/revoke/").status_code == 302
    assert not ApiToken.objects.exists()
