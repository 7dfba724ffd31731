"""Reads shared by the events views, template tags, calendars and the API."""

from django.db.models import Count, Q

from participation.core.pages import canonical_page, live_versions
from participation.core.visibility import public_viewer

from .models import Registration, Session
from .rules import before_deadline, not_cancelled, not_started, registration_opened


def sessions_for(page):
    """The sessions of an event or edition page, in any of its languages (they hang on its
    default-locale version), earliest first."""
    return Session.objects.filter(page=canonical_page(page))


# What anyone may see, for the API, open data and the public calendars: never who registered,
# never access details, only sessions of pages the public viewer sees.


def public_sessions():
    """Sessions on pages anyone may see (live, under live pages, no view restriction), with
    their page; earliest first."""
    return Session.objects.filter(public_viewer().page_filter("page")).select_related("page", "page__locale")


def with_registration_counts(sessions):
    """Each session annotated with `confirmed` and `waitlisted`: counts, never people."""
    return sessions.annotate(
        confirmed=Count("registrations", filter=Q(registrations__status=Registration.CONFIRMED)),
        waitlisted=Count("registrations", filter=Q(registrations__status=Registration.WAITLISTED)),
    )


def places_left(session):
    """Places not taken yet (a session annotated by with_registration_counts); None: no limit."""
    if session.capacity is None:
        return None
    return max(session.capacity - session.confirmed, 0)


def registration_open(session):
    """Whether anyone signed in may register now, as far as the session is concerned."""
    return all(check(None, session) for check in (not_cancelled, not_started, registration_opened, before_deadline))


def shown_versions(pages, language):
    """{page id: the page's live version in `language`, else the page itself}."""
    versions = live_versions(pages, language)
    return {page.pk: versions.get(page.translation_key, page) for page in pages}


def public_address(session):
    """The address anyone may read; a private one is an access detail."""
    return session.address if session.address and not session.address_is_private else ""
