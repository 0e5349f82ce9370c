"""Published announcements for the public: the upcoming strip, RSS and iCalendar."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from school.models import School

from checks.models import Announcement, AnnouncementStatus


def published() -> QuerySet[Announcement]:
    return Announcement.objects.filter(status=AnnouncementStatus.PUBLISHED)


def upcoming(limit: int = 6) -> list[Announcement]:
    """Events that have not finished yet, soonest first."""
    now = timezone.now()
    events = published().filter(Q(ends_at__gte=now) | Q(ends_at=None, starts_at__gte=now))
    return list(events.order_by("starts_at")[:limit])


def news_view(request: HttpRequest) -> HttpResponse:
    news = published().order_by("-published_at")[:30]
    return render(request, "checks/news.html", {"news": news, "upcoming": upcoming()})


class AnnouncementFeed(Feed[Announcement, None]):
    description = "News and events from the school."

    def title(self) -> str:
        return f"{School.load().name}: news and events"

    def link(self) -> str:
        return reverse("checks:events")

    def items(self) -> list[Announcement]:
        return list(published().order_by("-published_at")[:30])

    def item_title(self, item: Announcement) -> str:
        return item.title

    def item_description(self, item: Announcement) -> str:
        return item.body

    def item_link(self, item: Announcement) -> str:
        return f"{reverse('checks:events')}#news-{item.pk}"

    def item_pubdate(self, item: Announcement) -> dt.datetime | None:
        return item.published_at


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 lines are at most 75 octets; longer ones continue on a line starting a space."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode()) > 74:
            out.append(current)
            current = " "
        current += char
    out.append(current)
    return "\r\n".join(out)


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def ical_view(request: HttpRequest) -> HttpResponse:
    host = settings.NETIQUETTE_SITE_URL.split("//")[-1]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Netiquette//School events//EN"]
    lines.append(f"X-WR-CALNAME:{_escape(School.load().name)}")
    for event in published().exclude(starts_at=None).order_by("starts_at"):
        assert event.starts_at is not None
        end = event.ends_at or event.starts_at + dt.timedelta(hours=1)
        lines += [
            "BEGIN:VEVENT",
            f"UID:announcement-{event.pk}@{host}",
            f"DTSTAMP:{_stamp(event.published_at or event.created_at)}",
            f"DTSTART:{_stamp(event.starts_at)}",
            f"DTEND:{_stamp(end)}",
            f"SUMMARY:{_escape(event.title)}",
            f"DESCRIPTION:{_escape(event.body)}",
        ]
        if event.location:
            lines.append(f"LOCATION:{_escape(event.location)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    body = "\r\n".join(_fold(line) for line in lines) + "\r\n"
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
