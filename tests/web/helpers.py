"""Helpers for the web tests (the fixtures themselves are in conftest.py)."""

from __future__ import annotations

from typing import Any

from checks.demo import DEMO_PASSWORD
from django.contrib.auth.models import User
from django.test import Client


class Member(Client):
    """A test client signed in as one demo user; `.user` is that user."""

    user: User


def sign_in(page: Any, username: str) -> None:
    """Sign in through the real form, as a person would."""
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
