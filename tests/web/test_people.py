"""People and accounts: the head makes accounts and sets roles; every change is audited."""

from __future__ import annotations

from typing import Any

import pytest
from accounts.models import AuditEvent, Membership
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.test import Client
from school.models import Person

from .helpers import Member, sign_in

NEW = {
    "username": "jpenhallow",
    "first_name": "Jodie",
    "last_name": "Penhallow",
    "email": "office@willowbank-primary.example",
    "role": "staff",
    "person": "",
    "password": "a-long-first-password-9",
}


def _member_url(username: str) -> str:
    return f"/accounts/people/{User.objects.get(username=username).pk}/"


def _edit(username: str, **changes: Any) -> dict[str, Any]:
    user = User.objects.get(username=username)
    data = {"role": user.membership.role, "email": user.email, "is_active": "on", "person": ""}
    if user.membership.person_id:
        data["person"] = str(user.membership.person_id)
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("head", 200),
        ("dsl", 403),
        ("teacher", 403),
        ("governor", 403),
        ("parent", 403),
        ("pupil", 403),
    ],
)
def test_only_the_head_may_open_the_pages(cast: dict[str, Member], who: str, status: int) -> None:
    assert cast[who].get("/accounts/people/").status_code == status
    assert cast[who].get(_member_url("parent")).status_code == status


def test_visitors_are_sent_to_sign_in(anonymous: Client) -> None:
    for url in ("/accounts/people/", _member_url("parent")):
        response = anonymous.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["dsl", "teacher", "governor", "parent", "pupil"])
def test_no_one_else_can_make_or_change_an_account(cast: dict[str, Member], who: str) -> None:
    assert cast[who].post("/accounts/people/", NEW).status_code == 403
    assert cast[who].post(_member_url("parent"), _edit("parent", role="head")).status_code == 403
    assert not User.objects.filter(username="jpenhallow").exists()
    assert Membership.objects.get(user__username="parent").role == "parent"
    assert not AuditEvent.objects.filter(event_type__startswith="member.", actor__isnull=False)


def test_the_head_makes_an_account_that_can_sign_in(head: Member) -> None:
    person = Person.objects.get(name="Jodie Penhallow")
    response = head.post("/accounts/people/", {**NEW, "person": str(person.pk)})
    assert response.status_code == 302
    user = authenticate(username="jpenhallow", password=NEW["password"])
    assert user is not None and user.email == NEW["email"]
    assert (user.membership.role, user.membership.person) == ("staff", person)
    event = AuditEvent.objects.get(event_type="member.created", object_id=str(user.pk))
    assert event.actor == head.user and event.new_value["role"] == "staff"
    assert "jpenhallow" in head.get("/accounts/people/").content.decode()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"username": "Teacher"}, "username"),  # taken, whatever the case
        ({"password": "password"}, "password"),  # too common
        ({"role": "caretaker"}, "role"),
        ({"email": "not an address"}, "email"),
        ({"person": "999999"}, "person"),
    ],
)
def test_a_bad_new_account_is_named_and_nothing_saved(
    head: Member, changes: dict[str, str], field: str
) -> None:
    before = User.objects.count(), AuditEvent.objects.count()
    response = head.post("/accounts/people/", {**NEW, **changes})
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert (User.objects.count(), AuditEvent.objects.count()) == before


def test_the_head_changes_a_role_and_each_change_is_audited(head: Member) -> None:
    person = Person.objects.get(name="Lucy Thistlewood")
    changes = {"role": "governor", "email": "new@family.example", "person": str(person.pk)}
    response = head.post(_member_url("parent"), _edit("parent", **changes))
    assert response.status_code == 302
    member = Membership.objects.select_related("user").get(user__username="parent")
    assert (member.role, member.user.email, member.person) == ("governor", changes["email"], person)
    events = set(AuditEvent.objects.filter(actor=head.user).values_list("event_type", flat=True))
    assert {"member.role_changed", "member.email_changed", "member.person_linked"} <= events
    assert "member.active_changed" not in events


def test_saving_with_nothing_changed_writes_no_audit_row(head: Member) -> None:
    before = AuditEvent.objects.count()
    assert head.post(_member_url("teacher"), _edit("teacher")).status_code == 302
    assert AuditEvent.objects.count() == before


def test_a_switched_off_account_cannot_sign_in(head: Member) -> None:
    assert head.post(_member_url("teacher"), _edit("teacher", is_active=None)).status_code == 302
    assert authenticate(username="teacher", password="willowbank-demo-2026") is None
    assert AuditEvent.objects.get(event_type="member.active_changed").new_value == {"active": False}


@pytest.mark.parametrize("changes", [{"role": "staff"}, {"is_active": None}])
def test_the_head_cannot_lock_themselves_out(head: Member, changes: dict[str, Any]) -> None:
    response = head.post(_member_url("head"), _edit("head", **changes))
    assert response.status_code == 400
    assert "your own head teacher account" in response.content.decode()
    assert User.objects.get(username="head").is_active
    assert Membership.objects.get(user__username="head").role == "head"


def test_an_unknown_account_is_not_found(head: Member) -> None:
    assert head.get("/accounts/people/999999/").status_code == 404


def test_the_pages_work_in_the_browser(page: Any, browser_demo: None, axe: Any) -> None:
    sign_in(page, "head")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="People").click()
    page.wait_for_url("**/accounts/people/")
    axe(page)
    page.get_by_label("Username").fill("jpenhallow")
    page.get_by_label("Role").select_option("staff")
    page.get_by_label("First password").fill("short")
    page.get_by_role("button", name="Make the account").click()
    assert page.get_by_text("This password is too short").count() == 1
    axe(page)
    page.get_by_label("First password").fill(NEW["password"])
    page.get_by_role("button", name="Make the account").click()
    page.get_by_role("link", name="jpenhallow").click()
    page.get_by_label("Role").select_option("governor")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/accounts/people/")
    assert Membership.objects.get(user__username="jpenhallow").role == "governor"
    axe(page)
