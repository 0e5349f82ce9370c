"""The tamper-evident audit log of every view and change of a case.

Each entry's hash covers its own content and the previous entry's hash, so editing,
deleting or reordering any entry breaks every hash after it, and deleting the newest ones
shows against the chain's head. Appends lock the head row, so concurrent writers queue
rather than fork the chain. Free text (notes, outcomes, reasons) is recorded by digest,
not content: the log outlives the case, and must not keep a child's story after the case
itself has been purged.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone

from cases.models import AuditHead, Case, CaseAuditEntry

GENESIS = "0" * 64

Changes = Mapping[str, tuple[object, object]]


def digest_text(text: str) -> str:
    """How free text appears in the log: provable later, unreadable now."""
    if not text:
        return ""
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def entry_hash(prev_hash: str, content: Mapping[str, Any]) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{prev_hash}\n{canonical}".encode()).hexdigest()


def _content(entry: CaseAuditEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": entry.at.isoformat(),
        "actor_id": entry.actor_id,
        "actor_label": entry.actor_label,
        "case_id": entry.case_id,
        "case_reference": entry.case_reference,
        "event": entry.event,
        "changes": entry.changes,
    }


def _plain(value: object) -> object:
    """A value as the log keeps it: JSON-able, dates as ISO text, model rows as their pk."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(getattr(value, "pk", value))


def record(
    actor: AbstractBaseUser | AnonymousUser | None,
    event: str,
    case: Case | None = None,
    changes: Changes | None = None,
    reference: str = "",
) -> CaseAuditEntry:
    """Append one entry (who, when, what, old and new values) to the chain."""
    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    label = actor.get_username() if actor is not None and actor.is_authenticated else "anonymous"
    plain = {k: [_plain(old), _plain(new)] for k, (old, new) in (changes or {}).items()}
    with transaction.atomic():
        head = _locked_head()
        entry = CaseAuditEntry(
            seq=head.seq + 1,
            at=timezone.now(),
            actor_id=actor_id,
            actor_label=label,
            case_id=case.pk if case is not None else None,
            case_reference=case.reference if case is not None else reference,
            event=event,
            changes=json.loads(json.dumps(plain, default=str)),
            prev_hash=head.hash,
        )
        entry.hash = entry_hash(entry.prev_hash, _content(entry))
        entry.save()
        head.seq, head.hash = entry.seq, entry.hash
        head.save(update_fields=["seq", "hash"])
    return entry


def _locked_head() -> AuditHead:
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        AuditHead.objects.get_or_create(pk=1, defaults={"seq": 0, "hash": GENESIS})
        head = AuditHead.objects.select_for_update().get(pk=1)
    return head


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    message: str


def verify() -> Iterator[ChainProblem]:
    """Walk the whole chain and yield every place where it does not hold."""
    prev_hash, expected_seq = GENESIS, 1
    for entry in CaseAuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected_seq:
            yield ChainProblem(entry.seq, f"expected entry {expected_seq}: entries are missing")
        if entry.prev_hash != prev_hash:
            yield ChainProblem(entry.seq, "does not follow the entry before it")
        if entry_hash(entry.prev_hash, _content(entry)) != entry.hash:
            yield ChainProblem(entry.seq, "content does not match its hash: it was changed")
        prev_hash, expected_seq = entry.hash, entry.seq + 1
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and (head.seq, head.hash) != (expected_seq - 1, prev_hash):
        yield ChainProblem(head.seq, "the newest entries are missing")
