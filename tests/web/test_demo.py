"""`manage.py demo`: loads the school, policies and one account per role; safe to run again."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from accounts.models import AuditEvent, Membership, Role
from cases.followups import dsl_addresses
from checks.demo import DEMO_PASSWORD
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.management import call_command
from policies.models import Policy
from school.models import Person, School

from .conftest import WEB

SETTINGS = "netiquette_site.settings"


def test_it_sets_up_the_demo_and_prints_the_log_ins(db: None) -> None:
    out = io.StringIO()
    call_command("demo", stdout=out)
    text = out.getvalue()
    for username in ["head", "dsl", "teacher", "governor", "parent", "pupil"]:
        assert f"  {username} " in text
        assert authenticate(username=username, password=DEMO_PASSWORD) is not None
    assert {m.role for m in Membership.objects.all()} == {r.value for r in Role}
    assert School.load().name == "Willowbank Primary School"
    assert Person.objects.count() == 18
    assert Policy.objects.count() == 7


def test_it_can_run_twice(db: None) -> None:
    call_command("demo", stdout=io.StringIO())
    call_command("demo", stdout=io.StringIO())
    assert Policy.objects.count() == 7
    assert Membership.objects.get(user__username="parent").person is not None


def test_it_gives_the_adults_addresses_so_alerts_reach_the_safeguarding_lead(db: None) -> None:
    out = io.StringIO()
    call_command("demo", stdout=out)
    assert User.objects.get(username="dsl").email == "dsl@willowbank-primary.example"
    assert User.objects.get(username="head").email == "head@willowbank-primary.example"
    assert User.objects.get(username="pupil").email == ""
    assert dsl_addresses() == ["dsl@willowbank-primary.example"]
    assert "(dsl@willowbank-primary.example)" in out.getvalue()


def test_a_second_run_gives_older_demo_accounts_their_address(db: None) -> None:
    call_command("demo", stdout=io.StringIO())
    User.objects.filter(username="dsl").update(email="")
    call_command("demo", stdout=io.StringIO())
    assert User.objects.get(username="dsl").email == "dsl@willowbank-primary.example"
    event = AuditEvent.objects.get(event_type="member.email_changed")
    assert event.new_value == {"email": "dsl@willowbank-primary.example"}


def test_development_prints_email_to_the_console() -> None:
    env = {**os.environ, "NETIQUETTE_ENV": "development", "DJANGO_SETTINGS_MODULE": SETTINGS}
    env.pop("EMAIL_BACKEND", None)
    code = "from django.conf import settings; print(settings.EMAIL_BACKEND)"
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=WEB,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "django.core.mail.backends.console.EmailBackend"
