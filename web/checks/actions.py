"""Writes of the checks app: check records and announcements (audited)."""

from __future__ import annotations

from accounts.actions import Actor, record_event
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from netiquette_site.prepared import insert_row

from checks.models import Announcement, AnnouncementStatus, CheckRecord
from netiquette.findings import Result
from netiquette.items import Item


def do_record_check(item: Item, result: Result, actor: Actor, source: str) -> CheckRecord:
    """Count a check for the dashboard. No audit row: this row is itself the record, and it
    keeps only the verdict and kinds, never the text, which may name a child."""
    return CheckRecord.objects.create(
        user=actor if isinstance(actor, User) else None,
        source=source,
        author_role=item.author_role.value if item.author_role else "",
        channel=item.channel.value if item.channel else "",
        verdict=result.verdict.value,
        kinds=sorted({f.kind.value for f in result.findings}),
    )


def do_record_checks(
    items: list[Item], results: list[Result], user_id: int | None, source: str
) -> None:
    """Count a batch of checks (see `do_record_check`); the API passes the token's user id,
    so it need not load the user. One check, the common case, is one plain INSERT: compiling
    an ORM insert would cost more than the check itself."""
    records = [
        CheckRecord(
            user_id=user_id,
            source=source,
            author_role=item.author_role.value if item.author_role else "",
            channel=item.channel.value if item.channel else "",
            verdict=result.verdict.value,
            kinds=sorted({f.kind.value for f in result.findings}),
        )
        for item, result in zip(items, results, strict=True)
    ]
    if len(records) == 1:
        insert_row(records[0])
    else:
        CheckRecord.objects.bulk_create(records)


@transaction.atomic
def do_save_announcement(announcement: Announcement, actor: Actor) -> Announcement:
    created = announcement.pk is None
    if created and isinstance(actor, User):
        announcement.created_by = actor
    announcement.status = AnnouncementStatus.DRAFT
    announcement.verdict = ""
    announcement.save()
    event = "announcement.created" if created else "announcement.edited"
    record_event(actor, event, announcement, new={"title": announcement.title})
    return announcement


@transaction.atomic
def do_publish_announcement(announcement: Announcement, verdict: str, actor: Actor) -> None:
    old = announcement.status
    announcement.status = AnnouncementStatus.PUBLISHED
    announcement.verdict = verdict
    announcement.published_at = timezone.now()
    announcement.published_by = actor if isinstance(actor, User) else None
    announcement.save(update_fields=["status", "verdict", "published_at", "published_by"])
    record_event(
        actor,
        "announcement.published",
        announcement,
        old={"status": old},
        new={"status": announcement.status, "verdict": verdict},
    )


@transaction.atomic
def do_withdraw_announcement(announcement: Announcement, actor: Actor) -> None:
    old = announcement.status
    announcement.status = AnnouncementStatus.WITHDRAWN
    announcement.save(update_fields=["status"])
    record_event(
        actor,
        "announcement.withdrawn",
        announcement,
        old={"status": old},
        new={"status": announcement.status},
    )
