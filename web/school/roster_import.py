"""Reading an uploaded MIS export with the engine's roster reader, before anything is saved."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import UploadedFile

from netiquette.roster import Pupil, RosterError, read_roster
from school.models import Person

MAX_BYTES = 5 * 1024 * 1024


def read_upload(upload: UploadedFile) -> list[Pupil]:
    """The pupils in the upload; `RosterError` lists every bad row as `roster.csv:LINE: ...`."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise RosterError(["the file is larger than 5 MB; export only the pupils' columns"])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.csv"
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        return read_roster(path)


def preview(pupils: list[Pupil]) -> list[dict[str, Any]]:
    """Each pupil as a row to show and store in the session, marked new or updated."""
    existing = {name.casefold() for name in Person.objects.values_list("name", flat=True)}
    return [
        {
            "name": p.name,
            "preferred": p.preferred,
            "year": str(p.year),
            "registration_group": p.registration_group,
            "consent_name": p.name_consent,
            "consent_photo": p.photo_consent,
            "new": p.name.casefold() not in existing,
        }
        for p in pupils
    ]
