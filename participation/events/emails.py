"""Gathering emails, written in the recipient's language with times in the session's zone and
the person's saved zone. They never carry access details: the event page's address instead, and
the attached invite.ics is the public one (participation.events.ical without a person)."""

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import translation

from participation.accounts.emails import language_of
from participation.accounts.tasks import queue_email
from participation.core.conf import page_absolute_url, site_name

from . import hooks, times
from .ical import sessions_calendar
from .models import Registration
from .services import waiting_position


def _item(session, zone, positions):
    page = session.page.localized  # the page in the recipient's language, when translated
    return {
        "session": session,
        "position": positions.get(session.pk),
        "title": page.title,
        "own": times.when(session),
        "visitor": times.visitor_when(session, zone),
        "url": page_absolute_url(page),
    }


def _send(user, name, sessions, invite=(), method="PUBLISH", positions=None, reference=""):
    """Render events/email/<name>_{subject,body}.txt in the user's language and queue it, with
    `invite` (sessions) as invite.ics; `positions`: places on the waiting list by session id;
    `reference`: the person's reference for a selection by lot."""
    with translation.override(language_of(user)):
        zone = times.zone_of(user)
        items = [_item(session, zone, positions or {}) for session in sessions]
        context = {"site_name": site_name(), "items": items, "waiting": any(item["position"] for item in items), "reference": reference}
        subject = " ".join(render_to_string(f"events/email/{name}_subject.txt", context).split())
        body = render_to_string(f"events/email/{name}_body.txt", context)
        ics = sessions_calendar(invite, method=method).decode() if invite else ""
    queue_email(user=user, subject=subject, body=body, to=getattr(user, get_user_model().get_email_field_name()), ics=ics)


def send_registered(user, registrations):
    """Confirmation of one registration form: places taken, and places on the waiting list."""
    positions = {registration.session_id: waiting_position(registration) for registration in registrations}
    confirmed = [registration.session for registration in registrations if registration.status == Registration.CONFIRMED]
    # In an edition that selects its participants by lot, the reference lets them find themselves on its transparency page.
    reference = registrations[0].reference if registrations and hooks.preselected(registrations[0].session.page) else ""
    _send(user, "registered", [registration.session for registration in registrations], invite=confirmed, positions=positions, reference=reference)


def send_promoted(registration):
    """Someone cancelled: the first person waiting has the place."""
    _send(registration.user, "promoted", [registration.session], invite=[registration.session])


def send_session_cancelled(session):
    """The organisers cancelled the session: everyone registered or waiting is told."""
    for registration in Registration.objects.active().filter(session=session).select_related("user"):
        _send(registration.user, "session_cancelled", [session], invite=[session], method="CANCEL")


def on_session_cancelled(sender, session, **kwargs):
    send_session_cancelled(session)
