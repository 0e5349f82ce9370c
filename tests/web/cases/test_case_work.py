"""Working a case: assignment, notes, actions, people, links, moves and the chronology."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cases.actions import status_token
from cases.models import Case, CaseAuditEntry
from django.utils import timezone
from school.models import Person


def _entries(case: Case, event: str) -> list[CaseAuditEntry]:
    return list(CaseAuditEntry.objects.filter(case_id=case.pk, event=event).order_by("seq"))


def test_it_assigns_with_old_and_new_values(dsl: Any, teacher: Any, head: Any, case: Case) -> None:
    url = f"/cases/{case.reference}/assign/"
    dsl.post(url, {"assignee": teacher.user.pk})
    dsl.post(url, {"assignee": head.user.pk})
    case.refresh_from_db()
    assert case.assigned_to == head.user
    changes = [e.changes["assigned_to"] for e in _entries(case, "case.assigned")]
    assert changes == [[None, "teacher"], ["teacher", "head"]]


def test_it_refuses_to_assign_a_parent(dsl: Any, parent: Any, case: Case) -> None:
    dsl.post(f"/cases/{case.reference}/assign/", {"assignee": parent.user.pk})
    case.refresh_from_db()
    assert case.assigned_to is None


def test_it_adds_notes_logging_only_a_digest(dsl: Any, case: Case) -> None:
    dsl.post(f"/cases/{case.reference}/note/", {"text": "Spoke to Noah's mum by phone"})
    assert case.notes.get().text == "Spoke to Noah's mum by phone"
    logged = _entries(case, "case.note_added")[0].changes["note"][1]
    assert logged.startswith("sha256:") and "Noah" not in logged


def test_it_tracks_actions_and_overdue_ones(dsl: Any, teacher: Any, case: Case) -> None:
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    response = dsl.post(
        f"/cases/{case.reference}/action/",
        {"text": "Call the family", "due_on": yesterday.isoformat(), "assignee": teacher.user.pk},
    )
    assert response.status_code == 302
    action = case.actions.get()
    assert action.owner == teacher.user and action.is_overdue()
    page = dsl.get(f"/cases/{case.reference}/")
    assert b"Overdue" in page.content
    dsl.post(f"/cases/{case.reference}/action/{action.pk}/done/")
    action.refresh_from_db()
    assert action.done_at is not None and not action.is_overdue()


def test_it_refuses_an_action_without_a_date(dsl: Any, case: Case) -> None:
    response = dsl.post(f"/cases/{case.reference}/action/", {"text": "Call"}, follow=True)
    assert not case.actions.exists()
    assert b"Due on: This field is required." in response.content


def test_it_links_a_pupil_and_their_siblings(dsl: Any, case: Case) -> None:
    noah = Person.objects.get(name="Noah Fenwick")
    sister = Person.objects.create(name="Ava Fenwick", role="pupil", year="5")
    Person.objects.get(name="Claire Fenwick").children.add(sister)
    dsl.post(
        f"/cases/{case.reference}/person/",
        {"person": noah.pk, "involvement": "target", "with_siblings": "on"},
    )
    linked = {(p.person.name, p.involvement) for p in case.people.select_related("person")}
    assert linked == {("Noah Fenwick", "target"), ("Ava Fenwick", "sibling")}


def test_it_links_cases_both_ways(dsl: Any, case: Case) -> None:
    other = Case.objects.create(
        reference="NQ-TEST-0002",
        token_digest="x" * 64,
        source="staff",
        reporter_role="staff",
        what_happened="Earlier report",
    )
    dsl.post(f"/cases/{case.reference}/link/", {"reference": other.reference.lower()})
    assert list(Case.objects.filter(links_in__case=case)) == [other]
    assert list(Case.objects.filter(links_in__case=other)) == [case]
    dsl.post(f"/cases/{case.reference}/link/", {"reference": "NQ-NONE-0000"})
    assert case.links_out.count() == 1


def test_it_moves_through_the_procedure(dsl: Any, case: Case) -> None:
    url = f"/cases/{case.reference}/move/"
    dsl.post(url, {"transition": "to:acknowledged"})
    response = dsl.post(url, {"transition": "to:meeting", "attendees": ""}, follow=True)
    assert b"give the date and time of the meeting" in response.content
    case.refresh_from_db()
    assert case.state == "acknowledged"
    dsl.post(
        url,
        {
            "transition": "to:meeting",
            "meeting_at": "2026-10-05T15:30",
            "attendees": "Mr Olufemi, Mrs Fenwick",
        },
    )
    dsl.post(url, {"transition": "to:resolved", "outcome": "Posts removed; apology made"})
    case.refresh_from_db()
    assert case.state == "resolved" and case.closed_at is not None
    assert timezone.localtime(case.meeting_at).hour == 15
    states = [e.changes["state"] for e in _entries(case, "case.moved")]
    assert states == [
        ["received", "acknowledged"],
        ["acknowledged", "meeting"],
        ["meeting", "resolved"],
    ]
    response = dsl.post(
        url, {"transition": "escalate", "route": "police", "reason": "x"}, follow=True
    )
    assert b"cannot move" in response.content


def test_it_escalates_with_route_and_reason(dsl: Any, case: Case) -> None:
    url = f"/cases/{case.reference}/move/"
    response = dsl.post(url, {"transition": "escalate", "route": "", "reason": ""}, follow=True)
    assert b"choose where the case is passed to" in response.content
    dsl.post(url, {"transition": "escalate", "route": "police", "reason": "Threats of violence"})
    case.refresh_from_db()
    assert (case.state, case.escalation_route) == ("escalated", "police")
    assert b"The police (malicious communications)" in dsl.get(f"/cases/{case.reference}/").content


def test_it_shows_the_chronology_in_time_order(dsl: Any, teacher: Any, case: Case) -> None:
    ref = case.reference
    dsl.post(f"/cases/{ref}/assign/", {"assignee": teacher.user.pk})
    dsl.post(f"/cases/{ref}/note/", {"text": "First note"})
    dsl.post(f"/cases/{ref}/move/", {"transition": "to:acknowledged"})
    dsl.post(f"/cases/{ref}/note/", {"text": "Second note"})
    events = dsl.get(f"/cases/{ref}/").context["events"]
    titles = [e.title for e in events]
    assert titles[0] == "Report received"
    assert titles.index("Assigned") < titles.index("Note") < titles.index("Moved")
    assert [e.detail for e in events if e.title == "Note"] == ["First note", "Second note"]
    assert [e.at for e in events] == sorted(e.at for e in events)


def test_it_shows_progress_but_no_detail_on_the_status_page(
    anonymous: Any, dsl: Any, case: Case
) -> None:
    dsl.post(f"/cases/{case.reference}/note/", {"text": "Confidential note"})
    dsl.post(f"/cases/{case.reference}/move/", {"transition": "to:acknowledged"})
    response = anonymous.get(f"/report/status/{status_token(case.reference)}/")
    assert response.status_code == 200
    assert b"Acknowledged" in response.content and case.reference.encode() in response.content
    for secret in (b"Confidential note", b"Mean comments", b"Facebook", b"losers", b"dsl"):
        assert secret not in response.content
    assert response["Referrer-Policy"] == "no-referrer"
    assert anonymous.get("/report/status/not-a-real-token/").status_code == 404
