"""Refuse requests carrying a NUL byte or invalid UTF-8 with 400 Bad Request, before any view.

No view can do anything useful with such text, and some layers fail on it with a 500: PostgreSQL
refuses NUL in a text value, a template or an email header may choke on it. The check reads the
raw bytes (path, query string, urlencoded body) because Django's own decoding replaces or
re-escapes invalid UTF-8; multipart fields are checked after parsing, for NUL only (files may
hold anything).

Place it before the middleware that read the session or the database: nothing should touch them
with such input."""

from urllib.parse import unquote_to_bytes

from django.http import HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .conf import site_name
from .http import wants_json


def _bad(raw):
    """True for bytes that are not UTF-8 text or that hold a NUL."""
    try:
        return "\x00" in raw.decode("utf-8")
    except UnicodeDecodeError:
        return True


def _bad_form_data(request):
    content_type = request.content_type or ""
    if content_type == "application/x-www-form-urlencoded":
        return _bad(unquote_to_bytes(request.body.replace(b"+", b" ")))
    if content_type == "multipart/form-data":
        return any("\x00" in key or any("\x00" in value for value in values) for key, values in request.POST.lists())
    return False


def bad_input(request):
    # Django re-percent-encodes the bytes of the path that are not UTF-8 ("%FF"): undo that.
    if _bad(unquote_to_bytes(request.path_info)):
        return True
    if _bad(unquote_to_bytes(request.META.get("QUERY_STRING", "").replace("+", " "))):
        return True
    return request.method == "POST" and _bad_form_data(request)


def bad_input_response(request):
    # The locale middleware has not run yet: take the language from the address or the browser.
    with translation.override(translation.get_language_from_request(request, check_path=True)):
        message = _("This address or form contains characters that are not valid text. Please check what you typed.")
        if wants_json(request):
            return JsonResponse({"error": message}, status=400)
        context = {"message": message, "site_name": site_name()}
        return HttpResponseBadRequest(render_to_string("core/bad_request.html", context))


class BadInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if bad_input(request):
            return bad_input_response(request)
        return self.get_response(request)
