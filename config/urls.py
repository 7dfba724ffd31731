from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from content import views as content_views

urlpatterns = [
    path("healthz", content_views.healthz, name="healthz"),
    path("favicon.ico", content_views.favicon, name="favicon"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Outside the language prefix: the API's language is a parameter (?lang=), not the address.
    path("api/v1/", include("participation.api.urls")),
    path("", include("participation.events.calendar_urls")),  # /calendar.ics and other feeds
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_IMAGES:
    # Only renditions: documents keep going through /documents/, which applies their privacy.
    from django.views.static import serve

    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}images/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT / "images"})
    )

urlpatterns += i18n_patterns(
    path("search/", content_views.search, name="search"),
    path("", include("participation.urls")),
    path("", include(wagtail_urls)),
)
