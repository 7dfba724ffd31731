"""iCalendar (RFC 5545) files of sessions, for the calendar feeds and the emails' invite.ics.

Each session is one VEVENT whose UID is stable (session id and site host), so a calendar
application updates it when the session moves or is cancelled. Times are written in the session's
own zone with the VTIMEZONE components that describe it, so daylight-saving changes between
occurrences come out right in every application.

Access details (join link, meeting ID, passcode, private address) are written only for the one
person whose personal feed this is, and only while the access rule (services.access_from, what
access_details_for applies) gives them; every other file carries the event page's address instead."""

from datetime import UTC, timedelta
from functools import lru_cache
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Timezone
from icalendar.timezone import tzid_from_tzinfo

from participation.core.conf import page_absolute_url
from participation.core.visibility import viewer_for

from . import hooks
from .models import Registration
from .services import access_from

PRODID = "-//Dialogue//participation.events//EN"
LINE_OCTETS = 75  # RFC 5545 3.1: longer content lines are folded
# TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped; other
# control characters are not allowed in TEXT, so they are dropped (a tab is allowed).
TEXT_ESCAPES = {ord("\\"): "\\\\", ord(";"): "\\;", ord(","): "\\,", ord("\n"): "\\n", ord("\r"): "\\n"}
TEXT_ESCAPES.update({code: None for code in [*range(0x20), 0x7F] if chr(code) not in "\t\n\r"})


def sessions_calendar(sessions, *, request=None, name="", method=None, person=None, now=None):
    """The iCalendar file (bytes) of `sessions` (Session objects; select_related("page") saves
    queries). `request` makes the page URLs absolute for the host asked (otherwise the Wagtail
    Site's root URL is used, as in emails); `name` titles the calendar; `method` ("PUBLISH",
    "CANCEL"...) is set for email invitations; `person` is the owner of a personal feed: their
    access details are included while they may see them.

    Written line by line rather than through icalendar's components: their per-property objects
    cost about a millisecond per event, too slow for a site-wide feed of thousands of sessions.
    icalendar still writes the VTIMEZONE components (one per zone, however many sessions)."""
    now = now or timezone.now()
    sessions = list(sessions)
    access = _access_of(person, sessions, now) if person is not None else {}
    lines = [b"BEGIN:VCALENDAR", b"VERSION:2.0", _line("PRODID", PRODID)]
    if method:
        lines.append(_line("METHOD", method))
    if name:
        # NAME is RFC 7986's; X-WR-CALNAME is what most calendar applications read.
        lines += [_text("NAME", name), _text("X-WR-CALNAME", name)]
    # {time_zone: its TZID}, worked out once per zone
    zones = {key: _tzid(zone) for key, zone in {session.time_zone: session.zone for session in sessions}.items()}
    lines += _timezones(sessions, {tzid for tzid in zones.values() if tzid})
    pages = _Pages(request)
    stamp = _line("DTSTAMP", _utc(now))
    for session in sessions:
        lines += _event(session, pages, zones[session.time_zone], access.get(session.pk), stamp)
    lines.append(b"END:VCALENDAR")
    return b"\r\n".join(lines) + b"\r\n"


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


class _Pages:
    """Each page's absolute URL and host, worked out once per page however many sessions it
    has (Wagtail's URL routing is what it costs)."""

    def __init__(self, request):
        self.request = request
        self.known = {}

    def url_and_host(self, page):
        if page.pk not in self.known:
            # Feeds link to the host asked; an invite attached to an email, to the public base URL.
            url = (page.get_full_url(self.request) if self.request else page_absolute_url(page)) or ""
            host = urlsplit(url).hostname or (self.request.get_host() if self.request else "localhost")
            self.known[page.pk] = (url, host)
        return self.known[page.pk]


