from django.urls import path

from school import views

app_name = "school"
urlpatterns = [
    path("", views.profile_view, name="profile"),
    path("edit/", views.edit_school_view, name="edit"),
    path("people/new/", views.person_view, name="person_new"),
    path("people/<int:person_id>/", views.person_view, name="person"),
    path("people/<int:person_id>/delete/", views.delete_person_view, name="person_delete"),
    path("import/", views.import_view, name="import"),
    path("import/confirm/", views.import_confirm_view, name="import_confirm"),
]
