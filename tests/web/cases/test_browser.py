"""Browser tests (headless chromium, axe-core): the public form, the young people's form, and
a case worked through by the designated safeguarding lead."""

from __future__ import annotations

from typing import Any

import pytest
from cases.models import Case
from playwright.sync_api import expect

from ..helpers import sign_in
from .conftest import png_bytes

pytestmark = pytest.mark.usefixtures("browser_demo")


def test_public_form_sends_a_report(page: Any, axe: Any) -> None:
    page.goto("/report/")
    axe(page)
    page.get_by_label("What happened?").fill("Photos of my son shared in a group chat.")
    page.get_by_label("You are").select_option("parent")
    page.get_by_label("Where did it happen?").fill("WhatsApp")
    page.get_by_label("Photos or videos shared without agreement").check()
    page.get_by_label("Screenshots").set_input_files(
        [{"name": "chat.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    page.get_by_role("button", name="Send report").click()
    page.wait_for_url("**/report/sent/")
    case = Case.objects.get()
    assert page.locator("#reference").inner_text() == case.reference
    assert case.evidence.filter(kind="image").count() == 1
    axe(page)
    page.locator("#status-link").click()
    assert page.locator("#stage").inner_text() == "Received"
    assert "WhatsApp" not in page.content()
    axe(page)


def test_young_peoples_form_helps_and_explains_errors(page: Any, axe: Any) -> None:
    page.goto("/report/young-people/")
    assert "0800 1111" in page.locator(".support").inner_text()
    axe(page)
    page.get_by_role("button", name="Send it to school").click()
    summary = page.locator("#error-summary")
    assert "There is a problem" in summary.inner_text()
    assert Case.objects.count() == 0
    axe(page)
    page.get_by_label("What happened? Tell us in your own words.").fill(
        "Someone in a game keeps saying they will find me."
    )
    page.get_by_label("Someone said they will hurt someone").check()
    page.get_by_role("button", name="Send it to school").click()
    page.wait_for_url("**/report/sent/")
    assert "Thank you for telling us" in page.content()
    case = Case.objects.get()
    assert case.source == "young" and case.concerns == ["threat"]
    axe(page)


def test_dsl_works_a_case_to_resolution(page: Any, axe: Any) -> None:
    from cases import conf
    from cases.actions import ReportData, do_submit_report
    from cases.evidence import clean_image

    data = ReportData(
        "public",
        "parent",
        "Mean comments under a class photo",
        platform="Facebook",
        images=[clean_image(png_bytes())],
    )
    case, _token = do_submit_report(data, None, str(conf.evidence_dir()))
    sign_in(page, "dsl")
    page.goto("/cases/")
    axe(page)
    page.get_by_role("link", name=case.reference).click()
    screenshot = page.get_by_role("img", name="Screenshot")
    expect(screenshot).to_be_visible()
    assert screenshot.evaluate("img => img.naturalWidth") == 40  # served through the checked view
    axe(page)
    page.get_by_label("Assign to").select_option(label="teacher")
    page.get_by_role("button", name="Assign").click()
    expect(page.locator("#assignee")).to_have_text("teacher")
    page.get_by_label("Note").fill("Phoned the parent.")
    page.get_by_role("button", name="Add note").click()
    expect(page.locator("#chronology")).to_contain_text("Phoned the parent.")
    page.get_by_role("button", name="Acknowledged").click()
    expect(page.locator("#stage")).to_have_text("Acknowledged")
    meeting = page.get_by_role("group", name="Meeting arranged")
    meeting.get_by_label("Meeting date and time").fill("2026-10-05T15:30")
    meeting.get_by_label("Who will attend").fill("DSL, parent, class teacher")
    meeting.get_by_role("button", name="Meeting arranged").click()
    expect(page.locator("#stage")).to_have_text("Meeting arranged")
    resolved = page.get_by_role("group", name="Resolved")
    resolved.get_by_label("Outcome").fill("Comments removed and apology given.")
    resolved.get_by_role("button", name="Resolved").click()
    expect(page.locator("#stage")).to_have_text("Resolved")
    chronology = page.locator("#chronology").inner_text()
    for expected in (
        "Report received",
        "Assigned",
        "Phoned the parent.",
        "Meeting arranged → Resolved",
    ):
        assert expected in chronology
    axe(page)
    page.goto("/cases/dashboard/")
    axe(page)
