from django import template
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from participation.core.visibility import public_viewer, viewer_of

from .. import hooks, queries, times
from ..rules import RULES
from ..services import access_from

register = template.Library()


def _row(session, registration, preselected, user, now):
    """What the block says about one session to this person."""
    access = access_from(session, registration, preselected, now) if registration is not None else None
    return {
        "session": session,
        "places_left": queries.places_left(session),
        "registration": registration,
        "position": queries.position(registration) if registration is not None else None,
        "access": access.details if access else None,
        "access_opens": times.moment(access.opens_at, session.zone) if access and access.opens_at else "",
        "can_cancel": registration is not None and RULES.can(user, "cancel_registration", session),
        # Visitors see the way in when signing in would let them register.
        "open": registration is None and RULES.denial(user, "register", session, assume_signed_in=True) is None,
    }


@register.inclusion_tag("events/includes/sessions.html", takes_context=True)
def event_sessions(context, page):
    """The sessions of an event or edition page: times, places, registration and access.

    Personal state (registered, waiting, access details) is shown to a signed-in person only;
    the anonymous page cache never stores a signed-in visitor's page (content/page_cache.py)."""
    request = context.get("request")
    user = getattr(request, "user", None) or AnonymousUser()
    viewer = viewer_of(request) if request is not None else public_viewer()
    sessions = list(queries.with_places(queries.sessions_for(page).select_related("page")))
    visible = viewer.sees_page(page)
    mine = queries.registrations_by_session(user, [session.pk for session in sessions]) if visible else {}
    preselected = hooks.preselected(page) if mine else False
    now = timezone.now()
    rows = [_row(session, mine.get(session.pk), preselected, user, now) for session in sessions]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "page": page,
        "rows": rows,
        "register_url": reverse("events:register", args=[page.pk]) if visible and any(row["open"] for row in rows) else "",
        # The page's feed is public: offered only where anyone may read it.
        "calendar_url": reverse("calendars:page", args=[page.pk]) if rows and public_viewer().sees_page(page) else "",
    }


@register.inclusion_tag("events/includes/when.html", takes_context=True)
def session_when(context, session):
    """A session's start and end in its own zone, named, and in the visitor's when it differs
    (their saved zone; participation.js puts the browser's zone instead)."""
    request = context.get("request")
    zone = times.zone_of(getattr(request, "user", None))
    return {"session": session, "own": times.when(session), "visitor": times.visitor_when(session, zone)}
