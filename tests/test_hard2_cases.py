"""The engine on a second set of harder labelled cases, for another invented school.

tests/data/hard2-cases.jsonl was written in two rounds, each before the engine was run on it,
for the school in tests/data/hard2-school.yaml (an apostrophe in the school's name, a pupil
sharing a surname with a teacher, a preferred name, nicknames). The posts are written the way
people write on Facebook groups, WhatsApp, X and school email: passive voice, lists, sarcasm,
rhetorical questions, text-speak, long posts with the problem in the middle. docs/hard-cases.md
("Second pass") records each round's score. A failure here is fixed in a detector with a
general rule, never in the cases.
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


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    engine = Engine(load_policy(bundled(DEMO_POLICY)), load_school(DATA / "hard2-school.yaml"))
    return evaluate(engine, load_cases(DATA / "hard2-cases.jsonl"))


def test_verdict_accuracy_is_at_least_90_percent(evaluation: Evaluation) -> None:
    assert evaluation.verdict_accuracy is not None
    assert evaluation.verdict_accuracy >= 0.90


def test_false_alarms_on_ok_cases_are_at_most_5_percent(evaluation: Evaluation) -> None:
    assert evaluation.ok_cases > 0
    assert evaluation.false_alarm_rate is not None
    assert evaluation.false_alarm_rate <= 0.05


def test_the_cases_are_mostly_the_kinds_this_pass_owns(evaluation: Evaluation) -> None:
    covered = {s.kind for s in evaluation.kinds if s.support}
    owned = {k for k in RuleKind} - {
        RuleKind.CUSTOM,
        RuleKind.ABUSE,
        RuleKind.CYBERBULLYING,
        RuleKind.INAPPROPRIATE_LANGUAGE,
    }
    assert owned <= covered
    assert evaluation.ok_cases >= 0.4 * evaluation.cases


def test_every_verdict_appears(evaluation: Evaluation) -> None:
    verdicts = {o.case.expect.verdict for o in evaluation.outcomes}
    assert verdicts == set(Severity)
