"""The "Check a post" page: who may use it, the verdict, highlights, the safe version."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from checks.models import CheckRecord
from django.test import Client

from .helpers import Member, sign_in

POST = "So proud of Noah Fenwick today! Call me on 07700 900123."


def _check(client: Client, text: str, **extra: Any) -> str:
    data = {"text": text, "author_role": "parent", "channel": "personal", **extra}
    response = client.post("/", data)
    assert response.status_code == 200
    return response.content.decode()


def test_it_sends_anonymous_visitors_to_sign_in(anonymous: Client) -> None:
    response = anonymous.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("who", ["head", "dsl", "teacher", "governor", "parent", "pupil"])
def test_it_lets_every_member_check(cast: dict[str, Member], who: str) -> None:
    assert cast[who].get("/").status_code == 200


def test_it_blocks_a_post_naming_a_pupil_without_consent(parent: Member) -> None:
    page = _check(parent, POST)
    assert 'data-verdict="block"' in page
    assert re.search(r'<mark class="sev-block"[^>]*>Noah Fenwick', page)
    assert "wb-2.1" in page
    assert "07700 900123" in page  # highlighted in the post, not hidden
    assert 'id="safe-version"' in page


def test_it_checks_the_safe_version_when_asked(parent: Member) -> None:
    first = _check(parent, POST)
    safe = re.search(r'<div class="preview" id="safe-version">(.*?)</div>', first, re.S)
    assert safe is not None
    second = _check(parent, POST, use_safe="1", safe_text=html.unescape(safe.group(1)))
    box = re.search(r"<textarea[^>]*>(.*?)</textarea>", second, re.S)
    assert box is not None
    assert "Noah Fenwick" not in box.group(1)
    assert "07700 900123" not in box.group(1)
    assert 'data-verdict="block"' not in second


def test_it_says_ok_for_a_harmless_post(teacher: Member) -> None:
    page = _check(teacher, "Lovely sunny sports day, thank you to everyone who came!")
    assert 'data-verdict="ok"' in page


def test_it_flags_a_tagged_pupil_without_photo_consent(parent: Member) -> None:
    page = _check(parent, "Sports day!", photo_1_people=["Finley Brockhurst"])
    assert 'data-verdict="block"' in page
    assert "wb-2.4" in page


def test_it_shows_form_errors_for_an_empty_post(parent: Member) -> None:
    page = _check(parent, "")
    assert "There is a problem" in page
    assert 'href="#id_text"' in page


def test_it_counts_submitted_checks_but_not_live_ones(parent: Member) -> None:
    data = {"text": POST, "author_role": "parent", "channel": "personal"}
    assert parent.post("/check/live/", data).status_code == 200
    assert CheckRecord.objects.count() == 0
    parent.post("/", data)
    record = CheckRecord.objects.get()
    assert record.verdict == "block"
    assert "personal-data" in record.kinds
    assert record.user == parent.user


def test_it_returns_only_the_results_panel_live(parent: Member) -> None:
    data = {"text": POST, "author_role": "parent", "channel": "personal"}
    page = parent.post("/check/live/", data).content.decode()
    assert 'data-verdict="block"' in page
    assert "<html" not in page


def test_it_refuses_live_checks_by_get_or_anonymously(parent: Member, anonymous: Client) -> None:
    assert parent.get("/check/live/").status_code == 405
    assert anonymous.post("/check/live/", {"text": "hi"}).status_code == 302


def test_it_highlights_as_you_type_in_the_browser(page: Any, browser_demo: None, axe: Any) -> None:
    sign_in(page, "parent")
    page.goto("/")
    axe(page)
    page.get_by_label("Your post").fill(POST)
    mark = page.locator("#preview mark.sev-block").first
    mark.wait_for()
    assert mark.inner_text().startswith("Noah Fenwick")
    assert "Do not post this" in page.locator(".verdict").inner_text()
    axe(page)
    page.get_by_role("button", name="Use the safe version").click()
    page.locator(".verdict-ok, .verdict-review").wait_for()
    assert "Noah Fenwick" not in page.get_by_label("Your post").input_value()


def test_it_works_without_javascript(browser: Any, live_server: Any, browser_demo: None) -> None:
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, "parent")
    page.goto("/")
    page.get_by_label("Your post").fill(POST)
    page.get_by_role("button", name="Check my post").click()
    assert "Do not post this" in page.locator(".verdict").inner_text()
    page.get_by_role("button", name="Use the safe version").click()
    assert "Noah Fenwick" not in page.get_by_label("Your post").input_value()
    context.close()


def test_it_checks_a_tagged_photo_live_in_the_browser(
    page: Any, browser_demo: None, tmp_path: Path
) -> None:
    photo = tmp_path / "sports-day.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    sign_in(page, "teacher")
    page.goto("/")
    page.get_by_text("Attach photos and tag the people in them").click()
    page.get_by_label("Choose a file").first.set_input_files(str(photo))
    page.get_by_label("People in photo 1").select_option("Finley Brockhurst")
    page.get_by_label("Your post").fill("Sports day fun!")
    page.locator("#results .verdict-block").wait_for()
    assert "wb-2.4" in page.locator("#results").inner_text()
