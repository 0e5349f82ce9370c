"""Signing in and out, with and without two-factor."""

from __future__ import annotations

from typing import Any

import pyotp
from accounts import actions, twofactor
from accounts.models import Membership
from checks.demo import DEMO_PASSWORD
from django.test import Client

from .helpers import Member, sign_in


def test_it_signs_in_with_the_right_password(anonymous: Client) -> None:
    response = anonymous.post(
        "/accounts/login/", {"username": "teacher", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert anonymous.get("/").status_code == 200


def test_it_refuses_a_wrong_password(anonymous: Client) -> None:
    response = anonymous.post("/accounts/login/", {"username": "teacher", "password": "nope"})
    assert response.status_code == 200
    assert "enter a correct username and password" in response.content.decode()
    assert anonymous.get("/").status_code == 302


def test_it_asks_for_a_code_when_two_factor_is_on(anonymous: Client, dsl: Member) -> None:
    membership = Membership.objects.get(user=dsl.user)
    actions.do_start_two_factor(membership, twofactor.new_secret(), dsl.user)
    actions.do_enable_two_factor(membership, dsl.user)
    response = anonymous.post("/accounts/login/", {"username": "dsl", "password": DEMO_PASSWORD})
    assert response.headers["Location"] == "/accounts/login/verify/"
    assert anonymous.get("/").status_code == 302  # not signed in yet
    assert anonymous.post("/accounts/login/verify/", {"code": "000000"}).status_code == 200
    code = pyotp.TOTP(membership.totp_secret).now()
    assert anonymous.post("/accounts/login/verify/", {"code": code}).status_code == 302
    assert anonymous.get("/").status_code == 200


def test_it_does_not_follow_a_next_url_to_another_site(anonymous: Client) -> None:
    data = {"username": "teacher", "password": DEMO_PASSWORD, "next": "https://evil.example/"}
    response = anonymous.post("/accounts/login/", data)
    assert response.headers["Location"] == "/"


def test_it_signs_out_only_by_post(teacher: Member) -> None:
    assert teacher.get("/accounts/logout/").status_code == 405
    assert teacher.post("/accounts/logout/").status_code == 302
    assert teacher.get("/").status_code == 302


def test_it_signs_in_in_the_browser(page: Any, browser_demo: None, axe: Any) -> None:
    page.goto("/accounts/login/")
    axe(page)
    sign_in(page, "teacher")
    assert page.get_by_role("button", name="Sign out").is_visible()
    axe(page)


def test_it_starts_again_after_five_wrong_codes(anonymous: Client, dsl: Member) -> None:
    membership = Membership.objects.get(user=dsl.user)
    actions.do_start_two_factor(membership, twofactor.new_secret(), dsl.user)
    actions.do_enable_two_factor(membership, dsl.user)
    anonymous.post("/accounts/login/", {"username": "dsl", "password": DEMO_PASSWORD})
    for _ in range(4):
        assert anonymous.post("/accounts/login/verify/", {"code": "000000"}).status_code == 200
    response = anonymous.post("/accounts/login/verify/", {"code": "000000"})
    assert response.headers["Location"] == "/accounts/login/"
    code = pyotp.TOTP(membership.totp_secret).now()
    assert anonymous.post("/accounts/login/verify/", {"code": code}).headers["Location"] == (
        "/accounts/login/"
    )
    assert anonymous.get("/").status_code == 302
