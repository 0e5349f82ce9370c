"""The school profile in the database: the school itself (one row) and its people.

`to_engine_school()` turns it into the engine's `netiquette.school.School`; `revision` goes
up on every change, so a cached engine knows when it is stale.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from netiquette import school as engine_school
from netiquette.kinds import Role as EngineRole

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]


def _weekdays() -> list[str]:
    return list(WEEKDAYS)


class School(models.Model):
    name = models.CharField(_("name"), max_length=200, default="Our school")
    websites = models.JSONField(_("the school's own websites"), default=list, blank=True)
    hours_start = models.TimeField(_("school day starts"), default=dt.time(8, 30))
    hours_end = models.TimeField(_("school day ends"), default=dt.time(16, 0))
    hours_days = models.JSONField(_("school days"), default=_weekdays)
    confidential_terms = models.JSONField(_("confidential terms"), default=list, blank=True)
    footer_links = models.JSONField(_("footer links"), default=list, blank=True)
    revision = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.name

    @classmethod
    def load(cls) -> School:
        """The one school row (created with defaults the first time)."""
        school, _created = cls.objects.get_or_create(pk=1)
        return school

    def to_engine_school(self) -> engine_school.School:
        people = Person.objects.prefetch_related("children").order_by("name")
        return engine_school.School(
            name=self.name,
            websites=tuple(self.websites),
            hours=engine_school.Hours(self.hours_start, self.hours_end, tuple(self.hours_days)),
            confidential_terms=tuple(self.confidential_terms),
            people=tuple(p.to_engine_person() for p in people),
        )


class PersonRole(models.TextChoices):
    PUPIL = "pupil", _("Pupil")
    STAFF = "staff", _("Staff")
    GOVERNOR = "governor", _("Governor")
    PARENT = "parent", _("Parent or carer")
    OTHER = "other", _("Other")


class Person(models.Model):
    name = models.CharField(_("full name"), max_length=200, unique=True)
    role = models.CharField(_("role"), max_length=16, choices=PersonRole.choices)
    title = models.CharField(_("title"), max_length=20, blank=True)
    preferred = models.CharField(_("preferred first name"), max_length=100, blank=True)
    nicknames = models.JSONField(_("nicknames"), default=list, blank=True)
    year = models.CharField(_("year group"), max_length=20, blank=True)
    registration_group = models.CharField(_("registration group"), max_length=20, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    consent_name = models.BooleanField(_("may be named"), default=False)
    consent_photo = models.BooleanField(_("may be photographed"), default=False)
    children = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="parents", verbose_name=_("children")
    )

    class Meta:
        ordering = ("role", "name")

    def __str__(self) -> str:
        return self.name

    def to_engine_person(self) -> engine_school.Person:
        return engine_school.Person(
            name=self.name,
            role=EngineRole(self.role),
            title=self.title,
            year=self.year,
            position=self.position,
            preferred=self.preferred,
            nicknames=tuple(self.nicknames),
            consent=engine_school.Consent(name=self.consent_name, photo=self.consent_photo),
            children=tuple(c.name for c in self.children.all()),
            registration_group=self.registration_group,
        )
