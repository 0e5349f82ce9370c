"""Importing pupils from an MIS export (SIMS, Arbor, Bromcom all export CSV) into a school
profile.

Exports differ in their column names, so common headers are recognised and any can be
mapped by hand (`forename=Legal Forename`). Every bad row is reported by file and line, all
at once, so an office can fix the export in one go; nothing is written unless every row is
good. Blank consent means no consent: the safe default for children.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from netiquette.school import parse_school
from netiquette.validation import ValidationError

FIELDS = (
    "forename",
    "preferred",
    "surname",
    "year",
    "registration_group",
    "name_consent",
    "photo_consent",
)
REQUIRED = ("forename", "surname", "year")

# Headers seen in common MIS exports, compared after `_normal`.
KNOWN_HEADERS: Mapping[str, tuple[str, ...]] = {
    "forename": ("forename", "legal forename", "first name", "firstname", "given name"),
    "preferred": ("preferred forename", "preferred name", "preferred first name", "known as"),
    "surname": ("surname", "legal surname", "last name", "lastname", "family name"),
    "year": ("year", "year group", "nc year", "national curriculum year", "yeargroup"),
    "registration_group": (
        "reg group",
        "registration group",
        "reg",
        "form",
        "class",
        "tutor group",
    ),
    "name_consent": ("name consent", "consent name", "consent to name", "name on social media"),
    "photo_consent": (
        "photo consent",
        "photograph consent",
        "consent photo",
        "consent photograph",
        "image consent",
        "photos on social media",
    ),
}
FIELD_ALIASES = {
    "preferred_name": "preferred",
    "reg_group": "registration_group",
    "form": "registration_group",
    "consent_name": "name_consent",
    "consent_photo": "photo_consent",
}

YES = {"yes", "y", "true", "t", "1", "given", "consented", "agreed"}
NO = {"no", "n", "false", "f", "0", "refused", "withdrawn", "not given", ""}
_YEAR = re.compile(r"^(?:y|yr|year|nc\s*year|ncy)?\s*(\d{1,2})$")
_EARLY_YEARS = {"r": "Reception", "yr": "Reception", "rec": "Reception", "reception": "Reception"}
_NURSERY = {"n", "n1", "n2", "nursery", "yn"}


class RosterError(ValidationError):
    """A roster export or column mapping that cannot be imported."""


@dataclass(frozen=True)
class Pupil:
    forename: str
    surname: str
    year: int | str
    preferred: str = ""
    registration_group: str = ""
    name_consent: bool = False
    photo_consent: bool = False

    @property
    def name(self) -> str:
        return f"{self.forename} {self.surname}"

    def to_data(self) -> dict[str, Any]:
        """The pupil in the school profile's YAML shape."""
        data: dict[str, Any] = {"name": self.name, "role": "pupil", "year": self.year}
        if self.preferred and self.preferred.casefold() != self.forename.casefold():
            data["preferred"] = self.preferred
        if self.registration_group:
            data["registration_group"] = self.registration_group
        data["consent"] = {"name": self.name_consent, "photo": self.photo_consent}
        return data


@dataclass(frozen=True)
class MergeReport:
    added: int
    updated: int
    removed: int


def parse_mapping(pairs: Iterable[str]) -> dict[str, str]:
    """`field=Column header` pairs from the command line, as {field: header}."""
    mapping: dict[str, str] = {}
    problems = []
    for pair in pairs:
        key, sep, column = pair.partition("=")
        field = _field_name(key)
        if not sep or not column.strip():
            problems.append(f"--map {pair!r}: expected FIELD=COLUMN, e.g. forename=Forename")
        elif field not in FIELDS:
            problems.append(f"--map {pair!r}: unknown field {key!r} (fields: {', '.join(FIELDS)})")
        else:
            mapping[field] = column.strip()
    if problems:
        raise RosterError(problems)
    return mapping


def read_roster(path: str | Path, mapping: Mapping[str, str] | None = None) -> list[Pupil]:
    """Every pupil in the export; raises `RosterError` listing each bad row by line."""
    name = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            return _read(csv.DictReader(stream), name, mapping or {})
    except OSError as error:
        raise RosterError([f"cannot read the file: {error.strerror}"], name) from error
    except UnicodeDecodeError as error:
        raise RosterError([f"not UTF-8 text ({error.reason}); export as CSV UTF-8"], name) from None


def _read(reader: csv.DictReader[str], name: str, mapping: Mapping[str, str]) -> list[Pupil]:
    columns = _columns(list(reader.fieldnames or []), name, mapping)
    pupils: list[Pupil] = []
    problems: list[str] = []
    first_line: dict[str, int] = {}
    line = reader.line_num
    for row in reader:
        where = f"{name}:{line + 1}"
        pupil = _pupil(row, columns, where, problems)
        if pupil is not None:
            key = pupil.name.casefold()
            if key in first_line:
                problems.append(f"{where}: {pupil.name!r} is already on line {first_line[key]}")
            first_line.setdefault(key, line + 1)
            pupils.append(pupil)
        line = reader.line_num
    if problems:
        raise RosterError(problems)
    return pupils


