"""Receipts and safeguarding alerts go through real SMTP; failures are retried and shown."""

from __future__ import annotations

from typing import Any

import pytest
from cases.actions import status_token
from cases.models import Followup
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from .conftest import Inbox, free_port, latest_case, run_worker, submit

pytestmark = pytest.mark.django_db(transaction=True)

SECRET_STORY = "He said he would hurt my daughter at the park on Friday"


def _body(message: Any) -> str:
    return str(message.get_payload(decode=True).decode())


def test_it_sends_a_receipt_with_the_status_link(anonymous: Client, inbox: Inbox) -> None:
    submit(anonymous, reporter_email="carer@home.example", what_happened=SECRET_STORY)
    run_worker()
    case = latest_case()
    assert inbox.recipients == [["carer@home.example"]]
    message = inbox.messages[0]
    assert case.reference in message["Subject"]
    body = _body(message)
    assert f"https://school.example/report/status/{status_token(case.reference)}/" in body
    assert "hurt" not in body and "park" not in body


def test_it_sends_no_receipt_without_an_address(anonymous: Client, inbox: Inbox) -> None:
    submit(anonymous)
    run_worker()
    assert inbox.messages == []


def test_it_alerts_the_dsl_with_only_a_link(anonymous: Client, dsl: Any, inbox: Inbox) -> None:
    dsl.user.email = "dsl@school.example"
    dsl.user.save()
    submit(anonymous, concerns=["threat"], what_happened=SECRET_STORY, pasted_text="watch out")
    run_worker()
    case = latest_case()
    assert case.safeguarding
    assert inbox.recipients == [["dsl@school.example"]]
    message = inbox.messages[0]
    body = _body(message)
    assert f"https://school.example/cases/{case.reference}/" in body
    for secret in ("hurt", "park", "Friday", "watch out", "daughter"):
        assert secret not in body and secret not in message["Subject"]


def test_it_does_not_alert_for_a_case_without_risk(
    anonymous: Client, dsl: Any, inbox: Inbox
) -> None:
    dsl.user.email = "dsl@school.example"
    dsl.user.save()
    submit(anonymous, concerns=["unkind-words"], what_happened="Rude comments on the page")
    run_worker()
    assert inbox.messages == []


def test_it_retries_a_failed_email_and_shows_the_failure(
    anonymous: Client, head: Any, settings: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listening
    settings.CASES_TASK_ATTEMPTS = 2
    submit(anonymous, reporter_email="carer@home.example")
    run_worker()
    receipt = Followup.objects.get(kind="receipt")
    assert receipt.attempts == 1 and receipt.failed_at is None
    assert "ConnectionRefusedError" in receipt.last_error
    assert DBTaskResult.objects.filter(status="FAILED").count() == 1
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after is not None and retry.run_after > timezone.now()
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    receipt.refresh_from_db()
    assert receipt.attempts == 2 and receipt.failed_at is not None
    assert not DBTaskResult.objects.filter(status="READY").exists()
    page = head.get("/cases/dashboard/")
    assert b"Background work that failed" in page.content
    assert latest_case().reference.encode() in page.content
