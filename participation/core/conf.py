"""Participation's settings, each with a default, so a host site sets only what it changes."""

from django.conf import settings
from django.utils.translation import gettext

DEFAULT_BASE_TEMPLATE = "participation/base.html"


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
