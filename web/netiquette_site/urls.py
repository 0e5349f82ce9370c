from django.urls import include, path

urlpatterns = [
    path("accounts/", include("accounts.urls")),
    path("school/", include("school.urls")),
    # checks first: its API is the hot path (no pattern here overlaps another app's).
    path("", include("checks.urls")),
    path("", include("policies.urls")),
    path("", include("cases.urls")),
]
