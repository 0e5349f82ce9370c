"""The checking engine: runs the detectors on an item and judges the findings by the policy.

Detectors say what they saw; the engine decides which clause that breaches for this author
and channel, how severe it is (the clause's strength, capped by the detector's certainty),
the item's verdict and its safe version. An engine pickles small and rebuilds its indexes
lazily, so scanning can be spread over processes or machines.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import chain
from typing import Any

from netiquette.detectors.base import Analysis, Context, Detector
from netiquette.detectors.registry import load_detectors
from netiquette.findings import Candidate, Finding, Note, Result
from netiquette.items import AnyItem, FriendRequest, Item
from netiquette.kinds import Channel, Role, RuleKind, Severity, Strength
from netiquette.policy import Clause, Policy
from netiquette.school import School


class Engine:
    def __init__(
        self, policy: Policy, school: School, detectors: Sequence[Detector] | None = None
    ) -> None:
        self.context = Context(policy, school)
        self.detectors = list(load_detectors() if detectors is None else detectors)
        self._friend_detectors = [d for d in self.detectors if RuleKind.FRIEND_REQUEST in d.kinds]
        self._post_detectors = [d for d in self.detectors if RuleKind.FRIEND_REQUEST not in d.kinds]
        # Clause choice depends only on these four values: memoised, it is a dict lookup.
        self._clause_memo: dict[tuple[RuleKind, str, str, str], Clause | None] = {}
        self._detector_memo: dict[tuple[Role | None, Channel | None], list[Detector]] = {}

    @property
    def policy(self) -> Policy:
        return self.context.policy

    @property
    def school(self) -> School:
        return self.context.school

    def warm_up(self, *, freeze: bool = True) -> None:
        """Do the one-off work now: build the indexes, load the model, read sample posts.

        Then, with `freeze`, move everything alive into the garbage collector's permanent
        generation (`gc.freeze`). The engine's indexes and tables live as long as the
        process, and without this every full collection during a long scan walks all of
        them again: about a tenth of the scanning time in `benchmarks/scan.py`. Call it
        where a process starts its work (a scan worker, a web worker), not per batch.
        """
        self.check_many(
            [
                Item("warm-up-1", "Warming up the checks for Year 5 before the trip."),
                Item("warm-up-2", "Call me on 07700 900123, it's bloody cold out there."),
            ],
            series=False,
        )
        if freeze:
            gc.collect()  # garbage first, so that nothing dead is kept for good
            gc.freeze()

    def check(self, item: AnyItem) -> Result:
        """One item: the same path as a batch of one (no series, which needs several)."""
        return self.check_many([item], series=False)[0]

    def check_many(self, items: Iterable[AnyItem], *, series: bool = True) -> list[Result]:
        """Check a batch in order; a pure function of the items, so batches can run anywhere.

        The work runs detector by detector over the whole batch rather than item by item:
        each detector's code and tables stay warm in the CPU's caches, and a detector with
        batch work (the abuse model scores a batch in one vectorised call) does it once.

        `series=False` leaves out repeated abuse across the batch, for a scan that finds
        series over its whole input (`netiquette.series.SeriesTracker`)."""
        from netiquette.series import add_series_findings

        batch = list(items)
        analyses = [Analysis(item, self.context) for item in batch]
        outputs = self._detect(analyses)
        results = [self._result(a, found) for a, found in zip(analyses, outputs, strict=True)]
        return add_series_findings(self, batch, results) if series else results

    def _detect(self, analyses: list[Analysis]) -> list[list[Candidate | Note]]:
        """What the detectors report for each analysis, in the engine's detector order."""
        outputs: list[list[Candidate | Note]] = [[] for _ in analyses]
        # Items whose author and channel call for the same detectors share one (memoised)
        # list of them: group the items by that list, then give each detector its items.
        groups: dict[int, tuple[list[Detector], list[int]]] = {}
        for number, analysis in enumerate(analyses):
            chosen = self._detectors_for(analysis)
            group = groups.get(id(chosen))
            if group is None:
                groups[id(chosen)] = (chosen, [number])
            else:
                group[1].append(number)
        for detector in self.detectors:
            parts = [numbers for chosen, numbers in groups.values() if detector in chosen]
            if not parts:
                continue
            # In any order: each item's outputs still come in the engine's detector order.
            numbers = parts[0] if len(parts) == 1 else list(chain.from_iterable(parts))
            prepare = getattr(detector, "prepare", None)
            if prepare is not None:
                prepare([analyses[n] for n in numbers])
            detect = detector.detect
            for n in numbers:
                outputs[n].extend(detect(analyses[n]))
        return outputs

    def _result(self, analysis: Analysis, outputs: list[Candidate | Note]) -> Result:
        """The findings judged by the policy, the verdict and the safe version of one item."""
        findings: list[Finding] = []
        notes: list[Note] = []
        redactions: list[tuple[Finding, str]] = []
        for output in outputs:
            if isinstance(output, Note):
                notes.append(output)
                continue
            finding = self._judge(output, analysis)
            if finding is not None:
                findings.append(finding)
                if output.redaction is not None:
                    redactions.append((finding, output.redaction))
        item = analysis.item
        if not findings:
            redacted = None if isinstance(item, FriendRequest) else item.text
            return Result(item.id, Severity.OK, (), redacted, tuple(notes))
        findings = _without_overlaps(findings)
        verdict = Severity.worst([f.severity for f in findings])
        redacted = None if isinstance(item, FriendRequest) else redact(item.text, redactions)
        return Result(item.id, verdict, tuple(findings), redacted, tuple(notes))

    def clause_for(self, candidate: Candidate, analysis: Analysis) -> Clause | None:
        details = candidate.details
        role = (details.get("bound_role") if details else None) or analysis.role or ""
        channel = analysis.channel or ""
        # Roles and channels are string enums: "pupil" and Role.PUPIL are one key.
        key = (candidate.kind, role, channel, candidate.topic)
        try:
            return self._clause_memo[key]
        except KeyError:
            clause = self._clause_memo[key] = self.policy.clause_for(
                candidate.kind,
                Role(role) if role else None,
                Channel(channel) if channel else None,
                candidate.topic,
            )
            return clause

    def _detectors_for(self, analysis: Analysis) -> list[Detector]:
        """The detectors worth running: those serving a kind some clause binds here.

        A candidate no clause binds is dropped by `_judge` anyway, so a detector whose kinds
        the policy leaves unbound for this author and channel is skipped (memoised)."""
        if isinstance(analysis.item, FriendRequest):
            return self._friend_detectors
        key = (analysis.role, analysis.channel)
        chosen = self._detector_memo.get(key)
        if chosen is None:
            bound = {c.kind for c in self.policy.clauses if c.binds(*key)}
            chosen = [d for d in self._post_detectors if d.kinds & bound]
            self._detector_memo[key] = chosen
        return chosen

    def _judge(self, candidate: Candidate, analysis: Analysis) -> Finding | None:
        clause = self.clause_for(candidate, analysis)
        if clause is None:
            return None
        return finding_from(candidate, clause)


