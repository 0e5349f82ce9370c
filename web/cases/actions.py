"""Every write to a case, each in one transaction with its audit entry.

`do_submit_report` is the promise that a report is never lost: the case, its evidence and
the work owed on it (triage, the receipt email) are saved together, and the background
tasks are queued in the same transaction (the database task backend writes its queue in the
same database), so either all of it is stored or none of it is.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from functools import partial

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.utils import timezone

from cases import audit
from cases.evidence import CleanImage, store
from cases.models import (
    Action,
    Case,
    CaseLink,
    CasePerson,
    Evidence,
    EvidenceKind,
    Followup,
    FollowupKind,
    Note,
)
from cases.triage import MEDIUM, SAFEGUARDING_CONCERNS, URGENT
from cases.workflow import ATTENDEES, ESCALATED, MEETING_AT, OUTCOME, REASON, ROUTE, Move

Actor = AbstractBaseUser | AnonymousUser | None
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass
class ReportData:
    """What a reporter told us, already validated by a form."""

    source: str
    reporter_role: str
    what_happened: str
    platform: str = ""
    happened_on: dt.date | None = None
    people_described: str = ""
    reporter_name: str = ""
    reporter_email: str = ""
    concerns: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    pasted_text: str = ""
    images: list[CleanImage] = field(default_factory=list)
    people: list[int] = field(default_factory=list)  # roster ids, from the staff form


def new_reference() -> str:
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"NQ-{chars[:4]}-{chars[4:]}"


def status_token(reference: str) -> str:
    """The private status token: keyed by the site's secret, so the database alone (which
    keeps only its digest) never yields a working link, yet the receipt task can rebuild it.
    """
    from django.conf import settings

    key = settings.SECRET_KEY.encode()
    mac = hmac.new(key, f"cases.status:{reference}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def do_submit_report(data: ReportData, reporter: Actor, evidence_dir: str) -> tuple[Case, str]:
    """Save a report whole; return the case and its private status token (shown once)."""
    from pathlib import Path

    stored = [store(image, Path(evidence_dir)) for image in data.images]
    try:
        return _save_report(data, reporter, stored)
    except BaseException:
        for name in stored:  # nothing half-saved: no orphan files either
            (Path(evidence_dir) / name).unlink(missing_ok=True)
        raise


@transaction.atomic
def _save_report(data: ReportData, reporter: Actor, stored: list[str]) -> tuple[Case, str]:
    reference = new_reference()
    token = status_token(reference)
    user = reporter if isinstance(reporter, User) else None
    case = Case.objects.create(
        reference=reference,
        token_digest=token_digest(token),
        source=data.source,
        reporter=user,
        reporter_name=data.reporter_name,
        reporter_email=data.reporter_email,
        reporter_role=data.reporter_role,
        what_happened=data.what_happened,
        platform=data.platform,
        happened_on=data.happened_on,
        people_described=data.people_described,
        concerns=sorted(set(data.concerns)),
        safeguarding=bool(set(data.concerns) & set(SAFEGUARDING_CONCERNS)),
        severity=URGENT if set(data.concerns) & set(SAFEGUARDING_CONCERNS) else MEDIUM,
    )
    _save_evidence(case, data, stored)
    CasePerson.objects.bulk_create(
        CasePerson(case=case, person_id=pk, involvement="involved") for pk in data.people
    )
    audit.record(reporter, "case.reported", case, {"source": (None, data.source)})
    kinds = [FollowupKind.TRIAGE] + ([FollowupKind.RECEIPT] if data.reporter_email else [])
    if case.safeguarding:  # the reporter says a child is at risk: alert without waiting
        kinds.append(FollowupKind.ALERT)
    for kind in kinds:
        queue_followup(Followup.objects.create(case=case, kind=kind))
    return case, token


def _save_evidence(case: Case, data: ReportData, stored: list[str]) -> None:
    rows = [
        Evidence(
            case=case,
            kind=EvidenceKind.IMAGE,
            stored_name=name,
            sha256=image.sha256,
            width=image.width,
            height=image.height,
        )
        for name, image in zip(stored, data.images, strict=True)
    ]
    rows += [Evidence(case=case, kind=EvidenceKind.LINK, url=url) for url in data.links]
    if data.pasted_text.strip():
        rows.append(Evidence(case=case, kind=EvidenceKind.TEXT, text=data.pasted_text))
    Evidence.objects.bulk_create(rows)


def queue_followup(followup: Followup, run_after: dt.datetime | None = None) -> None:
    """Queue the task for a follow-up.

    With the database backend the task row is written in the caller's transaction, so the
    report and its queued work commit together. A backend that runs work at once (the
    immediate backend in development) waits for the commit instead, so a failure in the
    work can never undo the report.
    """
    from django_tasks_db import DatabaseBackend

    from cases.tasks import run_followup

    backend = run_followup.get_backend()
    task = run_followup
    if run_after is not None and backend.supports_defer:
        task = run_followup.using(run_after=run_after)
    if isinstance(backend, DatabaseBackend):
        task.enqueue(followup.pk)
    else:
        transaction.on_commit(partial(task.enqueue, followup.pk))


@transaction.atomic
def do_transition_case(case: Case, move: Move, actor: Actor) -> None:
    """Move a case along the procedure, recording what the move needed."""
    old_state = case.state
    changes: dict[str, tuple[object, object]] = {"state": (old_state, move.target)}
    values = move.values
    if MEETING_AT in values:
        changes[MEETING_AT] = (case.meeting_at, values[MEETING_AT])
        changes[ATTENDEES] = (None, audit.digest_text(str(values[ATTENDEES])))
        case.meeting_at = values[MEETING_AT]  # type: ignore[assignment]
        case.meeting_attendees = str(values[ATTENDEES])
    if OUTCOME in values:
        case.outcome = str(values[OUTCOME])
        changes[OUTCOME] = (None, audit.digest_text(case.outcome))
    if move.target == ESCALATED:
        case.escalation_route, case.escalation_reason = str(values[ROUTE]), str(values[REASON])
        changes[ROUTE] = (None, case.escalation_route)
        changes[REASON] = (None, audit.digest_text(case.escalation_reason))
    case.state = move.target
    case.updated_at = timezone.now()
    if move.transition.target == ESCALATED or OUTCOME in values:
        case.closed_at = case.updated_at
    case.save()
    audit.record(actor, "case.moved", case, changes)


@transaction.atomic
def do_assign_case(case: Case, assignee: User | None, actor: Actor) -> None:
    old = case.assigned_to
    case.assigned_to = assignee
    case.updated_at = timezone.now()
    case.save(update_fields=["assigned_to", "updated_at"])
    change = (_who(old), _who(assignee))
    audit.record(actor, "case.assigned", case, {"assigned_to": change})


@transaction.atomic
def do_add_note(case: Case, text: str, actor: User) -> Note:
    note = Note.objects.create(case=case, author=actor, text=text)
    audit.record(actor, "case.note_added", case, {"note": (None, audit.digest_text(text))})
    return note


@transaction.atomic
def do_add_action(
    case: Case, text: str, due_on: dt.date, owner: User | None, actor: User
) -> Action:
    action = Action.objects.create(case=case, text=text, due_on=due_on, owner=owner)
    audit.record(
        actor,
        "case.action_added",
        case,
        {
            "action": (None, audit.digest_text(text)),
            "due_on": (None, due_on),
            "owner": (None, _who(owner)),
        },
    )
    return action


@transaction.atomic
def do_complete_action(action: Action, actor: User) -> None:
    action.done_at = timezone.now()
    action.save(update_fields=["done_at"])
    audit.record(actor, "case.action_done", action.case, {"action": (action.pk, action.done_at)})


@transaction.atomic
def do_link_person(case: Case, person_id: int, involvement: str, actor: User) -> CasePerson:
    link = CasePerson.objects.create(case=case, person_id=person_id, involvement=involvement)
    audit.record(
        actor,
        "case.person_linked",
        case,
        {"person": (None, person_id), "involvement": (None, involvement)},
    )
    return link


@transaction.atomic
def do_link_cases(case: Case, other: Case, actor: User) -> None:
    CaseLink.objects.get_or_create(case=case, other=other)
    CaseLink.objects.get_or_create(case=other, other=case)
    audit.record(actor, "case.linked", case, {"linked_case": (None, other.reference)})
    audit.record(actor, "case.linked", other, {"linked_case": (None, case.reference)})


def record_view(case: Case, actor: Actor, what: str = "case") -> None:
    """Every look at a case is in the log too, not only the changes."""
    audit.record(actor, "case.viewed", case, {"view": (None, what)})


def _who(user: User | None) -> str | None:
    return user.get_username() if user is not None else None
