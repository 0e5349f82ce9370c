"""What detectors report (`Candidate`), what the engine makes of it (`Finding`), and `Result`.

A detector knows what it saw; only the engine knows which clause of the school's policy it
breaches, so detectors return candidates and the engine attaches the clause, its wording and
the severity the clause's strength allows.

These records are made for every post checked, so they are slotted dataclasses rather than
frozen ones: a frozen dataclass sets each field through `object.__setattr__`, which costs
three times as much on the hot path. Treat them as values all the same: make a new one
(`dataclasses.replace`) rather than changing one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from netiquette.kinds import RuleKind, Severity


@dataclass(slots=True)
class Candidate:
    """A possible breach seen by a detector, before the policy is consulted."""

    kind: RuleKind
    start: int
    end: int
    evidence: str
    message: str
    suggestion: str
    detector: str
    score: float = 1.0
    # The most this finding can be, whatever the clause says (an uncertain one is review).
    max_severity: Severity = Severity.BLOCK
    topic: str = ""
    # Replacement text for the safe version; None leaves the span as it is.
    redaction: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Finding:
    """A candidate judged by a clause. `engine.finding_from` passes the fields by position,
    in this order: keep the two together."""

    kind: RuleKind
    clause: str
    severity: Severity
    start: int
    end: int
    evidence: str
    message: str
    suggestion: str
    detector: str
    score: float = 1.0
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = self.kind.value
        data["severity"] = self.severity.value
        data["score"] = round(self.score, 3)
        if not self.details:
            del data["details"]
        return data


@dataclass(slots=True)
class Note:
    """Something worth knowing that is not a breach, e.g. abuse quoted in order to report it."""

    kind: RuleKind
    start: int
    end: int
    evidence: str
    message: str
    quoted: bool = False
    # E.g. {"safeguarding": "threat"}: a report quoting a threat still puts a child at risk.
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = {**asdict(self), "kind": self.kind.value}
        if not self.details:
            del data["details"]
        return data


@dataclass(slots=True)
class Result:
    id: str
    verdict: Severity
    findings: tuple[Finding, ...] = ()
    redacted: str | None = None
    notes: tuple[Note, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "verdict": self.verdict.value,
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.redacted is not None:
            data["redacted"] = self.redacted
        if self.notes:
            data["notes"] = [n.to_dict() for n in self.notes]
        return data

    @property
    def kinds(self) -> set[RuleKind]:
        return {f.kind for f in self.findings}
