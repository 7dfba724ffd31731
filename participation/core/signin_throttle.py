"""Throttle the password checks the site does not render itself: Wagtail's admin login, its
front-end login (pages restricted to signed-in people), the page-password form and the admin
password reset. The site's own forms throttle in their views (participation/accounts/views.py);
the keys here are the same, so attempts on one account add up whichever door they come through."""

import math

from django.shortcuts import render

from . import ratelimit
from .conf import rate_limit

# URL name: (scope, the form field naming the account, the key prefix the site's views use).
ACCOUNT_FORMS = {
    "wagtailadmin_login": ("login", "username", "account"),
    "wagtailcore_login": ("login", "username", "account"),
    "wagtailadmin_password_reset": ("password_reset", "email", "email"),
}
PAGE_PASSWORD_FORM = "wagtailcore_authenticate_with_password"


def allowed(request, match):
    address = f"ip:{ratelimit.client_ip(request)}"
    if match.url_name == PAGE_PASSWORD_FORM:
        # Per address, and per protected page with a higher limit: a page password is shared by
        # many people, and one guesser must not lock them all out.
        page = f"restriction:{match.kwargs.get('page_view_restriction_id')}"
        by_page = ratelimit.hit("page_password_page", page)
        by_address = ratelimit.hit("page_password", address)
        return "page_password", by_page and by_address
    scope, field, prefix = ACCOUNT_FORMS[match.url_name]
    ok = ratelimit.hit(scope, address)
    account = request.POST.get(field, "").strip().lower()
    if account:
        ok = ratelimit.hit(scope, f"{prefix}:{account}") and ok
    return scope, ok


def too_many_attempts(request, scope):
    _limit, period = rate_limit(scope)
    context = {"retry_minutes": max(1, math.ceil(period / 60))}
    response = render(request, "core/too_many_attempts.html", context, status=429)
    response["Retry-After"] = str(period)
    return response


class SignInThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None:
            return None
        if match.url_name != PAGE_PASSWORD_FORM and match.url_name not in ACCOUNT_FORMS:
            return None
        scope, ok = allowed(request, match)
        return None if ok else too_many_attempts(request, scope)
