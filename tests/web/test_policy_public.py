"""The public policy page: anyone may read it; governance, clauses, procedure, links."""

from __future__ import annotations

from typing import Any

from django.test import Client
from policies.actions import do_update_policy
from policies.models import Policy, Status


def test_it_is_public(anonymous: Client) -> None:
    page = anonymous.get("/policy/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Online Conduct and Social Media Policy" in html
    assert "Autumn 2027" in html  # review due
    assert 'id="clause-wb-2.1"' in html
    assert "Children&#x27;s personal information" in html  # a section heading
    assert "We meet the people involved" in html  # procedure
    assert 'href="/policy/complaints/"' in html  # related policy
    assert 'href="https://willowbank-primary.example/shop"' in html  # footer link


def test_it_marks_an_overdue_related_policy(anonymous: Client) -> None:
    html = anonymous.get("/policy/equality/").content.decode()
    assert "Overdue for review" in html
    assert "Willowbank welcomes everyone" in html
    assert "Overdue for review" not in anonymous.get("/policy/complaints/").content.decode()


def test_it_hides_retired_policies(anonymous: Client) -> None:
    policy = Policy.objects.get(slug="equality")
    do_update_policy(policy, {"status": Status.RETIRED}, None)
    assert anonymous.get("/policy/equality/").status_code == 404


def test_it_says_not_found_without_a_policy(db: None, client: Client) -> None:
    assert client.get("/policy/").status_code == 404


def test_it_reads_well_in_the_browser(page: Any, browser_demo: None, axe: Any) -> None:
    page.goto("/policy/")
    assert page.get_by_role("heading", name="Online Conduct and Social Media Policy").is_visible()
    axe(page)
    page.emulate_media(media="print")
    assert not page.locator(".site-header nav").is_visible()
    page.goto("/policy/equality/")
    axe(page)
