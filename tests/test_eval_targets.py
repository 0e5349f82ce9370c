"""The issue's quality bar, measured on the shared labelled cases (../shared/eval).

These cases are a sample: the engine is also measured on harder ones we do not have, so a
failure here should be fixed by making a detector more general, never by tuning to a case.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netiquette.engine import Engine
from netiquette.evaluate import Evaluation, evaluate, load_cases
from netiquette.kinds import RuleKind
from netiquette.policy import load_policy
from netiquette.resources import DEMO_POLICY, bundled
from netiquette.school import load_school

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    engine = Engine(load_policy(bundled(DEMO_POLICY)), load_school(EVAL / "school.yaml"))
    return evaluate(engine, load_cases(EVAL / "cases.jsonl"))


def test_verdict_accuracy_is_at_least_90_percent(evaluation: Evaluation) -> None:
    assert evaluation.verdict_accuracy is not None
    assert evaluation.verdict_accuracy >= 0.90


def test_false_alarms_on_ok_cases_are_at_most_5_percent(evaluation: Evaluation) -> None:
    assert evaluation.ok_cases > 0
    assert evaluation.false_alarm_rate is not None
    assert evaluation.false_alarm_rate <= 0.05


def test_every_kind_is_recalled_at_least_80_percent(evaluation: Evaluation) -> None:
    recalls = {s.kind.value: s.recall for s in evaluation.kinds if s.support}
    expected_kinds = {k.value for k in RuleKind if k is not RuleKind.CUSTOM}
    assert set(recalls) == expected_kinds  # the cases cover every kind
    low = {kind: recall for kind, recall in recalls.items() if recall is None or recall < 0.8}
    assert low == {}
