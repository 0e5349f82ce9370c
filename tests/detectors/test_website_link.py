"""Links to the school's websites from personal pages and private messages."""

from __future__ import annotations

from typing import Any

import pytest

from netiquette.detectors.website_link import WebsiteLinkDetector
from netiquette.engine import Engine
from netiquette.items import parse_item
from netiquette.kinds import RuleKind
from netiquette.policy import Policy
from netiquette.school import School


@pytest.fixture(scope="module")
def engine(demo_policy: Policy, demo_school: School) -> Engine:
    return Engine(demo_policy, demo_school, [WebsiteLinkDetector()])


def links(engine: Engine, text: str, **fields: Any) -> list[str]:
    item = {"id": "t", "text": text, "author_role": "parent", "channel": "personal", **fields}
    result = engine.check(parse_item(item))
    for finding in result.findings:
        assert finding.kind is RuleKind.SCHOOL_WEBSITE_LINK
        assert text[finding.start : finding.end] == finding.evidence
    return [f.evidence for f in result.findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tickets at https://willowbank-primary.example/pta.",
            ["https://willowbank-primary.example/pta"],
        ),
        ("see willowbank-primary.example for details", ["willowbank-primary.example"]),
        ("(www.willowbank-primary.example)", ["www.willowbank-primary.example"]),
        ("HTTP://Willowbank-Primary.Example/News!", ["HTTP://Willowbank-Primary.Example/News"]),
        (
            "class blog: https://y5.willowbank-learning.example/blog?id=3",
            ["https://y5.willowbank-learning.example/blog?id=3"],
        ),
        (
            "both willowbank-primary.example/a and willowbank-learning.example/b",
            ["willowbank-primary.example/a", "willowbank-learning.example/b"],
        ),
        # Not a link to the school's site.
        ("Email office@willowbank-primary.example with questions", []),
        ("See notwillowbank-primary.example.com for details", []),
        ("see willowbank-primary.examples.net", []),
        ("Just read the new behaviour policy on the school website.", []),
        ("Willowbank Primary is on Facebook too", []),
    ],
)
def test_it_finds_links_and_bare_domains(engine: Engine, text: str, expected: list[str]) -> None:
    assert links(engine, text) == expected


@pytest.mark.parametrize(
    ("channel", "flagged"),
    [
        ("personal", True),
        ("direct", True),
        ("school", False),
        ("school-system", False),
        (None, False),
    ],
)
def test_only_personal_and_direct_channels_are_flagged(
    engine: Engine, channel: str | None, flagged: bool
) -> None:
    text = "Our term dates are online: https://willowbank-primary.example/term-dates"
    assert bool(links(engine, text, channel=channel, author_role="staff")) is flagged


def test_the_safe_version_replaces_the_link(engine: Engine) -> None:
    item = {"id": "t", "text": "My tutoring page, as used at willowbank-primary.example/reading!"}
    result = engine.check(parse_item({**item, "author_role": "staff", "channel": "personal"}))
    assert result.redacted == "My tutoring page, as used at the school's website!"
    assert result.findings[0].clause == "wb-3.2"


def test_a_school_without_websites_has_nothing_to_link(
    demo_policy: Policy, demo_school: School
) -> None:
    engine = Engine(demo_policy, School(demo_school.name), [WebsiteLinkDetector()])
    assert links(engine, "https://willowbank-primary.example") == []
