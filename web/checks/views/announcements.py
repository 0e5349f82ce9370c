"""School announcements: staff draft, the engine checks, then they are published to the
public news page and its RSS and iCalendar feeds. A blocked announcement cannot be published;
one that needs review needs a person to say they have looked."""

from __future__ import annotations

from accounts.decorators import capability_required
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from checks import actions
from checks.engine import NoPolicy, get_engine
from checks.forms import AnnouncementForm, PublishForm
from checks.models import Announcement, AnnouncementStatus
from netiquette.findings import Result
from netiquette.items import Item
from netiquette.kinds import Channel, Role


def access_announcement(announcement_id: int) -> Announcement:
    return get_object_or_404(Announcement, pk=announcement_id)


def check_announcement(announcement: Announcement) -> Result:
    """As the school's own account would post it: staff, on the school channel."""
    item = Item(
        id=f"announcement-{announcement.pk}",
        text=announcement.text,
        author_role=Role.STAFF,
        channel=Channel.SCHOOL,
        posted_at=timezone.localtime(),
    )
    return get_engine().check(item)


@capability_required("can_publish_announcements")
def list_view(request: HttpRequest) -> HttpResponse:
    announcements = Announcement.objects.order_by("-created_at")[:100]
    return render(request, "checks/announcements.html", {"announcements": announcements})


@capability_required("can_publish_announcements")
def edit_view(request: HttpRequest, announcement_id: int | None = None) -> HttpResponse:
    announcement = access_announcement(announcement_id) if announcement_id else None
    form = AnnouncementForm(request.POST or None, instance=announcement)
    if request.method == "POST" and form.is_valid():
        saved = actions.do_save_announcement(form.instance, request.user)
        return redirect("checks:announcement", announcement_id=saved.pk)
    return render(
        request, "checks/announcement_edit.html", {"form": form, "announcement": announcement}
    )


@capability_required("can_publish_announcements")
def detail_view(request: HttpRequest, announcement_id: int) -> HttpResponse:
    announcement = access_announcement(announcement_id)
    context: dict[str, object] = {"announcement": announcement, "form": PublishForm()}
    try:
        context["result"] = check_announcement(announcement)
    except NoPolicy:
        context["no_policy"] = True
    return render(request, "checks/announcement.html", context)


@require_POST
@capability_required("can_publish_announcements")
def publish_view(request: HttpRequest, announcement_id: int) -> HttpResponse:
    announcement = access_announcement(announcement_id)
    if announcement.status == AnnouncementStatus.PUBLISHED:
        return redirect("checks:announcement", announcement_id=announcement.pk)
    result = check_announcement(announcement)
    form = PublishForm(request.POST)
    reviewed = form.is_valid() and form.cleaned_data["reviewed"]
    if result.verdict == "block":
        messages.error(request, _("This cannot be published: change what the check found."))
    elif result.verdict == "review" and not reviewed:
        messages.error(request, _("Tick the box to say you have read the points raised."))
    else:
        actions.do_publish_announcement(announcement, result.verdict.value, request.user)
        messages.success(request, _("Published."))
    return redirect("checks:announcement", announcement_id=announcement.pk)


@require_POST
@capability_required("can_publish_announcements")
def withdraw_view(request: HttpRequest, announcement_id: int) -> HttpResponse:
    announcement = access_announcement(announcement_id)
    if announcement.status == AnnouncementStatus.PUBLISHED:
        actions.do_withdraw_announcement(announcement, request.user)
        messages.success(request, _("Withdrawn: it no longer appears on the public pages."))
    return redirect("checks:announcement", announcement_id=announcement.pk)
