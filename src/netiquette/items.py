"""Items to check (posts, comments, messages, friend requests), read from the JSON Lines contract.

Unknown fields are ignored so labelled cases can be scanned as they are; `expect` stays
available to the evaluator through `Item.extra`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from netiquette.kinds import Channel, Role
from netiquette.validation import Reader, ValidationError


class ItemError(ValidationError):
    """An item that does not follow the contract."""


@dataclass(frozen=True)
class Attachment:
    type: str = "photo"
    name: str = ""
    people: tuple[str, ...] = ()
    rights: str | None = None


@dataclass(frozen=True)
class Item:
    """A post, comment or message."""

    id: str
    text: str
    author_role: Role | None = None
    channel: Channel | None = None
    author: str = ""
    posted_at: dt.datetime | None = None
    attachments: tuple[Attachment, ...] = ()
    # The rest of the input object, untouched (for example a labelled case's `expect`).
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class FriendRequest:
    id: str
    sender: str
    recipient: str
    posted_at: dt.datetime | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @property
    def text(self) -> str:
        return ""


AnyItem = Item | FriendRequest

_KNOWN = {"id", "text", "author_role", "channel", "author", "posted_at", "attachments", "type"}


_ROLES = {role.value: role for role in Role}
_CHANNELS = {channel.value: channel for channel in Channel}


def parse_item(data: object, source: str | None = None) -> AnyItem:
    """Read one item object; raises `ItemError` naming each bad field."""
    if isinstance(data, dict) and (plain := _plain_post(data)) is not None:
        return plain
    reader = Reader(source, ItemError)
    doc = reader.mapping(data, "")
    item_id = reader.text(doc, "id", "")
    if doc.get("type") == "friend-request":
        item: AnyItem = FriendRequest(
            id=item_id,
            sender=reader.text(doc, "from", ""),
            recipient=reader.text(doc, "to", ""),
            posted_at=_moment(reader, doc.get("posted_at")),
            extra={k: v for k, v in doc.items() if k not in _KNOWN | {"from", "to"}},
        )
    else:
        text = doc.get("text")
        if not isinstance(text, str):
            reader.problem("text", "is required" if text is None else "expected text")
            text = ""
        item = Item(
            id=item_id,
            text=text,
            author_role=_optional(reader, Role, doc.get("author_role"), "author_role", "role"),
            channel=_optional(reader, Channel, doc.get("channel"), "channel", "channel"),
            author=reader.text(doc, "author", "", required=False),
            posted_at=_moment(reader, doc.get("posted_at")),
            attachments=_attachments(reader, doc.get("attachments")),
            extra={k: v for k, v in doc.items() if k not in _KNOWN},
        )
    reader.check()
    return item


def _plain_post(data: dict[str, Any]) -> Item | None:
    """The common case built directly: a post with well-formed fields and no attachments.

    Bulk scans are mostly such posts; anything unusual (or wrong) returns None and goes
    through the full reader, which names every problem.
    """
    item_id, text = data.get("id"), data.get("text")
    if not (isinstance(item_id, str) and item_id and isinstance(text, str)):
        return None
    if "type" in data or "attachments" in data:
        return None
    role, channel = data.get("author_role"), data.get("channel")
    if (role is not None and role not in _ROLES) or (
        channel is not None and channel not in _CHANNELS
    ):
        return None
    author, posted_at = data.get("author", ""), data.get("posted_at")
    if not isinstance(author, str):
        return None
    moment = None
    if posted_at is not None:
        if not isinstance(posted_at, str):
            return None
        try:
            moment = dt.datetime.fromisoformat(posted_at)
        except ValueError:
            return None
    return Item(
        id=item_id,
        text=text,
        author_role=_ROLES[role] if role is not None else None,
        channel=_CHANNELS[channel] if channel is not None else None,
        author=author.strip(),
        posted_at=moment,
        extra={} if data.keys() <= _KNOWN else {k: v for k, v in data.items() if k not in _KNOWN},
    )


def _optional(reader: Reader, enum: Any, value: object, path: str, noun: str) -> Any:
    return None if value in (None, "") else reader.choice(enum, value, path, noun)


def _moment(reader: Reader, value: object) -> dt.datetime | None:
    if value in (None, ""):
        return None
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        reader.problem("posted_at", f"expected an ISO 8601 date-time, got {value!r}")
        return None


def _attachments(reader: Reader, value: object) -> tuple[Attachment, ...]:
    out = []
    for path, element in reader.items(value, "attachments"):
        data = reader.mapping(element, path)
        rights = data.get("rights")
        out.append(
            Attachment(
                type=reader.text(data, "type", path, required=False) or "photo",
                name=reader.text(data, "name", path, required=False),
                people=tuple(reader.strings(data, "people", path)),
                rights=None if rights in (None, "") else str(rights),
            )
        )
    return tuple(out)
