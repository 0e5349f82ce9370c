"""Background tasks (django-tasks, database backend): thin wrappers over `cases.followups`."""

from __future__ import annotations

from django_tasks import task

from cases import followups


@task()
def run_followup(followup_id: int) -> None:
    """Triage, a receipt or an alert for one case; retried by `followups.run` on failure."""
    followups.run(followup_id)
