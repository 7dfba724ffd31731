"""Voting (inside the language prefix, through participation.urls)."""

from django.urls import path

from . import views

app_name = "polls"
urlpatterns = [
    path("polls/<int:poll_id>/vote/", views.vote, name="vote"),
]
