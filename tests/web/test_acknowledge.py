"""Reading and acknowledging policies, and the progress the register shows."""

from __future__ import annotations

from typing import Any

from django.test import Client
from policies.models import Acknowledgement

from .helpers import Member, sign_in


def test_it_lists_what_a_teacher_has_to_read(teacher: Member) -> None:
    html = teacher.get("/policies/to-read/").content.decode()
    assert "Staff Code of Conduct" in html
    assert "Staff Disciplinary Policy" in html


def test_it_lists_only_a_parents_policies(parent: Member) -> None:
    html = parent.get("/policies/to-read/").content.decode()
    assert "Complaints Policy" in html
    assert "Staff Code of Conduct" not in html


def test_it_has_nothing_for_pupils(pupil: Member, anonymous: Client) -> None:
    assert pupil.get("/policies/to-read/").status_code == 403
    assert anonymous.get("/policies/to-read/").status_code == 302


def test_it_records_an_acknowledgement_once(teacher: Member, head: Member) -> None:
    for _ in range(2):
        assert teacher.post("/policies/code-of-conduct/acknowledge/").status_code == 302
    assert Acknowledgement.objects.filter(user=teacher.user).count() == 1
    assert (
        "I have read Staff Code of Conduct"
        not in teacher.get("/policies/to-read/").content.decode()
    )
    html = head.get("/policies/code-of-conduct/").content.decode()
    assert "Staff: 1 of 3" in html


def test_it_refuses_a_policy_not_meant_for_you(parent: Member) -> None:
    assert parent.post("/policies/code-of-conduct/acknowledge/").status_code == 404
    assert parent.get("/policies/complaints/acknowledge/").status_code == 405


def test_it_acknowledges_in_the_browser(page: Any, browser_demo: None, axe: Any) -> None:
    sign_in(page, "teacher")
    page.goto("/policies/to-read/")
    axe(page)
    page.get_by_role("button", name="I have read Staff Code of Conduct").click()
    assert "you have confirmed reading" in page.locator(".messages").inner_text()
    assert page.get_by_role("button", name="I have read Staff Code of Conduct").count() == 0
    axe(page)
    sign_in(page, "head")
    page.goto("/policies/code-of-conduct/")
    assert "Staff: 1 of 3" in page.content()
    axe(page)
