"""How long closed cases are kept, and purging them when that time is up.

The period depends on what the case was about (`conf.retention_days()`: by rule kind, with
"safeguarding" for any case flagged as a child at risk and "default" otherwise); where a
case has several categories the longest period wins. Open cases are never purged. A purge
deletes the case, its evidence files and everything hanging off it, and leaves one audit
entry saying which reference was purged, when, under which rule: no personal data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from cases import audit, conf
from cases.evidence import path_of
from cases.models import Case


@dataclass(frozen=True)
class Expiry:
    case: Case
    rule: str
    keep_until: dt.datetime


def retention_rule(case: Case) -> tuple[str, int]:
    """The rule (its name) and number of days that decide how long a case is kept."""
    days = conf.retention_days()
    keys = [k for k in case.categories if k in days]
    if case.safeguarding:
        keys.append("safeguarding")
    if not keys:
        return "default", days["default"]
    rule = max(keys, key=lambda k: days[k])
    return rule, days[rule]


def keep_until(case: Case) -> dt.datetime | None:
    if case.closed_at is None:
        return None
    return case.closed_at + dt.timedelta(days=retention_rule(case)[1])


def expired(now: dt.datetime | None = None) -> list[Expiry]:
    """Closed cases past their retention period, oldest first."""
    now = now or timezone.now()
    found = []
    for case in Case.objects.exclude(closed_at=None).order_by("closed_at"):
        until = keep_until(case)
        if until is not None and until <= now:
            found.append(Expiry(case, retention_rule(case)[0], until))
    return found


def purge(expiry: Expiry, actor_label: str = "") -> None:
    """Delete one expired case whole, leaving an audit entry of the purge."""
    case = expiry.case
    files = [
        path_of(conf.evidence_dir(), e.stored_name) for e in case.evidence.exclude(stored_name="")
    ]
    reference = case.reference
    with transaction.atomic():
        changes = {
            "rule": (None, expiry.rule),
            "closed_at": (case.closed_at, None),
            "kept_until": (None, expiry.keep_until),
            "by": (None, actor_label or "purge_cases"),
        }
        audit.record(None, "case.purged", case, changes, reference=reference)
        case.delete()
    for path in files:  # after the commit: a failed delete leaves the files, never a hole
        path.unlink(missing_ok=True)
