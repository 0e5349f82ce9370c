"""The school profile: who may see and edit it; details and people are audited."""

from __future__ import annotations

import pytest
from accounts.models import AuditEvent
from django.test import Client
from school.models import Person, School

from .helpers import Member


@pytest.mark.parametrize(
    "who,see,edit",
    [
        ("head", 200, 200),
        ("dsl", 200, 200),
        ("teacher", 200, 403),
        ("governor", 403, 403),
        ("parent", 403, 403),
        ("pupil", 403, 403),
    ],
)
def test_it_lets_staff_see_and_leaders_edit(
    cast: dict[str, Member], who: str, see: int, edit: int
) -> None:
    assert cast[who].get("/school/").status_code == see
    assert cast[who].get("/school/edit/").status_code == edit
    assert cast[who].get("/school/import/").status_code == edit
    assert cast[who].get("/school/people/new/").status_code == edit


def test_it_needs_sign_in(anonymous: Client) -> None:
    assert anonymous.get("/school/").status_code == 302


def test_it_shows_the_roster_with_consents(teacher: Member) -> None:
    html = teacher.get("/school/").content.decode()
    assert "Noah Fenwick" in html
    assert "willowbank-primary.example" in html
    assert "staffing restructure" in html


SCHOOL = {
    "name": "Willowbank Primary School",
    "websites": "willowbank-primary.example\nwillowbank-learning.example",
    "hours_start": "08:45",
    "hours_end": "15:15",
    "hours_days": ["mon", "tue", "wed", "thu", "fri"],
    "confidential_terms": "Ofsted outcome\nbudget cuts",
    "footer_links": "School website | https://willowbank-primary.example",
}


def test_it_saves_the_schools_details(head: Member) -> None:
    revision = School.load().revision
    assert head.post("/school/edit/", SCHOOL).status_code == 302
    school = School.load()
    assert school.confidential_terms == ["Ofsted outcome", "budget cuts"]
    assert school.revision > revision
    event = AuditEvent.objects.filter(event_type="school.updated", actor=head.user).get()
    assert event.new_value["hours_start"] == "08:45:00"


def test_it_names_a_bad_footer_link(head: Member) -> None:
    data = {**SCHOOL, "footer_links": "Shop | https://x.example\nno address here"}
    html = head.post("/school/edit/", data).content.decode()
    assert "Line 2: write it as Label | https://address" in html


def test_it_refuses_a_day_that_ends_before_it_starts(head: Member) -> None:
    html = head.post("/school/edit/", {**SCHOOL, "hours_end": "07:00"}).content.decode()
    assert "The school day must end after it starts." in html


def test_the_engine_sees_a_new_term_at_once(head: Member) -> None:
    data = {"text": "The budget cuts are awful", "author_role": "staff", "channel": "personal"}
    assert "wb-1.1" not in head.post("/", data).content.decode()
    head.post("/school/edit/", SCHOOL)
    assert "wb-1.1" in head.post("/", data).content.decode()


def test_it_edits_a_pupils_consent(dsl: Member) -> None:
    noah = Person.objects.get(name="Noah Fenwick")
    data = {
        "name": noah.name,
        "role": "pupil",
        "year": "2",
        "registration_group": "2B",
        "consent_name": "on",
    }
    assert dsl.post(f"/school/people/{noah.pk}/", data).status_code == 302
    noah.refresh_from_db()
    assert noah.consent_name and not noah.consent_photo
    event = AuditEvent.objects.get(event_type="person.updated", object_id=str(noah.pk))
    assert event.old_value["consent_name"] is False and event.new_value["consent_name"] is True
    assert "Noah" not in str(event.old_value) + str(event.new_value)  # no names in the trail


def test_it_adds_and_removes_a_person(head: Member) -> None:
    data = {"name": "Priya Lindqvist", "role": "pupil", "year": "3"}
    assert head.post("/school/people/new/", data).status_code == 302
    person = Person.objects.get(name="Priya Lindqvist")
    assert not person.consent_name  # no consent unless recorded
    assert head.get(f"/school/people/{person.pk}/delete/").status_code == 405
    assert head.post(f"/school/people/{person.pk}/delete/").status_code == 302
    assert not Person.objects.filter(name="Priya Lindqvist").exists()


def test_it_refuses_a_duplicate_name(head: Member) -> None:
    html = head.post("/school/people/new/", {"name": "Noah Fenwick", "role": "pupil"})
    assert "already exists" in html.content.decode()
