"""Audited writes to the school profile; each bumps `School.revision` so engines rebuild."""

from __future__ import annotations

from typing import Any

from accounts.actions import Actor, record_event
from django.db import transaction
from django.db.models import F

from netiquette import school as engine_school
from school.models import Person, School


def bump_revision() -> None:
    School.load()
    School.objects.filter(pk=1).update(revision=F("revision") + 1)


def person_values(person: Person) -> dict[str, Any]:
    """What the audit trail keeps about a person: roles and consents, by id, never the name."""
    return {
        "role": person.role,
        "year": person.year,
        "consent_name": person.consent_name,
        "consent_photo": person.consent_photo,
    }


def _fields(person: engine_school.Person) -> dict[str, Any]:
    return {
        "role": person.role.value,
        "title": person.title,
        "preferred": person.preferred,
        "nicknames": list(person.nicknames),
        "year": person.year,
        "registration_group": person.registration_group,
        "position": person.position,
        "consent_name": person.consent.name,
        "consent_photo": person.consent.photo,
    }


@transaction.atomic
def do_load_school(profile: engine_school.School, actor: Actor, *, replace: bool = True) -> School:
    """Store a whole engine profile (the demo, a YAML import): the school and all its people."""
    school = School.load()
    school.name = profile.name
    school.websites = list(profile.websites)
    school.hours_start, school.hours_end = profile.hours.start, profile.hours.end
    school.hours_days = list(profile.hours.days)
    school.confidential_terms = list(profile.confidential_terms)
    school.save()
    if replace:
        Person.objects.all().delete()
    do_upsert_people(list(profile.people), actor)
    record_event(actor, "school.loaded", school, new={"people": len(profile.people)})
    return school


@transaction.atomic
def do_upsert_people(people: list[engine_school.Person], actor: Actor) -> int:
    """Add or update people by full name, then link parents to children. Returns the count."""
    stored: dict[str, Person] = {}
    for person in people:
        row, created = Person.objects.update_or_create(name=person.name, defaults=_fields(person))
        stored[person.name.casefold()] = row
        event = "person.created" if created else "person.updated"
        record_event(actor, event, row, new=person_values(row))
    for person in people:
        if person.children:
            names = [c.casefold() for c in person.children]
            children = [p for p in Person.objects.all() if p.name.casefold() in names]
            stored[person.name.casefold()].children.set(children)
    bump_revision()
    return len(people)


@transaction.atomic
def do_update_person(person: Person, changes: dict[str, Any], actor: Actor) -> None:
    old = person_values(person)
    for field, value in changes.items():
        setattr(person, field, value)
    person.save()
    record_event(actor, "person.updated", person, old=old, new=person_values(person))
    bump_revision()


@transaction.atomic
def do_delete_person(person: Person, actor: Actor) -> None:
    record_event(actor, "person.deleted", person, old=person_values(person))
    person.delete()
    bump_revision()


@transaction.atomic
def do_update_school(school: School, changes: dict[str, Any], actor: Actor) -> None:
    old = {field: _plain(getattr(school, field)) for field in changes}
    for field, value in changes.items():
        setattr(school, field, value)
    school.revision += 1
    school.save()
    new = {field: _plain(getattr(school, field)) for field in changes}
    record_event(actor, "school.updated", school, old=old, new=new)


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


@transaction.atomic
def do_import_pupils(rows: list[dict[str, Any]], actor: Actor) -> tuple[int, int]:
    """Add or update pupils from a previewed roster; fields the export lacks are kept."""
    added = updated = 0
    for row in rows:
        values = {
            "role": "pupil",
            "preferred": row["preferred"],
            "year": row["year"],
            "registration_group": row["registration_group"],
            "consent_name": row["consent_name"],
            "consent_photo": row["consent_photo"],
        }
        person, created = Person.objects.update_or_create(name=row["name"], defaults=values)
        added, updated = added + created, updated + (not created)
        record_event(actor, "person.imported", person, new=person_values(person))
    record_event(actor, "roster.imported", None, new={"added": added, "updated": updated})
    bump_revision()
    return added, updated


@transaction.atomic
def do_create_person(values: dict[str, Any], actor: Actor) -> Person:
    person = Person.objects.create(**values)
    record_event(actor, "person.created", person, new=person_values(person))
    bump_revision()
    return person
