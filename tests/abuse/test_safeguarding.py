"""Findings and notes that put a child at risk carry `details["safeguarding"]`."""

from __future__ import annotations

import pytest

from netiquette.engine import Engine
from netiquette.items import Item


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        ("I'll batter you after school", "threat"),
        ("ur getting jumped tmrw", "threat"),
        ("just go kill yourself nobody would miss you", "self-harm"),
        ("send me nudes or i'll tell everyone", "sexual"),
        ("she's been sharing nudes of a girl in year 6", "sexual"),
    ],
)
def test_a_risk_to_a_child_is_marked(engine: Engine, text: str, concern: str) -> None:
    result = engine.check(Item("1", text, channel=None))
    marked = {f.details.get("safeguarding") for f in result.findings}
    assert concern in marked, result


@pytest.mark.parametrize(
    "text",
    ["you are so annoying", "Wear nude tights to the dance show", "we killed it at sports day"],
)
def test_ordinary_unkindness_and_benign_posts_are_not_marked(engine: Engine, text: str) -> None:
    result = engine.check(Item("1", text))
    assert all("safeguarding" not in f.details for f in result.findings)


def test_a_quoted_threat_is_a_note_that_still_carries_the_concern(engine: Engine) -> None:
    text = "My son was sent 'I'll batter you after school'. This has been reported to the police."
    result = engine.check(Item("1", text))
    assert not result.findings
    assert [n.details.get("safeguarding") for n in result.notes] == ["threat"]
