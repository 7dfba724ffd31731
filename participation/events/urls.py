"""Registration pages (inside the language prefix, through participation.urls)."""

from django.urls import path

from . import calendars

app_name = "events"
urlpatterns = [
    path("gatherings/calendar/reset/", calendars.reset_calendar, name="calendar_reset"),
]
