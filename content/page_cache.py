"""Whole-page cache for anonymous visitors of Wagtail pages.

Most visitors read briefings without signing in, and a briefing is the same for all of them.
Serving those pages from the cache, keyed by URL and the content version, skips routing and
rendering entirely (see docs/performance.md). Anything personal bypasses it: signed-in or
session-bearing visitors, query strings, non-GET requests, responses that set cookies or
carry a CSRF token. Participation counts on cached pages may lag by PAGE_CACHE_SECONDS."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from .models import ContentVersion

CACHED_HEADERS = ("Content-Type", "Content-Language", "Vary")


def cacheable_request(request):
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    prefix = request.path.split("/", 2)[1] if request.path.count("/") >= 2 else ""
    return prefix in dict(settings.LANGUAGES)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 60)
        if not seconds or not cacheable_request(request):
            return self.get_response(request)
        numbers = ContentVersion.numbers()
        content = numbers.get(ContentVersion.CONTENT, 0)
        participation = numbers.get(ContentVersion.PARTICIPATION, 0)
        request._content_version = f"v{content}"  # read once: the fragment caches reuse it
        key = f"page:{content}:{participation}:{request.get_host()}:{request.path}"
        cached = cache.get(key)
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content, status=200)
            for name, value in headers.items():
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self.storable(request, response):
            headers = {name: response[name] for name in CACHED_HEADERS if name in response}
            cache.set(key, (response.content, headers), seconds)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def storable(request, response):
        return (
            getattr(request, "serving_wagtail_page", False)
            and not getattr(request, "is_preview", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and response.get("Content-Type", "").startswith("text/html")
            and b"csrfmiddlewaretoken" not in response.content
        )
