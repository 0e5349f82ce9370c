"""Dates as schools write them: ISO dates, "10th November 2021", or a term ("Spring 2021").

A term resolves to its first day, using the usual English school year: Autumn term starts
1 September, Spring term 1 January and Summer term 1 April of the named year. That keeps
"review date: Spring 2024" meaning "due from the start of that term", the earliest honest
reading, so a review is never reported as current when it may already be late.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

TERM_STARTS = {"autumn": (9, 1), "spring": (1, 1), "summer": (4, 1)}

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_TERM = re.compile(r"^(autumn|spring|summer)(?:\s+term)?\s+(\d{4})$", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(
    r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$", re.IGNORECASE
)
_MONTH_YEAR = re.compile(r"^([a-z]+)\s+(\d{4})$", re.IGNORECASE)
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


class DateError(ValueError):
    """A date a policy gives that cannot be read."""


@dataclass(frozen=True)
class SchoolDate:
    """A date with the words it was written in, so a policy can be shown as the school wrote it."""

    text: str
    date: dt.date

    def __str__(self) -> str:
        return self.text


def parse_school_date(value: object) -> SchoolDate:
    """Read a date given as a `date`, an ISO string, a written date or a school term."""
    if isinstance(value, dt.datetime):
        return SchoolDate(value.date().isoformat(), value.date())
    if isinstance(value, dt.date):
        return SchoolDate(value.isoformat(), value)
    if not isinstance(value, str) or not value.strip():
        raise DateError(f"expected a date or a school term, got {value!r}")
    text = " ".join(value.split())
    resolved = _resolve(text)
    if resolved is None:
        raise DateError(
            f"cannot read {text!r} as a date; use 2024-03-01, '1st March 2024' or 'Spring 2024'"
        )
    return SchoolDate(text, resolved)


def _resolve(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    if match := _TERM.match(text):
        month, day = TERM_STARTS[match.group(1).lower()]
        return _safe_date(int(match.group(2)), month, day)
    if match := _DAY_MONTH_YEAR.match(text):
        return _named(match.group(3), match.group(2), match.group(1))
    if match := _MONTH_DAY_YEAR.match(text):
        return _named(match.group(3), match.group(1), match.group(2))
    if match := _MONTH_YEAR.match(text):
        return _named(match.group(2), match.group(1), "1")
    if match := _NUMERIC.match(text):
        return _safe_date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    return None


def _named(year: str, month_name: str, day: str) -> dt.date | None:
    month = _MONTHS.get(month_name.lower())
    return None if month is None else _safe_date(int(year), month, int(day))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
