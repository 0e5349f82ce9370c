"""The dashboard: leaders and governors only; reviews, unread policies and a chart."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from .helpers import Member, sign_in


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
def test_it_is_for_leaders_and_governors(cast: dict[str, Member], who: str, status: int) -> None:
    assert cast[who].get("/dashboard/").status_code == status


def test_it_needs_sign_in(anonymous: Client) -> None:
    assert anonymous.get("/dashboard/").status_code == 302


def test_it_lists_overdue_reviews_and_unread_groups(head: Member) -> None:
    html = head.get("/dashboard/").content.decode()
    assert "Equality Statement" in html and "Overdue" in html
    assert "0 / 3" in html  # staff have not read anything yet
    assert "No check was blocked this week." in html


def test_it_charts_blocked_checks_by_kind(head: Member, parent: Member) -> None:
    for text in ["Well done Noah Fenwick!", "Ring me on 07700 900123", "Lovely day"]:
        parent.post("/", {"text": text, "author_role": "parent", "channel": "personal"})
    html = head.get("/dashboard/").content.decode()
    assert re.search(r"<desc[^>]*>personal-data: 2\. </desc>", html)
    assert html.count("<rect ") == 1


def test_it_shows_the_dashboard_in_the_browser(page: Any, browser_demo: None, axe: Any) -> None:
    sign_in(page, "parent")
    page.goto("/")
    page.get_by_label("Your post").fill("Well done Noah Fenwick!")
    page.get_by_role("button", name="Check my post").click()
    sign_in(page, "governor")
    page.goto("/dashboard/")
    assert page.locator("svg.chart rect").count() == 1
    axe(page)
