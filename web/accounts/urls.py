from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("login/verify/", views.verify_view, name="verify"),
    path("logout/", views.logout_view, name="logout"),
    path("two-factor/", views.two_factor_view, name="two_factor"),
    path("two-factor/start/", views.two_factor_start_view, name="two_factor_start"),
    path("two-factor/disable/", views.two_factor_disable_view, name="two_factor_disable"),
    path("people/", views.people_view, name="people"),
    path("people/<int:user_id>/", views.member_view, name="member"),
]
