"""Announcements: only staff write them; each is checked before it can be published."""

from __future__ import annotations

from typing import Any

import pytest
from accounts.models import AuditEvent
from checks.models import Announcement, AnnouncementStatus
from django.test import Client

from .helpers import Member, sign_in

TRIP = {
    "title": "Year 5 trip to Hampton Court",
    "body": "Year 5 visit Hampton Court on Thursday. Bring a packed lunch.",
    "starts_at": "2030-06-13T09:00",
    "ends_at": "2030-06-13T15:00",
    "location": "Hampton Court Palace",
}


def _draft(client: Member, **changes: str) -> Announcement:
    response = client.post("/announcements/new/", {**TRIP, **changes})
    assert response.status_code == 302
    return Announcement.objects.latest("pk")


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
def test_it_lets_only_staff_write(cast: dict[str, Member], who: str, status: int) -> None:
    assert cast[who].get("/announcements/").status_code == status
    assert cast[who].get("/announcements/new/").status_code == status


def test_it_needs_sign_in(anonymous: Client) -> None:
    assert anonymous.get("/announcements/").status_code == 302


def test_it_publishes_a_clean_announcement(teacher: Member) -> None:
    announcement = _draft(teacher)
    page = teacher.get(f"/announcements/{announcement.pk}/").content.decode()
    assert 'data-verdict="ok"' in page
    assert teacher.post(f"/announcements/{announcement.pk}/publish/").status_code == 302
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.PUBLISHED
    assert announcement.published_by == teacher.user
    assert AuditEvent.objects.filter(event_type="announcement.published").exists()


def test_it_will_not_publish_a_blocked_announcement(teacher: Member) -> None:
    announcement = _draft(teacher, body="Well done Noah Fenwick for winning the race!")
    page = teacher.get(f"/announcements/{announcement.pk}/").content.decode()
    assert 'data-verdict="block"' in page
    assert "Publish</button>" not in page
    teacher.post(f"/announcements/{announcement.pk}/publish/")
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.DRAFT


def test_it_needs_a_person_to_look_at_one_that_needs_review(teacher: Member) -> None:
    announcement = _draft(teacher, body="Photo © Getty Images, all rights reserved")
    url = f"/announcements/{announcement.pk}/publish/"
    teacher.post(url)
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.DRAFT
    teacher.post(url, {"reviewed": "on"})
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.PUBLISHED
    assert announcement.verdict == "review"


def test_editing_takes_it_back_to_draft(teacher: Member) -> None:
    announcement = _draft(teacher)
    teacher.post(f"/announcements/{announcement.pk}/publish/")
    teacher.post(f"/announcements/{announcement.pk}/edit/", {**TRIP, "title": "Trip moved"})
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.DRAFT


def test_it_withdraws(teacher: Member) -> None:
    announcement = _draft(teacher)
    teacher.post(f"/announcements/{announcement.pk}/publish/")
    assert teacher.get(f"/announcements/{announcement.pk}/withdraw/").status_code == 405
    teacher.post(f"/announcements/{announcement.pk}/withdraw/")
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.WITHDRAWN


def test_it_checks_the_dates(teacher: Member) -> None:
    response = teacher.post("/announcements/new/", {**TRIP, "ends_at": "2030-06-12T09:00"})
    assert "The event must end after it starts." in response.content.decode()
    assert not Announcement.objects.exists()


def test_it_refuses_parents_publishing(parent: Member, teacher: Member) -> None:
    announcement = _draft(teacher)
    assert parent.post(f"/announcements/{announcement.pk}/publish/").status_code == 403


def test_it_publishes_and_shows_in_the_feed_in_the_browser(
    page: Any, browser_demo: None, axe: Any
) -> None:
    sign_in(page, "teacher")
    page.goto("/announcements/new/")
    axe(page)
    page.get_by_label("Title").fill(TRIP["title"])
    page.get_by_label("Details").fill(TRIP["body"])
    page.get_by_label("Event date and time").fill(TRIP["starts_at"])
    page.get_by_label("Where").fill(TRIP["location"])
    page.get_by_role("button", name="Save and check").click()
    assert "fine to publish" in page.locator(".verdict").inner_text()
    axe(page)
    page.get_by_role("button", name="Publish").click()
    assert "Published." in page.locator(".messages").inner_text()
    page.goto("/news/")
    assert page.get_by_role("heading", name=TRIP["title"]).first.is_visible()
    axe(page)
    rss = page.request.get("/news/feed.rss").text()
    assert f"<title>{TRIP['title']}</title>" in rss
