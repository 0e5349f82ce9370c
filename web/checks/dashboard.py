"""What needs attention: overdue reviews, unread policies, and checks blocked this week."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.utils import timezone
from policies.models import Policy, ReviewState, Status
from policies.progress import GroupProgress, progress

from checks.models import CheckRecord, Verdict

BAR_HEIGHT, GAP, LABEL_WIDTH, CHART_WIDTH = 22, 8, 190, 520


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    y: int
    width: int
    text_y: int


def review_attention() -> list[Policy]:
    policies = Policy.objects.filter(status=Status.ACTIVE).order_by("review_due")
    wanted = {ReviewState.OVERDUE, ReviewState.DUE_SOON}
    return [p for p in policies if p.review_state() in wanted]


def unread() -> list[tuple[Policy, GroupProgress]]:
    out = []
    for policy in Policy.objects.filter(status=Status.ACTIVE).exclude(current_version=None):
        out += [(policy, g) for g in progress(policy) if g.read < g.total]
    return out


def blocked_by_kind(days: int = 7) -> Counter[str]:
    since = timezone.now() - dt.timedelta(days=days)
    counts: Counter[str] = Counter()
    records = CheckRecord.objects.filter(created_at__gte=since, verdict=Verdict.BLOCK)
    for kinds in records.values_list("kinds", flat=True):
        counts.update(kinds)
    return counts


def bars(counts: Counter[str]) -> list[Bar]:
    """Bar geometry for the SVG chart, drawn by the template with no script or style."""
    top = max(counts.values(), default=0)
    usable = CHART_WIDTH - LABEL_WIDTH - 40
    out = []
    for index, (label, count) in enumerate(counts.most_common()):
        y = index * (BAR_HEIGHT + GAP)
        width = max(2, round(usable * count / top)) if top else 0
        out.append(Bar(label, count, y, width, y + BAR_HEIGHT - 6))
    return out


def chart_height(bars: list[Bar]) -> int:
    return len(bars) * (BAR_HEIGHT + GAP)
