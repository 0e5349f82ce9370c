"""Repeated abuse across a scan: several abusive items from one author to one target.

A single unkind message may be a falling-out; the third from the same author to the same
person is a pattern, and the policy treats that as cyber-bullying whatever each item scored.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from netiquette.findings import Candidate, Result
from netiquette.items import AnyItem, Item
from netiquette.kinds import RuleKind, Severity

if TYPE_CHECKING:
    from netiquette.engine import Engine

SERIES_MIN_ITEMS = 3
ABUSIVE = {RuleKind.ABUSE, RuleKind.CYBERBULLYING}


def add_series_findings(
    engine: Engine, items: list[AnyItem], results: list[Result]
) -> list[Result]:
    """Add one cyber-bullying finding to the latest item of each author-to-target series."""
    from netiquette.engine import finding_from, with_findings

    series: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, (item, result) in enumerate(zip(items, results, strict=True)):
        if isinstance(item, Item) and item.author and result.kinds & ABUSIVE:
            for target in _targets(item):
                series[(item.author.casefold(), target.casefold())].append(index)
    out = list(results)
    for (_, target), indexes in series.items():
        if len(indexes) < SERIES_MIN_ITEMS:
            continue
        last = indexes[-1]
        item = items[last]
        assert isinstance(item, Item)
        clause = engine.policy.clause_for(RuleKind.CYBERBULLYING, item.author_role, item.channel)
        if clause is None:
            continue
        ids = [items[i].id for i in indexes]
        candidate = Candidate(
            kind=RuleKind.CYBERBULLYING,
            start=0,
            end=0,
            evidence=f"{len(ids)} abusive items to {target}",
            message=f"{len(ids)} abusive items from the same author to {target} ({', '.join(ids)}).",
            suggestion="Treat this as repeated targeting: report it to the designated safeguarding lead.",
            detector="series",
            max_severity=Severity.BLOCK,
            details={"count": len(ids), "items": ids, "target": target},
        )
        out[last] = with_findings(out[last], [finding_from(candidate, clause)])
    return out


def _targets(item: Item) -> list[str]:
    target = item.extra.get("to") or item.extra.get("target") or item.extra.get("recipient")
    if isinstance(target, str) and target.strip():
        return [target.strip()]
    return []
