"""Defamation: damaging allegations stated as fact about someone who can be identified."""

from __future__ import annotations

from typing import Any

import pytest

from netiquette.detectors.defamation import DefamationDetector, sentence_bounds
from netiquette.engine import Engine
from netiquette.items import parse_item
from netiquette.kinds import RuleKind, Severity
from netiquette.policy import Policy
from netiquette.school import School


@pytest.fixture(scope="module")
def engine(demo_policy: Policy, demo_school: School) -> Engine:
    return Engine(demo_policy, demo_school, [DefamationDetector()])


def check(engine: Engine, text: str, **fields: Any) -> tuple[Severity, list[str]]:
    item = {"id": "t", "text": text, "author_role": "parent", "channel": "personal", **fields}
    result = engine.check(parse_item(item))
    for finding in result.findings:
        assert finding.kind is RuleKind.DEFAMATION
        assert text[finding.start : finding.end] == finding.evidence
    return result.verdict, [f.evidence for f in result.findings]


STATED = [
    (
        "The PTA treasurer has been pocketing the money from the fair. Fact.",
        "The PTA treasurer has been pocketing the",
    ),
    (
        "The caretaker nicked the money from the summer fair cash box.",
        "The caretaker nicked the money",
    ),
    ("Mr Wieczorek turns up drunk to parents' evening every time.", "Mr Wieczorek turns up drunk"),
    (
        "Everyone knows Mrs Achterberg is having an affair with the deputy.",
        "Mrs Achterberg is having an affair",
    ),
    (
        "Year 5's teacher is a liar and she fiddled the reading scores.",
        "Year 5's teacher is a liar",
    ),
    (
        "The office manager has had her hand in the till for years.",
        "The office manager has had her hand in the till",
    ),
    ("Geoffrey Ambler is a fraud and the governors know it.", "Geoffrey Ambler is a fraud"),
    ("The head lied to parents about the budget.", "The head lied to"),
    ("miss vickery smacked my son and left a mark on his arm", "miss vickery smacked my son"),
    ("Our supply teacher turned up stoned again today.", "Our supply teacher turned up stoned"),
    ("Martin Olufemi grabbed a Year 4 child by the arm.", "Martin Olufemi grabbed a Year 4"),
    (
        "Mr Ambler only became chair so he could get his mate's firm the contract.",
        "Mr Ambler only became chair so he could get his mate's firm the contract",
    ),
    ("That Wieczorek bloke is a drunk, you can smell it on him.", "Wieczorek bloke is a drunk"),
    (
        "The business manager has been cooking the books for years.",
        "The business manager has been cooking the books",
    ),
    (
        "Ms Penhallow took money out of the PTA account for her holiday.",
        "Ms Penhallow took money out of",
    ),
    ("The Year 2 teacher is sleeping with one of the dads.", "Year 2 teacher is sleeping with"),
    ("Mr Wieczorek abuses his position and bullies the kids.", "Mr Wieczorek abuses his position"),
    ("Our head faked the attendance figures for Ofsted.", "Our head faked the attendance figures"),
    ("The caretaker is a convicted thief, you know.", "The caretaker is a convicted thief"),
    (
        "Everyone knows the caretaker has been nicking stuff from the school kitchen.",
        "the caretaker has been nicking stuff",
    ),
    ("Ms Penhallow pinched cash out of the PTA tin.", "Ms Penhallow pinched cash"),
    ("The lollipop man is always drunk.", "The lollipop man is always drunk"),
    ("The school nurse stole from the medicine cabinet.", "The school nurse stole"),
    ("The SENCo fiddled the EHCP paperwork.", "The SENCo fiddled the EHCP paperwork"),
    # Second generality pass: words between the verb and the allegation, the passive voice,
    # list items, a rhetorical question the post insists on.
    ("Mr Wieczorek is useless and drunk every Friday.", "Mr Wieczorek is useless and drunk"),
    (
        "Money was taken from the trip fund by Ms Penhallow.",
        "Money was taken from the trip fund by Ms Penhallow",
    ),
    ("Red flags: 🚩 head's never there 🚩 the SENCo lies to parents", "the SENCo lies to"),
    (
        "Why does nobody mention the bursar has her hand in the PTA funds? Everyone knows.",
        "the bursar has her hand in the PTA funds",
    ),
    ("Mr Wieczorek deals weed out of the boiler room.", "Mr Wieczorek deals weed"),
    ("Mrs Achterberg told a pack of lies at the meeting.", "Mrs Achterberg told a pack of lies"),
    ("Mr Wieczorek is a crook.", "Mr Wieczorek is a crook"),
    ("Mr Wieczorek was caught with drugs at the leavers do.", "Mr Wieczorek was caught with drugs"),
    ("Everyone knows Mr Wieczorek drinks at lunchtime.", "Mr Wieczorek drinks at lunch"),
    ("Mrs Achterberg is a bully who picks on the quiet kids.", "Mrs Achterberg is a bully"),
    # The allegation in the sentence after the name, through a pronoun.
    (
        "I've had enough of Jodie Penhallow. She has been fiddling the books for years.",
        "Jodie Penhallow. She has been fiddling the books",
    ),
    # A sentence that names the act of the one before.
    (
        "The SENCo signs off extra time for her friends' kids. That's exam fraud, plain and "
        "simple.",
        "The SENCo signs off extra time for her friends' kids. That's exam fraud",
    ),
    # ...or a few sentences after it, with other people's doings in between.
    (
        "Jodie Penhallow does the PTA money. My husband counted the takings twice. "
        "She's been pocketing it for years.",
        "Jodie Penhallow does the PTA money. My husband counted the takings twice. "
        "She's been pocketing it for",
    ),
]


