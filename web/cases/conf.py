"""The cases app's settings, each with a safe default, read in one place.

Projects override any of them in settings.py (or through environment variables there);
the app reads them here so a missing one never breaks a page.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from netiquette_site.env import env_int

# Days a closed case is kept, by category: a rule kind, "safeguarding" or "default".
# The longest period among a case's categories applies. Safeguarding records are kept long
# (schools commonly keep child protection files until the child is 25).
DEFAULT_RETENTION_DAYS = {
    "safeguarding": 365 * 25,
    "default": 365 * 6,
    "inappropriate-language": 365 * 2,
}


def retention_days() -> dict[str, int]:
    configured = getattr(settings, "CASES_RETENTION_DAYS", None) or {}
    return {**DEFAULT_RETENTION_DAYS, **configured}


def evidence_dir() -> Path:
    base = getattr(settings, "CASES_EVIDENCE_DIR", None)
    if base:
        return Path(base)
    return Path(settings.PRIVATE_STORAGE_DIR) / "evidence"


def reports_per_hour() -> int:
    """Public reports accepted from one address in an hour (env NETIQUETTE_REPORTS_PER_HOUR)."""
    return int(
        getattr(settings, "CASES_REPORTS_PER_HOUR", env_int("NETIQUETTE_REPORTS_PER_HOUR", 10))
    )


def form_min_seconds() -> float:
    """A form sent sooner than this after it was served is a robot's."""
    return float(getattr(settings, "CASES_FORM_MIN_SECONDS", 2.0))


def form_max_age_seconds() -> int:
    return int(getattr(settings, "CASES_FORM_MAX_AGE_SECONDS", 4 * 3600))


def task_attempts() -> int:
    return int(getattr(settings, "CASES_TASK_ATTEMPTS", 5))


def dsl_emails() -> list[str]:
    """Extra addresses for safeguarding alerts, besides every DSL's own account."""
    return list(getattr(settings, "CASES_DSL_EMAILS", []))


def site_url() -> str:
    return str(getattr(settings, "NETIQUETTE_SITE_URL", "http://127.0.0.1:8000")).rstrip("/")
