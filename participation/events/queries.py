"""Reads shared by the events views, template tags, calendars and the API."""

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from participation.core.pages import canonical_page

from .models import Registration, Session


def sessions_for(page):
    """The sessions of an event or edition page, in any of its languages (they hang on its
    default-locale version), earliest first."""
    return Session.objects.filter(page=canonical_page(page))


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
