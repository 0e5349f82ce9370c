"""`manage.py purge_cases`: list, or with --yes delete, closed cases past their retention."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from cases.retention import expired, purge


class Command(BaseCommand):
    help = (
        "List closed cases whose retention period has passed; with --yes, delete them and "
        "their evidence, leaving an audit entry for each. "
        "Example: python manage.py purge_cases --yes"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--yes", action="store_true", help="delete them (default: only list)")

    def handle(self, *args: Any, **options: Any) -> None:
        found = expired()
        for expiry in found:
            until = timezone.localtime(expiry.keep_until)
            self.stdout.write(
                f"{expiry.case.reference}  rule {expiry.rule}  kept until {until:%Y-%m-%d}"
            )
            if options["yes"]:
                purge(expiry, actor_label="purge_cases")
        verb = "Purged" if options["yes"] else "Expired (run with --yes to purge)"
        self.stdout.write(f"{verb}: {len(found)} cases.")
