"""The case state machine follows the policy's procedure and asks for what each move needs."""

from __future__ import annotations

import datetime as dt

import pytest
from cases.workflow import ESCALATED, Workflow, WorkflowError

from netiquette.policy import Policy

WHEN = dt.datetime(2026, 10, 5, 15, 30, tzinfo=dt.UTC)


@pytest.fixture
def workflow(demo_policy: Policy) -> Workflow:
    return Workflow.for_policy(demo_policy)


def test_it_takes_states_from_the_policy(workflow: Workflow) -> None:
    ids = [s.id for s in workflow.stages]
    assert ids == ["received", "acknowledged", "meeting", "resolved", ESCALATED]
    assert workflow.initial == "received"
    assert workflow.stage("meeting").label == "Meeting arranged"
    assert [r.id for r in workflow.routes] == [
        "complaints",
        "whistleblowing",
        "disciplinary",
        "safeguarding",
        "police",
    ]


def test_it_offers_later_steps_and_escalation(workflow: Workflow) -> None:
    moves = {t.id: t.needs for t in workflow.transitions("acknowledged")}
    assert moves == {
        "to:meeting": ("meeting_at", "attendees"),
        "to:resolved": ("outcome",),
        "escalate": ("route", "reason"),
    }


def test_it_offers_nothing_once_closed(workflow: Workflow) -> None:
    assert workflow.transitions("resolved") == []
    assert workflow.transitions(ESCALATED) == []


def test_it_refuses_going_back(workflow: Workflow) -> None:
    with pytest.raises(WorkflowError) as caught:
        workflow.check("meeting", "to:acknowledged", {})
    assert "cannot move" in caught.value.problems[""]


def test_it_asks_for_meeting_date_and_attendees(workflow: Workflow) -> None:
    with pytest.raises(WorkflowError) as caught:
        workflow.check("acknowledged", "to:meeting", {"attendees": "  "})
    assert set(caught.value.problems) == {"meeting_at", "attendees"}
    move = workflow.check("acknowledged", "to:meeting", {"meeting_at": WHEN, "attendees": "Mr O"})
    assert move.target == "meeting" and move.values == {"meeting_at": WHEN, "attendees": "Mr O"}


def test_it_refuses_a_naive_meeting_time(workflow: Workflow) -> None:
    with pytest.raises(WorkflowError) as caught:
        workflow.check(
            "received", "to:meeting", {"meeting_at": WHEN.replace(tzinfo=None), "attendees": "x"}
        )
    assert "time zone" in caught.value.problems["meeting_at"]


def test_it_asks_for_an_outcome_to_resolve(workflow: Workflow) -> None:
    with pytest.raises(WorkflowError) as caught:
        workflow.check("meeting", "to:resolved", {})
    assert caught.value.problems == {"outcome": "record the outcome"}
    assert workflow.check("meeting", "to:resolved", {"outcome": "Apology"}).target == "resolved"


def test_it_asks_for_a_known_route_and_a_reason(workflow: Workflow) -> None:
    with pytest.raises(WorkflowError) as caught:
        workflow.check("received", "escalate", {"route": "ombudsman", "reason": ""})
    assert "unknown route 'ombudsman'" in caught.value.problems["route"]
    assert "reason" in caught.value.problems
    move = workflow.check("received", "escalate", {"route": "police", "reason": "Threats"})
    assert move.target == ESCALATED and move.values["route"] == "police"


def test_it_has_a_default_procedure_without_a_policy() -> None:
    workflow = Workflow.for_policy(None)
    assert [s.id for s in workflow.stages][:4] == [
        "received",
        "acknowledged",
        "meeting",
        "resolved",
    ]
    assert workflow.route("police") is not None
