"""Two-factor set-up: staff who can open cases may turn it on, with a QR code; audited."""

from __future__ import annotations

from typing import Any

import pyotp
import pytest
from accounts.models import AuditEvent, Membership
from django.test import Client

from .helpers import Member, sign_in


@pytest.mark.parametrize(
    "who,status",
    [
        ("head", 200),
        ("dsl", 200),
        ("teacher", 200),
        ("governor", 403),
        ("parent", 403),
        ("pupil", 403),
    ],
)
def test_it_is_for_staff_who_can_open_cases(cast: dict[str, Member], who: str, status: int) -> None:
    assert cast[who].get("/accounts/two-factor/").status_code == status
    assert cast[who].post("/accounts/two-factor/start/").status_code in {status, 302}


def test_it_needs_sign_in(anonymous: Client) -> None:
    assert anonymous.get("/accounts/two-factor/").status_code == 302


def test_it_turns_on_only_with_a_right_code(dsl: Member) -> None:
    dsl.post("/accounts/two-factor/start/")
    membership = Membership.objects.get(user=dsl.user)
    html = dsl.get("/accounts/two-factor/").content.decode()
    assert '<svg role="img" aria-label="QR code' in html
    dsl.post("/accounts/two-factor/", {"code": "123456"})
    membership.refresh_from_db()
    assert not membership.totp_enabled
    dsl.post("/accounts/two-factor/", {"code": pyotp.TOTP(membership.totp_secret).now()})
    membership.refresh_from_db()
    assert membership.totp_enabled
    assert AuditEvent.objects.filter(event_type="two_factor.enabled", actor=dsl.user).exists()


def test_it_turns_off(dsl: Member) -> None:
    dsl.post("/accounts/two-factor/start/")
    membership = Membership.objects.get(user=dsl.user)
    dsl.post("/accounts/two-factor/", {"code": pyotp.TOTP(membership.totp_secret).now()})
    assert dsl.post("/accounts/two-factor/disable/").status_code == 302
    membership.refresh_from_db()
    assert not membership.totp_enabled and membership.totp_secret == ""


def test_it_sets_up_in_the_browser(page: Any, browser_demo: None, axe: Any) -> None:
    sign_in(page, "dsl")
    page.goto("/accounts/two-factor/")
    axe(page)
    page.get_by_role("button", name="Set up two-factor sign-in").click()
    assert page.locator(".qr svg").is_visible()
    axe(page)
    secret = page.locator("code").inner_text()
    page.get_by_label("Six-digit code from your authenticator app").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on").click()
    assert "Two-factor sign-in is on." in page.locator(".messages").inner_text()
