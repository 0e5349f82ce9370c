"""Confidential information: a sensitive subject plus a sign that it is not public yet."""

from __future__ import annotations

from typing import Any

import pytest

from netiquette.detectors.confidential import ConfidentialDetector, terms_pattern
from netiquette.engine import Engine
from netiquette.items import parse_item
from netiquette.kinds import RuleKind, Severity
from netiquette.policy import Policy
from netiquette.school import School


@pytest.fixture(scope="module")
def engine(demo_policy: Policy, demo_school: School) -> Engine:
    return Engine(demo_policy, demo_school, [ConfidentialDetector()])


def check(engine: Engine, text: str, **fields: Any) -> tuple[Severity, list[str]]:
    item = {"id": "t", "text": text, "author_role": "staff", "channel": "personal", **fields}
    result = engine.check(parse_item(item))
    for finding in result.findings:
        assert finding.kind is RuleKind.CONFIDENTIAL_INFORMATION
        assert text[finding.start : finding.end] == finding.evidence
    return result.verdict, [f.evidence for f in result.findings]


@pytest.mark.parametrize(
    ("text", "verdict", "evidence"),
    [
        # A disclosure signal with a sensitive subject: a clear breach.
        (
            "Between you and me, Mr Wieczorek is facing a disciplinary hearing next week.",
            Severity.BLOCK,
            ["disciplinary hearing"],
        ),
        (
            "Off the record, the Ofsted inspectors said we'd be Requires Improvement.",
            Severity.BLOCK,
            ["Requires Improvement"],
        ),
        (
            "Heard from a friend in the office that two teachers are being made redundant.",
            Severity.BLOCK,
            ["redundant"],
        ),
        (
            "Don't tell anyone but Miss Vickery is leaving at Christmas and they haven't told "
            "parents yet.",
            Severity.BLOCK,
            ["is leaving at"],
        ),
        (
            "Not supposed to say but we got Good from Ofsted!! Letter out next month.",
            Severity.BLOCK,
            ["Good from Ofsted"],
        ),
        (
            "My friend works at the school and says they're £40k in the red.",
            Severity.BLOCK,
            ["£40k in the red"],
        ),
        (
            "Can't believe they're cutting two TA jobs after Christmas. Not announced yet.",
            Severity.BLOCK,
            ["cutting two TA jobs"],
        ),
        (
            "Was told by someone in the office that three teachers are leaving in July, "
            "nothing announced yet.",
            Severity.BLOCK,
            ["are leaving in"],
        ),
        (
            "The disciplinary hearing for one of the teachers is on Tuesday and they're keeping "
            "it from parents.",
            Severity.BLOCK,
            ["disciplinary hearing"],
        ),
        (
            "Word from the staffroom is that Mr Wieczorek has been suspended.",
            Severity.BLOCK,
            ["suspended"],
        ),
        (
            "Police were in school today about one of the Year 6 families, very hush hush.",
            Severity.BLOCK,
            ["Police were in"],
        ),
        (
            "Inspectors in this week. Verbal feedback was poor but the report isn't out till May.",
            Severity.BLOCK,
            ["Verbal feedback"],
        ),
        (
            "Mrs Achterberg has been signed off sick with stress. Keep it quiet.",
            Severity.BLOCK,
            ["signed off sick"],
        ),
        (
            "Shhh, we've been told Mrs Achterberg is retiring in July. Parents don't know yet.",
            Severity.BLOCK,
            ["retiring"],
        ),
        (
            "Can't go into details but a safeguarding referral is going in tomorrow.",
            Severity.BLOCK,
            ["safeguarding referral"],
        ),
        (
            "Budget meeting tonight. We're looking at a 60k deficit next year.",
            Severity.BLOCK,
            ["60k deficit"],
        ),
        (
            "Keep this under wraps, but the staffing restructure was agreed last night.",
            Severity.BLOCK,
            ["staffing restructure"],
        ),
        (
            "You didn't hear it from me, but Mr Olufemi is retiring.",
            Severity.BLOCK,
            ["retiring"],
        ),
        (
            "Strictly between us, the head's been signed off with stress till Easter.",
            Severity.BLOCK,
            ["signed off with stress"],
        ),
        (
            "Been asked to keep it hush but the exclusion panel is on Monday.",
            Severity.BLOCK,
            ["exclusion"],
        ),
        # An insider's first-hand account of a confidential matter.
        ("Long day at the disciplinary hearing for a colleague.", Severity.REVIEW, []),
        (
            "Just had a safeguarding meeting about one of my pupils, heartbreaking.",
            Severity.BLOCK,
            ["safeguarding meeting"],
        ),
        (
            "Sat on the interview panel for the new SENCo today, strong field.",
            Severity.BLOCK,
            ["interview panel"],
        ),
        # The school's own terms, inflected, whole words only.
        ("Sad about the staffing restructuring, honestly.", Severity.REVIEW, []),
        ("The exclusions this term have been hard on everyone.", Severity.REVIEW, []),
        # Innocent contexts: nothing.
        ("Our Ofsted outcome was published on the website today, read it here!", Severity.OK, []),
        ("Does anyone know when the inspection report will be published?", Severity.OK, []),
        ("We've got Ofsted in tomorrow! Wish us luck everyone.", Severity.OK, []),
        ("Keep it to yourself but the Year 6 surprise party is on Friday!", Severity.OK, []),
        ("Mrs Achterberg is leaving at Christmas after 20 years. We'll miss her!", Severity.OK, []),
        ("Inclusion week was brilliant, thank you all.", Severity.OK, []),
        ("Our Ofsted report is now on the website. Proud of our Good rating!", Severity.OK, []),
        ("Thanks to all who came to the safeguarding training last night.", Severity.OK, []),
        ("The pupils' behaviour policy is on the website under Policies.", Severity.OK, []),
        ("Year 4 had a visit from the police today to talk about road safety.", Severity.OK, []),
        ("Governors' meeting tonight: hearing about the new reading scheme.", Severity.OK, []),
        ("Proud to say Ofsted graded us Good! Full report on our website.", Severity.OK, []),
        ("Is the staffing restructure letter that came home today about Year 3?", Severity.OK, []),
        ("The school has written to all parents about the exclusion policy.", Severity.OK, []),
        (
            "Sad to say goodbye to Miss Vickery, who is leaving at Easter. Good luck!",
            Severity.OK,
            [],
        ),
        # A story on screen: its investigations are not the school's.
        (
            "That disciplinary storyline on Ward Nine last night! No spoilers please.",
            Severity.OK,
            [],
        ),
    ],
)
def test_it_weighs_subject_and_disclosure(
    engine: Engine, text: str, verdict: Severity, evidence: list[str]
) -> None:
    got_verdict, got_evidence = check(engine, text)
    assert got_verdict is verdict
    if evidence:
        assert got_evidence == evidence


