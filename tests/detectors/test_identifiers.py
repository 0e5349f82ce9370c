"""Official identifiers: UPNs (DfE check letter), NHS numbers (modulus 11), NI numbers."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from stdnum.gb import upn as stdnum_upn

from netiquette.detectors.base import Analysis, Context
from netiquette.detectors.identifiers import (
    IdentifiersDetector,
    is_nino,
    is_upn,
    upn_check_letter,
)
from netiquette.findings import Candidate
from netiquette.items import parse_item
from netiquette.kinds import Severity
from netiquette.policy import Policy
from netiquette.school import School


def found(policy: Policy, school: School, text: str, **fields: str) -> list[tuple[str, Severity]]:
    analysis = Analysis(parse_item({"id": "t", "text": text, **fields}), Context(policy, school))
    out = [c for c in IdentifiersDetector().detect(analysis) if isinstance(c, Candidate)]
    assert all(c.topic == "identifiers" for c in out)
    return [(c.evidence, c.max_severity) for c in out]


def test_the_check_letter_agrees_with_an_independent_implementation() -> None:
    chooser = random.Random(7)
    for _ in range(3000):
        body = "".join(chooser.choice("0123456789") for _ in range(11))
        body += chooser.choice("0123456789ABCDEFGHJKLMNPQRTUVWXYZ")
        assert upn_check_letter(body) == stdnum_upn.calc_check_digit(body)


@pytest.mark.parametrize(
    ("check", "value", "valid"),
    [
        (is_upn, "R873304120118", True),
        (is_upn, "r873304120118", True),
        (is_upn, "A873304120118", False),
        (is_upn, "R87330412011", False),
        (is_upn, "R8733041201I8", False),
        (is_nino, "AB123456C", True),
        (is_nino, "ab 12 34 56 c", True),
        (is_nino, "QQ123456C", False),
        (is_nino, "GB123456A", False),
        (is_nino, "AO123456A", False),
        (is_nino, "AB123456E", False),
    ],
)
def test_it_validates_upns_and_national_insurance_numbers(
    check: Callable[[str], bool], value: str, valid: bool
) -> None:
    assert check(value) is valid


TEMPORARY_UPN = f"{upn_check_letter('82012002401A')}82012002401A"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It's on the letter as R873304120118 but", [("R873304120118", Severity.BLOCK)]),
        (f"temporary number {TEMPORARY_UPN}.", [(TEMPORARY_UPN, Severity.BLOCK)]),
        ("his NHS number: 401 023 2137, yes?", [("401 023 2137", Severity.BLOCK)]),
        ("NHS no 4010232137", [("4010232137", Severity.BLOCK)]),
        ("it's 401-023-2137 from the red book", [("401-023-2137", Severity.BLOCK)]),
        ("the number is 401 023 2137", [("401 023 2137", Severity.REVIEW)]),
        ("NI number AB 12 34 56 C please", [("AB 12 34 56 C", Severity.BLOCK)]),
        ("ni: JG103759A.", [("JG103759A", Severity.BLOCK)]),
    ],
)
def test_it_finds_identifiers_that_pass_their_checks(
    demo_policy: Policy, demo_school: School, text: str, expected: list[tuple[str, Severity]]
) -> None:
    assert found(demo_policy, demo_school, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Order code A873304120118 arrived",
        "ref R8733041201185 (fourteen characters)",
        "XR873304120118 is not a UPN either",
        "NHS number 401 023 2138 (wrong check digit)",
        "Invoice 4010232137 paid",
        "call 0401 023 2137",
        "Ring 07700 900123 about it",
        "Our Year 5 trip on 14/03/2027 costs £12.50",
        "QQ 12 34 56 C is the specimen",
        "GB123456A",
        "Table 12 34 56 chairs",
    ],
)
def test_it_leaves_numbers_that_fail_their_checks_alone(
    demo_policy: Policy, demo_school: School, text: str
) -> None:
    assert found(demo_policy, demo_school, text) == []


def test_in_a_direct_message_a_number_is_for_review_and_to_staff_it_is_the_route(
    demo_policy: Policy, demo_school: School
) -> None:
    def caps(text: str) -> list[Severity]:
        direct = {"channel": "direct", "author_role": "parent"}
        return [cap for _, cap in found(demo_policy, demo_school, text, **direct)]

    assert caps("his NHS number is 943 476 5919 if you need it") == [Severity.REVIEW]
    assert caps("Dear Mrs Rose, his NHS number is 943 476 5919 if you need it") == []
