from django.urls import path

from checks.views import check, friends, placeholders

app_name = "checks"
urlpatterns = [
    path("", check.check_view, name="check"),
    path("check/live/", check.check_live_view, name="check_live"),
    path("friend-requests/", friends.friend_requests_view, name="friend_requests"),
    path("announcements/", placeholders.announcements_view, name="announcements"),
    path("news/", placeholders.events_view, name="events"),
    path("dashboard/", placeholders.dashboard_view, name="dashboard"),
]
