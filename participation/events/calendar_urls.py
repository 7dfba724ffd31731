"""iCalendar feeds, outside any language prefix like the API (?lang= picks the language): a host
mounts them with `path("", include("participation.events.calendar_urls"))`."""

from django.urls import path

from . import calendars

app_name = "calendars"
urlpatterns = [
    path("calendar.ics", calendars.site_calendar, name="site"),
    path("calendar/pages/<int:page_id>.ics", calendars.page_calendar, name="page"),
    path("calendar/people/<str:token>.ics", calendars.person_calendar, name="person"),
]
