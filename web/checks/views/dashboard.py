from __future__ import annotations

from accounts.decorators import capability_required, current_membership
from cases.dashboard import panel_for
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from checks import dashboard


@capability_required("can_see_dashboard")
def dashboard_view(request: HttpRequest) -> HttpResponse:
    counts = dashboard.blocked_by_kind()
    bars = dashboard.bars(counts)
    context = {
        "reviews": dashboard.review_attention(),
        "unread": dashboard.unread(),
        "bars": bars,
        "blocked_total": sum(counts.values()),
        "chart_height": dashboard.chart_height(bars),
        "chart_width": dashboard.CHART_WIDTH,
        "label_width": dashboard.LABEL_WIDTH,
        "bar_height": dashboard.BAR_HEIGHT,
        "cases_panel": panel_for(current_membership(request)),
    }
    return render(request, "checks/dashboard.html", context)
