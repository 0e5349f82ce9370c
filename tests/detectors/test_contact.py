"""Contact details: phone numbers, emails, addresses, postcodes and dates of birth."""

from __future__ import annotations

import re

import pytest

from netiquette.detectors.base import Analysis, Context
from netiquette.detectors.contact import ContactDetailsDetector
from netiquette.engine import Engine
from netiquette.findings import Candidate
from netiquette.items import parse_item
from netiquette.kinds import RuleKind, Severity
from netiquette.policy import Policy
from netiquette.school import School


def spans(policy: Policy, school: School, text: str, **fields: str) -> list[tuple[str, str]]:
    item = parse_item({"id": "t", "text": text, **fields})
    analysis = Analysis(item, Context(policy, school))
    found = [c for c in ContactDetailsDetector().detect(analysis) if isinstance(c, Candidate)]
    for candidate in found:
        assert text[candidate.start : candidate.end] == candidate.evidence
    return [(c.evidence, c.topic) for c in sorted(found, key=lambda c: c.start)]


PHONE, IDS = "contact-details", "identifiers"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("her mobile is 07700 900184. She said", [("07700 900184", PHONE)]),
        ("text me 07700900184 x", [("07700900184", PHONE)]),
        ("call +44 7700 900123 tonight", [("+44 7700 900123", PHONE)]),
        ("landline (01632) 960123 after six", [("(01632) 960123", PHONE)]),
        ("ring +44 (0)20 7946 0018", [("+44 (0)20 7946 0018", PHONE)]),
        (
            "it's 0161 496 0000 or 0161-496-0001",
            [("0161 496 0000", PHONE), ("0161-496-0001", PHONE)],
        ),
        ("Message Gemma: 07700-900-652!", [("07700-900-652", PHONE)]),
        ("Mrs Fenwick from the office, her mobile is 07700 900652", [("07700 900652", PHONE)]),
        ("Ask the office or text Gemma on 07700 900652", [("07700 900652", PHONE)]),
        ("en France: +33 6 12 34 56 78", [("+33 6 12 34 56 78", PHONE)]),
        ("numbers 07700 900123 07700 900456", [("07700 900123", PHONE), ("07700 900456", PHONE)]),
        ("or 0044 7700 900123 from abroad", [("0044 7700 900123", PHONE)]),
        ("email gemma.pollard82@inbox.example today", [("gemma.pollard82@inbox.example", PHONE)]),
        ("Write to J.Smith+pta@mail.example.co.uk", [("J.Smith+pta@mail.example.co.uk", PHONE)]),
        (
            "He lives at 14 Larchfield Close, BK7 2QN.",
            [("14 Larchfield Close", PHONE), ("BK7 2QN", PHONE)],
        ),
        ("Flat 3, 27a Mill Road", [("27a Mill Road", PHONE)]),
        ("they moved to Orchard Grove last week", [("moved to Orchard Grove", PHONE)]),
        ("postcode is bk7 2qn", [("bk7 2qn", PHONE)]),
        ("SW1A 1AA is the one", [("SW1A 1AA", PHONE)]),
        ("Isla Mistry, date of birth 14/03/2020.", [("date of birth 14/03/2020", IDS)]),
        ("DOB: 3 March 2019", [("DOB: 3 March 2019", IDS)]),
        ("she was born on 5th May 2018 at home", [("born on 5th May 2018", IDS)]),
        ("His birthday is on 12 June", [("birthday is on 12 June", IDS)]),
    ],
)
def test_it_finds_contact_details(
    demo_policy: Policy, demo_school: School, text: str, expected: list[tuple[str, str]]
) -> None:
    assert spans(demo_policy, demo_school, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Year 5 trip on 14/03, back by 3.15pm.",
        "Order number 07700 900123 arrived today",
        "Booking ref: 01632960123",
        "Call the school office on 01632 960000 to book",
        "Childline is free on 0800 1111",
        "We raised £1,240 for 12 charities in 2026-27",
        "Email office@willowbank-primary.example with questions",
        "Send it to admin@someschool.example",
        "Follow @willowbank on the socials",
        "The Year 4 Forest Way walk starts at 9",
        "Room 12 Close to the hall",
        "The lollipop lady on Fenwick Road is a star",
        "in y6 2nd place again",
        "Happy birthday Noah, 7 today!",
        "born in 2019, so in Year 2",
        "SATs week starts on 10 May",
        "Sort code 40-12-76 and account 12345678",
        "meet at 8.20 at the church car park",
        "Term dates 01.09.2026 09.00 to 22.07.2027 15.20",
        "Product code 07700900123X is out of stock",
        "Score was 12 - 3 - 4 - 5 - 6",
        "The school's number is 01632 960100 if anyone needs it",
        "Contact our office on office@willowbank-primary.example or 01632 960 100",
        "Ring the school on 01632 960100 to report an absence",
    ],
)
def test_it_leaves_other_numbers_and_words_alone(
    demo_policy: Policy, demo_school: School, text: str
) -> None:
    assert spans(demo_policy, demo_school, text) == []


