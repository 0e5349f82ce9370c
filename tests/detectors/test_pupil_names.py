"""Pupils named without name consent, on the bundled demo school (Willowbank Primary).

Consent in the demo profile: Olivia Marchbank ("Liv"), Zara Quinlan, Evie Thistlewood and
Grace Oyelaran may be named; Noah Fenwick, Kacper Nowicki ("Kaz"), Mohammed Rahman ("Mo")
and Finley Brockhurst may not. Claire Fenwick is Noah's mother.
"""

from __future__ import annotations

from typing import Any

import pytest

from netiquette.detectors.base import Analysis, Context
from netiquette.detectors.pupil_names import PupilNamesDetector
from netiquette.engine import Engine
from netiquette.findings import Candidate
from netiquette.items import parse_item
from netiquette.kinds import RuleKind, Severity
from netiquette.policy import Policy
from netiquette.school import School

BLOCK, REVIEW = Severity.BLOCK, Severity.REVIEW


def named(
    policy: Policy, school: School, text: str, **fields: Any
) -> list[tuple[str, Severity, str | None]]:
    item = parse_item({"id": "t", "text": text, "author_role": "staff", **fields})
    analysis = Analysis(item, Context(policy, school))
    out = [c for c in PupilNamesDetector().detect(analysis) if isinstance(c, Candidate)]
    assert all(c.topic == "pupil-names" and c.kind is RuleKind.PERSONAL_DATA for c in out)
    return [(c.evidence, c.max_severity, c.redaction) for c in out]


@pytest.mark.parametrize(
    ("text", "fields", "expected"),
    [
        ("Huge well done to Noah Fenwick!", {}, [("Noah Fenwick", BLOCK, "N.F.")]),
        ("noah fenwick read in assembly", {}, [("noah fenwick", BLOCK, "N.F.")]),
        ("Noah Fenwick's reading is superb", {}, [("Noah Fenwick", BLOCK, "N.F.")]),
        ("Kaz scored the winner!", {}, [("Kaz", BLOCK, "K.")]),
        ("Well done Finley in Year 6", {}, [("Finley", BLOCK, "F.")]),
        ("lets all ignore finley tmrw", {"author_role": "pupil"}, [("finley", BLOCK, "F.")]),
        # guesses: a misspelling, a common-word name at the start of a sentence, a surname
        ("Noah Fenwik was brilliant", {}, [("Noah Fenwik", REVIEW, "N.F.")]),
        ("Mo was brilliant today", {}, [("Mo", REVIEW, "M.")]),
        ("So sad for the Brockhurst twins", {}, [("Brockhurst", REVIEW, "B.")]),
        # a parent naming their own child, known from the author or from "my son"
        (
            "So proud of Noah Fenwick today",
            {"author": "Claire Fenwick"},
            [
                ("Noah Fenwick", REVIEW, "N.F."),
            ],
        ),
        ("So proud of my son Noah today", {"author_role": "parent"}, [("Noah", REVIEW, "N.")]),
        # another parent's child is still a block
        (
            "Noah Fenwick pushed my son",
            {"author": "Imran Rahman", "author_role": "parent"},
            [
                ("Noah Fenwick", BLOCK, "N.F."),
            ],
        ),
        (
            "Evie Thistlewood and Noah Fenwick and Mohammed Rahman",
            {},
            [("Noah Fenwick", BLOCK, "N.F."), ("Mohammed Rahman", BLOCK, "M.R.")],
        ),
    ],
)
def test_it_flags_pupils_named_without_consent(
    demo_policy: Policy,
    demo_school: School,
    text: str,
    fields: dict[str, Any],
    expected: list[tuple[str, Severity, str | None]],
) -> None:
    assert named(demo_policy, demo_school, text, **fields) == expected


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Huge well done to Evie Thistlewood for her medal!", {}),
        ("Liv and Grace Oyelaran led the assembly beautifully", {}),
        ("Zara's painting is in the hall", {}),
        ("Mr Olufemi and Miss Vickery ran the trip", {}),
        ("Thank you Claire Fenwick for the cakes", {}),
        ("The lollipop lady on Fenwick Road is a star", {}),
        ("Can Noah come to tea on Friday?", {"channel": "direct"}),
        ("Year 5 trip on 14/03, back by 3.15pm", {}),
        ("Whoever choreographed that dance deserves a medal", {}),
        ("Brockhurst Lane is closed for roadworks", {}),
        ("Congratulations to the Brockhurst family on the new baby!", {}),
    ],
)
def test_it_leaves_consented_pupils_adults_and_places_alone(
    demo_policy: Policy, demo_school: School, text: str, fields: dict[str, Any]
) -> None:
    assert named(demo_policy, demo_school, text, **fields) == []


def test_the_engine_cites_the_pupil_names_clause_and_redacts_to_initials(engine: Engine) -> None:
    item = parse_item(
        {
            "id": "p",
            "text": "Star of the week: Noah Fenwick in 2B!",
            "author_role": "staff",
            "channel": "school",
        }
    )
    result = engine.check(item)
    (finding,) = [f for f in result.findings if f.kind is RuleKind.PERSONAL_DATA]
    assert (finding.clause, finding.severity, finding.evidence) == (
        "wb-2.1",
        Severity.BLOCK,
        "Noah Fenwick",
    )
    assert result.verdict is Severity.BLOCK
    assert result.redacted == "Star of the week: N.F. in 2B!"


def test_a_guess_is_only_ever_a_review(engine: Engine) -> None:
    item = parse_item({"id": "p", "text": "Great game from Noah Fenwik", "author_role": "staff"})
    result = engine.check(item)
    (finding,) = [f for f in result.findings if f.kind is RuleKind.PERSONAL_DATA]
    assert (finding.severity, finding.evidence) == (Severity.REVIEW, "Noah Fenwik")
