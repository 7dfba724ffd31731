"""Facilitators' pages (inside the language prefix, through participation.urls)."""

from django.urls import path

from . import views

app_name = "focusgroups"
urlpatterns = [
    path("focus-groups/", views.mine, name="mine"),
    path("focus-groups/<int:group_id>/", views.group, name="group"),
]
