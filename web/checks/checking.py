"""Glue between the web forms and the engine: build an item, check it, shape the result.

The engine decides everything; this module only turns form data into an `Item` and the
`Result` into what a template shows (the text cut into plain and highlighted pieces).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from checks.engine import get_engine
from netiquette.findings import Finding, Result
from netiquette.items import Attachment, Item
from netiquette.kinds import Channel, Role


@dataclass(frozen=True)
class Piece:
    text: str
    finding: Finding | None = None
    number: int = 0


def item_from_form(data: dict[str, Any], files: dict[str, Any], slots: tuple[int, ...]) -> Item:
    attachments = []
    for slot in slots:
        upload = files.get(f"photo_{slot}")
        people = tuple(data.get(f"photo_{slot}_people") or ())
        if upload is None and not people:
            continue
        attachments.append(
            Attachment(
                type="photo",
                name=getattr(upload, "name", "") or f"photo {slot}",
                people=people,
                rights=data.get(f"photo_{slot}_rights") or None,
            )
        )
    return Item(
        id="web",
        text=data["text"],
        author_role=Role(data["author_role"]),
        channel=Channel(data["channel"]),
        posted_at=timezone.localtime(),
        attachments=tuple(attachments),
    )


def check(item: Item) -> Result:
    return get_engine().check(item)


def pieces(text: str, findings: tuple[Finding, ...]) -> list[Piece]:
    """The text cut at the findings' spans; overlapping spans go to the earlier finding."""
    out: list[Piece] = []
    cursor = 0
    for number, finding in enumerate(findings, start=1):
        if finding.end <= finding.start or finding.start < cursor:
            continue
        if finding.start > cursor:
            out.append(Piece(text[cursor : finding.start]))
        out.append(Piece(text[finding.start : finding.end], finding, number))
        cursor = finding.end
    if cursor < len(text):
        out.append(Piece(text[cursor:]))
    return out
