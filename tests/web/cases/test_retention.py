"""Closed cases are kept by category, then `purge_cases` deletes them and logs the purge."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from pathlib import Path
from typing import Any

from cases import audit
from cases.models import Case, CaseAuditEntry, Evidence
from cases.retention import expired, keep_until, retention_rule
from django.core.management import call_command
from django.utils import timezone


def _close(case: Case, days_ago: int, **fields: Any) -> None:
    closed = timezone.now() - dt.timedelta(days=days_ago)
    Case.objects.filter(pk=case.pk).update(closed_at=closed, state="resolved", **fields)
    case.refresh_from_db()


def _purge(*args: str) -> str:
    out = StringIO()
    call_command("purge_cases", *args, stdout=out)
    return out.getvalue()


def test_it_keeps_by_the_longest_rule(case: Case, settings: Any) -> None:
    settings.CASES_RETENTION_DAYS = {
        "default": 100,
        "cyberbullying": 400,
        "inappropriate-language": 50,
    }
    _close(case, 10, categories=["cyberbullying", "inappropriate-language"])
    assert retention_rule(case) == ("cyberbullying", 400)
    assert keep_until(case) == case.closed_at + dt.timedelta(days=400)  # type: ignore[operator]
    case.safeguarding = True
    assert retention_rule(case)[0] == "safeguarding"


def test_it_never_expires_an_open_case(case: Case, settings: Any) -> None:
    settings.CASES_RETENTION_DAYS = {"default": 0}
    assert keep_until(case) is None and expired() == []


def test_it_lists_without_purging(case: Case, settings: Any) -> None:
    settings.CASES_RETENTION_DAYS = {"default": 30}
    _close(case, 31)
    output = _purge()
    assert case.reference in output and "rule default" in output
    assert Case.objects.filter(pk=case.pk).exists()


def test_it_purges_an_expired_case_and_its_files(
    case: Case, settings: Any, cases_settings: Path
) -> None:
    settings.CASES_RETENTION_DAYS = {"default": 30}
    stored = cases_settings / case.evidence.get(kind="image").stored_name
    assert stored.exists()
    _close(case, 31)
    assert "Purged: 1 cases." in _purge("--yes")
    assert not Case.objects.filter(pk=case.pk).exists()
    assert not Evidence.objects.exists() and not stored.exists()
    entry = CaseAuditEntry.objects.get(event="case.purged")
    assert entry.case_reference == case.reference
    assert entry.changes["rule"] == [None, "default"]
    assert "Mean comments" not in str(entry.changes)
    assert list(audit.verify()) == []


def test_it_keeps_cases_still_within_their_period(case: Case, settings: Any) -> None:
    settings.CASES_RETENTION_DAYS = {"default": 30, "cyberbullying": 365}
    _close(case, 31, categories=["cyberbullying"])
    assert "Purged: 0 cases." in _purge("--yes")
    assert Case.objects.filter(pk=case.pk).exists()