def test_the_engine_blocks_a_phone_number_and_redacts_it(engine: Engine) -> None:
    item = parse_item(
        {"id": "p", "text": "Call me on 07700 900123 tonight", "author_role": "parent"}
    )
    result = engine.check(item)
    (finding,) = [f for f in result.findings if f.kind is RuleKind.PERSONAL_DATA]
    assert (finding.clause, finding.severity) == ("wb-2.2", Severity.BLOCK)
    assert result.redacted == "Call me on [phone number removed] tonight"


def every_excusing_phrase() -> list[str]:
    """Every phrase the expression of words that excuse a number can match (in lower case)."""
    from netiquette.detectors.contact import _NOT_PERSONAL_PLAIN

    schools = [
        f"school{mark}s {kind}{what}"
        for mark in ("'", "")
        for kind in ("", "main ", "office ", "phone ", "landline ")
        for what in ("number", "phone", "line", "landline")
    ]
    calls = [
        f"{verb} {the}school"
        for verb in ("call", "ring", "phone", "contact")
        for the in ("", "the ", "our ")
    ]
    return [*_NOT_PERSONAL_PLAIN, *schools, *calls]


@pytest.mark.parametrize("phrase", every_excusing_phrase())
def test_every_word_that_excuses_a_number_opens_the_gate(
    demo_policy: Policy, demo_school: School, phrase: str
) -> None:
    """The expressions run only when a trigger word fired in the shared pass: every phrase
    they can match must fire one, in any case, or a reference number becomes a finding."""
    from netiquette.detectors.contact import _NOT_PERSONAL_WORDS

    for text in (phrase, phrase.upper(), phrase.title()):
        post = f"Our {text} 01632 960100 for bookings"
        assert re.search(_NOT_PERSONAL_WORDS, post, re.IGNORECASE)
        analysis = Analysis(
            parse_item({"id": "t", "text": post}), Context(demo_policy, demo_school)
        )
        assert "contact:not personal" in analysis.scan.groups, text
        assert spans(demo_policy, demo_school, post) == [], text


def test_a_direct_message_publishes_nothing(demo_policy: Policy, demo_school: School) -> None:
    """The policy forbids publishing contact details: giving them to one person is not."""
    text = "My new mobile is 07700 900417, email me at jo.bloggs@example.com"
    assert spans(demo_policy, demo_school, text, channel="direct", author_role="parent") == []
    assert [topic for _, topic in spans(demo_policy, demo_school, text)] == [PHONE, PHONE]


def test_on_the_school_channel_a_landline_is_the_school_s_own(
    demo_policy: Policy, demo_school: School
) -> None:
    def found(text: str) -> list[str]:
        school_post = {"channel": "school", "author_role": "staff"}
        return [e for e, _ in spans(demo_policy, demo_school, text, **school_post)]

    assert found("Questions? Ring the sixth form team on 0113 496 0210 (Mon-Fri)") == []
    assert found("Questions? Text Mr Lloyd on 07700 900210") == ["07700 900210"]


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("message Emeka on\n07700\n900\n462 tonight", "07700\n900\n462"),
        (
            "or email him at emeka dot obi at mailbox dot example",
            "emeka dot obi at mailbox dot example",
        ),
    ],
)
def test_numbers_over_lines_and_addresses_spelt_out_are_found(
    demo_policy: Policy, demo_school: School, text: str, evidence: str
) -> None:
    assert [e for e, _ in spans(demo_policy, demo_school, text)] == [evidence]
