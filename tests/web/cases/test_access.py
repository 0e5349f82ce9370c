"""Who may use each cases page: every view, for every role.

The DSL and head see every case; staff see cases they reported or are assigned to;
governors see counts only; parents and pupils see only their own reports' status.
"""

from __future__ import annotations

from typing import Any

import pytest
from cases.actions import do_assign_case
from cases.models import Case, CaseAuditEntry
from django.test import Client

WORK_VIEWS = [
    ("get", "/cases/{ref}/"),
    ("get", "/cases/{ref}/evidence/{evidence}/"),
    ("get", "/cases/{ref}/export.pdf"),
    ("post", "/cases/{ref}/note/"),
    ("post", "/cases/{ref}/action/"),
    ("post", "/cases/{ref}/person/"),
    ("post", "/cases/{ref}/link/"),
    ("post", "/cases/{ref}/move/"),
    ("post", "/cases/{ref}/action/1/done/"),
    ("post", "/cases/{ref}/assign/"),  # last: an empty form unassigns the case
]


def _url(template: str, case: Case) -> str:
    image = case.evidence.get(kind="image")
    return template.format(ref=case.reference, evidence=image.pk)


def _call(client: Client, method: str, url: str) -> Any:
    return client.get(url) if method == "get" else client.post(url, {"text": "x"})


def _codes(client: Client, case: Case) -> dict[str, int]:
    """Each case work view's status code for this client, by URL template."""
    return {t: _call(client, m, _url(t, case)).status_code for m, t in WORK_VIEWS}


@pytest.mark.parametrize("who", ["head", "dsl"])
def test_it_lets_leaders_open_every_case(cast: dict[str, Client], case: Case, who: str) -> None:
    codes = _codes(cast[who], case)
    assert all(code in (200, 302) for code in codes.values()), codes
    assert codes["/cases/{ref}/"] == codes["/cases/{ref}/export.pdf"] == 200


def test_it_hides_other_cases_from_staff(teacher: Client, case: Case) -> None:
    codes = _codes(teacher, case)
    assert set(codes.values()) == {404}, codes


def test_it_shows_staff_the_cases_assigned_to_them(teacher: Any, dsl: Any, case: Case) -> None:
    do_assign_case(case, teacher.user, dsl.user)
    codes = _codes(teacher, case)
    assert all(code in (200, 302) for code in codes.values()), codes


def test_it_shows_staff_the_cases_they_reported(teacher: Any, case: Case) -> None:
    Case.objects.filter(pk=case.pk).update(reporter=teacher.user)
    assert _codes(teacher, case)["/cases/{ref}/"] == 200


@pytest.mark.parametrize("who", ["governor", "parent", "pupil"])
def test_it_refuses_case_pages_to_others(cast: dict[str, Client], case: Case, who: str) -> None:
    codes = _codes(cast[who], case)
    assert set(codes.values()) == {403}, codes


def test_it_sends_strangers_to_sign_in(anonymous: Client, case: Case) -> None:
    for method, template in WORK_VIEWS:
        response = _call(anonymous, method, _url(template, case))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("who", "code"),
    [
        ("head", 200),
        ("dsl", 200),
        ("teacher", 200),
        ("governor", 403),
        ("parent", 403),
        ("pupil", 403),
    ],
)
def test_it_lists_cases_for_case_workers_only(
    cast: dict[str, Client], case: Case, who: str, code: int
) -> None:
    response = cast[who].get("/cases/")
    assert response.status_code == code
    if who == "teacher":
        assert case.reference.encode() not in response.content
    elif code == 200:
        assert case.reference.encode() in response.content


@pytest.mark.parametrize(
    ("who", "code"),
    [
        ("head", 200),
        ("dsl", 200),
        ("teacher", 403),
        ("governor", 200),
        ("parent", 403),
        ("pupil", 403),
    ],
)
def test_it_shows_the_dashboard_to_leaders_and_governors(
    cast: dict[str, Client], case: Case, who: str, code: int
) -> None:
    assert cast[who].get("/cases/dashboard/").status_code == code


def test_it_shows_governors_counts_never_names(governor: Client, case: Case) -> None:
    response = governor.get("/cases/dashboard/")
    assert b'id="open-count">1<' in response.content
    assert case.reference.encode() not in response.content
    assert b"Mean comments" not in response.content


@pytest.mark.parametrize(
    ("who", "code"),
    [
        ("head", 200),
        ("dsl", 200),
        ("teacher", 200),
        ("governor", 403),
        ("parent", 403),
        ("pupil", 403),
    ],
)
def test_it_offers_the_staff_form_to_staff_only(
    cast: dict[str, Client], who: str, code: int
) -> None:
    assert cast[who].get("/cases/report/").status_code == code


@pytest.mark.parametrize("who", ["head", "dsl", "teacher", "governor", "parent", "pupil"])
def test_it_shows_everyone_their_own_reports(cast: dict[str, Client], case: Case, who: str) -> None:
    Case.objects.filter(pk=case.pk).update(reporter=cast[who].user)  # type: ignore[attr-defined]
    response = cast[who].get("/cases/mine/")
    assert response.status_code == 200
    assert case.reference.encode() in response.content
    assert b"Received" in response.content
    assert b"Mean comments" not in response.content and b"Facebook" not in response.content


def test_it_shows_nobody_else_my_reports(parent: Client, pupil: Any, case: Case) -> None:
    Case.objects.filter(pk=case.pk).update(reporter=pupil.user)
    assert case.reference.encode() not in parent.get("/cases/mine/").content


def test_it_lets_anyone_use_the_public_forms(cast: dict[str, Client]) -> None:
    for client in cast.values():
        for url in ("/report/", "/report/young-people/"):
            assert client.get(url).status_code == 200


def test_it_logs_every_view_of_a_case(dsl: Any, case: Case) -> None:
    before = CaseAuditEntry.objects.filter(case_id=case.pk, event="case.viewed").count()
    dsl.get(f"/cases/{case.reference}/")
    dsl.get(f"/cases/{case.reference}/export.pdf")
    views = CaseAuditEntry.objects.filter(case_id=case.pk, event="case.viewed").order_by("seq")
    assert views.count() == before + 2
    assert [v.changes["view"][1] for v in views][-2:] == ["case", "export PDF"]
    assert views.last().actor_label == "dsl"  # type: ignore[union-attr]


def test_it_does_not_log_refused_looks(teacher: Client, case: Case) -> None:
    teacher.get(f"/cases/{case.reference}/")
    assert not CaseAuditEntry.objects.filter(event="case.viewed").exists()


def test_it_sends_strangers_to_sign_in_for_every_signed_in_page(anonymous: Client) -> None:
    for url in ("/cases/", "/cases/mine/", "/cases/dashboard/", "/cases/report/"):
        response = anonymous.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
