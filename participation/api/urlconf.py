"""The API alone, as a URL configuration. API views answer with it as `request.urlconf` (see
urls.read_only): LocaleMiddleware then leaves their 404s alone. With the site's configuration it
would turn them into redirects to /<lang>/api/v1/..., where Wagtail's catch-all route answers
with an HTML page instead of the JSON a program expects. Mounted where config/urls.py mounts it."""

from django.urls import include, path

urlpatterns = [path("api/v1/", include("participation.api.urls"))]
