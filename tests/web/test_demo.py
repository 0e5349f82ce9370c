"""`manage.py demo`: loads the school, policies and one account per role; safe to run again."""

from __future__ import annotations

import io

from accounts.models import Membership, Role
from checks.demo import DEMO_PASSWORD
from django.contrib.auth import authenticate
from django.core.management import call_command
from policies.models import Policy
from school.models import Person, School


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
