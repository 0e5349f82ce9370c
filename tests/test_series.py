"""Repeated abuse from one author to one target: `SeriesTracker` and `check_many`."""

from __future__ import annotations

from typing import Any

from netiquette.engine import Engine
from netiquette.findings import Finding, Result
from netiquette.items import AnyItem, parse_item
from netiquette.kinds import RuleKind, Severity
from netiquette.scan import Line, scan
from netiquette.series import SeriesTracker

AT_GRACE = "Grace Oyelaran is a stupid cow"  # cyber-bullying aimed at a named pupil
ABOUT_GRACE = "Grace's lot are vermin and should go back where they came from"  # abuse only
AT_YOU = "you are a pathetic loser"  # aimed at "you": needs a recipient to have a target
PLAIN = "Year 3 are collecting conkers for maths this week."


def post(item_id: str, text: str, author: str = "Jay Morrow", **extra: Any) -> AnyItem:
    return parse_item({"id": item_id, "text": text, "author": author, **extra})


def series_findings(results: list[Result]) -> dict[str, list[Finding]]:
    return {
        r.id: [f for f in r.findings if f.detector == "series"]
        for r in results
        if any(f.detector == "series" for f in r.findings)
    }


def test_three_abusive_items_to_one_pupil_make_one_finding_on_the_last(engine: Engine) -> None:
    items = [
        post("a1", AT_GRACE),
        post("p1", PLAIN),
        post("a2", AT_GRACE),
        post("a3", AT_GRACE),
        post("p2", PLAIN),
    ]
    found = series_findings(engine.check_many(items))
    assert list(found) == ["a3"]
    (finding,) = found["a3"]
    assert finding.kind is RuleKind.CYBERBULLYING
    assert finding.details == {"count": 3, "items": ["a1", "a2", "a3"], "target": "Grace Oyelaran"}
    assert "3 abusive items" in finding.message and "a1, a2, a3" in finding.message


def test_two_items_are_not_a_series(engine: Engine) -> None:
    items = [post("a1", AT_GRACE), post("a2", AT_GRACE), post("p1", PLAIN)]
    assert series_findings(engine.check_many(items)) == {}


def test_each_author_is_counted_apart(engine: Engine) -> None:
    items = [post("a1", AT_GRACE), post("b1", AT_GRACE, author="Sam Reed"), post("a2", AT_GRACE)]
    assert series_findings(engine.check_many(items)) == {}


def test_check_many_can_leave_series_to_the_caller(engine: Engine) -> None:
    items = [post(f"a{n}", AT_GRACE) for n in range(3)]
    assert series_findings(engine.check_many(items, series=False)) == {}
    assert list(series_findings(engine.check_many(items))) == ["a2"]


def test_a_direct_message_targets_its_recipient(engine: Engine) -> None:
    to_kai = [post(f"d{n}", AT_YOU, channel="direct", to="Kai Lister") for n in range(3)]
    unknown = [post(f"u{n}", AT_YOU, channel="direct") for n in range(3)]
    found = series_findings(engine.check_many([*to_kai, *unknown]))
    assert list(found) == ["d2"]
    assert found["d2"][0].details["target"] == "Kai Lister"


def test_abuse_naming_a_school_person_targets_them(engine: Engine) -> None:
    items = [post(f"n{n}", ABOUT_GRACE, author_role="parent") for n in range(3)]
    results = engine.check_many(items)
    assert all(
        RuleKind.ABUSE in r.kinds and RuleKind.CYBERBULLYING not in r.kinds for r in results[:2]
    )
    (finding,) = series_findings(results)["n2"]
    assert finding.details["target"] == "Grace Oyelaran"
    assert results[2].verdict is Severity.BLOCK


def test_the_tracker_keeps_only_abusive_items(engine: Engine) -> None:
    items = [post(f"p{n}", PLAIN) for n in range(300)]
    for position in (10, 150, 299):
        items[position] = post(f"a{position}", AT_GRACE)
    tracker = SeriesTracker(engine)
    written: list[Result] = []
    summary = scan(
        engine,
        (Line(n, item=item) for n, item in enumerate(items, start=1)),
        written.append,
        batch_size=7,
        series=tracker,
    )
    assert tracker.recorded == summary.recorded == 3
    assert [s.ids for s in tracker.series.values()] == [["a10", "a150", "a299"]]
    assert series_findings(written) == {}  # written before the series was known
    (amendment,) = tracker.amendments().items()
    assert amendment[0] == 299
    assert amendment[1].findings[0].details["count"] == 3
