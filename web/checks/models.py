"""What the checks app stores: a record of each check (never its text) and announcements."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Verdict(models.TextChoices):
    OK = "ok", _("OK to post")
    REVIEW = "review", _("Needs a second look")
    BLOCK = "block", _("Do not post")


class CheckRecord(models.Model):
    """One check, for the dashboard's counts. The post's text is not kept: it may name a child."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    source = models.CharField(max_length=16, default="page")
    author_role = models.CharField(max_length=16, blank=True)
    channel = models.CharField(max_length=16, blank=True)
    verdict = models.CharField(max_length=8, choices=Verdict.choices)
    kinds = models.JSONField(default=list)

    def __str__(self) -> str:
        return f"{self.verdict} at {self.created_at:%Y-%m-%d %H:%M}"


class AnnouncementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Announcement(models.Model):
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("details"))
    starts_at = models.DateTimeField(_("event date and time"), null=True, blank=True)
    ends_at = models.DateTimeField(_("event ends"), null=True, blank=True)
    location = models.CharField(_("where"), max_length=200, blank=True)
    status = models.CharField(
        max_length=16, choices=AnnouncementStatus.choices, default=AnnouncementStatus.DRAFT
    )
    verdict = models.CharField(max_length=8, choices=Verdict.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return self.title

    @property
    def text(self) -> str:
        """What the engine checks: the title and the details, as they will be published."""
        return f"{self.title}\n\n{self.body}"
