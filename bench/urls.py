"""The site's URLs plus /bench/bare, a bare Django view: the ceiling the site is compared with."""

from django.http import HttpResponse
from django.urls import path

from config import urls as site_urls


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare", bare, name="bench-bare")]
urlpatterns += site_urls.urlpatterns
