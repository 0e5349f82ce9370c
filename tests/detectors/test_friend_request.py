"""Friend requests: people looked up by full name, or by a name written as people write it."""

from __future__ import annotations

import pytest

from netiquette.detectors.friend_request import FriendRequestDetector
from netiquette.engine import Engine
from netiquette.items import parse_item
from netiquette.kinds import Severity
from netiquette.policy import Policy
from netiquette.school import School


@pytest.fixture(scope="module")
def engine(demo_policy: Policy, demo_school: School) -> Engine:
    return Engine(demo_policy, demo_school, [FriendRequestDetector()])


@pytest.mark.parametrize(
    ("sender", "recipient", "verdict"),
    [
        # Full names in any case and spacing.
        ("hannah  vickery", "FINLEY BROCKHURST", Severity.BLOCK),
        # A preferred name or a nickname with the surname.
        ("Mo Rahman", "Hannah Vickery", Severity.BLOCK),
        ("Kaz Nowicki", "Tomasz Wieczorek", Severity.BLOCK),
        ("Liv Marchbank", "Martin Olufemi", Severity.BLOCK),
        # Staff and a parent: caution.
        ("Sarah Achterberg", "Claire Fenwick", Severity.REVIEW),
        # Not in the profile, or not certainly one person: nothing to say.
        ("Hannah Vickery", "Someone Unknown", Severity.OK),
        ("Noah Smith", "Hannah Vickery", Severity.OK),
        ("Claire Fenwick", "Imran Rahman", Severity.OK),
    ],
)
def test_people_are_found_however_their_names_are_written(
    engine: Engine, sender: str, recipient: str, verdict: Severity
) -> None:
    item = parse_item({"id": "f", "type": "friend-request", "from": sender, "to": recipient})
    assert engine.check(item).verdict is verdict


def test_a_governor_with_a_child_at_the_school_is_a_parent_too(
    demo_policy: Policy, demo_school: School
) -> None:
    from dataclasses import replace

    from netiquette.kinds import Role

    staff = next(p for p in demo_school.people if p.role is Role.STAFF)
    pupil = next(p for p in demo_school.people if p.role is Role.PUPIL)
    governor = next(p for p in demo_school.people if p.role is Role.GOVERNOR)
    parent_governor = replace(governor, children=(pupil.name,))
    people = tuple(parent_governor if p is governor else p for p in demo_school.people)
    school = replace(demo_school, people=people)
    engine = Engine(demo_policy, school, [FriendRequestDetector()])

    def verdict(a: str, b: str) -> Severity:
        item = parse_item({"id": "f", "type": "friend-request", "from": a, "to": b})
        return engine.check(item).verdict

    assert verdict(staff.name, parent_governor.name) is Severity.REVIEW
    plain = Engine(demo_policy, demo_school, [FriendRequestDetector()])
    item = parse_item(
        {"id": "f", "type": "friend-request", "from": staff.name, "to": governor.name}
    )
    assert plain.check(item).verdict is Severity.OK