def _event(session, pages, tzid, details, stamp):
    page_url, host = pages.url_and_host(session.page)
    title = f"{session.page.title} · {session.title}" if session.title else session.page.title
    cancelled = session.is_cancelled
    lines = [
        b"BEGIN:VEVENT",
        _text("UID", f"session-{session.pk}@{host}"),
        stamp,
        _when("DTSTART", session.starts_at, session.zone, tzid),
        _when("DTEND", session.ends_at, session.zone, tzid),
        _text("SUMMARY", title),
        b"STATUS:CANCELLED" if cancelled else b"STATUS:CONFIRMED",
        # Calendar applications replace an event by a higher sequence: a cancellation must win.
        b"SEQUENCE:1" if cancelled else b"SEQUENCE:0",
    ]
    url, description, place = _access_lines(session, details, page_url) if details else _public_lines(session, page_url)
    if url:
        lines.append(_line("URL", url))
    if description:
        lines.append(_text("DESCRIPTION", description))
    if place:
        lines.append(_text("LOCATION", place))
    lines.append(b"END:VEVENT")
    return lines


def _public_lines(session, page_url):
    """(URL, DESCRIPTION, LOCATION) of everyone's files: the page, and a public address."""
    return page_url, page_url, session.address if not session.address_is_private else ""


def _access_lines(session, details, page_url):
    """(URL, DESCRIPTION, LOCATION) of the person's own feed within the access window: how to
    get in."""
    join_url = details.get("join_url")
    place = details.get("address") or (session.address if not session.address_is_private else "")
    lines = [_("Join: %(url)s") % {"url": join_url}] if join_url else []
    if details.get("meeting_id"):
        lines.append(_("Meeting ID: %(id)s") % {"id": details["meeting_id"]})
    if details.get("passcode"):
        lines.append(_("Passcode: %(code)s") % {"code": details["passcode"]})
    if page_url:
        lines.append(page_url)
    return join_url or page_url, "\n".join(lines), place or join_url


def _timezones(sessions, tzids):
    """The VTIMEZONE of each zone used, with the transitions around the sessions only: enough
    for every application, and small."""
    if not tzids:
        return []
    first = min(session.starts_at for session in sessions) - timedelta(days=1)
    last = max(session.ends_at for session in sessions) + timedelta(days=1)
    return [_timezone(tzid, first.date(), last.date()) for tzid in sorted(tzids)]


@lru_cache(maxsize=256)
def _timezone(tzid, first_date, last_date):
    """icalendar searches the zone's transitions hour by hour (tens of milliseconds for a zone
    over a year or two); a feed rebuilt after a change usually spans the same days."""
    return Timezone.from_tzid(tzid, first_date=first_date, last_date=last_date).to_ical().rstrip(b"\r\n")


# --- content lines (RFC 5545 3.1 and 3.3) ----------------------------------------------------------


def _tzid(zone):
    """The TZID a zone is written with; None for UTC, which is written with a Z instead."""
    tzid = tzid_from_tzinfo(zone) or str(zone)
    return None if tzid == "UTC" else tzid


def _utc(moment):
    return _local(moment.astimezone(UTC)) + "Z"


def _local(moment):
    return f"{moment.year:04}{moment.month:02}{moment.day:02}T{moment.hour:02}{moment.minute:02}{moment.second:02}"


def _when(name, moment, zone, tzid):
    """A DATE-TIME in the session's own zone (its local time and TZID), or in UTC."""
    if tzid is None:
        return _line(name, _utc(moment))
    return _line(f"{name};TZID={tzid}", _local(timezone.localtime(moment, zone)))


def _text(name, value):
    """A TEXT property, escaped."""
    return _line(name, value.replace("\r\n", "\n").translate(TEXT_ESCAPES))


def _line(name, value):
    """One content line, folded at 75 octets: never inside a UTF-8 sequence nor between a
    backslash and the character it escapes (some applications misread that)."""
    data = f"{name}:{value}".encode()
    if len(data) <= LINE_OCTETS:
        return data
    parts, start, room = [], 0, LINE_OCTETS
    while len(data) - start > room:
        cut = start + room
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte
            cut -= 1
        backslashes = len(data[start:cut]) - len(data[start:cut].rstrip(b"\\"))
        cut -= backslashes % 2
        parts.append(data[start:cut])
        start, room = cut, LINE_OCTETS - 1  # the continuation's leading space counts
    parts.append(data[start:])
    return b"\r\n ".join(parts)
