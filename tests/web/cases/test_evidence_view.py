"""Evidence images are served only through the access-checked, audited view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cases.models import Case, CaseAuditEntry


def test_it_serves_the_clean_image(dsl: Any, case: Case, cases_settings: Path) -> None:
    image = case.evidence.get(kind="image")
    response = dsl.get(f"/cases/{case.reference}/evidence/{image.pk}/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == (cases_settings / image.stored_name).read_bytes()
    entry = CaseAuditEntry.objects.filter(event="case.viewed").last()
    assert entry is not None and entry.changes["view"] == [None, f"evidence {image.pk}"]


def test_it_serves_only_images_of_that_case(dsl: Any, case: Case) -> None:
    link = case.evidence.get(kind="link")
    assert dsl.get(f"/cases/{case.reference}/evidence/{link.pk}/").status_code == 404
    assert dsl.get(f"/cases/{case.reference}/evidence/999999/").status_code == 404


def test_it_keeps_evidence_outside_the_web_root(settings: Any, cases_settings: Path) -> None:
    assert not str(cases_settings).startswith(str(settings.STATIC_ROOT))
    from cases import conf

    settings.CASES_EVIDENCE_DIR = None
    assert conf.evidence_dir() == Path(settings.PRIVATE_STORAGE_DIR) / "evidence"
