"""The policy register: who may see it, versions, diffs, editing, reading progress."""

from __future__ import annotations

import pytest
from accounts.models import AuditEvent
from django.test import Client
from policies.models import Policy

from .helpers import Member


@pytest.mark.parametrize(
    "who,status",
    [
        ("head", 200),
        ("dsl", 200),
        ("governor", 200),
        ("teacher", 403),
        ("parent", 403),
        ("pupil", 403),
    ],
)
def test_it_shows_the_register_to_leaders_and_governors(
    cast: dict[str, Member], who: str, status: int
) -> None:
    assert cast[who].get("/policies/").status_code == status
    assert cast[who].get("/policies/complaints/").status_code == status


def test_it_needs_sign_in(anonymous: Client) -> None:
    assert anonymous.get("/policies/").status_code == 302


def test_it_lists_every_policy_with_overdue_marked(governor: Member) -> None:
    html = governor.get("/policies/").content.decode()
    for title in [
        "Complaints Policy",
        "Whistleblowing Policy",
        "Staff Code of Conduct",
        "Equality Statement",
        "Safeguarding and Child Protection Policy",
        "Online Conduct and Social Media Policy",
    ]:
        assert title in html
    assert "Overdue" in html
    assert "Staff: 0/3" in html


@pytest.mark.parametrize("who,status", [("head", 200), ("dsl", 403), ("governor", 403)])
def test_it_lets_only_the_head_edit(cast: dict[str, Member], who: str, status: int) -> None:
    assert cast[who].get("/policies/complaints/edit/").status_code == status
    assert cast[who].get("/policies/complaints/details/").status_code == status


def test_it_saves_an_edit_as_a_new_version_with_a_diff(head: Member) -> None:
    policy = Policy.objects.get(slug="complaints")
    old = policy.current_version
    assert old is not None
    body = old.body.replace("ten school days", "five school days")
    response = head.post("/policies/complaints/edit/", {"body": body, "note": "Faster replies"})
    assert response.status_code == 302
    policy.refresh_from_db()
    assert policy.current_version is not None and policy.current_version.number == 2
    assert AuditEvent.objects.filter(event_type="policy.version_added").exists()
    html = head.get("/policies/complaints/?from=1&to=2").content.decode()
    assert '<div class="del"><span class="visually-hidden">removed: </span>-' in html
    assert "five school days" in html


def test_it_refuses_a_policy_that_does_not_validate(head: Member) -> None:
    policy = Policy.objects.get(slug="social-media")
    assert policy.current_version is not None
    body = policy.current_version.body.replace("kind: defamation", "kind: defame")
    response = head.post("/policies/social-media/edit/", {"body": body, "note": "typo"})
    assert response.status_code == 200
    assert "unknown kind &#x27;defame&#x27;" in response.content.decode()
    policy.refresh_from_db()
    assert policy.current_version is not None and policy.current_version.number == 1


def test_it_updates_the_details(head: Member) -> None:
    data = {
        "owner": "Business manager",
        "status": "active",
        "accepted_on": "2025-09-15",
        "review_due": "2028-09-01",
        "audience": ["staff"],
    }
    assert head.post("/policies/complaints/details/", data).status_code == 302
    policy = Policy.objects.get(slug="complaints")
    assert policy.owner == "Business manager"
    assert policy.audience == ["staff"]
    event = AuditEvent.objects.get(event_type="policy.updated")
    assert event.old_value["owner"] == "Head teacher"
