from django.urls import include, path

urlpatterns = [
    path("accounts/", include("accounts.urls")),
    path("school/", include("school.urls")),
    path("", include("policies.urls")),
    path("", include("checks.urls")),
    path("", include("cases.urls")),
]
