"""More policy styles, written for these tests: sections by audience, a parents' code signed
as "I will ...", a Word document with bold headings and a Do/Don't table, a PDF with dashes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from importer.builders import Para, Row, make_docx, make_pdf
from importer.test_styles import clause_with, summary
from netiquette.importer import ImportResult, import_policy
from netiquette.kinds import Role, RuleKind, Strength

FIXTURES = Path(__file__).parent / "fixtures"
K, S, R = RuleKind, Strength, Role


@pytest.fixture(scope="module")
def audience() -> ImportResult:
    return import_policy(FIXTURES / "audience-sections.txt")


AUDIENCE = [
    # A passive rule binds the section's audience, not the pupils it is about.
    ("Images of pupils", K.PHOTO_CONSENT, {R.STAFF}, S.MUST_NOT),
    ("School email addresses", K.PERSONAL_USE_WORK_TIME, {R.STAFF}, S.MUST_NOT),
    ("contact through any personal", K.FRIEND_REQUEST, {R.STAFF}, S.MUST_NOT),
    ("must not contact pupils", K.FRIEND_REQUEST, {R.STAFF}, S.MUST_NOT),
    ("decline 'friend requests'", K.FRIEND_REQUEST, {R.STAFF}, S.MUST),
    ("strongly advised", K.CUSTOM, {R.STAFF}, S.SHOULD),
    ("school logo must not", K.CUSTOM, {R.STAFF}, S.MUST_NOT),
    ("other than their own children", K.PHOTO_CONSENT, {R.PARENT}, S.SHOULD_NOT),
    ("make complaints", K.SENSITIVE_MATTER, {R.PARENT}, S.SHOULD),
    ("fictitious", K.DEFAMATION, {R.PARENT}, S.SHOULD_NOT),
    ("access social networking", K.PERSONAL_USE_WORK_TIME, {R.PUPIL}, S.MUST_NOT),
]


@pytest.mark.parametrize(("words", "kind", "roles", "strength"), AUDIENCE)
def test_sections_by_audience(
    audience: ImportResult, words: str, kind: RuleKind, roles: set[Role], strength: Strength
) -> None:
    assert summary(clause_with(audience, words)) == (kind, roles, strength)


def test_sections_by_audience_statements_about_the_policy_are_not_rules(
    audience: ImportResult,
) -> None:
    assert not [c for c in audience.clauses if c.text.startswith("The purpose")]
    governance = audience.policy.governance
    assert governance.accepted is not None and governance.accepted.date == dt.date(2023, 10, 1)
    steps = [s.text for s in audience.policy.procedure.steps]
    assert len(steps) == 2 and steps[0].startswith("Any breach")
    assert {r.id for r in audience.policy.related} == {"behaviour", "disciplinary"}


PLEDGES = [
    ("upload photos", K.PHOTO_CONSENT, S.MUST_NOT),
    ("raise any concerns", K.SENSITIVE_MATTER, S.MUST),
    ("criticise or abuse", K.ABUSE, S.MUST_NOT),
    ("Share screenshots", K.CUSTOM, S.MUST_NOT),
    ("Check privacy settings", K.CUSTOM, S.SHOULD),
]


@pytest.fixture(scope="module")
def pledges() -> ImportResult:
    return import_policy(FIXTURES / "parent-code.html")


@pytest.mark.parametrize(("words", "kind", "strength"), PLEDGES)
def test_a_parents_code_of_pledges_and_a_do_dont_table(
    pledges: ImportResult, words: str, kind: RuleKind, strength: Strength
) -> None:
    assert summary(clause_with(pledges, words)) == (kind, {R.PARENT}, strength)


def test_a_parents_code_title_from_a_bold_line_and_governance(pledges: ImportResult) -> None:
    policy = pledges.policy
    assert policy.title == "Online Safety Code for Parents and Carers"
    assert policy.governance.review_cycle == "annually"
    assert policy.governance.accepted is not None
    assert policy.governance.accepted.text == "September 2024"
    assert not [c for c in pledges.clauses if c.text.startswith(("Do", "Failure"))]
    assert [e.id for e in policy.procedure.escalations] == ["police"]


def test_word_bold_headings_and_a_do_dont_table() -> None:
    data = make_docx(
        [
            Para("Volunteer Social Media Rules", bold=True),
            Para("Agreed: Summer 2025. Review: Summer 2026."),
            Row(("Do", "Don't")),
            Row(("Keep your profile private", "Post photos taken on school trips")),
            Row(("Report worrying messages to the DSL", "Swear or use crude language online")),
        ]
    )
    result = import_policy(data, "volunteers.docx")
    assert result.policy.title == "Volunteer Social Media Rules"
    photos = clause_with(result, "school trips")
    assert (photos.kind, photos.strength) == (K.PHOTO_CONSENT, S.MUST_NOT)
    language = clause_with(result, "crude language")
    assert (language.kind, language.strength) == (K.INAPPROPRIATE_LANGUAGE, S.MUST_NOT)
    assert clause_with(result, "profile private").strength is S.SHOULD
    assert all(c.roles == {R.STAFF} for c in result.clauses)


def test_a_pdf_with_dash_bullets_wrapped_over_lines() -> None:
    data = make_pdf(
        [
            "Rules for Governors",
            "When posting online, governors must not:",
            "- discuss the business of the governing body or decisions taken in closed session, "
            "including anything said by other governors in meetings that were not public,",
            "- post comments that could damage the reputation of the school,",
            "- accept friend requests from pupils.",
            "Date ratified: 5th May 2025",
        ],
        "Rowan Academy",
    )
    result = import_policy(data, "governors.pdf")
    assert [summary(c) for c in result.clauses] == [
        (K.CONFIDENTIAL_INFORMATION, {R.GOVERNOR}, S.MUST_NOT),
        (K.DETRIMENTAL_CONDUCT, {R.GOVERNOR}, S.MUST_NOT),
        (K.FRIEND_REQUEST, {R.GOVERNOR}, S.MUST_NOT),
    ]
    assert result.clauses[0].text.endswith("meetings that were not public,")


TYPED = [
    ("post photographs", K.PHOTO_CONSENT, {R.STAFF}, S.MUST_NOT),
    ("discuss pupils", K.CONFIDENTIAL_INFORMATION, {R.STAFF}, S.MUST_NOT),
    ("other children's photos", K.PHOTO_CONSENT, {R.PARENT}, S.SHOULD_NOT),
    ("complain about staff", K.SENSITIVE_MATTER, {R.PARENT}, S.SHOULD_NOT),
    ("not acceptable for parents", K.INAPPROPRIATE_LANGUAGE, {R.PARENT}, S.MUST_NOT),
    ("refrain from", K.DETRIMENTAL_CONDUCT, {R.STAFF}, S.MUST_NOT),
    ("be mindful", K.CUSTOM, {R.GOVERNOR}, S.CAUTION),
]


@pytest.fixture(scope="module")
def typed() -> ImportResult:
    return import_policy(FIXTURES / "typed-bullets.html")


@pytest.mark.parametrize(("words", "kind", "roles", "strength"), TYPED)
def test_typed_bullets_ellipsis_lead_ins_and_other_phrasings(
    typed: ImportResult, words: str, kind: RuleKind, roles: set[Role], strength: Strength
) -> None:
    assert summary(clause_with(typed, words)) == (kind, roles, strength)
    assert len(typed.clauses) == len(TYPED)


def test_a_related_policies_list_needs_no_policy_in_each_name(typed: ImportResult) -> None:
    assert [(r.id, r.title) for r in typed.policy.related] == [
        ("mobile-phones", "Mobile Phones Policy"),
        ("online-safety", "Online Safety Policy"),
        ("complaints", "Complaints Procedure"),
    ]
    governance = typed.policy.governance
    assert governance.accepted is not None and governance.accepted.date == dt.date(2021, 11, 10)
    assert governance.review_cycle == "every two years"


def test_section_labels_name_the_audience_and_responsibilities_are_duties() -> None:
    text = (
        "Social Media Policy for Oakhurst Academy\n\n"
        "Section 4: Staff use of social media\n"
        "Personal accounts must be set to private.\n"
        "Photographs of pupils must never appear on personal accounts.\n\n"
        "Section 5: Pupils\n"
        "Accounts must not be created on sites with an age limit of 13 or over.\n\n"
        "Roles and responsibilities\n"
        "Headteacher: ensure that this policy is shared with all staff.\n"
        "Governing Body: ensure the policy is reviewed every two years.\n"
    )
    result = import_policy(text.encode(), "oakhurst.txt")
    assert [summary(c) for c in result.clauses] == [
        (K.CUSTOM, {R.STAFF}, S.MUST),
        (K.PHOTO_CONSENT, {R.STAFF}, S.MUST_NOT),
        (K.CUSTOM, {R.PUPIL}, S.MUST_NOT),
    ]
    assert len(result.not_taken) == 2
    assert result.policy_data["school"] == "Oakhurst Academy"


def test_aims_are_not_rules_and_applies_to_sets_the_audience() -> None:
    text = (
        "Social Media Policy\n\n"
        "Aims\n"
        "- To ensure that pupils are safe online.\n"
        "- To make sure that staff understand their responsibilities.\n\n"
        "Scope\n"
        "This policy applies to staff and volunteers. Staff must read it every year.\n\n"
        "Rules\n"
        "- Do not post photos of pupils.\n"
    )
    result = import_policy(text.encode(), "scope.txt")
    assert [(c.text, summary(c)) for c in result.clauses] == [
        ("Staff must read it every year.", (K.CUSTOM, {R.STAFF}, S.MUST)),
        ("Do not post photos of pupils.", (K.PHOTO_CONSENT, {R.STAFF}, S.MUST_NOT)),
    ]
    assert result.policy_data["aims"] == list(result.not_taken)
    assert len(result.not_taken) == 2
