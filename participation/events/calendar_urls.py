"""iCalendar feeds, outside any language prefix like the API: a host mounts them with
`path("", include("participation.events.calendar_urls"))`."""

from django.urls import path  # noqa: F401

app_name = "calendars"
urlpatterns = []
