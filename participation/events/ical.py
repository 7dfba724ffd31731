"""iCalendar (RFC 5545) files of sessions, for the calendar feeds and the emails' invite.ics.

Each session is one VEVENT whose UID is stable (session id and site host), so a calendar
application updates it when the session moves or is cancelled. Times are written in the session's
own zone with the VTIMEZONE components that describe it, so daylight-saving changes between
occurrences come out right in every application.

Access details (join link, meeting ID, passcode, private address) are written only for the one
person whose personal feed this is, and only while the access rule (services.access_from, what
access_details_for applies) gives them; every other file carries the event page's address instead."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from participation.core.visibility import viewer_for

from . import hooks
from .models import Registration
from .services import access_from

PRODID = "-//Dialogue//participation.events//EN"


def sessions_calendar(sessions, *, request=None, name="", method=None, person=None, now=None):
    """The iCalendar file (bytes) of `sessions` (Session objects; select_related("page") saves
    queries). `request` makes the page URLs absolute for the host asked (otherwise the Wagtail
    Site's root URL is used, as in emails); `name` titles the calendar; `method` ("PUBLISH",
    "CANCEL"...) is set for email invitations; `person` is the owner of a personal feed: their
    access details are included while they may see them."""
    now = now or timezone.now()
    calendar = Calendar.new(prodid=PRODID, method=method, name=name or None)
    sessions = list(sessions)
    access = _access_of(person, sessions, now) if person is not None else {}
    for session in sessions:
        calendar.add_component(_event(session, request, access.get(session.pk), now))
    if sessions:
        # Transitions only around the sessions: enough for every application, and small.
        first = min(session.starts_at for session in sessions) - timedelta(days=1)
        last = max(session.ends_at for session in sessions) + timedelta(days=1)
        calendar.add_missing_timezones(first_date=first.date(), last_date=last.date())
    return calendar.to_ical()


def _access_of(person, sessions, now):
    """{session id: access details} of a personal feed's owner, for the sessions they may see
    them in now: their confirmed registrations in one query and one viewer, however many
    sessions (a page's pre-selection is read once per page object)."""
    viewer = viewer_for(person)
    confirmed = Registration.objects.filter(user=person, status=Registration.CONFIRMED, session__in=[s.pk for s in sessions])
    registrations = {registration.session_id: registration for registration in confirmed}
    access = {}
    for session in sessions:
        if session.is_cancelled or not viewer.sees_page(session.page):
            continue
        preselected = hooks.preselected(session.page)
        access[session.pk] = access_from(session, registrations.get(session.pk), preselected=preselected, now=now).details
    return access


def _event(session, request, details, now):
    page_url = session.page.get_full_url(request) or ""
    host = urlsplit(page_url).hostname or (request.get_host() if request else "localhost")
    zone = session.zone
    event = Event()
    event.add("uid", f"session-{session.pk}@{host}")
    event.add("dtstamp", now)
    event.add("dtstart", timezone.localtime(session.starts_at, zone))
    event.add("dtend", timezone.localtime(session.ends_at, zone))
    event.add("summary", f"{session.page.title} · {session.title}" if session.title else session.page.title)
    event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    # Calendar applications replace an event by a higher sequence: a cancellation must win.
    event.add("sequence", 1 if session.is_cancelled else 0)
    if details:
        _add_access(event, session, details, page_url)
        return event
    if page_url:
        event.add("url", page_url)
        event.add("description", page_url)
    if session.address and not session.address_is_private:
        event.add("location", session.address)
    return event


def _add_access(event, session, details, page_url):
    """The person's own feed within the access window: how to get in."""
    join_url = details.get("join_url")
    place = details.get("address") or (session.address if not session.address_is_private else "")
    lines = []
    if join_url:
        event.add("url", join_url)
        lines.append(_("Join: %(url)s") % {"url": join_url})
    elif page_url:
        event.add("url", page_url)
    if details.get("meeting_id"):
        lines.append(_("Meeting ID: %(id)s") % {"id": details["meeting_id"]})
    if details.get("passcode"):
        lines.append(_("Passcode: %(code)s") % {"code": details["passcode"]})
    if page_url:
        lines.append(page_url)
    event.add("description", "\n".join(lines))
    if place or join_url:
        event.add("location", place or join_url)
