"""`manage.py demo`: migrate, load the demo school and policies, create one account per role."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from checks.demo import ACCOUNTS, DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Set up the demo: migrations, Willowbank Primary School, its policies and accounts."

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", verbosity=0, interactive=False)
        load_demo()
        self.stdout.write("Demo ready: Willowbank Primary School (invented).")
        self.stdout.write("Sign in at http://127.0.0.1:8000/accounts/login/ as:")
        for account in ACCOUNTS:
            self.stdout.write(
                f"  {account.username:<9} {account.role.label:<30} password {DEMO_PASSWORD}"
                + (f"  ({account.email})" if account.email else "")
            )
        if settings.EMAIL_BACKEND.endswith("console.EmailBackend"):
            self.stdout.write("Email (receipts, safeguarding alerts) is printed by the worker.")
