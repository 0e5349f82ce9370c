"""Measuring the engine on labelled cases: per-kind recall and precision, verdict accuracy,
and the false-alarm rate on cases that should pass.

A case is an item with an `expect` object (PRODUCT.md): the verdict, the kinds that must be
found and `optional` kinds that would also be reasonable. A found optional kind is neither
credited nor held against the engine, so the figures reward what the labels are sure of.
The CLI formats an `Evaluation`; tests assert targets on it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netiquette.engine import Engine
from netiquette.items import AnyItem
from netiquette.kinds import RuleKind, Severity
from netiquette.scan import Format, InputError, open_input, read_lines
from netiquette.validation import Reader


@dataclass(frozen=True)
class Expectation:
    verdict: Severity
    kinds: frozenset[RuleKind]
    optional: frozenset[RuleKind] = frozenset()
    note: str = ""


@dataclass(frozen=True)
class Case:
    item: AnyItem
    expect: Expectation


@dataclass(frozen=True)
class Outcome:
    """One case checked: what was expected against the verdict and kinds found."""

    case: Case
    verdict: Severity
    found: frozenset[RuleKind]

    @property
    def missing(self) -> frozenset[RuleKind]:
        return self.case.expect.kinds - self.found

    @property
    def unexpected(self) -> frozenset[RuleKind]:
        return self.found - self.case.expect.kinds - self.case.expect.optional

    @property
    def verdict_ok(self) -> bool:
        return self.verdict is self.case.expect.verdict

    @property
    def passed(self) -> bool:
        return self.verdict_ok and not self.missing and not self.unexpected

    @property
    def false_alarm(self) -> bool:
        """An `ok` case flagged for something the labels do not allow."""
        return self.case.expect.verdict is Severity.OK and bool(self.unexpected)


@dataclass(frozen=True)
class KindScore:
    kind: RuleKind
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def support(self) -> int:
        """How many cases expect this kind."""
        return self.true_positives + self.false_negatives

    @property
    def recall(self) -> float | None:
        return _ratio(self.true_positives, self.support)

    @property
    def precision(self) -> float | None:
        return _ratio(self.true_positives, self.true_positives + self.false_positives)


@dataclass(frozen=True)
class Evaluation:
    outcomes: tuple[Outcome, ...]
    kinds: tuple[KindScore, ...]

    @property
    def cases(self) -> int:
        return len(self.outcomes)

    @property
    def verdict_accuracy(self) -> float | None:
        return _ratio(sum(o.verdict_ok for o in self.outcomes), self.cases)

    @property
    def ok_cases(self) -> int:
        return sum(o.case.expect.verdict is Severity.OK for o in self.outcomes)

    @property
    def false_alarms(self) -> int:
        return sum(o.false_alarm for o in self.outcomes)

    @property
    def false_alarm_rate(self) -> float | None:
        return _ratio(self.false_alarms, self.ok_cases)

    @property
    def failures(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if not o.passed)

    def score(self, kind: RuleKind) -> KindScore | None:
        return next((s for s in self.kinds if s.kind is kind), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "verdict_accuracy": _rounded(self.verdict_accuracy),
            "ok_cases": self.ok_cases,
            "false_alarms": self.false_alarms,
            "false_alarm_rate": _rounded(self.false_alarm_rate),
            "kinds": {
                s.kind.value: {
                    "support": s.support,
                    "true_positives": s.true_positives,
                    "false_positives": s.false_positives,
                    "false_negatives": s.false_negatives,
                    "recall": _rounded(s.recall),
                    "precision": _rounded(s.precision),
                }
                for s in self.kinds
            },
            "failures": [failure_dict(o) for o in self.failures],
        }


def failure_dict(outcome: Outcome) -> dict[str, Any]:
    expect = outcome.case.expect
    return {
        "id": outcome.case.item.id,
        "expected": expect.verdict.value,
        "got": outcome.verdict.value,
        "missing": sorted(k.value for k in outcome.missing),
        "unexpected": sorted(k.value for k in outcome.unexpected),
        "note": expect.note,
    }


def evaluate(engine: Engine, cases: Sequence[Case]) -> Evaluation:
    """Check every case (as one batch, as a scan would) and score the results."""
    results = engine.check_many([case.item for case in cases])
    outcomes = tuple(
        Outcome(case, result.verdict, frozenset(result.kinds))
        for case, result in zip(cases, results, strict=True)
    )
    return Evaluation(outcomes, kind_scores(outcomes))


def kind_scores(outcomes: Iterable[Outcome]) -> tuple[KindScore, ...]:
    """Per kind: found when expected, found when not allowed, missed when expected."""
    counts: dict[RuleKind, list[int]] = {k: [0, 0, 0] for k in RuleKind if k is not RuleKind.CUSTOM}
    for outcome in outcomes:
        for kind in outcome.case.expect.kinds & outcome.found:
            counts[kind][0] += 1
        for kind in outcome.unexpected:
            counts.setdefault(kind, [0, 0, 0])[1] += 1
        for kind in outcome.missing:
            counts.setdefault(kind, [0, 0, 0])[2] += 1
    return tuple(KindScore(kind, *numbers) for kind, numbers in counts.items())


def load_cases(path: str | Path) -> list[Case]:
    """Read labelled cases (JSON Lines or CSV); raises `InputError` naming the file and line."""
    source = open_input(str(path), sys.stdin)
    try:
        cases = []
        for line in read_lines(source, Format.for_path(path)):
            if line.error is not None:
                raise line.error
            assert line.item is not None
            where = f"{source.name}:{line.number}"
            cases.append(Case(line.item, parse_expectation(line.item.extra, where)))
        return cases
    finally:
        source.close()


def parse_expectation(extra: Mapping[str, Any], where: str) -> Expectation:
    reader = Reader(where, InputError)
    if "expect" not in extra:
        reader.problem("expect", "is required for a labelled case")
    data = reader.mapping(extra.get("expect"), "expect")
    verdict = None
    if data.get("verdict") is None:
        reader.problem("expect.verdict", "is required")
    else:
        verdict = reader.choice(Severity, data["verdict"], "expect.verdict", "verdict")
    kinds = reader.choices(RuleKind, data, "kinds", "expect", "kind")
    optional = reader.choices(RuleKind, data, "optional", "expect", "kind")
    note = extra.get("note") or data.get("note") or ""
    reader.check()
    assert verdict is not None
    return Expectation(verdict, frozenset(kinds), frozenset(optional), str(note))


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
