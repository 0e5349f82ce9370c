from django.urls import path

from policies import importing, views

app_name = "policies"
urlpatterns = [
    path("policy/", views.public_view, name="public"),
    path("policy/<slug:slug>/", views.related_public_view, name="related_public"),
    path("policies/", views.register_view, name="register"),
    path("policies/to-read/", views.to_read_view, name="to_read"),
    path("policies/<slug:slug>/", views.detail_view, name="detail"),
    path("policies/<slug:slug>/edit/", views.edit_view, name="edit"),
    path("policies/<slug:slug>/details/", views.details_view, name="details"),
    path("policies/<slug:slug>/acknowledge/", views.acknowledge_view, name="acknowledge"),
    path("policies/<slug:slug>/import/", importing.upload_view, name="import"),
    path("policies/<slug:slug>/import/accept/", importing.accept_view, name="import_accept"),
]
