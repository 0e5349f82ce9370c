"""The cases dashboard: open cases by age and severity, kinds by month, overdue actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cases.models import Action, Case
from django.utils import timezone


def test_it_counts_open_cases_by_age_and_severity(head: Any, case: Case) -> None:
    old = timezone.now() - dt.timedelta(days=40)
    Case.objects.filter(pk=case.pk).update(created_at=old, severity="high")
    response = head.get("/cases/dashboard/")
    rows = {row["label"]: row for row in response.context["age_rows"]}
    assert rows["1 to 3 months"]["cells"] == [0, 1, 0, 0]  # urgent, high, medium, low
    assert rows["Under a week"]["total"] == 0


def test_it_charts_reports_by_kind_each_month(head: Any, case: Case) -> None:
    Case.objects.filter(pk=case.pk).update(categories=["cyberbullying", "abuse"])
    response = head.get("/cases/dashboard/")
    series = {kind: values for kind, values, _colour in response.context["series"]}
    assert series == {"abuse": [0, 0, 0, 0, 0, 1], "cyberbullying": [0, 0, 0, 0, 0, 1]}
    assert len(response.context["bars"]) == 2
    assert b'<svg role="img"' in response.content and b"kinds-table" in response.content


def test_it_lists_overdue_actions_for_leaders(head: Any, governor: Any, case: Case) -> None:
    Action.objects.create(
        case=case, text="Ring the family", due_on=timezone.localdate() - dt.timedelta(days=2)
    )
    Action.objects.create(
        case=case, text="Later", due_on=timezone.localdate() + dt.timedelta(days=2)
    )
    leader = head.get("/cases/dashboard/")
    assert leader.context["overdue_count"] == 1
    assert b"Ring the family" in leader.content
    governors = governor.get("/cases/dashboard/")
    assert governors.context["overdue_count"] == 1
    assert b"Ring the family" not in governors.content