def finding_from(candidate: Candidate, clause: Clause) -> Finding:
    """A candidate judged by a clause: the clause's severity (capped) and its wording cited."""
    # Positional: a slotted dataclass's `__init__` takes keywords at twice the cost, and a
    # finding is made for every breach of every post. The order is `Finding`'s fields'.
    return Finding(
        candidate.kind,
        clause.id,
        _CAPPED[clause.strength, candidate.max_severity],
        candidate.start,
        candidate.end,
        candidate.evidence,
        f"{candidate.message} The policy says ({clause.id}): “{clause.text}”",
        candidate.suggestion,
        candidate.detector,
        candidate.score,
        _public(candidate.details),
    )


# A clause's severity for each strength, capped by each detector's limit.
_CAPPED = {
    (strength, limit): strength.severity.cap(limit) for strength in Strength for limit in Severity
}


def _public(details: dict[str, Any]) -> dict[str, Any]:
    """A candidate's details without the engine's own key (`bound_role`)."""
    if not details:
        return {}
    if "bound_role" not in details:
        return dict(details)
    return {k: v for k, v in details.items() if k != "bound_role"}


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    """One finding per kind and span: where two of a kind overlap, keep the stronger."""
    if len(findings) == 1:
        return findings
    if len({f.kind for f in findings}) == len(findings):  # no two of a kind: nothing clashes
        return sorted(findings, key=_position)
    kept: list[Finding] = []
    ranked = sorted(findings, key=lambda f: (-f.severity.rank, -f.score, f.start - f.end))
    for finding in ranked:
        clash = any(
            k.kind is finding.kind
            and k.start < finding.end
            and finding.start < k.end
            and not (
                k.start == k.end == 0
                and finding.start == finding.end == 0
                and k.evidence != finding.evidence
            )
            for k in kept
        )
        if not clash:
            kept.append(finding)
    return sorted(kept, key=_position)


def _position(finding: Finding) -> tuple[int, int, str]:
    return finding.start, finding.end, finding.kind.value


def redact(text: str, redactions: list[tuple[Finding, str]]) -> str:
    """The safe version: each redacted span replaced, right to left, overlaps merged."""
    if len(redactions) == 1:  # the usual case
        finding, replacement = redactions[0]
        if finding.end <= finding.start:
            return text
        return text[: finding.start] + replacement + text[finding.end :]
    spans = sorted({(f.start, f.end, r) for f, r in redactions if f.end > f.start}, reverse=True)
    out = text
    last_start = len(text) + 1
    for start, end, replacement in spans:
        if end > last_start:
            continue
        out = out[:start] + replacement + out[end:]
        last_start = start
    return out


def with_findings(result: Result, extra: Sequence[Finding]) -> Result:
    findings = tuple(sorted((*result.findings, *extra), key=lambda f: (f.start, f.end)))
    verdict = Severity.worst([f.severity for f in findings])
    return replace(result, findings=findings, verdict=verdict)
