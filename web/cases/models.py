"""Reports and the cases they become: evidence, notes, actions, people, links, audit.

A report is a `Case` from the moment it is saved: what the reporter told us, what triage
made of it, and where it stands in the policy's procedure. Everything done to it is a row
of its own with a time, so the chronology is a merge of these rows in time order, and every
view and change is also written to the hash-chained `CaseAuditEntry` log.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    PUBLIC = "public", _("Public form")
    YOUNG = "young", _("Young people's form")
    STAFF = "staff", _("Staff form")


class ReporterRole(models.TextChoices):
    PARENT = "parent", _("Parent or carer")
    PUPIL = "pupil", _("Pupil")
    STAFF = "staff", _("Member of staff")
    OTHER = "other", _("Someone else")


class Severity(models.TextChoices):
    """The triage severities (the same strings as `cases.triage.SEVERITIES`)."""

    URGENT = "urgent", _("Urgent")
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class Case(models.Model):
    reference = models.CharField(max_length=16, unique=True)
    token_digest = models.CharField(max_length=64, unique=True)
    source = models.CharField(max_length=8, choices=Source.choices)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reported_cases",
    )
    reporter_name = models.CharField(_("your name"), max_length=120, blank=True)
    reporter_email = models.EmailField(_("your email address"), blank=True)
    reporter_role = models.CharField(max_length=8, choices=ReporterRole.choices)
    what_happened = models.TextField(_("what happened"))
    platform = models.CharField(_("where it happened"), max_length=80, blank=True)
    happened_on = models.DateField(_("when it happened"), null=True, blank=True)
    people_described = models.TextField(_("who was involved"), blank=True)
    concerns = models.JSONField(default=list, blank=True)

    categories = models.JSONField(default=list, blank=True)
    severity = models.CharField(max_length=8, choices=Severity.choices, default="medium")
    safeguarding = models.BooleanField(default=False)
    triaged_at = models.DateTimeField(null=True, blank=True)

    state = models.CharField(max_length=40, default="received")
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    meeting_at = models.DateTimeField(null=True, blank=True)
    meeting_attendees = models.TextField(blank=True)
    outcome = models.TextField(blank=True)
    escalation_route = models.CharField(max_length=40, blank=True)
    escalation_reason = models.TextField(blank=True)

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def age_days(self, now: dt.datetime | None = None) -> int:
        return ((now or timezone.now()) - self.created_at).days


class EvidenceKind(models.TextChoices):
    IMAGE = "image", _("Screenshot")
    LINK = "link", _("Link")
    TEXT = "text", _("Pasted text")


class Evidence(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=8, choices=EvidenceKind.choices)
    stored_name = models.CharField(max_length=40, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    url = models.URLField(max_length=500, blank=True)
    text = models.TextField(blank=True)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("added_at", "id")


class Note(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("created_at", "id")


class Action(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(_("action"), max_length=300)
    due_on = models.DateField(_("due by"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_actions",
    )
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("due_on", "id")

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.done_at is None and self.due_on < (today or timezone.localdate())


class Involvement(models.TextChoices):
    TARGET = "target", _("Targeted")
    INVOLVED = "involved", _("Involved")
    WITNESS = "witness", _("Witness")
    SIBLING = "sibling", _("Sibling")


class CasePerson(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey("school.Person", null=True, on_delete=models.SET_NULL)
    involvement = models.CharField(max_length=10, choices=Involvement.choices)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["case", "person"], name="cases_person_once"),
        )


class CaseLink(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links_out")
    other = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links_in")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = (models.UniqueConstraint(fields=["case", "other"], name="cases_link_once"),)


class FollowupKind(models.TextChoices):
    TRIAGE = "triage", _("Triage")
    RECEIPT = "receipt", _("Email receipt")
    ALERT = "alert", _("Safeguarding alert")


class Followup(models.Model):
    """Work owed after a report is saved, written in the report's own transaction.

    The row is the promise; the background task keeps it. If the task is lost (a crash
    between commit and enqueue), `run_case_followups` finds the row and does the work.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="followups")
    kind = models.CharField(max_length=10, choices=FollowupKind.choices)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("created_at", "id")


class CaseAuditEntry(models.Model):
    """One link of the append-only, hash-chained audit log (see `cases.audit`).

    Holds ids and labels, not foreign keys, so entries outlive the case they describe (a
    purge leaves its own entry behind) and nothing cascades into the log.
    """

    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_label = models.CharField(max_length=150, blank=True)
    case_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    case_reference = models.CharField(max_length=16, blank=True, db_index=True)
    event = models.CharField(max_length=40)
    changes = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ("seq",)


class AuditHead(models.Model):
    """The chain's tip, one row locked by every append so entries join in order."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)


class RateBucket(models.Model):
    key = models.CharField(max_length=40)
    window = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = (models.UniqueConstraint(fields=["key", "window"], name="cases_rate_once"),)
