from django.urls import path

from school import views

app_name = "school"
urlpatterns = [
    path("", views.profile_view, name="profile"),
]
