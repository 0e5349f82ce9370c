"""The school profile: the school's domains, hours, confidential terms and its people.

The YAML shape is the contract in PRODUCT.md. Extra optional fields that the engine uses:
`preferred` (a preferred first name), `nicknames`, `author` on items, and `consent.name` /
`consent.photo` for pupils (missing means no consent: the safe default for children).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from netiquette.kinds import Role
from netiquette.validation import Reader, ValidationError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class SchoolError(ValidationError):
    """A school profile that does not validate."""


@dataclass(frozen=True)
class Consent:
    name: bool = False
    photo: bool = False


@dataclass(frozen=True)
class Person:
    name: str
    role: Role
    title: str = ""
    year: str = ""
    position: str = ""
    preferred: str = ""
    nicknames: tuple[str, ...] = ()
    consent: Consent = field(default_factory=Consent)
    children: tuple[str, ...] = ()
    registration_group: str = ""

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    @property
    def surname(self) -> str:
        parts = self.name.split()
        return parts[-1] if len(parts) > 1 else ""

    @property
    def initials(self) -> str:
        return "".join(f"{part[0]}." for part in self.name.split() if part)

    @property
    def display_name(self) -> str:
        return f"{self.title} {self.name}" if self.title else self.name


@dataclass(frozen=True)
class Hours:
    start: dt.time = dt.time(8, 30)
    end: dt.time = dt.time(16, 0)
    days: tuple[str, ...] = DAYS[:5]

    def contains(self, moment: dt.datetime) -> bool:
        """Whether a moment (in its own local time) falls within school hours."""
        day = DAYS[moment.weekday()]
        return day in self.days and self.start <= moment.time() < self.end


@dataclass(frozen=True)
class School:
    name: str
    websites: tuple[str, ...] = ()
    hours: Hours = field(default_factory=Hours)
    confidential_terms: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()

    def person(self, name: str) -> Person | None:
        """Look a person up by full name, ignoring case and spacing."""
        wanted = " ".join(name.split()).casefold()
        return next((p for p in self.people if p.name.casefold() == wanted), None)

    def with_people(self, people: tuple[Person, ...]) -> School:
        return School(self.name, self.websites, self.hours, self.confidential_terms, people)


def load_school(path: str | Path) -> School:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise SchoolError([f"cannot read the file: {error}"], str(path)) from error
    except yaml.YAMLError as error:
        raise SchoolError([f"not valid YAML: {error}"], str(path)) from error
    return parse_school(data, source=str(path))


def parse_school(data: object, source: str | None = None) -> School:
    reader = Reader(source, SchoolError)
    doc = reader.mapping(data, "")
    info = reader.mapping(doc.get("school"), "school")
    if "school" not in doc:
        reader.problem("school", "is required")
    people = tuple(
        person
        for path, element in reader.items(doc.get("people"), "people")
        if (person := parse_person(reader, reader.mapping(element, path), path)) is not None
    )
    school = School(
        name=reader.text(info, "name", "school"),
        websites=tuple(_domain(w) for w in reader.strings(info, "websites", "school")),
        hours=_hours(reader, info.get("hours")),
        confidential_terms=tuple(reader.strings(info, "confidential_terms", "school")),
        people=people,
    )
    _check_names(reader, people)
    reader.check()
    return school


def parse_person(reader: Reader, data: Mapping[str, Any], path: str) -> Person | None:
    name = " ".join(reader.text(data, "name", path).split())
    role = reader.choice(Role, data.get("role", "other"), f"{path}.role", "role")
    consent = reader.mapping(data.get("consent"), f"{path}.consent")
    if not name or role is None:
        return None
    return Person(
        name=name,
        role=role,
        title=reader.text(data, "title", path, required=False),
        year=reader.text(data, "year", path, required=False),
        position=reader.text(data, "position", path, required=False),
        preferred=reader.text(data, "preferred", path, required=False),
        nicknames=tuple(reader.strings(data, "nicknames", path)),
        consent=Consent(
            name=reader.flag(consent, "name", f"{path}.consent", False),
            photo=reader.flag(consent, "photo", f"{path}.consent", False),
        ),
        children=tuple(reader.strings(data, "children", path)),
        registration_group=reader.text(data, "registration_group", path, required=False),
    )


def _hours(reader: Reader, value: object) -> Hours:
    data = reader.mapping(value, "school.hours")
    default = Hours()

    def clock(key: str, fallback: dt.time) -> dt.time:
        raw = data.get(key)
        if raw is None:
            return fallback
        if isinstance(raw, int):  # YAML reads an unquoted 08:30 as minutes (sexagesimal)
            return dt.time(raw // 60 % 24, raw % 60)
        try:
            return dt.time.fromisoformat(str(raw).strip())
        except ValueError:
            reader.problem(f"school.hours.{key}", f"expected a time like 08:30, got {raw!r}")
            return fallback

    days = [d.lower()[:3] for d in reader.strings(data, "days", "school.hours")]
    for index, day in enumerate(days):
        if day not in DAYS:
            reader.problem(f"school.hours.days[{index}]", f"unknown day {day!r}")
    return Hours(
        clock("start", default.start), clock("end", default.end), tuple(days) or default.days
    )


def _domain(value: str) -> str:
    value = value.strip().lower()
    for prefix in ("https://", "http://"):
        value = value.removeprefix(prefix)
    return value.split("/")[0].removeprefix("www.")


def _check_names(reader: Reader, people: tuple[Person, ...]) -> None:
    names = {p.name.casefold() for p in people}
    for index, person in enumerate(people):
        for child in person.children:
            if child.casefold() not in names:
                reader.problem(f"people[{index}].children", f"{child!r} is not in the people list")
