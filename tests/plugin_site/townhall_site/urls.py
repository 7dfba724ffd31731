from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v1/", include("participation.api.urls")),
    path("", include("participation.events.calendar_urls")),  # /calendar.ics and other feeds
    # Every participation page (accounts, proposals, comments, moderation, notifications,
    # activity, open data), here without a language prefix.
    path("", include("participation.urls")),
    path("", include(wagtail_urls)),
]
