"""The check endpoint's fast path: compiled-once queries, the plain INSERT, the warmed engine.

Each shortcut must give exactly what the ordinary ORM call gives, so these compare the two.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from accounts.actions import do_create_api_token
from accounts.models import ApiToken
from checks import engine
from checks.models import CheckRecord
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from netiquette_site.prepared import PreparedQuery, insert_row
from policies.models import Policy, Status
from school.actions import do_update_school
from school.models import School

from .conftest import WEB
from .helpers import Member

POST = {"id": "p1", "text": "Call me on 07700 900123", "author_role": "parent"}

TOKENS = PreparedQuery(
    lambda name: ApiToken.objects.filter(name=name).values_list("pk", "last_used_at", "user_id")
)


def _post(client: Client, token: str) -> int:
    headers = {"Authorization": f"Bearer {token}"}
    body = json.dumps(POST)
    response = client.post("/api/v1/check", body, content_type="application/json", headers=headers)
    return response.status_code


@pytest.mark.django_db
def test_it_reads_what_values_list_reads(teacher: Member) -> None:
    token, _raw = do_create_api_token(teacher.user, "script one")
    do_create_api_token(teacher.user, "script two")
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    expected = ApiToken.objects.filter(name="script one").values_list(
        "pk", "last_used_at", "user_id"
    )
    row = TOKENS.first("script one")
    assert row == expected.get()
    assert timezone.is_aware(row[1])
    assert TOKENS.first("script two")[0] != token.pk
    assert TOKENS.first("no such script") is None


@pytest.mark.django_db
def test_it_inserts_what_save_would_store(teacher: Member) -> None:
    fields = {"source": "api", "verdict": "block", "kinds": ["abuse", "personal-data"]}
    before = timezone.now()
    insert_row(CheckRecord(user_id=teacher.user.pk, **fields))
    record = CheckRecord.objects.get()
    assert (record.user, record.source, record.verdict, record.kinds) == (
        teacher.user,
        "api",
        "block",
        ["abuse", "personal-data"],
    )
    assert before <= record.created_at <= timezone.now()


def test_it_counts_an_api_check_for_the_tokens_user(anonymous: Client, teacher: Member) -> None:
    _token, raw = do_create_api_token(teacher.user, "script")
    assert _post(anonymous, raw) == 200
    record = CheckRecord.objects.get()
    assert (record.user, record.source, record.verdict) == (teacher.user, "api", "block")


def test_it_notes_when_a_token_was_used_at_most_once_a_minute(
    anonymous: Client, teacher: Member
) -> None:
    token, raw = do_create_api_token(teacher.user, "script")
    assert _post(anonymous, raw) == 200
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    assert first is not None
    assert _post(anonymous, raw) == 200
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - dt.timedelta(minutes=2))
    assert _post(anonymous, raw) == 200
    assert ApiToken.objects.get(pk=token.pk).last_used_at > first


def test_it_refuses_the_token_of_a_deactivated_account(anonymous: Client, teacher: Member) -> None:
    _token, raw = do_create_api_token(teacher.user, "script")
    assert _post(anonymous, raw) == 200
    User.objects.filter(pk=teacher.user.pk).update(is_active=False)
    assert _post(anonymous, raw) == 401


def test_it_refuses_the_token_once_the_role_loses_the_api(
    anonymous: Client, teacher: Member
) -> None:
    _token, raw = do_create_api_token(teacher.user, "script")
    teacher.user.membership.role = "parent"
    teacher.user.membership.save(update_fields=["role"])
    assert _post(anonymous, raw) == 403


def test_a_changed_roster_reaches_the_next_check_at_once(head: Member) -> None:
    first = engine.get_engine()
    assert engine.get_engine() is first
    do_update_school(School.load(), {"name": "Willowbank Primary"}, head.user)
    assert engine.get_engine() is not first


def test_it_warms_the_engine_and_says_when_there_is_no_policy(demo: None) -> None:
    assert engine.warm() is True
    assert engine._cache
    Policy.objects.update(status=Status.RETIRED)
    engine.clear_cache()
    assert engine.warm() is False
    with pytest.raises(engine.NoPolicy):
        engine.get_engine()


def test_gunicorn_takes_a_connection_only_with_a_thread_free() -> None:
    """The settings the benchmark measured: see web/gunicorn.conf.py for why."""
    env = {**os.environ, "WEB_WORKERS": "2", "WEB_THREADS": "3"}
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    out = subprocess.run(
        [gunicorn, "--print-config", "-c", "gunicorn.conf.py", "netiquette_site.wsgi"],
        cwd=WEB,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    config = dict(re.findall(r"^(\w+)\s+= (.*)$", out, re.M))
    assert (config["worker_class"], config["workers"], config["threads"]) == ("gthread", "2", "3")
    assert config["worker_connections"] == config["threads"]
    assert config["preload_app"] == "True"
    assert config["when_ready"] == "<when_ready()>"
