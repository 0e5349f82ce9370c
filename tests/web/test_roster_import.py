"""Importing pupils from a CSV export: preview, row errors, nothing saved until confirmed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from accounts.models import AuditEvent
from django.core.files.uploadedfile import SimpleUploadedFile
from school.models import Person

from .helpers import Member, sign_in

GOOD = (
    "Forename,Surname,Year,Reg Group,Name Consent,Photo Consent\n"
    "Ada,Kingsley,Y4,4H,yes,no\n"
    "Noah,Fenwick,2,2B,yes,yes\n"
)
BAD = (
    "Forename,Surname,Year,Reg Group,Name Consent,Photo Consent\n"
    "Ada,Kingsley,Y4,4H,yes,no\n"
    "Bea,,Year 19,5T,maybe,no\n"
)


def _upload(client: Member, text: str) -> str:
    upload = SimpleUploadedFile("export.csv", text.encode(), content_type="text/csv")
    return client.post("/school/import/", {"file": upload}).content.decode()


def test_it_previews_without_saving(head: Member) -> None:
    html = _upload(head, GOOD)
    assert "Check 2 pupils before importing" in html
    assert "Ada Kingsley" in html
    assert not Person.objects.filter(name="Ada Kingsley").exists()


def test_it_imports_after_confirming(head: Member) -> None:
    _upload(head, GOOD)
    assert head.post("/school/import/confirm/").status_code == 302
    ada = Person.objects.get(name="Ada Kingsley")
    assert ada.year == "4" and ada.consent_name and not ada.consent_photo
    noah = Person.objects.get(name="Noah Fenwick")
    assert noah.consent_photo
    assert noah.parents.filter(name="Claire Fenwick").exists()  # links kept
    assert AuditEvent.objects.filter(event_type="roster.imported").count() == 1


def test_it_lists_every_bad_row_and_saves_nothing(head: Member) -> None:
    html = _upload(head, BAD)
    assert "nothing was imported" in html
    assert "roster.csv:3: surname: is required" in html
    assert "Year 19" in html
    assert "Import these pupils" not in html
    assert head.post("/school/import/confirm/").status_code == 302
    assert not Person.objects.filter(name="Ada Kingsley").exists()


def test_it_refuses_teachers(teacher: Member) -> None:
    assert teacher.post("/school/import/confirm/").status_code == 403


def test_it_imports_in_the_browser(page: Any, browser_demo: None, axe: Any, tmp_path: Path) -> None:
    sign_in(page, "head")
    page.goto("/school/import/")
    axe(page)
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD)
    page.get_by_label("CSV export from your MIS").set_input_files(str(bad))
    page.get_by_role("button", name="Upload and preview").click()
    assert "surname: is required" in page.locator("#row-errors").inner_text()
    axe(page)
    good = tmp_path / "good.csv"
    good.write_text(GOOD)
    page.get_by_label("CSV export from your MIS").set_input_files(str(good))
    page.get_by_role("button", name="Upload and preview").click()
    page.get_by_role("button", name="Import these pupils").click()
    assert "1 added, 1 updated" in page.locator(".messages").inner_text()
    assert page.get_by_role("rowheader", name="Ada Kingsley").is_visible()
    axe(page)
