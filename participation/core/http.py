"""The one set of HTTP helpers of participation's views: JSON or a page, sign-in redirects, safe
`next` URLs."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

SIGN_IN = _("Sign in to take part.")


def number_from(value):
    """A request parameter as a database id or page number: plain ASCII digits that fit a 64-bit
    integer, or None. (str.isdigit also takes "²" and 5,000-digit strings, which int() and the
    database refuse with an error.)"""
    value = str(value or "")
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 18 else None


def wants_json(request):
    """A fetch() from participation.js or an API client asks for JSON; a form post gets a page."""
    return (
        "application/json" in request.headers.get("Accept", "")
        or request.headers.get("X-Requested-With") == "XMLHttpRequest"
        or request.path_info.startswith("/api/")
    )


def json_error(message, status=400, **extra):
    return JsonResponse({"error": str(message), **extra}, status=status)


def refused(request, message, status=403, back_url=None, redirect_back=False):
    """A refusal as the person expects it, with its reason in their language: JSON for scripts;
    for people, the message on the page they came from (redirect_back), or a page saying why with
    a way back."""
    if wants_json(request):
        return json_error(message, status=status)
    if redirect_back and back_url:
        messages.error(request, message)
        return HttpResponseRedirect(back_url)  # a URL, never a view name to reverse
    return TemplateResponse(request, "participation/refused.html", {"message": message, "back_url": back_url}, status=status)


def sign_in_url(next_url=None):
    """The citizens' sign-in page (accounts app) when installed, else the Wagtail admin login."""
    try:
        url = reverse("accounts:login")
    except NoReverseMatch:
        url = "/admin/login/"
    if next_url:
        url = f"{url}?{urlencode({'next': next_url})}"
    return url


def sign_in_first(request, next_url=None, message=SIGN_IN):
    """Not signed in: 401 with the reason for scripts, the sign-in page (then back) for people."""
    if wants_json(request):
        return json_error(message, status=401)
    return HttpResponseRedirect(sign_in_url(next_url or request.get_full_path()))


def safe_next(request, default):
    """The `next` URL the request carries, if it stays on this site; `default` otherwise.

    Redirect to it with HttpResponseRedirect, not redirect(): a bare word such as "home" is a
    valid relative URL, and redirect() would try to reverse it as a view name."""
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default