def _columns(header: list[str], name: str, mapping: Mapping[str, str]) -> dict[str, str]:
    """Which CSV column holds each field: the mapping first, then the known headers."""
    by_normal = {_normal(h): h for h in header}
    columns: dict[str, str] = {}
    problems = []
    for field in FIELDS:
        if field in mapping:
            wanted = mapping[field]
            found = wanted if wanted in header else by_normal.get(_normal(wanted))
            if found is None:
                problems.append(f"{name}:1: no column {wanted!r} (columns: {', '.join(header)})")
                continue
            columns[field] = found
            continue
        known = next((by_normal[h] for h in KNOWN_HEADERS[field] if h in by_normal), None)
        if known is not None:
            columns[field] = known
        elif field in REQUIRED:
            problems.append(f"{name}:1: no column for {field} (map one with --map {field}=COLUMN)")
    if problems:
        raise RosterError(problems)
    return columns


def _pupil(
    row: Mapping[str | Any, str | Any], columns: Mapping[str, str], where: str, problems: list[str]
) -> Pupil | None:
    def cell(field: str) -> str:
        value = row.get(columns[field]) if field in columns else None
        return " ".join(str(value or "").split())

    found = len(problems)
    for field in ("forename", "surname"):
        if not cell(field):
            problems.append(f"{where}: {field}: is required")
    year = parse_year(cell("year"))
    if year is None:
        problems.append(f"{where}: year: {cell('year')!r} is not a year group")
    consent = {field: parse_consent(cell(field)) for field in ("name_consent", "photo_consent")}
    for field, value in consent.items():
        if value is None:
            problems.append(f"{where}: {field}: {cell(field)!r} is not yes or no")
    if len(problems) > found or year is None:
        return None
    return Pupil(
        forename=cell("forename"),
        surname=cell("surname"),
        year=year,
        preferred=cell("preferred"),
        registration_group=cell("registration_group"),
        name_consent=bool(consent["name_consent"]),
        photo_consent=bool(consent["photo_consent"]),
    )


def parse_year(value: str) -> int | str | None:
    """A year group as the profile holds it: 1 to 13, "Reception" or "Nursery"; else None."""
    text = value.strip().casefold().replace(".", "")
    if text in _EARLY_YEARS or text in {"year r", "year reception"}:
        return "Reception"
    if text in _NURSERY or text == "year n":
        return "Nursery"
    match = _YEAR.match(text)
    if match and 1 <= int(match.group(1)) <= 13:
        return int(match.group(1))
    return None


def parse_consent(value: str) -> bool | None:
    text = value.strip().casefold()
    if text in YES:
        return True
    if text in NO:
        return False
    return None


def merge_roster(
    school_data: Mapping[str, Any], pupils: Iterable[Pupil], *, drop_leavers: bool = False
) -> tuple[dict[str, Any], MergeReport]:
    """The school profile with the roster's pupils added or updated (matched by full name).

    Fields the export does not hold (nicknames, anything a school added) are kept. With
    `drop_leavers`, pupils missing from the export are removed, and from parents' children.
    """
    data = dict(school_data)
    people = [dict(p) if isinstance(p, Mapping) else p for p in data.get("people") or []]
    index = {
        str(p.get("name", "")).casefold(): i
        for i, p in enumerate(people)
        if isinstance(p, dict) and p.get("role") == "pupil"
    }
    added = updated = 0
    seen: set[str] = set()
    for pupil in pupils:
        key = pupil.name.casefold()
        seen.add(key)
        if key in index:
            people[index[key]] = {**people[index[key]], **pupil.to_data()}
            updated += 1
        else:
            people.append(pupil.to_data())
            added += 1
    leavers = set(index) - seen if drop_leavers else set()
    people = [p for i, p in enumerate(people) if not _is_leaver(p, leavers)]
    data["people"] = [_without_children(p, leavers) for p in people]
    return data, MergeReport(added, updated, len(leavers))


def _is_leaver(person: object, leavers: set[str]) -> bool:
    return (
        isinstance(person, dict)
        and person.get("role") == "pupil"
        and str(person.get("name", "")).casefold() in leavers
    )


def _without_children(person: object, leavers: set[str]) -> object:
    if not leavers or not isinstance(person, dict) or not person.get("children"):
        return person
    children = person["children"]
    if isinstance(children, list):
        return {**person, "children": [c for c in children if str(c).casefold() not in leavers]}
    return person


def import_roster(
    school_path: str | Path,
    roster_path: str | Path,
    mapping: Mapping[str, str] | None = None,
    *,
    drop_leavers: bool = False,
) -> tuple[str, MergeReport]:
    """The school profile YAML with the roster merged in, validated; raises on any problem."""
    try:
        school_data = yaml.safe_load(Path(school_path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise RosterError([f"cannot read the school profile: {error}"], str(school_path)) from None
    if not isinstance(school_data, Mapping):
        raise RosterError(["expected a school profile (a mapping)"], str(school_path))
    pupils = read_roster(roster_path, mapping)
    merged, report = merge_roster(school_data, pupils, drop_leavers=drop_leavers)
    parse_school(merged, source="the merged profile")
    text = yaml.safe_dump(merged, sort_keys=False, allow_unicode=True, width=100)
    return text, report


def _normal(header: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", header.casefold()).split())


def _field_name(key: str) -> str:
    name = re.sub(r"[-. ]+", "_", key.strip().casefold())
    return FIELD_ALIASES.get(name, name)
