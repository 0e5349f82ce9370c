"""Triage: categories, severity and the safeguarding flag of a report, from the engine.

The web app holds no checking logic: the engine reads the report's text and any pasted
messages, and its findings (and notes, since a report usually quotes the abuse it reports)
give the categories. The reporter's own answers ("someone threatened to hurt someone",
"someone might hurt themselves", "sexual pictures or messages") count as much as the
engine: a child at risk must never wait in the queue because a detector missed a phrase.

Detectors mark a safeguarding concern with `details["safeguarding"]` set to one of
`SAFEGUARDING_CONCERNS` (or true); nothing else in a finding raises the flag.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from netiquette.engine import Engine
from netiquette.findings import Finding, Note, Result
from netiquette.items import Item
from netiquette.kinds import RuleKind, Severity

THREAT = "threat"
SELF_HARM = "self-harm"
SEXUAL = "sexual"
SAFEGUARDING_CONCERNS = (THREAT, SELF_HARM, SEXUAL)

# The reporter's own answers, and the rule kind each one points to.
CONCERN_KINDS: dict[str, RuleKind] = {
    THREAT: RuleKind.ABUSE,
    SELF_HARM: RuleKind.ABUSE,
    SEXUAL: RuleKind.ABUSE,
    "bullying": RuleKind.CYBERBULLYING,
    "personal-information": RuleKind.PERSONAL_DATA,
    "photos": RuleKind.PHOTO_CONSENT,
    "unkind-words": RuleKind.INAPPROPRIATE_LANGUAGE,
}

URGENT = "urgent"
HIGH = "high"
MEDIUM = "medium"
LOW = "low"
SEVERITIES = (URGENT, HIGH, MEDIUM, LOW)


@dataclass(frozen=True)
class Triage:
    categories: tuple[str, ...]
    severity: str
    safeguarding: bool
    reasons: tuple[str, ...] = ()


def triage(engine: Engine | None, texts: Sequence[str], concerns: Iterable[str] = ()) -> Triage:
    """Triage a report from its texts (report and pasted messages) and the reporter's answers.

    Without an engine (a school with no policy yet) only the reporter's answers count.
    """
    results: list[Result] = []
    if engine is not None:
        results = [engine.check(Item(f"t{i}", t)) for i, t in enumerate(texts) if t.strip()]
    chosen = [c for c in concerns if c in CONCERN_KINDS]
    kinds = {k.value for r in results for k in _kinds(r)} | {CONCERN_KINDS[c].value for c in chosen}
    reasons = sorted({c for c in chosen if c in SAFEGUARDING_CONCERNS} | _engine_reasons(results))
    verdict = Severity.worst([r.verdict for r in results])
    return Triage(
        categories=tuple(sorted(kinds)),
        severity=_severity(bool(reasons), verdict, bool(kinds)),
        safeguarding=bool(reasons),
        reasons=tuple(reasons),
    )


def _kinds(result: Result) -> set[RuleKind]:
    return result.kinds | {note.kind for note in result.notes}


def _engine_reasons(results: list[Result]) -> set[str]:
    reasons: set[str] = set()
    for result in results:
        # Notes count too: a report usually quotes the threat it reports.
        found_items: list[Finding | Note] = [*result.findings, *result.notes]
        for found in found_items:
            flag = found.details.get("safeguarding")
            if flag in SAFEGUARDING_CONCERNS:
                reasons.add(str(flag))
            elif flag is True:
                reasons.add(found.kind.value)
    return reasons


def _severity(safeguarding: bool, verdict: Severity, any_kind: bool) -> str:
    if safeguarding:
        return URGENT
    if verdict is Severity.BLOCK:
        return HIGH
    if verdict is Severity.REVIEW or any_kind:
        return MEDIUM
    return LOW