def test_a_school_term_alone_is_for_review_and_names_the_term(engine: Engine) -> None:
    verdict, evidence = check(engine, "Is there going to be a staffing restructure? Heard talk.")
    assert verdict is Severity.REVIEW
    assert evidence == ["staffing restructure"]


def test_it_reads_the_terms_from_the_school_profile(
    demo_policy: Policy, demo_school: School
) -> None:
    school = School(demo_school.name, confidential_terms=("boiler replacement",))
    engine = Engine(demo_policy, school, [ConfidentialDetector()])
    text = "Between us, the boiler replacements have been cancelled."
    assert check(engine, text) == (Severity.BLOCK, ["boiler replacements"])
    assert check(engine, "Off the record, the staffing restructure is on.")[0] is Severity.BLOCK


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("Ofsted outcome", "the ofsted outcomes", True),
        ("staffing restructure", "a staffing-restructured team", True),
        ("safeguarding referral", "two safeguarding referrals", True),
        ("exclusion panel", "the exclusion panel's decision", True),
        ("inquiry", "the inquiries", True),
        ("exclusion", "inclusion", False),
        ("exclusion", "exclusionary", False),
    ],
)
def test_terms_match_simple_inflections_as_whole_words(term: str, text: str, found: bool) -> None:
    pattern = terms_pattern((term,))
    assert pattern is not None
    assert (pattern.search(text) is not None) is found


def test_no_terms_make_no_pattern() -> None:
    assert terms_pattern(()) is None
