"""Registration pages (inside the language prefix, through participation.urls)."""

from django.urls import path  # noqa: F401

app_name = "events"
urlpatterns = []
