"""Reads shared by the events views, template tags, calendars and the API."""

from participation.core.pages import canonical_page

from .models import Session


def sessions_for(page):
    """The sessions of an event or edition page, in any of its languages (they hang on its
    default-locale version), earliest first."""
    return Session.objects.filter(page=canonical_page(page))
