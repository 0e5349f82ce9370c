"""Fixtures for the cases tests: a real SMTP server, the database task queue, report data.

Mail goes through Django's SMTP backend to an aiosmtpd server on 127.0.0.1, and tests read
what it received. Background work goes through the django-tasks database backend and is
run by the real `db_worker` command, as in production.
"""

from __future__ import annotations

import datetime as dt
import email
import io
import socket
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from cases import spam
from cases.models import Case
from django.core.management import call_command
from django.test import Client
from PIL import Image

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class Inbox:
    """Collects what the SMTP server received, parsed."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(email.message_from_bytes(envelope.original_content))
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def inbox(settings: Any) -> Iterator[Inbox]:
    handler = Inbox()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield handler
    controller.stop()


@pytest.fixture(autouse=True)
def cases_settings(settings: Any, tmp_path: Path) -> Path:
    """Evidence in a private temporary folder, the database task queue, no minimum delay."""
    settings.CASES_EVIDENCE_DIR = str(tmp_path / "evidence")
    settings.CASES_FORM_MIN_SECONDS = 0
    settings.TASKS = DB_TASKS
    settings.NETIQUETTE_SITE_URL = "https://school.example"
    # The demo's six accounts hashed with argon2 cost seconds a test; what is tested here
    # is access to cases, not password storage.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return tmp_path / "evidence"


def run_worker() -> None:
    """Run every queued task now, with the real worker command."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0.01", verbosity=0)


def png_bytes(size: tuple[int, int] = (40, 30), colour: str = "red", **info: Any) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG", **info)
    return out.getvalue()


def report_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "what_happened": "Someone keeps posting mean comments under my son's photos.",
        "platform": "Instagram",
        "links": "https://social.example/p/123",
        "happened_on": dt.date.today().isoformat(),
        "people_described": "A boy in Year 6",
        "pasted_text": "nobody likes you, leave this school",
        "concerns": ["bullying"],
        "reporter_role": "parent",
        "reporter_name": "",
        "reporter_email": "",
        "website": "",
        "form_stamp": spam.make_stamp(),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def submit(client: Client, url: str = "/report/", **overrides: Any) -> Any:
    return client.post(url, report_data(**overrides))


def latest_case() -> Case:
    case = Case.objects.order_by("-pk").first()
    assert case is not None
    return case


@pytest.fixture
def case(demo: None) -> Case:
    """A public report with a screenshot, nobody assigned yet."""
    from cases import conf
    from cases.actions import ReportData, do_submit_report
    from cases.evidence import clean_image

    data = ReportData(
        source="public",
        reporter_role="parent",
        what_happened="Mean comments under a class photo",
        platform="Facebook",
        links=["https://social.example/p/1"],
        pasted_text="you are all losers",
        images=[clean_image(png_bytes())],
        concerns=["bullying"],
    )
    created, _token = do_submit_report(data, None, str(conf.evidence_dir()))
    return created
