"""Policies in other styles, written for these tests: numbered sections, a federation's Word
document, a parental protocol in Markdown, a "Staff must not:" web page and a PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from importer.builders import Para, Row, make_docx, make_pdf
from netiquette.importer import ImportedClause, ImportResult, import_policy
from netiquette.kinds import Role, RuleKind, Strength

FIXTURES = Path(__file__).parent / "fixtures"
K, S, R = RuleKind, Strength, Role
EVERYONE = {R.PUPIL, R.STAFF, R.GOVERNOR, R.PARENT}


def clause_with(result: ImportResult, words: str) -> ImportedClause:
    matching = [c for c in result.clauses if words in c.text]
    assert len(matching) == 1, f"{len(matching)} clauses contain {words!r}"
    return matching[0]


def summary(clause: ImportedClause) -> tuple[RuleKind, set[Role], Strength]:
    return clause.kind, set(clause.roles), clause.strength


# --- numbered sections, plain text ------------------------------------------------------------

NUMBERED = [
    ("3.1", K.FRIEND_REQUEST, {R.STAFF}, S.MUST_NOT),
    ("3.2", K.PHOTO_CONSENT, {R.STAFF}, S.MUST_NOT),
    ("3.3", K.CONFIDENTIAL_INFORMATION, {R.STAFF}, S.MUST_NOT),
    ("3.4", K.PERSONAL_USE_WORK_TIME, {R.STAFF}, S.SHOULD_NOT),
    ("3.5", K.ABUSE, {R.STAFF}, S.MUST_NOT),
    ("3.6", K.FRIEND_REQUEST, {R.STAFF}, S.CAUTION),
    ("3.7", K.SENSITIVE_MATTER, {R.STAFF}, S.SHOULD_NOT),
    ("4.1", K.DETRIMENTAL_CONDUCT, {R.STAFF}, S.MUST_NOT),
    ("4.2", K.COPYRIGHT, {R.STAFF}, S.MUST_NOT),
]


@pytest.fixture(scope="module")
def numbered() -> ImportResult:
    return import_policy(FIXTURES / "numbered-sections.txt")


@pytest.mark.parametrize(("number", "kind", "roles", "strength"), NUMBERED)
def test_numbered_sections_keep_their_numbers_as_ids(
    numbered: ImportResult, number: str, kind: RuleKind, roles: set[Role], strength: Strength
) -> None:
    clause = next(c for c in numbered.clauses if c.id == f"c-{number}")
    assert summary(clause) == (kind, roles, strength)


def test_numbered_sections_only_rules_become_clauses(numbered: ImportResult) -> None:
    assert sorted(c.id for c in numbered.clauses) == sorted(f"c-{n[0]}" for n in NUMBERED)


def test_numbered_sections_governance_with_dates_cycle_and_owner(numbered: ImportResult) -> None:
    governance = numbered.policy.governance
    assert governance.accepted is not None and governance.review is not None
    assert governance.accepted.date == dt.date(2023, 3, 14)
    assert governance.review.date == dt.date(2025, 3, 1)
    assert (governance.review_cycle, governance.owner) == ("every two years", "Deputy Headteacher")


def test_numbered_sections_breaches_section_is_the_procedure(numbered: ImportResult) -> None:
    steps = [s.text for s in numbered.policy.procedure.steps]
    assert len(steps) == 2 and "investigated" in steps[0] and "police" in steps[1]
    routes = {e.id for e in numbered.policy.procedure.escalations}
    assert routes == {"disciplinary", "police"}


def test_numbered_sections_related_policies(numbered: ImportResult) -> None:
    related = {r.id for r in numbered.policy.related}
    assert related == {"disciplinary", "acceptable-use", "code-of-conduct", "safeguarding"}
    assert numbered.policy_data["school"] == "Hollin Brook Academy"


# --- a federation's policy as a Word document --------------------------------------------------

FEDERATION_BODY: list[Para | Row] = [
    Para("The Kestrel Federation", "Title"),
    Para("Alder Lane Primary School and Beechmoor Infant School"),
    Para("Social Networking Policy", "Heading1"),
    Row(("Ratified by the Federation Governing Body", "3rd February 2022")),
    Row(("Review", "This policy will be reviewed annually.")),
    Para("Who this policy is for", "Heading1"),
    Para("This policy applies to pupils, staff, governors and parents at both schools."),
    Para("Expectations", "Heading1"),
    Para("Across both schools, everyone must:"),
    Para("Treat others online with respect, avoiding rude or crude language.", num=(1, 0)),
    Para(
        "Keep the addresses, phone numbers and dates of birth of pupils off social media.",
        num=(1, 0),
    ),
    Para(
        "Never post anything that mocks, threatens or targets a pupil or member of staff.",
        num=(1, 0),
    ),
    Para(
        "Do not post photographs of pupils in uniform without the school's permission.", num=(1, 1)
    ),
    Para("Pupils must not use social media sites during the school day."),
    Para("Governors must not discuss the business of the governing body on social media."),
    Para("Responding to concerns", "Heading1"),
    Para("The head of school will speak to the people involved.", num=(2, 0)),
    Para("Where needed, the matter will be passed on under the Safeguarding Policy.", num=(2, 0)),
    Para("Related documents: Anti-Bullying Policy; Behaviour Policy; Staff Code of Conduct."),
]

FEDERATION = [
    ("rude or crude", K.INAPPROPRIATE_LANGUAGE, EVERYONE, S.SHOULD_NOT),
    ("dates of birth", K.PERSONAL_DATA, EVERYONE, S.MUST),
    ("mocks, threatens", K.CYBERBULLYING, EVERYONE, S.MUST_NOT),
    ("in uniform", K.PHOTO_CONSENT, EVERYONE, S.MUST_NOT),
    ("during the school day", K.PERSONAL_USE_WORK_TIME, {R.PUPIL}, S.MUST_NOT),
    ("business of the governing body", K.CONFIDENTIAL_INFORMATION, {R.GOVERNOR}, S.MUST_NOT),
]


@pytest.fixture(scope="module")
def federation() -> ImportResult:
    return import_policy(make_docx(FEDERATION_BODY), "federation-policy.docx")


@pytest.mark.parametrize(("words", "kind", "roles", "strength"), FEDERATION)
def test_federation_docx_clauses(
    federation: ImportResult, words: str, kind: RuleKind, roles: set[Role], strength: Strength
) -> None:
    assert summary(clause_with(federation, words)) == (kind, roles, strength)
    assert len(federation.clauses) == len(FEDERATION)


def test_federation_docx_keeps_word_numbering(federation: ImportResult) -> None:
    assert clause_with(federation, "in uniform").id == "c-3.1"
    assert clause_with(federation, "dates of birth").topics == {"contact-details", "identifiers"}


def test_federation_names_the_federation_and_both_schools(federation: ImportResult) -> None:
    assert federation.schools == ("Alder Lane Primary School", "Beechmoor Infant School")
    assert federation.policy_data["school"].startswith("Kestrel Federation")
    assert "Schools named: Alder Lane Primary School, Beechmoor Infant School" in federation.report


def test_federation_governance_from_a_table(federation: ImportResult) -> None:
    governance = federation.policy.governance
    assert governance.accepted is not None
    assert governance.accepted.date == dt.date(2022, 2, 3)
    assert governance.review_cycle == "annually"
    assert any("review date" in w for w in federation.warnings)


def test_federation_procedure_and_related(federation: ImportResult) -> None:
    assert len(federation.policy.procedure.steps) == 2
    assert {e.id for e in federation.policy.procedure.escalations} == {"safeguarding"}
    assert {r.id for r in federation.policy.related} == {
        "safeguarding",
        "anti-bullying",
        "behaviour",
        "code-of-conduct",
    }


# --- a parental protocol in Markdown ------------------------------------------------------------

PARENTAL = [
    ("photographs or videos", K.PHOTO_CONSENT, S.MUST_NOT),
    ("name other pupils", K.PERSONAL_DATA, S.MUST_NOT),
    ("Raise any worry", K.SENSITIVE_MATTER, S.SHOULD),
    ("abusive, threatening", K.ABUSE, S.MUST_NOT),
    ("language polite", K.INAPPROPRIATE_LANGUAGE, S.SHOULD),
]


@pytest.fixture(scope="module")
def parental() -> ImportResult:
    return import_policy(FIXTURES / "parental-protocol.md")


@pytest.mark.parametrize(("words", "kind", "strength"), PARENTAL)
def test_parental_protocol_binds_parents(
    parental: ImportResult, words: str, kind: RuleKind, strength: Strength
) -> None:
    assert summary(clause_with(parental, words)) == (kind, {R.PARENT}, strength)
    assert len(parental.clauses) == len(PARENTAL)


def test_parental_protocol_structure(parental: ImportResult) -> None:
    policy = parental.policy
    assert policy.title == "Parental Protocol for Social Media"
    assert policy.school == "Meadowfield CE Primary School"
    assert policy.roles == {R.PARENT}
    assert [g.text for g in (policy.governance.accepted, policy.governance.review) if g] == [
        "Autumn 2024",
        "Autumn 2026",
    ]
    assert len(policy.procedure.steps) == 3
    assert {e.id for e in policy.procedure.escalations} == {"complaints", "police"}
    assert {r.id for r in policy.related} == {"complaints", "home-school", "anti-bullying"}
    assert clause_with(parental, "name other pupils").topics == {"pupil-names", "contact-details"}


# --- a "Staff must not:" list on a saved web page --------------------------------------------

STAFF_PAGE = [
    ("accept friend requests", K.FRIEND_REQUEST, S.MUST_NOT),
    ("post images of pupils", K.PHOTO_CONSENT, S.MUST_NOT),
    ("reveal confidential", K.CONFIDENTIAL_INFORMATION, S.MUST_NOT),
    ("personal blog", K.SCHOOL_WEBSITE_LINK, S.MUST_NOT),
    ("school laptops", K.PERSONAL_USE_WORK_TIME, S.MUST_NOT),
    ("privacy settings", K.CUSTOM, S.SHOULD),
    ("requests from parents", K.FRIEND_REQUEST, S.CAUTION),
]


@pytest.fixture(scope="module")
def staff_page() -> ImportResult:
    return import_policy(FIXTURES / "staff-must-not.html")


@pytest.mark.parametrize(("words", "kind", "strength"), STAFF_PAGE)
def test_staff_must_not_list_takes_strength_and_roles_from_the_lead_in(
    staff_page: ImportResult, words: str, kind: RuleKind, strength: Strength
) -> None:
    assert summary(clause_with(staff_page, words)) == (kind, {R.STAFF}, strength)
    assert len(staff_page.clauses) == len(STAFF_PAGE)


def test_web_page_furniture_is_left_out(staff_page: ImportResult) -> None:
    kept = " ".join(c.text for c in staff_page.clauses) + str(staff_page.policy_data)
    for furniture in ("cookies", "Harvest festival", "About us", "Uniform Shop", "dataLayer"):
        assert furniture not in kept
    assert any("Harvest festival" in text for text in staff_page.left_out)
    assert not any("dataLayer" in text for text in staff_page.left_out)


def test_web_page_title_school_and_dates(staff_page: ImportResult) -> None:
    policy = staff_page.policy
    assert (policy.title, policy.school) == (
        "Social Media Guidance for Staff",
        "Larkspur Junior School",
    )
    assert policy.governance.accepted is not None and policy.governance.review is not None
    assert policy.governance.accepted.date == dt.date(2022, 7, 12)
    assert policy.governance.review.date == dt.date(2024, 7, 1)


def test_an_unmappable_rule_is_kept_as_custom_and_reported_first(staff_page: ImportResult) -> None:
    custom = clause_with(staff_page, "privacy settings")
    assert custom.needs_mapping and custom.confidence == min(
        c.confidence for c in staff_page.clauses
    )
    table = staff_page.report.split("## Clauses")[1]
    assert table.index("privacy settings") < table.index("accept friend requests")


# --- a PDF of the numbered policy ----------------------------------------------------------------


def test_a_pdf_reads_like_its_text(numbered: ImportResult) -> None:
    text = (FIXTURES / "numbered-sections.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip() and not p.startswith("Page ")]
    lines = [line for p in paragraphs for line in p.split("\n")]
    data = make_pdf(lines, "Hollin Brook Academy - Staff social media", page_break_before="3.")
    result = import_policy(data, "policy.pdf")
    assert result.source_format == "pdf"
    assert [(c.id, summary(c)) for c in result.clauses] == [
        (c.id, summary(c)) for c in numbered.clauses
    ]
    assert any("Hollin Brook Academy - Staff social media" in t for t in result.left_out)
