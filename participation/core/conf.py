"""Participation's settings, each with a default, so a host site sets only what it changes."""

from django.conf import settings
from django.utils.translation import gettext

DEFAULT_BASE_TEMPLATE = "participation/base.html"

# (attempts, seconds), counted per client address (and per account for logins and password
# resets, per protected page for page passwords). RATE_LIMITS in settings overrides any of them.
DEFAULT_RATE_LIMITS = {
    "signup": (5, 3600),
    "login": (10, 900),  # the site's form, Wagtail's admin and front-end logins alike
    "password_reset": (5, 3600),
    "email_change": (10, 3600),  # per account and per client: the settings form checks the password
    "page_password": (10, 900),
    "page_password_page": (100, 900),  # per protected page: enough for a room of people with a typo each
    "proposal": (10, 3600),
    "comment": (30, 600),
    "report": (30, 3600),
    "support": (120, 60),
    "registration": (30, 3600),  # gathering registration forms sent, per account
    "api": (100, 60),  # the public API, per client: Decidim's figure, generous for researchers
    "open_data": (30, 60),  # CSV downloads, per client
}


def base_template():
    """The template every participation page extends (PARTICIPATION_BASE_TEMPLATE)."""
    return getattr(settings, "PARTICIPATION_BASE_TEMPLATE", DEFAULT_BASE_TEMPLATE)


def site_name():
    """The name pages and emails give the site: PARTICIPATION_SITE_NAME, else Wagtail's
    WAGTAIL_SITE_NAME. Read from settings, never the database, so the 503 page can use it."""
    return (
        getattr(settings, "PARTICIPATION_SITE_NAME", None)
        or getattr(settings, "WAGTAIL_SITE_NAME", None)
        or gettext("Participation")
    )


def rate_limit(scope):
    """(attempts, seconds) for a scope: settings.RATE_LIMITS[scope], else the default."""
    return {**DEFAULT_RATE_LIMITS, **getattr(settings, "RATE_LIMITS", {})}[scope]


def trusted_proxy_count():
    """How many proxies in front of the site append to X-Forwarded-For (TRUSTED_PROXY_COUNT);
    0, the default, counts REMOTE_ADDR."""
    return int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))


def base_url():
    """The site's public address, e.g. https://dialogue.example: PARTICIPATION_BASE_URL, else
    Wagtail's WAGTAILADMIN_BASE_URL. Emails are sent outside any request (tasks, digests), so
    every link they carry is built on this one setting, never on a request's host."""
    url = getattr(settings, "PARTICIPATION_BASE_URL", None) or getattr(settings, "WAGTAILADMIN_BASE_URL", None) or ""
    return url.rstrip("/")


def absolute_url(path):
    """`path` (a URL path, or an address already absolute) on the public base URL."""
    if not path or "://" in path:
        return path or ""
    return base_url() + path


def page_absolute_url(page):
    """A Wagtail page's public address on the base URL (its language prefix included), whatever
    host its Wagtail Site record names."""
    parts = page.get_url_parts()
    return absolute_url(parts[2]) if parts else ""
