"""The case state machine, built from the policy's own procedure.

The social media policy promises a procedure (log it, look into it, meet, resolve) and the
routes a concern can be passed to (complaints, whistleblowing, disciplinary, safeguarding,
the police). A case moves through the policy's steps in order, or is escalated along one of
its routes. Each move declares what it needs (a meeting needs a date and who attends; the
last step needs an outcome; an escalation needs the route and a reason), so the form, the
action and the tests all ask the same questions. Plain Python: no Django, easy to test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from netiquette.policy import Escalation, Policy, ProcedureStep

ESCALATED = "escalated"
MEETING_AT = "meeting_at"
ATTENDEES = "attendees"
OUTCOME = "outcome"
ROUTE = "route"
REASON = "reason"

# Used when a policy names no procedure: the steps every social media policy implies.
DEFAULT_STEPS = (
    ProcedureStep("received", "The concern is logged and the reporter told it has arrived."),
    ProcedureStep("acknowledged", "A senior member of staff looks into it."),
    ProcedureStep("meeting", "The people involved are met to understand what happened."),
    ProcedureStep("resolved", "What will be done is agreed and the outcome recorded."),
)
DEFAULT_ROUTES = (Escalation("safeguarding", "Safeguarding"), Escalation("police", "The police"))

_LABELS = {
    "received": "Received",
    "acknowledged": "Acknowledged",
    "meeting": "Meeting arranged",
    "resolved": "Resolved",
    ESCALATED: "Escalated",
}


class WorkflowError(ValueError):
    """A move the procedure does not allow, or one missing what it needs.

    `problems` maps each field name (or "" for the move itself) to a message, so a form can
    show each message beside its own field.
    """

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"{k or 'move'}: {v}" for k, v in self.problems.items()))


@dataclass(frozen=True)
class Stage:
    id: str
    label: str
    text: str
    closed: bool = False


@dataclass(frozen=True)
class Transition:
    id: str
    label: str
    target: str
    needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Move:
    """A checked move: where the case goes and the cleaned values it needs."""

    transition: Transition
    values: dict[str, object] = field(default_factory=dict)

    @property
    def target(self) -> str:
        return self.transition.target


class Workflow:
    """The states and moves of a case under one policy's procedure."""

    def __init__(self, steps: tuple[ProcedureStep, ...], routes: tuple[Escalation, ...]) -> None:
        steps = steps or DEFAULT_STEPS
        last = len(steps) - 1
        self.stages = tuple(
            Stage(s.id, _label(s.id), s.text, closed=i == last) for i, s in enumerate(steps)
        )
        self.stages += (Stage(ESCALATED, _LABELS[ESCALATED], "Passed on.", closed=True),)
        self.routes = routes or DEFAULT_ROUTES

    @classmethod
    def for_policy(cls, policy: Policy | None) -> Workflow:
        if policy is None:
            return cls((), ())
        return cls(policy.procedure.steps, policy.procedure.escalations)

    @property
    def initial(self) -> str:
        return self.stages[0].id

    def stage(self, state: str) -> Stage:
        for stage in self.stages:
            if stage.id == state:
                return stage
        # A state from an older version of the policy: shown as it is, still open.
        return Stage(state, _label(state), "")

    def is_closed(self, state: str) -> bool:
        return self.stage(state).closed

    def route(self, route_id: str) -> Escalation | None:
        return next((r for r in self.routes if r.id == route_id), None)

    def transitions(self, state: str) -> list[Transition]:
        """The moves open from a state: any later step, or escalation; none once closed."""
        if self.is_closed(state):
            return []
        steps = [s for s in self.stages if s.id != ESCALATED]
        ids = [s.id for s in steps]
        later = steps[ids.index(state) + 1 :] if state in ids else steps[1:]
        moves = [Transition(f"to:{s.id}", s.label, s.id, self._needs(s)) for s in later]
        moves.append(Transition("escalate", "Escalate", ESCALATED, (ROUTE, REASON)))
        return moves

    def check(self, state: str, transition_id: str, data: Mapping[str, object]) -> Move:
        """Validate a move and its values; raises `WorkflowError` naming each problem."""
        transition = next((t for t in self.transitions(state) if t.id == transition_id), None)
        if transition is None:
            label = self.stage(state).label.lower()
            raise WorkflowError({"": f"a case that is {label} cannot move by {transition_id!r}"})
        values: dict[str, object] = {}
        problems: dict[str, str] = {}
        for need in transition.needs:
            try:
                values[need] = self._clean(need, data.get(need))
            except ValueError as error:
                problems[need] = str(error)
        if problems:
            raise WorkflowError(problems)
        return Move(transition, values)

    def _needs(self, stage: Stage) -> tuple[str, ...]:
        if stage.closed:
            return (OUTCOME,)
        if "meet" in stage.id:
            return (MEETING_AT, ATTENDEES)
        return ()

    def _clean(self, need: str, value: object) -> object:
        if need == MEETING_AT:
            if not isinstance(value, dt.datetime):
                raise ValueError("give the date and time of the meeting")
            if value.tzinfo is None:
                raise ValueError("the meeting time needs a time zone")
            return value
        text = value.strip() if isinstance(value, str) else ""
        if not text:
            raise ValueError(_MISSING[need])
        if need == ROUTE and self.route(text) is None:
            known = ", ".join(r.id for r in self.routes)
            raise ValueError(f"unknown route {text!r}; the policy names {known}")
        return text


_MISSING = {
    ATTENDEES: "say who will attend the meeting",
    OUTCOME: "record the outcome",
    ROUTE: "choose where the case is passed to",
    REASON: "say why the case is escalated",
}


def _label(step_id: str) -> str:
    return _LABELS.get(step_id) or step_id.replace("-", " ").replace("_", " ").capitalize()
