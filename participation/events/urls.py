"""Registration pages (inside the language prefix, through participation.urls)."""

from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("gatherings/<int:page_id>/register/", views.register, name="register"),
    path("gatherings/sessions/<int:session_id>/cancel/", views.cancel, name="cancel"),
    path("gatherings/mine/", views.mine, name="mine"),
]
