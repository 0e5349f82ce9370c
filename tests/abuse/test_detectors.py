"""Tables of posts for the abuse and language detectors, run through the real engine."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from netiquette.detectors.abuse import AbuseDetector
from netiquette.detectors.language import LanguageDetector
from netiquette.detectors.registry import BUILTIN_DETECTORS
from netiquette.engine import Engine
from netiquette.items import Item
from netiquette.kinds import Channel, RuleKind
from netiquette.policy import Policy
from netiquette.school import School

ROOT = Path(__file__).resolve().parents[2]
ABUSE, BULLYING, LANGUAGE = (
    RuleKind.ABUSE,
    RuleKind.CYBERBULLYING,
    RuleKind.INAPPROPRIATE_LANGUAGE,
)


@pytest.fixture(scope="module")
def checker(demo_policy: Policy, demo_school: School) -> Engine:
    return Engine(demo_policy, demo_school, [AbuseDetector(), LanguageDetector()])


def kinds(engine: Engine, text: str, channel: Channel | None = None) -> set[RuleKind]:
    return engine.check(Item(id="t", text=text, channel=channel)).kinds


MUST_FIND = [
    ("Muzzies are all the same", {ABUSE}),
    ("Immigrants are vermin", {ABUSE}),
    ("I hate gay people", {ABUSE}),
    ("All Muslims should be deported", {ABUSE}),
    ("I'll batter you after school", {ABUSE}),
    ("you're getting jumped tomorrow", {ABUSE}),
    ("shut up you faggot", {ABUSE}),
    ("shut up, dyke", {ABUSE}),
    ("Why do people think I'm racist? Muslims are scum.", {ABUSE}),
    ("go and kill yourself", {ABUSE}),
    ("if ur that sad just unalive urself", {ABUSE}),
    ("saw ur beach pics, u should send me the ones u didnt post", {ABUSE}),
    ("I h4te imm1grants", {ABUSE}),
    ("wom3n are trash", {ABUSE}),
    ("this is so f***ing annoying", {LANGUAGE}),
    ("what a crap day", {LANGUAGE}),
    # The "go back where they came from" trope, about a group named anywhere in the post.
    ("the Polish lot round here, they should go back where they came from", {ABUSE}),
    ("Those Romanian families should all go back where they came from", {ABUSE}),
    ("you should go back where you came from", {ABUSE}),
    # Veiled threats.
    ("I know who you are and you'd better watch yourself", {ABUSE}),
    ("you had better watch your back", {ABUSE}),
    ("I'm coming for you", {ABUSE}),
    ("sleep with one eye open", {ABUSE}),
    ("ur gonna regret this", {ABUSE}),
    ("Carry on picking on my lad and see what happens.", {ABUSE}),
    ("I know which way you walk home from work.", {ABUSE}),
    # The "they come over here" trope, with no group named.
    ("These people come over here and sponge off everything.", {ABUSE}),
    # A report, then a new threat of the author's own: the threat still counts.
    ("I was called a liar so I'll batter you", {ABUSE}),
    ("he called me a grass so I'm going to batter him", {ABUSE}),
    ("he called me a liar and ill smash his face in", {ABUSE}),
]
MUST_PASS = [
    "I would never call her stupid",
    "Black people are not criminals",
    "Someone called my son a paki today, this has been reported",
    "Saying disabled people are a burden is vile",
    "Why would you say gay people are animals?",
    "I'll kill you at Mario Kart tonight haha",
    "Happy Eid to all our Muslim families",
    "I'm a proud lesbian mum",
    "I'm a dyke and proud of it",
    "We killed it at sports day",
    "Year 6 smashed their SATs",
    "Kill me now, so many reports to write",
    "This printer is useless, I could strangle it",
    "Look at the pictures from the trip, a brilliant day",
    "Please return the library books, they should go back where they came from",
    "our Polish families are welcome here, nobody should be told to go back where they came from",
    "I would never say Polish families should go back where they came from",
    "You better watch out, you better not cry, Santa is coming to the Christmas fair",
    "Someone called my son a liar so I have reported it to the school",
    "I'm coming for you at 3 to pick you up",
    "Watch out Year 5, we're coming for you!",
    "you'll regret not coming to the fair!",
    "Let's see what happens with the weather on Friday.",
    "My cousins come over here every summer from Cork.",
    "Rate my bake sale brownies out of 10!",
]


@pytest.mark.parametrize(("text", "expected"), MUST_FIND)
def test_it_finds(checker: Engine, text: str, expected: set[RuleKind]) -> None:
    found = kinds(checker, text)
    assert expected <= found
    if expected == {LANGUAGE}:
        assert ABUSE not in found


@pytest.mark.parametrize("text", MUST_PASS)
def test_it_passes(checker: Engine, text: str) -> None:
    assert not kinds(checker, text) & {ABUSE, BULLYING}


def test_it_calls_exclusion_of_a_named_pupil_cyberbullying(checker: Engine) -> None:
    # Invented pupils from the demo school are named; exclusion alone is not "abuse".
    pupil = next(p for p in checker.school.people if p.role.value == "pupil")
    first = pupil.name.split()[0]
    found = kinds(checker, f"lets all tell {first} the party is off so they dont come")
    assert BULLYING in found


def test_it_calls_you_in_a_direct_message_cyberbullying(checker: Engine) -> None:
    assert BULLYING in kinds(checker, "nobody wants u at the party", Channel.DIRECT)
    assert BULLYING not in kinds(checker, "nobody wants u at the party", Channel.PERSONAL)


def test_it_notes_quoted_abuse_without_blaming_the_reporter(checker: Engine) -> None:
    result = checker.check(Item(id="q", text='He wrote "gay people are disgusting" on the wall'))
    assert not result.kinds & {ABUSE, BULLYING}
    assert any(note.quoted and note.kind is ABUSE for note in result.notes)


def test_it_points_at_the_words_written(checker: Engine) -> None:
    text = "honestly f u c k this"
    finding = next(f for f in checker.check(Item(id="s", text=text)).findings)
    assert text[finding.start : finding.end] == "f u c k"


def test_it_takes_thresholds_from_the_policy(demo_policy: Policy, demo_school: School) -> None:
    strict = Policy(**{**demo_policy.__dict__, "thresholds": {"abuse": 0.99}})
    engine = Engine(strict, demo_school, [AbuseDetector()])
    assert ABUSE not in kinds(engine, "I hate gay people")


def test_it_is_registered() -> None:
    assert "netiquette.detectors.abuse:AbuseDetector" in BUILTIN_DETECTORS
    assert "netiquette.detectors.language:LanguageDetector" in BUILTIN_DETECTORS


def test_the_functional_holdout_meets_the_targets() -> None:
    sys.path.insert(0, str(ROOT / "training"))
    from functional_eval import run

    scores = run()
    assert sum(p for p, _ in scores.values()) / sum(t for _, t in scores.values()) >= 0.8
    assert all(passed / total >= 0.5 for passed, total in scores.values())


def test_every_pattern_has_its_word_lists_filled_in() -> None:
    from netiquette.abuse_model.patterns import CUES

    assert all("{_" not in cue.pattern.pattern for cue in CUES)


@pytest.mark.parametrize(
    "text",
    [
        "He came home with a bloody nose after football",
        "Year 2 are performing Dick Whittington this week",
        "The nativity donkey (the ass) stole the show",
        "Please bring a garden hoe for the allotment club",
        "The door knob on the Year 3 classroom is broken",
        "Our pancake tosser of the year is Mrs Crane",
        "Scunthorpe United won on Saturday",
    ],
)
def test_words_that_are_only_sometimes_vulgar_pass(checker: Engine, text: str) -> None:
    assert LANGUAGE not in kinds(checker, text)


def test_it_notes_negated_abuse_without_a_finding(checker: Engine) -> None:
    result = checker.check(Item(id="n", text="I would never say that immigrants are parasites"))
    assert not result.kinds & {ABUSE, BULLYING}
    assert [(n.evidence, n.quoted) for n in result.notes] == [("immigrants are parasites", False)]


def test_the_word_test_never_hides_a_pattern_that_matches() -> None:
    from netiquette.abuse_model import load_model
    from netiquette.abuse_model.patterns import CUES, possible_cues

    model = load_model()
    texts = (
        [text for text, _ in MUST_FIND]
        + MUST_PASS
        + [
            "I know where you live",
            "dont test me",
            "everyone unfollow her",
            "pass it on",
            "why are you ignoring me",
            "send me pics",
            "so she doesnt come",
            "kick him out of the group",
            "ur not welcome here",
            "I hope he gets hit by a bus",
            "wait till I see you",
            "I know what time you leave work",
            "you will be sorry",
            "ull be next",
            "her coat is from the charity shop",
            "rate her new fringe out of 10 😂",
        ]
    )
    for text in texts:
        words = model.words(text)
        normalised = " ".join(words)
        possible = possible_cues(words)
        assert list(possible) == [cue for cue in CUES if cue.possible(set(words))]
        assert all(cue in possible for cue in CUES if cue.pattern.search(normalised)), text


def test_a_quiet_post_is_read_without_the_patterns() -> None:
    from netiquette.abuse_model.reading import Reading

    quiet = Reading("Lovely to see everyone at the summer fair today", frozenset())
    assert not quiet.may_reach(0.6, 0.85)
    loud = Reading("I'll batter you after school", frozenset())
    assert loud.may_reach(0.6, 0.85) and loud.found


# Private messages between friends: praise and laughter, not hostility at "you".
FRIENDLY_DIRECT = [
    "ur so funny i literally died 😂😂",
    "omg ur so funny 💀",
    "you're a legend, thanks for the lift",
    "im dead 😂 that video",
    "you're so brave, ignore the idiots who said otherwise",
]


@pytest.mark.parametrize("text", FRIENDLY_DIRECT)
def test_it_passes_friendly_private_messages(checker: Engine, text: str) -> None:
    assert not kinds(checker, text, Channel.DIRECT) & {ABUSE, BULLYING}


def test_praise_with_hostile_words_is_still_read(checker: Engine) -> None:
    assert BULLYING in kinds(checker, "ur so funny looking, ugly freak", Channel.DIRECT)


def _pupil(checker: Engine) -> str:
    return next(p for p in checker.school.people if p.role.value == "pupil").name.split()[0]


def test_it_calls_laughing_at_a_named_pupil_cyberbullying(checker: Engine) -> None:
    name = _pupil(checker)
    text = f"POV: ur {name} and u think ur singing is good 💀💀 everyone vote in my poll"
    assert BULLYING in kinds(checker, text)
    assert BULLYING in kinds(checker, f"{name} really thinks she's pretty 🙄 cringe")
    assert BULLYING in kinds(checker, f"{name} thinks she can sing 💀")
    assert BULLYING not in kinds(checker, f"{name} thinks she's the next pop star 😂 bless her")
    assert BULLYING not in kinds(checker, f"If you think {name} is good at maths, tell us")


def test_passing_a_message_on_is_not_exclusion(checker: Engine) -> None:
    name = _pupil(checker)
    assert not kinds(checker, f"{name} forgot her bag, she's asked me to pass it on") & {
        ABUSE,
        BULLYING,
    }
    assert BULLYING in kinds(checker, f"nobody talk to {name} tomorrow")


@pytest.mark.parametrize(
    "text",
    [
        "has anyone seen the ginger boy in 5B, he smells lol",
        "that new girl in Year 6 is such a loser",
        "the kid from Mrs Hale's class stinks",
        "that boy in year 5 is a right weirdo",
    ],
)
def test_it_calls_mocking_a_described_pupil_cyberbullying(checker: Engine, text: str) -> None:
    assert BULLYING in kinds(checker, text)


def test_a_described_pupil_without_hostility_passes(checker: Engine) -> None:
    assert not kinds(checker, "the boy in 4C was brilliant in assembly") & {ABUSE, BULLYING}


def test_each_benign_phrase_holds_one_of_the_ambiguous_swear_words() -> None:
    from netiquette.abuse_model.lexicon import PROFANITY
    from netiquette.detectors.language import AMBIGUOUS, BENIGN

    # The detector looks for the benign phrases only when one of these words is present.
    assert AMBIGUOUS <= PROFANITY
    for alternative in BENIGN.pattern[6:-4].split("|"):
        words = set(re.findall(r"[a-z]+", alternative))
        assert words & PROFANITY <= AMBIGUOUS, alternative


def test_schools_with_the_same_names_share_one_set_of_known_words(
    demo_policy: Policy, demo_school: School
) -> None:
    """An engine rebuilt for each roster change (the web app) must not leave a set behind,
    and equal sets must be one object, so the readers cached per set are found by identity."""
    from dataclasses import replace

    from netiquette.detectors import shared_reading as abuse

    first = Engine(demo_policy, demo_school)
    again = Engine(demo_policy, replace(demo_school))  # equal, another object
    first.check(Item(id="a", text="What a bloody week."))
    again.check(Item(id="b", text="What a bloody week."))
    assert abuse._known(first.context) is abuse._known(again.context)
    surname = demo_school.people[0].name.split()[-1].lower()
    assert surname in abuse._known(first.context)
    for number in range(abuse._KNOWN_LIMIT * 3):  # schools with different names
        abuse.known_words(replace(demo_school, people=demo_school.people[: number + 1]))
    assert len(abuse._KNOWN_BY_NAMES) <= abuse._KNOWN_LIMIT


QUIET_OR_NOT = [
    "Lovely assembly this morning, well done Year 3.",
    "Reminder: PE kit on Thursday please.",
    "What a bloody week, roll on half term.",
    "You are a pathetic loser and everyone hates you",
    "I will find you after school and batter you",
    "Kill it at sports day tomorrow, team!",
    "Stupid printer has jammed again.",
    "",
    "   ",
]


def test_a_batch_leaves_out_only_posts_neither_detector_can_act_on(
    demo_policy: Policy, demo_school: School
) -> None:
    """A post read as quiet in a batch gets no reading; read on its own, each such post is
    one the abuse detector would pass over (nothing may reach its thresholds) and the
    language detector too (no swear word, profanity below what it acts on)."""
    from netiquette.abuse_model.reading import Reading
    from netiquette.detectors.shared_reading import (
        _known,
        abuse_levels,
        language_levels,
        quiet_below,
    )

    engine = Engine(demo_policy, demo_school)
    known = _known(engine.context)
    texts = [t for t in QUIET_OR_NOT if t.strip()]
    batch = Reading.read_many(texts, known, quiet_below(demo_policy))
    assert any(r is None for r in batch) and any(r is not None for r in batch)
    abuse_at, bullying_at = abuse_levels(demo_policy)
    _, model_at = language_levels(demo_policy)
    for text, reading in zip(texts, batch, strict=True):
        alone = Reading(text, known)
        acts = (
            alone.may_reach(abuse_at, bullying_at)
            or alone.swears
            or (alone.raw.profanity >= model_at)
        )
        if acts:  # a post left out must be one nothing could come of (the converse may
            assert reading is not None, text  # not hold: a pattern's word is no match)
    # The same batch with no levels given reads every post.
    assert all(r is not None for r in Reading.read_many(texts, known))
    # And the engine's findings do not depend on how the posts were batched.
    items = [Item(id=str(n), text=t) for n, t in enumerate(QUIET_OR_NOT)]
    assert [r.to_dict() for r in engine.check_many(items, series=False)] == [
        engine.check(item).to_dict() for item in items
    ]
