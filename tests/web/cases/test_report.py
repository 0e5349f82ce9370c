"""The public report form: no sign-in, saved whole, reference and private status link."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cases.actions import token_digest
from cases.models import Case, Evidence, Followup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from .conftest import latest_case, png_bytes, report_data, run_worker, submit


def test_it_shows_the_form(anonymous: Client) -> None:
    response = anonymous.get("/report/")
    assert response.status_code == 200
    assert b"Report a concern" in response.content
    assert b'name="form_stamp"' in response.content


def test_it_saves_a_report_whole(anonymous: Client, cases_settings: Path) -> None:
    shot = SimpleUploadedFile("shot.png", png_bytes(), content_type="image/png")
    response = anonymous.post("/report/", {**report_data(), "screenshots": [shot]})
    assert response.status_code == 302 and response["Location"] == "/report/sent/"
    case = latest_case()
    assert case.source == "public" and case.state == "received"
    assert case.reporter is None and case.concerns == ["bullying"]
    kinds = sorted(case.evidence.values_list("kind", flat=True))
    assert kinds == ["image", "link", "text"]
    image = case.evidence.get(kind="image")
    assert (cases_settings / image.stored_name).read_bytes()[:4] == b"\x89PNG"
    assert list(case.followups.values_list("kind", flat=True)) == ["triage"]


def test_it_shows_the_reference_and_status_link_once(anonymous: Client) -> None:
    response = submit(anonymous)
    sent = anonymous.get(response["Location"])
    case = latest_case()
    assert case.reference.encode() in sent.content
    link = sent.context["status_link"]
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert case.token_digest == token_digest(token)
    assert token.encode() not in str(Case.objects.values_list()).encode()
    again = anonymous.get("/report/sent/")
    assert again.status_code == 302 and case.reference.encode() not in again.content


def test_it_refuses_a_report_without_text(anonymous: Client) -> None:
    response = submit(anonymous, what_happened="")
    assert response.status_code == 400
    assert b"There is a problem" in response.content
    assert Case.objects.count() == 0


def test_it_saves_nothing_when_a_screenshot_is_bad(anonymous: Client, cases_settings: Path) -> None:
    good = SimpleUploadedFile("a.png", png_bytes(), content_type="image/png")
    bad = SimpleUploadedFile("b.png", b"not an image at all", content_type="image/png")
    response = anonymous.post("/report/", {**report_data(), "screenshots": [good, bad]})
    assert response.status_code == 400
    assert b"b.png is not an image" in response.content
    assert Case.objects.count() == Evidence.objects.count() == 0
    assert not cases_settings.exists() or not any(cases_settings.iterdir())


def test_it_refuses_a_bad_link(anonymous: Client) -> None:
    response = submit(anonymous, links="javascript:alert(1)")
    assert response.status_code == 400 and Case.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_it_triages_in_the_background(anonymous: Client) -> None:
    submit(anonymous, concerns=["bullying", "photos"])
    case = latest_case()
    assert case.triaged_at is None
    run_worker()
    case.refresh_from_db()
    assert case.triaged_at is not None
    # The reporter's answers always count; the engine may add kinds it finds in the text.
    assert {"cyberbullying", "photo-consent"} <= set(case.categories)
    assert case.severity in ("medium", "high") and not case.safeguarding
    assert Followup.objects.get(case=case).done_at is not None


@pytest.mark.django_db(transaction=True)
def test_it_flags_a_child_at_risk(anonymous: Client) -> None:
    submit(anonymous, concerns=["self-harm"])
    run_worker()
    case = latest_case()
    assert case.safeguarding and case.severity == "urgent"
    assert case.followups.filter(kind="alert").exists()


def test_it_takes_a_young_persons_report(anonymous: Client) -> None:
    page = anonymous.get("/report/young-people/")
    assert b"0800 1111" in page.content and b"Tell us what happened" in page.content
    response = submit(
        anonymous, "/report/young-people/", reporter_role="parent", concerns=["sexual"]
    )
    assert response.status_code == 302
    case = latest_case()
    assert (case.source, case.reporter_role, case.concerns) == ("young", "pupil", ["sexual"])
    sent = anonymous.get("/report/sent/")
    assert b"Thank you for telling us" in sent.content and b"Childline" in sent.content


def test_it_takes_a_staff_report_with_people_from_the_roster(teacher: Any) -> None:
    from school.models import Person

    noah = Person.objects.get(name="Noah Fenwick")
    response = teacher.post(
        "/cases/report/",
        {"what_happened": "Overheard threats about Noah", "people": [noah.pk]},
    )
    assert response.status_code == 302
    case = latest_case()
    assert (case.source, case.reporter, case.reporter_role) == ("staff", teacher.user, "staff")
    assert [p.person for p in case.people.all()] == [noah]
    assert teacher.get(f"/cases/{case.reference}/").status_code == 200


def test_it_queues_the_alert_at_once_when_the_reporter_says_so(anonymous: Client) -> None:
    submit(anonymous, concerns=["threat"])
    case = latest_case()
    assert case.safeguarding and case.severity == "urgent" and case.triaged_at is None
    assert sorted(case.followups.values_list("kind", flat=True)) == ["alert", "triage"]
