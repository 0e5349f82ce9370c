"""The public form turns away robots and floods without any third-party service."""

from __future__ import annotations

from typing import Any

from cases import spam
from cases.models import Case
from django.core import signing
from django.test import Client

from .conftest import submit


def test_it_refuses_a_filled_honeypot(anonymous: Client) -> None:
    response = submit(anonymous, website="https://cheap-pills.example")
    assert response.status_code == 400 and Case.objects.count() == 0


def test_it_refuses_a_missing_or_forged_stamp(anonymous: Client) -> None:
    assert submit(anonymous, form_stamp="").status_code == 400
    forged = signing.TimestampSigner(salt="cases.report-form", key="guess").sign("1.0")
    response = submit(anonymous, form_stamp=forged)
    assert b"could not be checked" in response.content
    assert Case.objects.count() == 0


def test_it_refuses_a_form_sent_too_fast(anonymous: Client, settings: Any) -> None:
    settings.CASES_FORM_MIN_SECONDS = 60
    response = submit(anonymous)
    assert b"very quick" in response.content and Case.objects.count() == 0


def test_it_refuses_an_old_form(anonymous: Client, settings: Any) -> None:
    settings.CASES_FORM_MAX_AGE_SECONDS = -1
    response = submit(anonymous)
    assert b"open for too long" in response.content and Case.objects.count() == 0


def test_it_limits_reports_from_one_address(anonymous: Client, settings: Any) -> None:
    settings.CASES_REPORTS_PER_HOUR = 2
    codes = [submit(anonymous).status_code for _ in range(3)]
    assert codes == [302, 302, 400]
    assert Case.objects.count() == 2
    other = Client(REMOTE_ADDR="192.0.2.9")
    assert submit(other).status_code == 302


def test_it_keeps_no_address_in_the_clear(anonymous: Client) -> None:
    from cases.models import RateBucket

    submit(anonymous)
    bucket = RateBucket.objects.get()
    assert "127.0.0.1" not in bucket.key and bucket.key == spam.client_key("127.0.0.1")


def test_it_does_not_limit_staff(teacher: Client, settings: Any) -> None:
    settings.CASES_REPORTS_PER_HOUR = 0
    response = teacher.post("/cases/report/", {"what_happened": "Seen in the playground"})
    assert response.status_code == 302 and Case.objects.get().source == "staff"
