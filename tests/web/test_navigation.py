"""The main navigation: "Report a concern" for everyone, "Cases" for those with case work."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from .helpers import Member, sign_in

NAV = re.compile(r'<nav aria-label="Main">(.*?)</nav>', re.S)


def _nav_links(client: Client, url: str = "/policy/") -> dict[str, str]:
    """The main navigation's links on a page, by their text."""
    match = NAV.search(client.get(url).content.decode())
    assert match is not None
    return {text: href for href, text in re.findall(r'<a href="([^"]*)">([^<]*)</a>', match[1])}


@pytest.mark.parametrize(
    ("who", "cases", "report"),
    [
        ("head", "/cases/", "/cases/report/"),
        ("dsl", "/cases/", "/cases/report/"),
        ("teacher", "/cases/", "/cases/report/"),
        ("governor", "/cases/dashboard/", "/report/"),
        ("parent", None, "/report/"),
        ("pupil", None, "/report/"),
    ],
)
def test_each_role_sees_the_case_links_it_may_use(
    cast: dict[str, Member], who: str, cases: str | None, report: str
) -> None:
    links = _nav_links(cast[who])
    assert links.get("Cases") == cases
    assert links["Report a concern"] == report
    if cases:
        assert cast[who].get(cases).status_code == 200
    assert cast[who].get(report).status_code == 200


def test_a_visitor_can_report_a_concern_from_any_page(anonymous: Client) -> None:
    for url in ("/policy/", "/news/", "/accounts/login/"):
        links = _nav_links(anonymous, url)
        assert links["Report a concern"] == "/report/"
        assert "Cases" not in links
    assert anonymous.get("/report/").status_code == 200


def test_case_pages_show_each_link_once(head: Member) -> None:
    links = re.findall(r">Cases</a>", NAV.search(head.get("/cases/").content.decode())[1])  # type: ignore[index]
    assert len(links) == 1


def test_the_navigation_is_accessible(page: Any, browser_demo: None, axe: Any) -> None:
    page.goto("/policy/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Report a concern").click()
    page.wait_for_url("**/report/")
    axe(page)
    sign_in(page, "governor")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Cases").click()
    page.wait_for_url("**/cases/dashboard/")
    axe(page)
