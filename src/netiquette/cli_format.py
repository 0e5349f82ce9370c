"""How the command line shows things: marked-up results, scan progress and summary, the
evaluation table, a policy. Kept apart from `cli` so the commands stay a thin layer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from netiquette import scan as scanning
from netiquette.evaluate import Evaluation, failure_dict
from netiquette.findings import Result
from netiquette.kinds import Role, Severity
from netiquette.policy import Policy
from netiquette.profile import Profile


def format_result(text: str, result: Result) -> str:
    """The text with each finding's span marked [like this], then the findings in plain English."""
    marked = text
    for finding in sorted(result.findings, key=lambda f: f.start, reverse=True):
        if finding.end > finding.start:
            marked = (
                marked[: finding.start]
                + "["
                + marked[finding.start : finding.end]
                + "]"
                + marked[finding.end :]
            )
    lines = [marked.rstrip(), "", f"Verdict: {result.verdict.value.upper()}"]
    for number, finding in enumerate(result.findings, start=1):
        lines.append(
            f"{number}. {finding.kind.value} ({finding.severity.value}, clause {finding.clause})"
        )
        lines.append(f"   {finding.message}")
        lines.append(f"   Suggestion: {finding.suggestion}")
    for note in result.notes:
        lines.append(f"Note: {note.message}")
    if result.redacted is not None and result.redacted != text:
        lines += ["", "Safe version:", result.redacted]
    return "\n".join(lines)


@contextmanager
def progress_bar(input_path: str) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on a terminal, fed the characters read so far; nothing otherwise."""
    if not sys.stderr.isatty():
        yield lambda _chars: None
        return
    from rich.console import Console
    from rich.progress import Progress

    total = os.path.getsize(input_path) if input_path != "-" else None
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Checking", total=total)
        yield lambda chars: progress.update(task, completed=chars)


def print_summary(summary: scanning.Summary) -> None:
    """The end-of-scan table, on standard error so results on standard output stay clean."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Scan summary", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("items checked", str(summary.items))
    if summary.skipped:
        table.add_row("invalid lines skipped", str(summary.skipped))
    for verdict in Severity:
        table.add_row(f"verdict {verdict.value}", str(summary.verdicts[verdict.value]))
    for kind, count in sorted(summary.kinds.items(), key=lambda pair: (-pair[1], pair[0])):
        table.add_row(f"findings: {kind}", str(count))
    Console(stderr=True, width=80).print(table)


def format_profile(profile: Profile) -> str:
    """Detectors slowest first, then the engine's own share and the total, per item."""
    total = profile.total or 1.0
    lines = [f"{'detector':<28} {'µs/item':>9} {'share':>6}"]
    for name, micros in sorted(profile.detectors, key=lambda pair: -pair[1]):
        lines.append(f"{name:<28} {micros:>9.1f} {micros / total:>6.1%}")
    lines.append(
        f"{'engine (judging and rest)':<28} {profile.engine:>9.1f} {profile.engine / total:>6.1%}"
    )
    lines += [
        f"{'total':<28} {profile.total:>9.1f}",
        "",
        f"{profile.items} items, {profile.items_per_second:,.0f} items/s in one process",
    ]
    return "\n".join(lines)


def format_evaluation(evaluation: Evaluation, failures: bool) -> str:
    lines = [f"{'kind':<26} {'cases':>5} {'recall':>7} {'precision':>9} {'extra':>5}"]
    for score in evaluation.kinds:
        if score.support or score.false_positives:
            lines.append(
                f"{score.kind.value:<26} {score.support:>5} {_percent(score.recall):>7}"
                f" {_percent(score.precision):>9} {score.false_positives:>5}"
            )
    right = evaluation.cases - sum(not o.verdict_ok for o in evaluation.outcomes)
    lines += [
        "",
        f"verdict accuracy: {_percent(evaluation.verdict_accuracy)} ({right}/{evaluation.cases})",
        f"false alarms on ok cases: {_percent(evaluation.false_alarm_rate)}"
        f" ({evaluation.false_alarms}/{evaluation.ok_cases})",
    ]
    if failures:
        count = len(evaluation.failures)
        lines += ["", f"{count} {'case' if count == 1 else 'cases'} not right:"]
        for outcome in evaluation.failures:
            lines.append(_failure_line(failure_dict(outcome)))
    return "\n".join(lines)


def _failure_line(failure: dict[str, Any]) -> str:
    parts = [f"{failure['id']}: expected {failure['expected']}, got {failure['got']}"]
    if failure["missing"]:
        parts.append("missed " + ", ".join(failure["missing"]))
    if failure["unexpected"]:
        parts.append("also found " + ", ".join(failure["unexpected"]))
    note = f" ({failure['note']})" if failure["note"] else ""
    return "  " + "; ".join(parts) + note


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}" if value in (0, 1) else f"{value:.1%}"


def review_line(loaded: Policy) -> str:
    review = loaded.governance.review
    status = loaded.review_status().value
    if review is None:
        return f"date {status}"
    return f"{status} ({review.text}, from {review.date.isoformat()})"


def format_policy(loaded: Policy) -> str:
    gov = loaded.governance
    lines = [loaded.title, f"School: {loaded.school or '-'}"]
    lines.append(f"Accepted by governors: {gov.accepted.text if gov.accepted else '-'}")
    lines.append(f"Review: {review_line(loaded)}")
    lines += [f"Review cycle: {gov.review_cycle or '-'}", f"Owner: {gov.owner or '-'}"]
    lines.append("Binds: " + ", ".join(r.value for r in Role if r in loaded.roles))
    for section, clauses in loaded.sections():
        lines += ["", section or "Clauses"]
        for clause in clauses:
            roles = ", ".join(r.value for r in Role if r in clause.roles)
            lines.append(f"  {clause.id} [{clause.strength.value}] {clause.kind.value} ({roles})")
            lines.append(f"    {clause.text}")
    if loaded.procedure.steps:
        lines += ["", "Procedure"]
        lines += [f"  {step.id}. {step.text}" for step in loaded.procedure.steps]
        lines += [f"  escalate: {route.label}" for route in loaded.procedure.escalations]
    if loaded.related:
        lines += ["", "Related policies: " + ", ".join(r.title for r in loaded.related)]
    return "\n".join(lines)
