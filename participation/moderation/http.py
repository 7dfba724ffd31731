"""Small request helpers shared by the participation apps that post from public pages."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.urls import NoReverseMatch, reverse


def wants_json(request):
    """A fetch() from participation.js asks for JSON; a plain form post gets a page or a redirect."""
    return "application/json" in request.headers.get("Accept", "")


def json_error(message, status=400, **extra):
    return JsonResponse({"error": str(message), **extra}, status=status)


def sign_in_url(next_url=None):
    """The citizens' sign-in page (accounts app) when installed, else the Wagtail admin login."""
    try:
        url = reverse("accounts:login")
    except NoReverseMatch:
        url = "/admin/login/"
    if next_url:
        url = f"{url}?{urlencode({'next': next_url})}"
    return url
