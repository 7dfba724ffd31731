"""A session's time as people read it: the date and start–end in the active language's own form
(Babel), in a named zone ("Kyiv time"), for pages, emails and calendars alike."""

from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date, format_time, get_timezone_location
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.accounts.models import person_of
from participation.core.dates import active_locale as _locale


class When(NamedTuple):
    zone: str  # the IANA name, for data attributes
    text: str  # "Saturday, 10 October 2026, 10:00 AM – 1:00 PM (Kyiv time)"


def zone_name(zone, locale=None):
    """"Kyiv time", the city in the active language."""
    city = get_timezone_location(zone, locale=locale or _locale(), return_city=True)
    return _("%(city)s time") % {"city": city}


def when(session, zone=None):
    """The session's start and end in `zone` (a ZoneInfo; default: the session's own)."""
    zone = zone or session.zone
    locale = _locale()
    start, end = timezone.localtime(session.starts_at, zone), timezone.localtime(session.ends_at, zone)
    date = format_date(start, "full", locale=locale)
    start_time, end_time = format_time(start, "short", locale=locale), format_time(end, "short", locale=locale)
    if end.date() != start.date():  # past midnight: say which day it ends
        end_time = _("%(date)s, %(time)s") % {"date": format_date(end, "full", locale=locale), "time": end_time}
    text = _("%(date)s, %(start)s – %(end)s (%(zone)s)") % {"date": date, "start": start_time, "end": end_time, "zone": zone_name(zone, locale)}
    return When(str(zone), text)


def zone_of(user):
    """The person's saved zone (accounts settings), or None."""
    name = getattr(person_of(user), "time_zone", "")
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def visitor_when(session, zone):
    """The session in the visitor's zone, or None when it is the session's own (nothing to add)."""
    if zone is None or str(zone) == session.time_zone:
        return None
    return when(session, zone)


def moment(value, zone):
    """One instant (e.g. when the access details appear) in `zone`, named."""
    locale = _locale()
    local = timezone.localtime(value, zone)
    return _("%(date)s, %(time)s (%(zone)s)") % {
        "date": format_date(local, "full", locale=locale), "time": format_time(local, "short", locale=locale), "zone": zone_name(zone, locale),
    }  # fmt: skip
