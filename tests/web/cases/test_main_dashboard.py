"""The main dashboard carries the cases panel for those who may see case counts."""

from __future__ import annotations

import datetime as dt

import pytest
from cases.models import Action, Case
from django.utils import timezone

from ..helpers import Member


@pytest.fixture
def overdue(case: Case) -> Action:
    due = timezone.localdate() - dt.timedelta(days=3)
    return Action.objects.create(case=case, text="Ring the family", due_on=due)


def test_leaders_see_the_panel_with_the_overdue_list(
    head: Member, dsl: Member, overdue: Action
) -> None:
    for leader in (head, dsl):
        response = leader.get("/dashboard/")
        html = response.content.decode()
        assert response.context["cases_panel"]["open_count"] == 1
        assert 'id="cases-panel"' in html and "Ring the family" in html
        assert overdue.case.reference in html
        assert 'href="/cases/"' in html


def test_governors_see_counts_and_never_a_case(governor: Member, overdue: Action) -> None:
    response = governor.get("/dashboard/")
    html = response.content.decode()
    assert response.context["cases_panel"]["overdue_count"] == 1
    assert 'id="cases-panel"' in html
    assert "Ring the family" not in html and overdue.case.reference not in html


def test_the_dashboard_stays_closed_to_everyone_else(
    cast: dict[str, Member], overdue: Action
) -> None:
    for who in ("teacher", "parent", "pupil"):
        assert cast[who].get("/dashboard/").status_code == 403


def test_the_panel_counts_only_open_cases(head: Member, case: Case) -> None:
    Case.objects.filter(pk=case.pk).update(closed_at=timezone.now())
    assert head.get("/dashboard/").context["cases_panel"]["open_count"] == 0
