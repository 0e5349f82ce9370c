"""A case's chronology: everything that happened to it, in time order.

Built from the case's own rows (the report, evidence, notes, actions, people) and from its
audit entries for moves, assignments, triage and links, so the page and the PDF export
tell the same story. Views of the case are in the audit log but not here: they are not
events in the case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cases.models import Case, CaseAuditEntry
from cases.workflow import Workflow

_EVENTS = {
    "case.moved": "Moved",
    "case.assigned": "Assigned",
    "case.triaged": "Triaged",
    "case.linked": "Linked to another case",
}


@dataclass(frozen=True)
class Event:
    at: dt.datetime
    who: str
    title: str
    detail: str = ""


def chronology(case: Case, workflow: Workflow) -> list[Event]:
    events = [Event(case.created_at, _reporter(case), "Report received", case.get_source_display())]
    events += [
        Event(e.added_at, "", f"Evidence: {e.get_kind_display()}", e.url or "")
        for e in case.evidence.all()
    ]
    events += [Event(n.created_at, _name(n.author), "Note", n.text) for n in case.notes.all()]
    for action in case.actions.all():
        events.append(
            Event(
                action.created_at,
                "",
                "Action added",
                f"{action.text} (due {action.due_on:%d %b %Y})",
            )
        )
        if action.done_at:
            events.append(Event(action.done_at, "", "Action done", action.text))
    events += [
        Event(p.added_at, "", "Person linked", f"{p.person} ({p.get_involvement_display()})")
        for p in case.people.select_related("person")
    ]
    entries = CaseAuditEntry.objects.filter(case_id=case.pk, event__in=list(_EVENTS))
    events += [_from_audit(entry, case, workflow) for entry in entries]
    return sorted(events, key=lambda e: e.at)


def _from_audit(entry: CaseAuditEntry, case: Case, workflow: Workflow) -> Event:
    detail = ""
    if entry.event == "case.moved":
        old, new = entry.changes.get("state", [None, None])
        detail = f"{workflow.stage(str(old)).label} → {workflow.stage(str(new)).label}"
        if new == "escalated":
            route = workflow.route(case.escalation_route)
            detail += f": {route.label if route else case.escalation_route}"
    elif entry.event == "case.assigned":
        detail = str(entry.changes.get("assigned_to", [None, None])[1] or "nobody")
    elif entry.event == "case.triaged":
        detail = ", ".join(entry.changes.get("categories", [[], []])[1]) or "no categories"
        detail += f"; severity {entry.changes.get('severity', ['', ''])[1]}"
    elif entry.event == "case.linked":
        detail = str(entry.changes.get("linked_case", [None, ""])[1])
    who = "" if entry.actor_label == "anonymous" else entry.actor_label
    return Event(entry.at, who, _EVENTS[entry.event], detail)


def _reporter(case: Case) -> str:
    return case.reporter_name or case.get_reporter_role_display()


def _name(user: object) -> str:
    get = getattr(user, "get_username", None)
    return str(get()) if get else ""
