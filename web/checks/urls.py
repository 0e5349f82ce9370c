from django.urls import path

from checks import views

app_name = "checks"
urlpatterns = [
    path("", views.check_view, name="check"),
    path("friend-requests/", views.friend_requests_view, name="friend_requests"),
    path("announcements/", views.announcements_view, name="announcements"),
    path("news/", views.events_view, name="events"),
    path("dashboard/", views.dashboard_view, name="dashboard"),
]