@pytest.mark.parametrize(("text", "evidence"), STATED)
def test_allegations_stated_as_fact_block(engine: Engine, text: str, evidence: str) -> None:
    assert check(engine, text) == (Severity.BLOCK, [evidence])


@pytest.mark.parametrize(
    "text",
    [
        "I think the PTA chair might have been taking money from the raffle?",
        "Apparently Miss Vickery slapped a child in Year 5. Not sure if it's true.",
        "Is it true Mr Wieczorek left his last school because he hit a child?",
        "In my opinion the head is incompetent.",
        "Someone said the caretaker was arrested last year.",
        "Apparently the caretaker's been turning up smelling of booze.",
        "Been told the caretaker has been taking the school's tools home.",
        "Why does the bursar have her hand in the PTA funds?",
    ],
)
def test_hedged_allegations_and_questions_are_for_review(engine: Engine, text: str) -> None:
    verdict, evidence = check(engine, text)
    assert verdict is Severity.REVIEW
    assert len(evidence) == 1


@pytest.mark.parametrize(
    "text",
    [
        # Counter-speech, denials and reported news.
        "Mr Olufemi was cleared of any wrongdoing, so please stop spreading rumours.",
        "People are saying Mr Wieczorek is a drunk. That's a lie and it's cruel.",
        "Miss Vickery never hit anyone, whatever you've heard.",
        "A former teacher at a school in Leeds was jailed for fraud, the BBC reports.",
        # Allegation words in innocent sentences.
        "The head did a brilliant assembly on honesty and why stealing is wrong.",
        "Our class learnt about Robin Hood, who stole from the rich.",
        "Someone stole my bike from outside the shop. Gutted.",
        "My son kicked a ball through the neighbour's window, the little monkey.",
        "Mrs Achterberg was lovely at the open evening.",
        "Miss Vickery is the best teacher my daughter has ever had.",
        "Year 5 pupils learnt about the dangers of drugs and alcohol in PSHE.",
        "Mr Wieczorek said the white paint was dry, and the children hit the ground running.",
        "Mr Olufemi caught the kid who stole the football, sorted in five minutes.",
        "Miss Vickery read the class a story about a thief who learnt his lesson.",
        "The PTA treasurer has counted the money from the fair: £2,340 raised!",
        "Mr Olufemi told the kids a story about a dragon who was drunk on lemonade.",
        "Our Year 6 play is about a pirate who stole a treasure map.",
        "Is Mr Wieczorek drunk on power or what, three pages of homework 😂",
        "Money was taken to the office by Ms Penhallow this morning.",
        "Mr Wieczorek pinched the idea for the class play from a film, and it worked!",
        # One pupil hurting another is an incident, not an allegation about an adult.
        "Noah Fenwick hit my son again today.",
        # No one identifiable.
        "Honestly some people are liars.",
    ],
)
def test_innocent_or_unidentified_is_not_defamation(engine: Engine, text: str) -> None:
    assert check(engine, text) == (Severity.OK, [])


def test_one_finding_per_sentence_and_the_category_in_the_message(engine: Engine) -> None:
    item = {"id": "t", "text": "The caretaker stole the laptops and lied about it. He drinks."}
    result = engine.check(parse_item({**item, "author_role": "parent", "channel": "personal"}))
    (finding,) = result.findings
    assert "theft or fraud" in finding.message
    assert finding.clause == "wb-1.5"


def test_sentences_split_on_end_punctuation_and_lines() -> None:
    text = "One. Two!! Three?\nFour"
    assert [text[a:b].strip() for a, b in sentence_bounds(text)] == [
        "One.",
        "Two!!",
        "Three?",
        "Four",
    ]


def test_every_allegation_family_has_trigger_words_and_back() -> None:
    """A family without trigger words never runs; trigger words without a family never match."""
    from netiquette.detectors.cues import _GROUPS
    from netiquette.detectors.defamation import _ALLEGATION

    families = {group.partition(":")[2] for group in _GROUPS if group.startswith("defamation:")}
    assert families == set(_ALLEGATION)


def _covered(pattern: object, needs: tuple[str, ...], run: str = "") -> bool:
    """Whether every string the parsed `pattern` matches holds one of `needs`: some run of
    literal characters it cannot do without holds one, or some part of it is a choice of
    which every alternative is covered so (the characters just before a choice run on into
    each alternative: the parser takes a shared first letter out of them)."""
    from re import _constants as c  # type: ignore[attr-defined]

    for op, av in pattern.data:  # type: ignore[attr-defined]
        if op is c.LITERAL:
            run += chr(av)
            if any(word in run for word in needs):
                return True
            continue
        if op is c.BRANCH and all(_covered(branch, needs, run) for branch in av[1]):
            return True
        if op is c.SUBPATTERN and _covered(av[3], needs, run):
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1 and _covered(av[2], needs):
            return True
        run = ""
    return False


def test_a_family_s_further_words_are_in_every_match_of_its_expression() -> None:
    """The expressions behind `_ALSO_NEEDS` run only when one of its words is in the text:
    every alternative of the expression must hold one, or a real allegation is missed."""
    from re import _parser  # type: ignore[attr-defined]

    from netiquette.detectors.defamation import _ALLEGATIONS, _ALSO_NEEDS

    for family, needs in _ALSO_NEEDS.items():
        parsed = _parser.parse(_ALLEGATIONS[family])
        assert _covered(parsed, needs), family
        # ...and the check can fail: a word taken away leaves an alternative uncovered.
        assert not _covered(parsed, tuple(w for w in needs if w not in {"stole", "child", "brib"}))
