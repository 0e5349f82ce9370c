"""The engine on harder labelled cases, written for invented schools it was not tuned on.

Two sets, each written in rounds before the engine was run on a round (docs/hard-cases.md
records every round's score). A failure here is fixed in a detector with a general rule,
never in the cases.
- hard: tests/data/hard-cases.jsonl for tests/data/hard-school.yaml (names that are also
  words, double-barrelled surnames, accents, a shared first name, preferred names).
- hard2: tests/data/hard2-cases.jsonl for tests/data/hard2-school.yaml (an apostrophe in the
  school's name, a pupil sharing a surname with a teacher, nicknames), in the way people
  write on Facebook groups, WhatsApp, X and school email: passive voice, lists, sarcasm,
  rhetorical questions, text-speak, long posts with the problem in the middle.
- hard3: tests/data/hard3-cases.jsonl for tests/data/hard3-school.yaml (an all-through
  school; names that are also words used as the words, idioms such as "Penny for your
  thoughts", lower-case names with a surname's initial, particles in surnames), written
  blind by a helper who did not read the detectors.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netiquette.engine import Engine
from netiquette.evaluate import Evaluation, evaluate, load_cases
from netiquette.kinds import RuleKind, Severity
from netiquette.policy import load_policy
from netiquette.resources import DEMO_POLICY, bundled
from netiquette.school import load_school

DATA = Path(__file__).resolve().parent / "data"
ALL_KINDS = frozenset(RuleKind) - {RuleKind.CUSTOM}
# The second pass left abuse and language to the abuse model's own suites.
NOT_ABUSE = ALL_KINDS - {RuleKind.ABUSE, RuleKind.CYBERBULLYING, RuleKind.INAPPROPRIATE_LANGUAGE}

# Each set: the kinds its cases must cover, and the least share of `ok` cases.
SETS = {"hard": (ALL_KINDS, 0.3), "hard2": (NOT_ABUSE, 0.4), "hard3": (ALL_KINDS, 0.3)}


@pytest.fixture(scope="module", params=sorted(SETS))
def named_evaluation(request: pytest.FixtureRequest) -> tuple[str, Evaluation]:
    name: str = request.param
    school = load_school(DATA / f"{name}-school.yaml")
    engine = Engine(load_policy(bundled(DEMO_POLICY)), school)
    return name, evaluate(engine, load_cases(DATA / f"{name}-cases.jsonl"))


@pytest.fixture
def evaluation(named_evaluation: tuple[str, Evaluation]) -> Evaluation:
    return named_evaluation[1]


def test_verdict_accuracy_is_at_least_90_percent(evaluation: Evaluation) -> None:
    assert evaluation.verdict_accuracy is not None
    assert evaluation.verdict_accuracy >= 0.90


def test_false_alarms_on_ok_cases_are_at_most_5_percent(evaluation: Evaluation) -> None:
    assert evaluation.ok_cases > 0
    assert evaluation.false_alarm_rate is not None
    assert evaluation.false_alarm_rate <= 0.05


def test_the_cases_cover_their_kinds_and_many_benign_posts(
    named_evaluation: tuple[str, Evaluation],
) -> None:
    name, evaluation = named_evaluation
    kinds, ok_share = SETS[name]
    covered = {s.kind for s in evaluation.kinds if s.support}
    assert kinds <= covered <= ALL_KINDS
    assert evaluation.ok_cases >= ok_share * evaluation.cases


def test_every_verdict_appears(evaluation: Evaluation) -> None:
    verdicts = {o.case.expect.verdict for o in evaluation.outcomes}
    assert verdicts == set(Severity)
