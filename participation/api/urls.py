"""/api/v1/: the API's routes, made read-only, and a JSON 404 for any other address under it.

django-ninja marks its views CSRF-exempt (APIs are not called from forms). That is safe here only
because nothing under /api/v1/ writes: every method but GET and HEAD gets 405 before a view runs.
tests/security/test_csrf.py holds this exemption to that promise."""

from functools import wraps

from django.http import JsonResponse
from django.urls import re_path, reverse
from django.utils.translation import gettext as _

from participation.core import ratelimit

from .api import api

READ_METHODS = ("GET", "HEAD")
API_ONLY_URLCONF = "participation.api.urlconf"


def read_only(view):
    limited = ratelimit.per_client("api")(view)  # settings.RATE_LIMITS["api"] per client address

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.urlconf = API_ONLY_URLCONF  # a 404 stays a JSON 404 (see urlconf.py)
        if request.method not in READ_METHODS:
            response = JsonResponse({"error": _("This API is read-only: use GET.")}, status=405)
            response["Allow"] = ", ".join(READ_METHODS)
            return response
        if request.method == "HEAD":
            # Answer HEAD as GET (the server drops the body), as Django's class-based views do.
            request.method = "GET"
        return limited(request, *args, **kwargs)

    wrapper.csrf_exempt = True
    return wrapper


@read_only
def no_such_endpoint(request, *args, **kwargs):
    schema = request.build_absolute_uri(reverse("api:openapi-json"))
    return JsonResponse({"error": _("There is no such address in the API: see %(schema)s.") % {"schema": schema}}, status=404)


app_name = "api"
patterns, _app, _namespace = api.urls
for pattern in patterns:
    pattern.callback = read_only(pattern.callback)
urlpatterns = [*patterns, re_path(r"^.*$", no_such_endpoint, name="no_such_endpoint")]
