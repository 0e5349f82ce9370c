"""Sensitive matters taken to social media, and conduct that damages the school's standing."""

from __future__ import annotations

from typing import Any

import pytest

from netiquette.detectors.sensitive import DetrimentalConductDetector, SensitiveMatterDetector
from netiquette.engine import Engine
from netiquette.items import parse_item
from netiquette.kinds import RuleKind, Severity
from netiquette.policy import Policy
from netiquette.school import School


@pytest.fixture(scope="module")
def engine(demo_policy: Policy, demo_school: School) -> Engine:
    detectors = [SensitiveMatterDetector(), DetrimentalConductDetector()]
    return Engine(demo_policy, demo_school, detectors)


def kinds(engine: Engine, text: str, **fields: Any) -> set[RuleKind]:
    item = {"id": "t", "text": text, "author_role": "parent", "channel": "personal", **fields}
    result = engine.check(parse_item(item))
    for finding in result.findings:
        assert finding.severity is Severity.REVIEW
        assert text[finding.start : finding.end] == finding.evidence
    return result.kinds


SENSITIVE, DETRIMENTAL = RuleKind.SENSITIVE_MATTER, RuleKind.DETRIMENTAL_CONDUCT


@pytest.mark.parametrize(
    "text",
    [
        "Son left at the bus stop on the trip because Mr Wieczorek miscounted. Unacceptable.",
        "Mr Wieczorek shouted at my son in front of the whole class today. Not happy at all.",
        "Noah Fenwick keeps pushing little ones over in the playground and nothing is being done.",
        "Is anyone else's child being bullied in Year 4? My son is in tears every night.",
        "My girl came home with a black eye after a fight at lunch and the school hasn't replied.",
        "My son was hurt at lunch today and nobody from the school even rang me. Disgraceful.",
        "Really unhappy with how Miss Vickery has handled my daughter's reading. Fobbed off again.",
        "Mrs Achterberg still hasn't replied to my email about the bullying. Three weeks now.",
        "There was a fight in the Year 6 toilets today, apparently someone went to A&E.",
        "Miss Vickery kept my son in all week for something he didn't do. I'm furious.",
        "Just found out my son has been excluded for two days and no one even explained why.",
        "Kacper Nowicki has been bullying my son for months.",
        "Why is nobody talking about the kid who got hurt on the climbing frame? Staff weren't "
        "even watching.",
        "Ms Penhallow was so rude to me on the phone this morning. Absolutely fuming.",
        "Mr Wieczorek kept the whole class in at break again. its not ok and no1 will listen",
        "Miss Vickery made my son stand outside in the rain, totally out of order.",
        "My daughter came home with a split lip after being pushed over in the playground and "
        "nobody from school even rang me.",
        "Noah Fenwick has pushed my son over at lunch again. I've spoken to the teacher twice "
        "and nothing changes. So fed up.",
        "The school let my son go home with a stranger!!! How is that allowed",
        "Why was Mrs Achterberg screaming at a group of Year 3s in the lunch hall?",
        "My son came home with a black eye. No phone call, no incident form, nothing.",
        "Why is it always my kid who gets the blame? Miss Vickery has it in for him.",
    ],
)
def test_complaints_and_incidents_are_sensitive_matters(engine: Engine, text: str) -> None:
    assert SENSITIVE in kinds(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Mr Olufemi ran the online safety evening and it was genuinely useful.",
        "Thank you to the staff who looked after my son when he hurt his knee today, so caring.",
        "My daughter fell over in the playground and got a nasty bruise, poor thing.",
        "Does anyone know what time the Year 6 play starts on Thursday?",
        "My son had a brilliant first day, thank you Miss Vickery!",
        "Hit the ground running with the new term, lovely to see all the families back.",
        "A bit of a wet sports day but the children were amazing.",
        "Not a fan of the new homework app, it keeps logging me out.",
        "Miss Vickery never hit anyone, that rumour is nonsense.",
        "Is this normal for Year 3? My son has so much spelling homework.",
        "No phone calls after 6pm please, the office is closed.",
        # Fighting for something is a struggle, not an incident.
        "Noah Fenwick's EHCP took two years of fighting the council, and today he read his "
        "poem in assembly.",
    ],
)
def test_praise_questions_and_passing_remarks_are_not(engine: Engine, text: str) -> None:
    assert kinds(engine, text) == set()


def test_the_school_account_reporting_an_incident_is_not_flagged(engine: Engine) -> None:
    text = "A child was nearly hit by a reversing car at the gate this morning. Please take care."
    assert kinds(engine, text, author_role="staff", channel="school") == set()


