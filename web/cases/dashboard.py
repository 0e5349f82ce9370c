"""The cases panel: open cases by age and severity, reports by kind over time, overdue actions.

Counts only, so governors can see it too; the list of overdue actions (which names cases)
is added only for people who may open cases. The chart is drawn as SVG on the server, with
the same numbers in a table for screen readers and for printing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from accounts.models import Membership
from django.db.models import QuerySet
from django.utils import timezone

from cases.models import Action, Case
from cases.permissions import visible_cases
from cases.triage import SEVERITIES

AGE_BANDS = (
    (0, 7, "Under a week"),
    (7, 28, "1 to 4 weeks"),
    (28, 90, "1 to 3 months"),
    (90, 100_000, "Over 3 months"),
)
MONTHS = 6
COLOURS = (
    "#1d70b8",
    "#d4351c",
    "#00703c",
    "#6f3c97",
    "#b58840",
    "#505a5f",
    "#912b88",
    "#28a197",
    "#f47738",
    "#0b0c0c",
    "#85994b",
    "#5694ca",
    "#a8182b",
    "#003078",
)


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    colour: str
    title: str


def age_table(cases: QuerySet[Case], now: dt.datetime) -> list[dict[str, Any]]:
    """Rows of age bands, each with a count per severity and a total."""
    counts = Counter(
        (_band(case.age_days(now)), case.severity) for case in cases.filter(closed_at=None)
    )
    rows = []
    for _low, _high, label in AGE_BANDS:
        cells = [counts[(label, s)] for s in SEVERITIES]
        rows.append({"label": label, "cells": cells, "total": sum(cells)})
    return rows


def _band(days: int) -> str:
    return next(label for low, high, label in AGE_BANDS if low <= days < high)


def month_starts(now: dt.datetime) -> list[dt.date]:
    first = timezone.localtime(now).date().replace(day=1)
    months = [first]
    for _ in range(MONTHS - 1):
        months.insert(0, (months[0] - dt.timedelta(days=1)).replace(day=1))
    return months


def kinds_by_month(
    cases: QuerySet[Case], now: dt.datetime
) -> tuple[list[dt.date], dict[str, list[int]]]:
    months = month_starts(now)
    series: dict[str, list[int]] = {}
    since = dt.datetime.combine(months[0], dt.time(), tzinfo=timezone.get_current_timezone())
    for created_at, categories in cases.filter(created_at__gte=since).values_list(
        "created_at", "categories"
    ):
        start = timezone.localtime(created_at).date().replace(day=1)
        for kind in categories or ["not yet triaged"]:
            series.setdefault(kind, [0] * MONTHS)[months.index(start)] += 1
    return months, dict(sorted(series.items()))


def chart_bars(months: list[dt.date], series: dict[str, list[int]]) -> list[Bar]:
    """Stacked bars, one a month: 60 px wide, scaled to a 160 px tall plot."""
    totals = [sum(values[i] for values in series.values()) for i in range(len(months))]
    scale = 160 / max([*totals, 1])
    bars = []
    for i, month in enumerate(months):
        top = 180
        for j, (kind, values) in enumerate(series.items()):
            height = round(values[i] * scale)
            if height:
                top -= height
                bars.append(
                    Bar(
                        40 + i * 80,
                        top,
                        60,
                        height,
                        COLOURS[j % len(COLOURS)],
                        f"{month:%b %Y}: {values[i]} {kind}",
                    )
                )
    return bars


def overdue_actions(cases: QuerySet[Case]) -> QuerySet[Action]:
    today = timezone.localdate()
    return Action.objects.filter(case__in=cases, done_at=None, due_on__lt=today).select_related(
        "case"
    )


def panel(cases: QuerySet[Case], with_names: bool) -> dict[str, Any]:
    """Everything the panel template needs; `with_names` adds the overdue list itself."""
    now = timezone.now()
    months, series = kinds_by_month(cases, now)
    overdue = overdue_actions(cases)
    return {
        "severities": [s.capitalize() for s in SEVERITIES],
        "age_rows": age_table(cases, now),
        "months": months,
        "month_labels": [(70 + i * 80, month) for i, month in enumerate(months)],
        "series": [
            (kind, values, COLOURS[j % len(COLOURS)])
            for j, (kind, values) in enumerate(series.items())
        ],
        "bars": chart_bars(months, series),
        "overdue_count": overdue.count(),
        "overdue": list(overdue[:50]) if with_names else [],
        "open_count": cases.filter(closed_at=None).count(),
        "safeguarding_open": cases.filter(closed_at=None, safeguarding=True).count(),
    }


def panel_for(membership: Membership) -> dict[str, Any] | None:
    """The panel as this member may see it: None without case counts; every case counted
    for governors (never a name), and the overdue list for those who see every case."""
    if not membership.can_see_case_counts:
        return None
    with_names = membership.can_see_all_cases
    cases = visible_cases(membership) if with_names else Case.objects.all()
    return panel(cases, with_names=with_names)
