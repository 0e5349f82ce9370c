"""Photos and videos of pupils without photo consent (demo school, Willowbank).

Photo consent in the demo profile: Olivia Marchbank, Kacper Nowicki, Evie Thistlewood and
Grace Oyelaran yes; Noah Fenwick, Zara Quinlan, Mohammed Rahman and Finley Brockhurst no.
"""

from __future__ import annotations

from typing import Any

import pytest

from netiquette.detectors.base import Analysis, Context
from netiquette.detectors.photo_consent import PhotoConsentDetector
from netiquette.engine import Engine
from netiquette.findings import Candidate
from netiquette.items import parse_item
from netiquette.kinds import RuleKind, Severity
from netiquette.policy import Policy
from netiquette.school import School

BLOCK, REVIEW = Severity.BLOCK, Severity.REVIEW


def flagged(
    policy: Policy, school: School, attachments: list[dict[str, Any]], **fields: Any
) -> list[tuple[str, Severity]]:
    item = parse_item({"id": "t", "text": "Sports day!", "attachments": attachments, **fields})
    analysis = Analysis(item, Context(policy, school))
    out = [c for c in PhotoConsentDetector().detect(analysis) if isinstance(c, Candidate)]
    assert all(c.kind is RuleKind.PHOTO_CONSENT for c in out)
    return [(c.evidence, c.max_severity) for c in out]


@pytest.mark.parametrize(
    ("attachments", "fields", "expected"),
    [
        ([{"type": "photo", "people": ["Noah Fenwick"]}], {}, [("Noah Fenwick", BLOCK)]),
        (
            [{"type": "video", "people": ["Evie Thistlewood", "Zara Quinlan"]}],
            {},
            [
                ("Zara Quinlan", BLOCK),
            ],
        ),
        ([{"type": "Photo", "people": ["noah  fenwick"]}], {}, [("Noah Fenwick", BLOCK)]),
        (
            [
                {"type": "photo", "people": ["Finley Brockhurst"]},
                {"type": "image", "people": ["Mohammed Rahman"]},
            ],
            {},
            [("Finley Brockhurst", BLOCK), ("Mohammed Rahman", BLOCK)],
        ),
        ([{"type": "photo", "people": ["Jamie Stranger"]}], {}, [("Jamie Stranger", REVIEW)]),
        # tags are read like text: a first name, an initial, a misspelling
        ([{"type": "photo", "people": ["Finley"]}], {}, [("Finley Brockhurst", BLOCK)]),
        ([{"type": "photo", "people": ["Zara Q."]}], {}, [("Zara Quinlan", BLOCK)]),
        ([{"type": "photo", "people": ["Finlay Brockhurst"]}], {}, [("Finley Brockhurst", REVIEW)]),
        # a parent's own child: consent is theirs to give, so a review rather than a block
        (
            [{"type": "photo", "people": ["Noah Fenwick"]}],
            {"author": "Claire Fenwick"},
            [
                ("Noah Fenwick", REVIEW),
            ],
        ),
    ],
)
def test_it_flags_pupils_without_photo_consent(
    demo_policy: Policy,
    demo_school: School,
    attachments: list[dict[str, Any]],
    fields: dict[str, Any],
    expected: list[tuple[str, Severity]],
) -> None:
    assert flagged(demo_policy, demo_school, attachments, **fields) == expected


@pytest.mark.parametrize(
    "attachments",
    [
        [{"type": "photo", "people": ["Evie Thistlewood", "Kacper Nowicki"]}],
        [{"type": "photo", "people": ["Hannah Vickery", "Martin Olufemi"]}],
        [{"type": "photo", "people": []}],
        [{"type": "document", "name": "newsletter.pdf", "people": ["Noah Fenwick"]}],
        [],
    ],
)
def test_it_leaves_consented_pupils_adults_and_documents_alone(
    demo_policy: Policy, demo_school: School, attachments: list[dict[str, Any]]
) -> None:
    assert flagged(demo_policy, demo_school, attachments) == []


def test_the_engine_blocks_by_the_photo_clause(engine: Engine) -> None:
    item = parse_item(
        {
            "id": "p",
            "text": "Meet our new school council!",
            "author_role": "staff",
            "channel": "school",
            "attachments": [{"type": "photo", "people": ["Grace Oyelaran", "Finley Brockhurst"]}],
        }
    )
    result = engine.check(item)
    (finding,) = [f for f in result.findings if f.kind is RuleKind.PHOTO_CONSENT]
    assert (finding.clause, finding.severity) == ("wb-2.4", Severity.BLOCK)
    assert "Finley Brockhurst" in finding.message
    assert result.verdict is Severity.BLOCK
