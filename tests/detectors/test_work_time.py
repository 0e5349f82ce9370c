"""Personal use of school systems in working hours."""

from __future__ import annotations

from typing import Any

import pytest

from netiquette.detectors.work_time import WorkTimeDetector
from netiquette.engine import Engine
from netiquette.items import parse_item
from netiquette.kinds import RuleKind, Severity
from netiquette.policy import Policy
from netiquette.school import School

# The demo school's hours are 08:40 to 15:20, Monday to Friday. 2026-09-22 is a Tuesday.
IN_HOURS = "2026-09-22T11:00:00+01:00"
EVENING = "2026-09-22T19:00:00+01:00"
SATURDAY = "2026-09-26T11:00:00+01:00"


@pytest.fixture(scope="module")
def engine(demo_policy: Policy, demo_school: School) -> Engine:
    return Engine(demo_policy, demo_school, [WorkTimeDetector()])


def check(engine: Engine, text: str, **fields: Any) -> list[str]:
    item = {"id": "t", "text": text, "author_role": "staff", "channel": "school-system"}
    result = engine.check(parse_item({**item, "posted_at": IN_HOURS, **fields}))
    for finding in result.findings:
        assert finding.kind is RuleKind.PERSONAL_USE_WORK_TIME
        assert finding.severity is Severity.REVIEW
        assert text[finding.start : finding.end] == finding.evidence
    return [f.evidence for f in result.findings]


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        (
            "Please send the holiday cottage invoice to this address. Thanks, Jodie",
            "holiday cottage",
        ),
        ("Please sponsor my half marathon! giving.example/jodie-runs", "sponsor my"),
        ("Does anyone know a decent plumber? Boiler's died again.", "plumber"),
        ("Confirming the golf booking for Saturday, 9am tee-off.", "golf"),
        (
            "Fantasy football sign-ups close Friday! £10 entry, winner takes all.",
            "Fantasy football",
        ),
        (
            "Happy 40th birthday to my wonderful husband, love you loads! xx",
            "Happy 40th birthday to my",
        ),
        ("All staff: selling my daughter's old bike, £40 ono.", "selling my"),
        ("Anyone want to buy my old sofa? £50, collection only.", "buy my"),
        ("My Etsy shop has a sale on this week, link below", "My Etsy"),
        ("Anyone got a spare ticket for the gig on Saturday? Will pay!", "spare ticket"),
        ("Reminder: my Tupperware party is on Thursday!", "my Tupperware party"),
        ("Just booked our flights to Tenerife for half term!! Can't wait", "flights to"),
        ("Please find attached my invoice for the private tutoring in March.", "private tutoring"),
        (
            "My sister is getting married in June, any recommendations for a photographer?",
            "getting married",
        ),
        ("My cousin has a room to rent near Leeds, £450pcm, bills incl.", "room to rent"),
        ("Quick one - can anyone recommend a dog groomer near Otley?", "dog groomer"),
        ("Booking my flights for Easter, is Jet2 any good?", "Booking my flights"),
        ("Could you forward me the quote for my conservatory?", "quote for my"),
        (
            "My daughter is selling Girl Guide biscuits, £2 a box!",
            "is selling Girl Guide biscuits",
        ),
    ],
)
def test_personal_purposes_in_hours_are_flagged(engine: Engine, text: str, evidence: str) -> None:
    assert check(engine, text) == [evidence]


@pytest.mark.parametrize(
    "text",
    [
        "Dear parents, the Year 5 trip is confirmed. Please pay £8 via the parent portal.",
        "Staff briefing moves to 8.15 tomorrow because of the fire drill.",
        "Holiday club bookings for Year 3 are now open on the parent portal.",
        "Can anyone recommend a good plumber for the school toilets?",
        "Our Year 6 residential booking is confirmed for June.",
        "Please find attached the invoice for the Year 4 coach trip.",
        "Reminder to all staff: please book holiday requests through the HR portal.",
        "Can I use the school email to send the class party invitations?",
    ],
)
def test_school_business_is_not_flagged(engine: Engine, text: str) -> None:
    assert check(engine, text) == []


@pytest.mark.parametrize(
    ("fields", "flagged"),
    [
        ({"posted_at": IN_HOURS}, True),
        ({"posted_at": EVENING}, False),
        ({"posted_at": SATURDAY}, False),
        ({"posted_at": IN_HOURS, "channel": "personal"}, False),
        ({"posted_at": IN_HOURS, "channel": "school"}, False),
        ({"posted_at": IN_HOURS, "author_role": "parent"}, False),  # the clause binds staff
    ],
)
def test_only_school_systems_in_school_hours(
    engine: Engine, fields: dict[str, Any], flagged: bool
) -> None:
    assert bool(check(engine, "Selling my car, £2,500 ono.", **fields)) is flagged


def test_an_unknown_time_needs_a_plainly_personal_purpose(engine: Engine) -> None:
    assert check(engine, "Selling my car, £2,500 ono.", posted_at=None) == ["Selling my"]
    # Two weak hints are enough in hours, but not when the time is unknown.
    text = "Can you pick up my husband's invoice from reception"
    assert check(engine, text) == ["my husband"]
    assert check(engine, text, posted_at=None) == []
