"""Special-category facts tied to a pupil the post identifies (demo school, Willowbank)."""

from __future__ import annotations

from typing import Any

import pytest

from netiquette.detectors.base import Analysis, Context
from netiquette.detectors.special_category import SpecialCategoryDetector, find_facts
from netiquette.engine import Engine
from netiquette.findings import Candidate
from netiquette.items import parse_item
from netiquette.kinds import RuleKind, Severity
from netiquette.policy import Policy
from netiquette.school import School

BLOCK, REVIEW = Severity.BLOCK, Severity.REVIEW


def facts(
    policy: Policy, school: School, text: str, **fields: Any
) -> list[tuple[str, str, Severity]]:
    item = parse_item({"id": "t", "text": text, "author_role": "staff", **fields})
    analysis = Analysis(item, Context(policy, school))
    out = [c for c in SpecialCategoryDetector().detect(analysis) if isinstance(c, Candidate)]
    assert all(c.topic == "special-category" for c in out)
    return [(c.evidence, c.details["category"], c.max_severity) for c in out]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Noah Fenwick has ADHD so please be patient",
            [("ADHD", "special educational needs", BLOCK)],
        ),
        # name consent does not cover health
        (
            "Evie Thistlewood has type 1 diabetes, so no sweets please",
            [("diabetes", "health", BLOCK)],
        ),
        (
            "Finley is lovely. He is autistic and finds noise hard.",
            [("autistic", "special educational needs", BLOCK)],
        ),
        ("Noah Fenwick's SEND review is on Friday", [("SEND", "special educational needs", BLOCK)]),
        ("Grace Oyelaran is fasting for Ramadan this month", [("Ramadan", "religion", BLOCK)]),
        # "Mo" opening a sentence is only a guess at the pupil...
        (
            "Mo said his parents have split up and he's struggling",
            [("parents have split up", "home circumstances", REVIEW)],
        ),
        # ...but "Mo's parents" is a person's.
        (
            "Mo's parents have split up and he's struggling",
            [("parents have split up", "home circumstances", BLOCK)],
        ),
        (
            "Social services were in again about the Brockhurst family",
            [("Social services", "home circumstances", REVIEW)],
        ),
        ("Kaz gets free school meals now", [("free school meals", "home circumstances", BLOCK)]),
        (
            "Zara Quinlan was rushed to hospital with an allergic reaction",
            [
                ("hospital", "health", REVIEW),
                ("allergic", "health", BLOCK),
            ],
        ),
        ("Noah Fenwick is in foster care", [("foster", "home circumstances", BLOCK)]),
    ],
)
def test_it_finds_facts_about_an_identified_pupil(
    demo_policy: Policy, demo_school: School, text: str, expected: list[tuple[str, str, Severity]]
) -> None:
    assert facts(demo_policy, demo_school, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "There was a fight and a boy ended up at A&E. Does anyone know what happened?",
        "The Muslim families always get special treatment",
        "Thoughts and prayers for the teachers",
        "Christmas jumper day for the children's hospice on Friday",
        "Evie Thistlewood won the swimming gala. The pool is being repaired next week.",
        "PLEASE SEND NOAH FENWICK'S BOOK BAG BACK",
        "Will you add Finley to the team sheet?",
        "Noah Fenwick's black trainers are in lost property",
        "My class wrote to the residents of the care home today",
        "Mr Olufemi is off with anxiety",
        "Finley converted the penalty and the crowd went wild",
        "Finley Brockhurst scored twice. The referee has a hospital appointment.",
    ],
)
def test_it_leaves_facts_about_nobody_in_particular_alone(
    demo_policy: Policy, demo_school: School, text: str
) -> None:
    assert facts(demo_policy, demo_school, text) == []


def test_a_weak_term_often_about_someone_else_is_at_most_a_review(
    demo_policy: Policy, demo_school: School
) -> None:
    found = facts(demo_policy, demo_school, "Ask Grace Oyelaran's mum, she works at the hospital")
    assert found == [("hospital", "health", REVIEW)]


def test_a_fact_in_a_direct_message_is_at_most_a_review(
    demo_policy: Policy, demo_school: School
) -> None:
    found = facts(demo_policy, demo_school, "Noah Fenwick has epilepsy", channel="direct")
    assert found == [("epilepsy", "health", REVIEW)]


def test_terms_are_whole_words_and_prefixes_run_to_the_end_of_the_word() -> None:
    assert [f.evidence for f in find_facts("dyslexic, diabetic; sendoff; Islamic art")] == [
        "dyslexic",
        "diabetic",
        "Islamic",
    ]


def test_the_engine_uses_the_special_category_clause(engine: Engine) -> None:
    item = parse_item({"id": "p", "text": "Noah Fenwick has asthma", "author_role": "staff"})
    result = engine.check(item)
    clauses = {f.clause for f in result.findings if f.kind is RuleKind.PERSONAL_DATA}
    assert clauses == {"wb-2.1", "wb-2.3"}
    assert "[detail removed]" in (result.redacted or "")
