"""`manage.py verify_case_audit`: check the case audit log's hash chain, end to end."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cases.audit import verify
from cases.models import CaseAuditEntry


class Command(BaseCommand):
    help = (
        "Verify that no case audit entry was changed, removed or reordered. "
        "Exits non-zero and lists each broken entry if the chain does not hold. "
        "Example: python manage.py verify_case_audit"
    )

    def handle(self, *args: Any, **options: Any) -> None:
        problems = list(verify())
        if problems:
            for problem in problems:
                self.stderr.write(f"entry {problem.seq}: {problem.message}")
            raise CommandError(f"the case audit log does not verify ({len(problems)} problems)")
        count = CaseAuditEntry.objects.count()
        self.stdout.write(self.style.SUCCESS(f"The case audit log verifies: {count} entries."))
