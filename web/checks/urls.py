from django.urls import path

from checks import api, feeds
from checks.views import announcements, check, dashboard, friends, tokens

app_name = "checks"
# The API first: scripts call it most, and each pattern tried before a match costs time.
urlpatterns = [
    path("api/v1/check", api.check_one, name="api_check"),
    path("api/v1/check/batch", api.check_batch, name="api_batch"),
    path("api/v1/policy", api.policy, name="api_policy"),
    path("api/v1/openapi.json", api.schema, name="api_schema"),
    path("", check.check_view, name="check"),
    path("check/live/", check.check_live_view, name="check_live"),
    path("friend-requests/", friends.friend_requests_view, name="friend_requests"),
    path("announcements/", announcements.list_view, name="announcements"),
    path("announcements/new/", announcements.edit_view, name="announcement_new"),
    path("announcements/<int:announcement_id>/", announcements.detail_view, name="announcement"),
    path(
        "announcements/<int:announcement_id>/edit/",
        announcements.edit_view,
        name="announcement_edit",
    ),
    path(
        "announcements/<int:announcement_id>/publish/",
        announcements.publish_view,
        name="announcement_publish",
    ),
    path(
        "announcements/<int:announcement_id>/withdraw/",
        announcements.withdraw_view,
        name="announcement_withdraw",
    ),
    path("news/", feeds.news_view, name="events"),
    path("news/feed.rss", feeds.AnnouncementFeed(), name="feed_rss"),
    path("news/events.ics", feeds.ical_view, name="feed_ics"),
    path("dashboard/", dashboard.dashboard_view, name="dashboard"),
    path("api/tokens/", tokens.tokens_view, name="tokens"),
    path("api/tokens/<int:token_id>/revoke/", tokens.revoke_view, name="token_revoke"),
]
