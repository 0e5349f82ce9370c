"""The policy register: each policy, its versions (the text or the YAML) and who has read them.

The social media policy is held as Netiquette YAML, so the engine can check posts against it;
the related policies (complaints, whistleblowing, ...) are plain text documents.
"""

from __future__ import annotations

import datetime as dt

import yaml
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netiquette.policy import Policy as EnginePolicy
from netiquette.policy import parse_policy

DUE_SOON_DAYS = 60


class Format(models.TextChoices):
    NETIQUETTE = "netiquette", _("Social media policy (Netiquette YAML)")
    TEXT = "text", _("Text document")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("In force")
    RETIRED = "retired", _("Retired")


class ReviewState(models.TextChoices):
    CURRENT = "current", _("Current")
    DUE_SOON = "due-soon", _("Review due soon")
    OVERDUE = "overdue", _("Overdue for review")
    UNKNOWN = "unknown", _("No review date")


class Policy(models.Model):
    slug = models.SlugField(_("short name"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    format = models.CharField(_("format"), max_length=16, choices=Format.choices)
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    accepted_on = models.DateField(_("accepted by governors"), null=True, blank=True)
    review_due = models.DateField(_("review due"), null=True, blank=True)
    # Groups asked to read and acknowledge it (values of accounts.models.Group).
    audience = models.JSONField(_("who must read it"), default=list, blank=True)
    current_version = models.ForeignKey(
        "PolicyVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("title",)
        verbose_name_plural = _("policies")

    def __str__(self) -> str:
        return self.title

    def review_state(self, today: dt.date | None = None) -> ReviewState:
        if self.review_due is None:
            return ReviewState.UNKNOWN
        today = today or dt.date.today()
        if self.review_due < today:
            return ReviewState.OVERDUE
        if (self.review_due - today).days <= DUE_SOON_DAYS:
            return ReviewState.DUE_SOON
        return ReviewState.CURRENT

    @property
    def is_overdue(self) -> bool:
        return self.review_state() is ReviewState.OVERDUE


class PolicyVersion(models.Model):
    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    body = models.TextField(_("text"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ("policy", "-number")
        constraints = (
            models.UniqueConstraint(fields=["policy", "number"], name="one_number_per_version"),
        )

    def __str__(self) -> str:
        return f"{self.policy} v{self.number}"

    def to_engine_policy(self) -> EnginePolicy:
        """The version's YAML as the engine's Policy (it was validated when it was saved)."""
        return parse_policy(yaml.safe_load(self.body), source=f"{self.policy.slug} v{self.number}")


class Acknowledgement(models.Model):
    version = models.ForeignKey(
        PolicyVersion, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    acknowledged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["version", "user"], name="one_ack_per_version"),
        )

    def __str__(self) -> str:
        return f"{self.user} read {self.version}"
