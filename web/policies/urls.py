from django.urls import path

from policies import views

app_name = "policies"
urlpatterns = [
    path("policy/", views.public_view, name="public"),
    path("policies/to-read/", views.to_read_view, name="to_read"),
    path("policies/", views.register_view, name="register"),
]
