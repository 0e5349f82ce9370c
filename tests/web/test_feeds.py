"""The public news page and its RSS and iCalendar feeds show published announcements only."""

from __future__ import annotations

import datetime as dt

from checks.actions import do_publish_announcement, do_save_announcement
from checks.models import Announcement
from django.test import Client
from django.utils import timezone


def _announcement(title: str, *, publish: bool, days: int = 3, body: str = "Details.") -> None:
    start = timezone.now() + dt.timedelta(days=days)
    item = Announcement(title=title, body=body, starts_at=start, location="Hall; room 2")
    do_save_announcement(item, None)
    if publish:
        do_publish_announcement(item, "ok", None)


def test_the_news_page_is_public(anonymous: Client) -> None:
    _announcement("Harvest festival", publish=True)
    _announcement("Secret draft", publish=False)
    html = anonymous.get("/news/").content.decode()
    assert "Harvest festival" in html
    assert "Secret draft" not in html


def test_the_rss_feed_lists_published_news(anonymous: Client) -> None:
    _announcement("Harvest festival", publish=True)
    _announcement("Secret draft", publish=False)
    response = anonymous.get("/news/feed.rss")
    assert response["Content-Type"].startswith("application/rss+xml")
    rss = response.content.decode()
    assert "<title>Harvest festival</title>" in rss
    assert "Secret draft" not in rss


def test_the_calendar_has_escaped_folded_events(anonymous: Client) -> None:
    _announcement("Harvest festival, with songs", publish=True, body="x" * 200)
    response = anonymous.get("/news/events.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    ics = response.content.decode()
    assert ics.startswith("BEGIN:VCALENDAR\r\n")
    assert "SUMMARY:Harvest festival\\, with songs\r\n" in ics
    assert "LOCATION:Hall\\; room 2\r\n" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    assert ics.count("BEGIN:VEVENT") == 1


def test_the_policy_page_shows_whats_coming_up(anonymous: Client) -> None:
    _announcement("Sports day", publish=True, days=5)
    _announcement("Last year's fair", publish=True, days=-30)
    html = anonymous.get("/policy/").content.decode()
    assert "Coming up" in html
    assert "Sports day" in html
    assert "Last year" not in html
