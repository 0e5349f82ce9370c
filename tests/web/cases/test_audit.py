"""The case audit log is a hash chain: `verify_case_audit` finds any change to it."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from cases import audit
from cases.models import Case, CaseAuditEntry
from django.core.management import CommandError, call_command


def _verify() -> str:
    from io import StringIO

    out = StringIO()
    call_command("verify_case_audit", stdout=out, stderr=out)
    return out.getvalue()


@pytest.fixture
def worked(dsl: Any, case: Case) -> Case:
    dsl.get(f"/cases/{case.reference}/")
    dsl.post(f"/cases/{case.reference}/note/", {"text": "A note"})
    dsl.post(f"/cases/{case.reference}/move/", {"transition": "to:acknowledged"})
    return case


def test_it_chains_every_entry_to_the_one_before(worked: Case) -> None:
    entries = list(CaseAuditEntry.objects.order_by("seq"))
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert entries[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    assert [e.event for e in entries] == [
        "case.reported",
        "case.viewed",
        "case.note_added",
        "case.moved",
    ]
    assert "verifies: 4 entries" in _verify()


def test_it_detects_a_changed_value(worked: Case) -> None:
    entry = CaseAuditEntry.objects.get(event="case.moved")
    CaseAuditEntry.objects.filter(pk=entry.pk).update(changes={"state": ["received", "resolved"]})
    with pytest.raises(CommandError, match="does not verify"):
        _verify()
    problems = list(audit.verify())
    assert [(p.seq, p.message) for p in problems] == [
        (entry.seq, "content does not match its hash: it was changed")
    ]


def test_it_detects_a_changed_actor(worked: Case) -> None:
    CaseAuditEntry.objects.filter(event="case.viewed").update(actor_label="head")
    assert [p.message for p in audit.verify()] == [
        "content does not match its hash: it was changed"
    ]


def test_it_detects_a_deleted_entry(worked: Case) -> None:
    CaseAuditEntry.objects.filter(event="case.note_added").delete()
    messages = [p.message for p in audit.verify()]
    assert "does not follow the entry before it" in messages
    assert any("missing" in m for m in messages)


def test_it_detects_the_newest_entries_removed(worked: Case) -> None:
    CaseAuditEntry.objects.filter(event="case.moved").delete()
    assert [p.message for p in audit.verify()] == ["the newest entries are missing"]


def test_it_detects_a_rewritten_chain_tail(worked: Case) -> None:
    last = CaseAuditEntry.objects.order_by("-seq").first()
    assert last is not None
    last.changes = {"state": ["received", "resolved"]}
    last.hash = audit.entry_hash(last.prev_hash, audit._content(last))
    last.save()
    assert [p.message for p in audit.verify()] == ["the newest entries are missing"]
