"""Repeated abuse: several abusive items from one author to one target.

A single unkind message may be a falling-out; the third from the same author to the same
person is a pattern, and the policy treats that as cyber-bullying whatever each item scored.

A `SeriesTracker` is told about items in input order and keeps only what a series needs
from the abusive ones (position, id, author, target): a few bytes each, so a scan of
millions of items can find series spread over every batch and worker. `Engine.check_many`
uses the same tracker over its batch, so a scan and one `check_many` over the whole input
give the same findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from netiquette.findings import Candidate, Finding, Result
from netiquette.items import AnyItem, Item
from netiquette.kinds import Channel, Role, RuleKind, Severity

if TYPE_CHECKING:
    from netiquette.engine import Engine

SERIES_MIN_ITEMS = 3
ABUSIVE = frozenset({RuleKind.ABUSE, RuleKind.CYBERBULLYING})
# Item fields that say who a message was sent to (a direct message's recipient, a reply's).
RECIPIENT_FIELDS = ("to", "target", "recipient")
# Roles that can be the target of bullying within the school community.
_TARGET_ROLES = frozenset({Role.PUPIL, Role.STAFF, Role.GOVERNOR, Role.PARENT})


@dataclass
class Series:
    """The abusive items so far from one author to one target, and the latest one's context."""

    target: str
    ids: list[str] = field(default_factory=list)
    last: int = -1
    role: Role | None = None
    channel: Channel | None = None
    verdict: Severity = Severity.OK


@dataclass(frozen=True)
class Amendment:
    """Findings to add to the item at an input position, and its verdict before them."""

    verdict: Severity
    findings: tuple[Finding, ...]

    @property
    def new_verdict(self) -> Severity:
        return Severity.worst([self.verdict, *(f.severity for f in self.findings)])


class SeriesTracker:
    """The author-to-target series of a stream of checked items, fed in input order."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.series: dict[tuple[str, str], Series] = {}
        self.recorded = 0  # abusive items with an author and a target: all that is kept
        self._names: frozenset[str] | None = None

    def add(self, index: int, item: AnyItem, result: Result) -> None:
        """Record the item at input position `index` if it is abusive and says who to whom."""
        if not (isinstance(item, Item) and item.author and result.kinds & ABUSIVE):
            return
        targets = self.targets(item, result)
        if targets:
            self.recorded += 1
        for target in targets:
            key = (item.author.casefold(), target.casefold())
            series = self.series.setdefault(key, Series(target))
            series.ids.append(item.id)
            series.last, series.role, series.channel = index, item.author_role, item.channel
            series.verdict = result.verdict

    def targets(self, item: Item, result: Result) -> list[str]:
        """Who an abusive item is aimed at: its recipient when the item names one, else the
        school people the abuse detector found it aimed at, else the school people it names."""
        for name in RECIPIENT_FIELDS:
            value = item.extra.get(name)
            if isinstance(value, str) and value.strip():
                return [value.strip()]
        known = self._school_names()
        aimed = [
            target
            for finding in result.findings
            if finding.kind is RuleKind.CYBERBULLYING
            for target in finding.details.get("targets", ())
            if isinstance(target, str) and target in known
        ]
        if aimed:
            return list(dict.fromkeys(aimed))
        mentions = self.engine.context.people.find(item.text) if item.text else []
        return list(
            dict.fromkeys(m.person.name for m in mentions if m.person.role in _TARGET_ROLES)
        )

    def amendments(self) -> dict[int, Amendment]:
        """One cyber-bullying finding on the latest item of each series long enough to count."""
        found: dict[int, list[Finding]] = {}
        verdicts: dict[int, Severity] = {}
        for series in self.series.values():
            finding = self._finding(series)
            if finding is not None:
                found.setdefault(series.last, []).append(finding)
                verdicts[series.last] = series.verdict
        return {i: Amendment(verdicts[i], tuple(f)) for i, f in sorted(found.items())}

    def _finding(self, series: Series) -> Finding | None:
        from netiquette.engine import finding_from

        if len(series.ids) < SERIES_MIN_ITEMS:
            return None
        policy = self.engine.policy
        clause = policy.clause_for(RuleKind.CYBERBULLYING, series.role, series.channel)
        if clause is None:
            return None
        count, ids, target = len(series.ids), series.ids, series.target
        candidate = Candidate(
            kind=RuleKind.CYBERBULLYING,
            start=0,
            end=0,
            evidence=f"{count} abusive items to {target}",
            message=f"{count} abusive items from the same author to {target} ({', '.join(ids)}).",
            suggestion="Treat this as repeated targeting: report it to the designated safeguarding lead.",
            detector="series",
            max_severity=Severity.BLOCK,
            details={"count": count, "items": list(ids), "target": target},
        )
        return finding_from(candidate, clause)

    def _school_names(self) -> frozenset[str]:
        if self._names is None:
            self._names = frozenset(p.name for p in self.engine.school.people)
        return self._names


def add_series_findings(
    engine: Engine, items: list[AnyItem], results: list[Result]
) -> list[Result]:
    """Results with one cyber-bullying finding on the latest item of each series in `items`."""
    from netiquette.engine import with_findings

    tracker = SeriesTracker(engine)
    for index, (item, result) in enumerate(zip(items, results, strict=True)):
        tracker.add(index, item, result)
    out = list(results)
    for index, amendment in tracker.amendments().items():
        out[index] = with_findings(out[index], amendment.findings)
    return out