def test_the_suggestion_names_the_school_route(engine: Engine) -> None:
    text = "Mr Wieczorek shouted at my son today. Livid."
    result = engine.check(parse_item({"id": "t", "text": text, "channel": "personal"}))
    (finding,) = result.findings
    assert "to the school directly" in finding.suggestion
    assert "logs the concern" in finding.suggestion  # the demo policy's first procedure step


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Don't send your kids to Willowbank. Worst school in the borough.", "parent"),
        ("Honestly the most useless school in the county. Take your kids elsewhere.", "parent"),
        ("Willowbank has really gone downhill since the new head started. Avoid.", "parent"),
        ("1 star. Chaotic and cliquey.", "parent"),
        ("Would not recommend Willowbank to anyone. Shocking leadership.", "parent"),
        ("Willowbank is an absolute shambles. Letters out the night before.", "parent"),
        ("Pulled a sickie today, couldn't face Year 6", "staff"),
        ("Think twice before choosing Willowbank. The place is a mess.", "parent"),
        ("Three glasses of wine before the school disco 🍷🍷🍷 #teacherlife", "staff"),
        ("Being a governor here is like rearranging the deckchairs on the Titanic.", "governor"),
        ("Counting down the days till I can leave this dump.", "staff"),
        ("Willowbank's SATs results are a joke. The teachers haven't got a clue.", "parent"),
        ("Hungover AF in front of 30 Year 5s. Thank god it's Friday.", "staff"),
        ("Staff do got messy 🥴 #Willowbank", "staff"),
        ("Parents' evening tonight. Half of them are thick as mince.", "staff"),
        ("Teaching phonics to 30 six-year-olds on 3 hours sleep 🍺", "staff"),
        ("Willowbank has gone so far downhill, avoid.", "parent"),
        ("Wouldn't touch that school with a bargepole, honestly.", "parent"),
        ("The head is useless and the whole school is going to the dogs.", "parent"),
        ("Willowbank = avoid at all costs 🚩", "parent"),
        ("Pulled my kids out of Willowbank last year, best decision ever.", "parent"),
        ("The SLT at our school couldn't organise a raffle.", "governor"),
        ("As a governor I'm embarrassed. This place is a shambles.", "governor"),
        ("I'd not send a dog there, honestly.", "parent"),
        ("Another INSET day. This school is shut more than it's open. What a joke 🙃", "parent"),
        ("Stay well away from Willowbank if you value your child's education.", "parent"),
        (
            "Another day in paradise 🙃 SLT hiding in the office again. Brilliant leadership.",
            "staff",
        ),
        ("Picking secondaries? Look anywhere but Willowbank. You've been warned.", "parent"),
        ("Biggest mistake we ever made, choosing Willowbank.", "parent"),
        ("Another day at Willowbank, another absolute sh*tshow.", "staff"),
    ],
)
def test_public_disparagement_and_staff_conduct_are_detrimental(
    engine: Engine, text: str, role: str
) -> None:
    assert DETRIMENTAL in kinds(engine, text, author_role=role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Worst school run ever, it's absolutely chucking it down.", "parent"),
        ("So hungover today, thank god for half term.", "staff"),
        ("Marking done, glass of wine poured. Happy Friday everyone 🍷", "staff"),
        ("Is Willowbank a good school? We're moving to the area.", "parent"),
        (
            "My friend said the school was chaotic on day one but it settled down brilliantly.",
            "parent",
        ),
        ("Started the new term with a star assembly, so proud of our Year 2s!", "staff"),
        ("Honestly the school is worth the trek. Our eldest loved every year.", "parent"),
        ("Best school ever. Avoid the traffic on Elm Road though!", "parent"),
        ("Messy play in Reception today, so much fun.", "staff"),
        ("Willowbank's nativity was an absolute joy. Not a dry eye.", "parent"),
        ("What a shambles my kitchen is after baking with the kids", "parent"),
        ("Friday wine 🍷 #fridayfeeling", "staff"),
        ("Year 3 made potions in science today - very messy but so much fun!", "staff"),
        ("Sports day results: Red team won with 5 stars for effort!", "staff"),
        ("Please don't send your child in if they've been sick in the last 48 hours.", "staff"),
        # A parent's night out is not staff conduct.
        ("Hungover at the school gate, never again 🍻", "parent"),
        ("Pulled my kids out of swimming lessons, too expensive.", "parent"),
        ("Couldn't organise a sock drawer me 😂", "parent"),
    ],
)
def test_ordinary_posts_are_not_detrimental(engine: Engine, text: str, role: str) -> None:
    assert DETRIMENTAL not in kinds(engine, text, author_role=role)


def test_every_word_of_the_weak_phrases_fires_the_school_family() -> None:
    """The weak phrases are tried only when the "detrimental:school" trigger words fired."""
    from netiquette.detectors.cues import TRIGGERS
    from netiquette.detectors.sensitive import _WEAK_DISPARAGING

    for words, _ in _WEAK_DISPARAGING._parts:
        for word in words:
            assert "detrimental:school" in TRIGGERS.get(word, frozenset()), word


@pytest.mark.parametrize(
    "text",
    [
        "Don't send your kids to Willowbank",
        "don’t send your children there",
        "DO NOT SEND YOUR CHILD TO THAT SCHOOL",
        "never send your little ones to Willowbank",
    ],
)
def test_advice_not_to_send_children_fires_its_trigger(engine: Engine, text: str) -> None:
    from netiquette.detectors.base import Analysis
    from netiquette.detectors.cues import fired
    from netiquette.detectors.sensitive import _DONT_SEND

    assert _DONT_SEND.search(text.lower().replace("’", "'"))
    assert "detrimental:send" in fired(
        Analysis(parse_item({"id": "t", "text": text}), engine.context)
    )


def test_a_direct_message_to_staff_is_the_school_s_own_route(engine: Engine) -> None:
    text = "My son was pushed over at lunch again and nobody rang me. Can we talk?"
    assert kinds(engine, text, channel="direct") == {SENSITIVE}
    assert kinds(engine, f"Mr Okafor, {text}", channel="direct") == set()
    assert kinds(engine, f"Dear Mrs Achterberg, {text}", channel="direct") == set()
    assert kinds(engine, f"miss, {text}", channel="direct") == set()
    # A title with no name or comma after it addresses no one.
    assert kinds(engine, f"Miss you loads. {text}", channel="direct") == {SENSITIVE}
