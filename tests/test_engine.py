"""The engine: clause judging, verdicts, pickling, friend requests."""

from __future__ import annotations

import pickle
from collections.abc import Iterable

import pytest

from netiquette.detectors.base import Analysis
from netiquette.engine import Engine
from netiquette.findings import Candidate, Note
from netiquette.items import parse_item
from netiquette.kinds import RuleKind, Severity


@pytest.mark.parametrize(
    ("sender", "recipient", "verdict"),
    [
        ("Hannah Vickery", "Finley Brockhurst", Severity.BLOCK),
        ("Finley Brockhurst", "Hannah Vickery", Severity.BLOCK),
        ("Sarah Achterberg", "Claire Fenwick", Severity.REVIEW),
        ("Claire Fenwick", "Imran Rahman", Severity.OK),
        ("Hannah Vickery", "Someone Unknown", Severity.OK),
    ],
)
def test_friend_requests_follow_the_role_matrix(
    engine: Engine, sender: str, recipient: str, verdict: Severity
) -> None:
    item = parse_item({"id": "f", "type": "friend-request", "from": sender, "to": recipient})
    result = engine.check(item)
    assert result.verdict is verdict
    if verdict is not Severity.OK:
        (finding,) = result.findings
        assert finding.kind is RuleKind.FRIEND_REQUEST
        assert finding.clause == "wb-4.1"
        assert "wb-4.1" in finding.message and "friend requests" in finding.message


def test_an_engine_pickles_and_still_works(engine: Engine) -> None:
    clone = pickle.loads(pickle.dumps(engine))
    item = parse_item(
        {"id": "f", "type": "friend-request", "from": "Hannah Vickery", "to": "Noah Fenwick"}
    )
    assert clone.check(item) == engine.check(item)
    assert len(pickle.dumps(engine)) < 200_000


def test_a_plain_post_is_ok(engine: Engine) -> None:
    result = engine.check(
        parse_item({"id": "1", "text": "Year 3 are collecting conkers.", "author_role": "staff"})
    )
    assert result.verdict is Severity.OK
    assert result.redacted == "Year 3 are collecting conkers."


@pytest.mark.parametrize(
    "data",
    [
        {"id": "1", "text": "Hi", "author_role": "parent", "channel": "personal"},
        {
            "id": "1",
            "text": "Hi",
            "posted_at": "2026-09-21T10:15:00+01:00",
            "expect": {"verdict": "ok"},
        },
        {"id": "1", "text": "Hi", "author": " Claire Fenwick ", "note": "x"},
        {"id": "1", "text": "Hi", "author_role": "", "channel": None},
    ],
)
def test_the_fast_path_reads_a_post_as_the_full_reader_does(data: dict[str, object]) -> None:
    from netiquette import items

    fast = items.parse_item(data)
    reader = items.Reader(None, items.ItemError)
    assert isinstance(fast, items.Item)
    assert fast.extra == {k: v for k, v in data.items() if k not in items._KNOWN}
    assert fast.author == str(data.get("author", "")).strip()
    assert reader.problems == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"id": "1", "text": "Hi", "author_role": "teacher"},
            "author_role: unknown role 'teacher'",
        ),
        ({"id": "1", "text": "Hi", "posted_at": "yesterday"}, "posted_at: expected an ISO 8601"),
        ({"id": "1"}, "text: is required"),
        ({"text": "Hi"}, "id: is required"),
    ],
)
def test_a_bad_item_names_the_field(data: dict[str, object], message: str) -> None:
    from netiquette.items import ItemError

    with pytest.raises(ItemError, match=message):
        parse_item(data)


class CountingDetector:
    """A plug-in for one kind that records each item it is asked about."""

    name = "counting"

    def __init__(self, kind: RuleKind) -> None:
        self.kinds = frozenset({kind})
        self.seen: list[str] = []

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        self.seen.append(analysis.item.id)
        return ()


def test_a_detector_runs_only_where_a_clause_binds_its_kinds(engine: Engine) -> None:
    counting = CountingDetector(RuleKind.PERSONAL_USE_WORK_TIME)
    local = Engine(engine.policy, engine.school, [counting])
    posts = [
        {"id": "staff-email", "text": "x", "author_role": "staff", "channel": "school-system"},
        {"id": "parent-email", "text": "x", "author_role": "parent", "channel": "school-system"},
        {"id": "staff-personal", "text": "x", "author_role": "staff", "channel": "personal"},
        {"id": "unknown", "text": "x"},
    ]
    local.check_many([parse_item(p) for p in posts])
    assert counting.seen == ["staff-email", "unknown"]


def test_a_batch_gives_what_each_item_gives_alone(engine: Engine) -> None:
    """Detector by detector over a batch (with the model's vectorised scores) is the same
    as one item at a time (the plain-Python model path)."""
    texts = [
        "Well done to Isla Mistry for her swimming badge!",
        "Call me on 07700 900123 about the trip, it's bloody freezing.",
        "You are a pathetic loser and everyone hates you",
        "The head is a drunk who steals from the PTA funds",
        "",
        "Lovely assembly this morning.",
    ]
    items = [
        parse_item({"id": str(n), "text": t, "channel": "personal"}) for n, t in enumerate(texts)
    ]
    together = engine.check_many(items, series=False)
    alone = [engine.check(item) for item in items]
    assert [r.to_dict() for r in together] == [r.to_dict() for r in alone]
    kinds = [sorted(k.value for k in r.kinds) for r in together]
    assert kinds[1] == ["inappropriate-language", "personal-data"]
    assert kinds[3] == ["defamation"]
    assert kinds[5] == []


def test_warming_up_builds_the_indexes_and_freezes_what_lives_on(engine: Engine) -> None:
    import gc

    fresh = pickle.loads(pickle.dumps(engine))  # indexes dropped, as in a new worker
    assert "people" not in fresh.context.__dict__
    gc.unfreeze()
    try:
        fresh.warm_up(freeze=False)
        assert "people" in fresh.context.__dict__
        assert gc.get_freeze_count() == 0
        fresh.warm_up()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
