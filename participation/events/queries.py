"""Reads shared by the events views, template tags, calendars and the API."""

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from participation.core.pages import canonical_page, live_versions
from participation.core.visibility import public_viewer

from .models import Registration, Session
from .rules import before_deadline, not_cancelled, not_started, registration_opened


def sessions_for(page):
    """The sessions of an event or edition page, in any of its languages (they hang on its
    default-locale version), earliest first. The order is explicit: Meta.ordering does not apply
    once a count is annotated (GROUP BY)."""
    return Session.objects.filter(page=canonical_page(page)).order_by("starts_at", "pk")


def with_places(sessions):
    """`confirmed_count` on each session, in the same query."""
    return sessions.annotate(confirmed_count=Count("registrations", filter=Q(registrations__status=Registration.CONFIRMED)))


def places_left(session):
    """None for no limit; needs with_places."""
    if session.capacity is None:
        return None
    return max(session.capacity - session.confirmed_count, 0)


def with_position(registrations):
    """`position` on each registration: 1 for the first person waiting, None when not waiting."""
    ahead = (
        Registration.objects.filter(session=OuterRef("session"), status=Registration.WAITLISTED)
        .filter(Q(created_at__lt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk")))
        .order_by()
        .values("session")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return registrations.annotate(ahead=Coalesce(Subquery(ahead), 0))


def position(registration):
    return registration.ahead + 1 if registration.status == Registration.WAITLISTED else None


def registrations_by_session(user, sessions):
    """The person's active registrations on `sessions` (ids or objects), by session id, with positions."""
    if user is None or not user.is_authenticated:
        return {}
    registrations = with_position(Registration.objects.active().filter(user=user, session__in=sessions))
    return {registration.session_id: registration for registration in registrations}


# What anyone may see, for the API, open data and the public calendars: never who registered,
# never access details, only sessions of pages the public viewer sees.


def public_sessions():
    """Sessions on pages anyone may see (live, under live pages, no view restriction), with
    their page; earliest first."""
    return Session.objects.filter(public_viewer().page_filter("page")).select_related("page", "page__locale")


def with_registration_counts(sessions):
    """`confirmed_count` and `waitlisted_count` on each session: counts, never people."""
    return with_places(sessions).annotate(
        waitlisted_count=Count("registrations", filter=Q(registrations__status=Registration.WAITLISTED))
    )


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
