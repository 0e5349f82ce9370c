"""Fixtures for the web tests: Django set up from web/, the demo loaded, a named cast of users.

Permission tests then read like sentences: `assert parent.get(url).status_code == 403`.
Browser tests get `page` (headless Debian chromium against pytest-django's live server) and
`axe` (runs axe-core in the page and fails on any violation).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import django
import pytest

WEB = Path(__file__).resolve().parents[2] / "web"
sys.path.insert(0, str(WEB))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netiquette_site.settings")
os.environ.setdefault("NETIQUETTE_ENV", "test")
os.environ.setdefault(
    "NETIQUETTE_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
)
# Playwright's sync API runs an event loop in the test thread; Django's ORM must still work.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
django.setup()

from checks.demo import ACCOUNTS, load_demo  # noqa: E402
from checks.engine import clear_cache  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.test import Client  # noqa: E402

from .helpers import Member  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]


@pytest.fixture(autouse=True)
def _fresh_engine_cache() -> Iterator[None]:
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def demo(db: None) -> None:
    """The demo school, policies and one account per role, as `manage.py demo` loads them."""
    load_demo()


def _member(username: str) -> Member:
    client = Member()
    user = User.objects.get(username=username)
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def head(demo: None) -> Member:
    return _member("head")


@pytest.fixture
def dsl(demo: None) -> Member:
    return _member("dsl")


@pytest.fixture
def teacher(demo: None) -> Member:
    return _member("teacher")


@pytest.fixture
def governor(demo: None) -> Member:
    return _member("governor")


@pytest.fixture
def parent(demo: None) -> Member:
    return _member("parent")


@pytest.fixture
def pupil(demo: None) -> Member:
    return _member("pupil")


@pytest.fixture
def anonymous(demo: None) -> Client:
    return Client()


@pytest.fixture
def cast(demo: None) -> dict[str, Member]:
    """Every role by demo username, for tables of who may and may not use a page."""
    return {account.username: _member(account.username) for account in ACCOUNTS}


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, live_server: Any, transactional_db: None) -> Iterator[Any]:
    """A fresh browser page; `page.goto("/path")` opens the live server's address."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def browser_demo(transactional_db: None) -> None:
    load_demo()


@pytest.fixture
def axe() -> Any:
    """`axe(page)` runs axe-core (WCAG 2.x A and AA rules) and fails listing any violation."""
    from axe_playwright_python.sync_playwright import Axe

    checker = Axe()

    def run(page: Any) -> None:
        options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
        results = checker.run(page, options=options)
        violations = results.response["violations"]
        assert violations == [], results.generate_report()

    return run
