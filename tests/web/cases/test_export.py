"""The case file exports as a PDF with its summary, chronology and evidence."""

from __future__ import annotations

import io
from typing import Any

from cases.models import Case
from pypdf import PdfReader


def test_it_exports_the_case_file(dsl: Any, case: Case) -> None:
    dsl.post(f"/cases/{case.reference}/note/", {"text": "Met the family — all agreed"})
    dsl.post(f"/cases/{case.reference}/move/", {"transition": "to:acknowledged"})
    response = dsl.get(f"/cases/{case.reference}/export.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{case.reference}.pdf"' in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in (
        case.reference,
        "Chronology",
        "Report received",
        "Met the family",
        "Received → Acknowledged",
        "Mean comments under a class photo",
        "https://social.example/p/1",
        "you are all losers",
    ):
        assert expected in text, expected
    images = [image for page in reader.pages for image in page.images]
    assert len(images) == 1
