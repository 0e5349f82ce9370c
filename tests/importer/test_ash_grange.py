"""The real example policy: every guideline becomes the right clause; noise is left out.

The guidelines are read from the example file itself (its bullet lines, in order), so the
expected answers below are tied to positions, not to copied wording.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest
import yaml

from netiquette.importer import ImportResult, import_policy
from netiquette.kinds import Role, RuleKind, Strength
from netiquette.policy import dump_policy_yaml, parse_policy

EXAMPLE = Path(__file__).resolve().parents[3] / "shared/examples/ash-grange-social-media-policy.txt"
EVERYONE = {Role.PUPIL, Role.STAFF, Role.GOVERNOR, Role.PARENT}
ADULTS = {Role.STAFF, Role.GOVERNOR, Role.PARENT}
K = RuleKind
S = Strength

# One row per guideline bullet, in the order the policy lists them.
GUIDELINES = [
    (K.CONFIDENTIAL_INFORMATION, EVERYONE, S.MUST_NOT),
    (K.SCHOOL_WEBSITE_LINK, EVERYONE, S.SHOULD_NOT),
    (K.PERSONAL_USE_WORK_TIME, ADULTS, S.MUST_NOT),
    (K.COPYRIGHT, ADULTS, S.MUST_NOT),
    (K.DEFAMATION, ADULTS, S.MUST_NOT),
    (K.PERSONAL_DATA, ADULTS, S.MUST_NOT),
    (K.ABUSE, ADULTS, S.MUST_NOT),
    (K.DETRIMENTAL_CONDUCT, ADULTS, S.MUST_NOT),
    (K.INAPPROPRIATE_LANGUAGE, ADULTS, S.SHOULD),
    (K.FRIEND_REQUEST, {Role.STAFF}, S.SHOULD_NOT),
    (K.FRIEND_REQUEST, {Role.STAFF}, S.CAUTION),
    (K.SENSITIVE_MATTER, ADULTS, S.SHOULD_NOT),
]

pytestmark = pytest.mark.skipif(not EXAMPLE.exists(), reason="needs ../shared/examples")


@pytest.fixture(scope="module")
def result() -> ImportResult:
    return import_policy(EXAMPLE)


def bullets() -> list[str]:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    return [" ".join(line.strip()[1:].split()) for line in lines if line.strip().startswith("•")]


def test_the_example_has_twelve_guidelines_then_a_procedure_step_and_a_see_also() -> None:
    assert len(bullets()) == len(GUIDELINES) + 2


@pytest.mark.parametrize(("index", "expected"), list(enumerate(GUIDELINES)))
def test_each_guideline_is_a_clause_with_the_right_kind_roles_and_strength(
    result: ImportResult, index: int, expected: tuple[RuleKind, set[Role], Strength]
) -> None:
    text = bullets()[index]
    matching = [c for c in result.clauses if c.text == text]
    assert len(matching) == 1, f"guideline {index} became {len(matching)} clauses"
    clause = matching[0]
    assert (clause.kind, set(clause.roles), clause.strength) == expected


def test_the_procedure_and_see_also_bullets_are_not_clauses(result: ImportResult) -> None:
    step, see_also = bullets()[-2:]
    texts = {c.text for c in result.clauses}
    assert step not in texts and see_also not in texts
    assert [s["text"] for s in result.policy_data["procedure"]["steps"]] == [step]


def test_nothing_is_left_for_a_person_to_map(result: ImportResult) -> None:
    assert not [c for c in result.clauses if c.kind is RuleKind.CUSTOM]


def test_the_governance_terms_are_found_and_resolve_to_term_starts(result: ImportResult) -> None:
    governance = result.policy.governance
    assert governance.accepted is not None and governance.review is not None
    assert (governance.accepted.text, governance.review.text) == ("Spring 2021", "Spring 2024")
    assert governance.review.date == dt.date(2024, 1, 1)


def test_the_related_policies_are_found(result: ImportResult) -> None:
    related = {r["id"] for r in result.policy_data["related"]}
    assert related >= {
        "complaints",
        "whistleblowing",
        "disciplinary",
        "code-of-conduct",
        "equality",
        "safeguarding",
    }


def test_the_procedure_escalates_to_complaints_whistleblowing_and_disciplinary(
    result: ImportResult,
) -> None:
    routes = {e.policy for e in result.policy.procedure.escalations}
    assert routes >= {"complaints", "whistleblowing", "disciplinary"}


def test_the_ticker_menu_and_shop_footer_are_left_out(result: ImportResult) -> None:
    lines = [line.strip() for line in EXAMPLE.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    ticker, menu, footer = lines[0], lines[1], lines[-1]
    assert {ticker, menu, footer} <= set(result.left_out)
    written = dump_policy_yaml(result.policy)
    for noise in (ticker, menu, footer):
        assert noise not in written


def test_the_title_school_and_aims_are_found(result: ImportResult) -> None:
    assert result.policy_data["title"] == "Social Media Policy"
    assert result.policy_data["school"] == "Ash Grange Primary School"
    assert len(result.policy_data["aims"]) >= 1


def test_the_result_validates_and_survives_a_yaml_round_trip(result: ImportResult) -> None:
    policy = parse_policy(yaml.safe_load(dump_policy_yaml(result.policy)))
    assert len(policy.clauses) == len(result.clauses)
    assert policy.roles == frozenset(EVERYONE)


def test_the_same_policy_without_blank_lines_or_as_a_web_page_gives_the_same_clauses(
    result: ImportResult,
) -> None:
    lines = [line.strip() for line in EXAMPLE.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</body>"
    expected = [(c.kind, c.strength, c.roles, c.text) for c in result.clauses]
    for data, name in (("\n".join(lines).encode(), "copy.txt"), (page.encode(), "page.html")):
        again = import_policy(data, name)
        assert [(c.kind, c.strength, c.roles, c.text) for c in again.clauses] == expected
        assert again.policy_data["procedure"] == result.policy_data["procedure"]


def test_a_should_with_absolute_wording_is_kept_but_flagged(result: ImportResult) -> None:
    friend_requests = [c for c in result.clauses if c.text == bullets()[9]]
    clause = friend_requests[0]
    assert clause.strength is Strength.SHOULD_NOT
    assert any("reads as a must" in note for note in clause.notes)
    assert "reads as a must" in result.report
