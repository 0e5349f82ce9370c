"""Friend requests: who may ask, and the engine's answer with its clause."""

from __future__ import annotations

from typing import Any

from django.test import Client

from .helpers import Member, sign_in


def test_it_needs_a_signed_in_member(anonymous: Client) -> None:
    assert anonymous.get("/friend-requests/").status_code == 302


def test_it_opens_for_members(teacher: Member, pupil: Member) -> None:
    assert teacher.get("/friend-requests/").status_code == 200
    assert pupil.get("/friend-requests/").status_code == 200


def test_it_says_no_to_staff_and_a_pupil(teacher: Member) -> None:
    data = {"sender": "Noah Fenwick", "recipient": "Hannah Vickery"}
    page = teacher.post("/friend-requests/", data).content.decode()
    assert 'data-verdict="block"' in page
    assert "wb-4.1" in page


def test_it_advises_care_between_staff_and_a_parent(teacher: Member) -> None:
    data = {"sender": "Claire Fenwick", "recipient": "Hannah Vickery"}
    page = teacher.post("/friend-requests/", data).content.decode()
    assert 'data-verdict="review"' in page


def test_it_answers_for_two_roles(parent: Member) -> None:
    page = parent.post("/friend-requests/", {"sender_role": "pupil", "recipient_role": "staff"})
    assert 'data-verdict="block"' in page.content.decode()
    page = parent.post("/friend-requests/", {"sender_role": "parent", "recipient_role": "parent"})
    assert 'data-verdict="ok"' in page.content.decode()


def test_it_asks_for_both_people(teacher: Member) -> None:
    page = teacher.post("/friend-requests/", {"sender": "Noah Fenwick"}).content.decode()
    assert "Choose both people, or the roles of both people." in page
    assert "data-verdict" not in page


def test_it_answers_in_the_browser(page: Any, browser_demo: None, axe: Any) -> None:
    sign_in(page, "teacher")
    page.goto("/friend-requests/")
    axe(page)
    page.get_by_label("Who sent the request?").select_option("Noah Fenwick")
    page.get_by_label("Who received it?").select_option("Hannah Vickery")
    page.get_by_role("button", name="Get the answer").click()
    assert "do not accept" in page.locator(".verdict").inner_text()
    axe(page)
