"""The work owed after a report is saved: triage, the receipt, the safeguarding alert.

Each piece is a `Followup` row; `run` does one, counting attempts. A failure is recorded
on the row (the error's type and message, never the report) and retried later with a
growing delay; after the last attempt the row is marked failed, which the cases dashboard
shows until someone acts on it.
"""

from __future__ import annotations

import datetime as dt
import logging

from accounts.models import Role
from checks.engine import NoPolicy, current_engine_policy, get_engine
from django.contrib.auth.models import User
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from cases import audit, conf
from cases.models import Case, Followup, FollowupKind
from cases.triage import triage
from netiquette.engine import Engine
from netiquette.policy import Policy

logger = logging.getLogger(__name__)


def current_policy() -> Policy | None:
    """The social media policy in force, as the engine reads it (None before one is set up)."""
    try:
        return current_engine_policy()
    except NoPolicy:
        return None


def current_engine() -> Engine | None:
    try:
        return get_engine()
    except NoPolicy:
        return None


def run(followup_id: int) -> None:
    """Do one piece of owed work; raise after recording the failure so the task shows it."""
    followup = Followup.objects.select_related("case").filter(pk=followup_id).first()
    if followup is None or followup.done_at or followup.failed_at:
        return  # already done, given up, or the case was purged
    followup.attempts += 1
    try:
        _perform(followup)
    except Exception as error:
        _record_failure(followup, error)
        raise
    followup.done_at = timezone.now()
    followup.last_error = ""
    followup.save(update_fields=["attempts", "done_at", "last_error"])


def _perform(followup: Followup) -> None:
    if followup.kind == FollowupKind.TRIAGE:
        triage_case(followup.case)
    elif followup.kind == FollowupKind.RECEIPT:
        send_receipt(followup.case)
    elif followup.kind == FollowupKind.ALERT:
        send_alert(followup.case)


def _record_failure(followup: Followup, error: Exception) -> None:
    from cases.actions import queue_followup

    followup.last_error = f"{type(error).__name__}: {error}"[:300]
    if followup.attempts >= conf.task_attempts():
        followup.failed_at = timezone.now()
        logger.error("case follow-up %s gave up after %s attempts", followup.pk, followup.attempts)
    followup.save(update_fields=["attempts", "last_error", "failed_at"])
    if followup.failed_at is None:
        delay = dt.timedelta(seconds=30 * 2 ** (followup.attempts - 1))
        queue_followup(followup, run_after=timezone.now() + delay)


def triage_case(case: Case) -> None:
    """Categories, severity and the safeguarding flag; a child at risk alerts the DSL."""
    texts = [case.what_happened, *case.evidence.exclude(text="").values_list("text", flat=True)]
    result = triage(current_engine(), texts, case.concerns)
    with transaction.atomic():
        old = (case.categories, case.severity, case.safeguarding)
        case.categories, case.severity = list(result.categories), result.severity
        case.safeguarding, case.triaged_at = result.safeguarding, timezone.now()
        case.save(update_fields=["categories", "severity", "safeguarding", "triaged_at"])
        changes = {
            "categories": (old[0], case.categories),
            "severity": (old[1], case.severity),
            "safeguarding": (old[2], case.safeguarding),
        }
        audit.record(None, "case.triaged", case, changes)
        if case.safeguarding and not case.followups.filter(kind=FollowupKind.ALERT).exists():
            from cases.actions import queue_followup

            queue_followup(Followup.objects.create(case=case, kind=FollowupKind.ALERT))


def status_url(token: str) -> str:
    return conf.site_url() + reverse("cases:status", args=[token])


def send_receipt(case: Case) -> None:
    """The reporter's receipt: the reference and where to see progress, not the report."""
    from cases.actions import status_token

    link = status_url(status_token(case.reference))
    body = render_to_string("cases/email/receipt.txt", {"case": case, "link": link})
    EmailMessage(f"We received your report {case.reference}", body, to=[case.reporter_email]).send()


def dsl_addresses() -> list[str]:
    leaders = User.objects.filter(Q(membership__role=Role.DSL) & ~Q(email="") & Q(is_active=True))
    return sorted({*leaders.values_list("email", flat=True), *conf.dsl_emails()})


def send_alert(case: Case) -> None:
    """Tell every DSL at once: a link to the case and nothing else, never the content."""
    recipients = dsl_addresses()
    if not recipients:
        raise RuntimeError("no designated safeguarding lead has an email address")
    link = conf.site_url() + reverse("cases:case", args=[case.reference])
    body = render_to_string("cases/email/alert.txt", {"case": case, "link": link})
    EmailMessage(f"Urgent safeguarding report {case.reference}", body, to=recipients).send()
