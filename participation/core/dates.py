"""Dates, times and language names as people read them: the one formatting path for the whole
site (pages, emails, admin screens), in the active language's own form from Babel's CLDR data.

Django's `|date` formats miss grammatical case ("7 Грудень 2026" in Ukrainian) and write Arabic dates
in English order ("ديسمبر 7, 2026"); CLDR has "7 грудня 2026 р." and "7 ديسمبر 2026"."""

import datetime
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, format_time
from django.utils import timezone, translation


def active_locale():
    """The Babel locale of the active language (English when Babel does not know it)."""
    try:
        return Locale.parse(translation.to_locale(translation.get_language() or "en"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def _local(value, zone=None):
    """An aware moment in `zone` (a ZoneInfo or an IANA name; default: the current time zone)."""
    if isinstance(zone, str):
        zone = ZoneInfo(zone)
    return timezone.localtime(value, zone) if timezone.is_aware(value) else value


def day(value, zone=None):
    """"7 December 2026", "7 грудня 2026 р.", "7 ديسمبر 2026": a date, or the date of a moment in `zone`."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = _local(value, zone).date()
    return format_date(value, "long", locale=active_locale())


def moment(value, zone=None):
    """"7 December 2026, 2:31 PM": a moment's date and time in `zone`, joined the locale's way."""
    if not value:
        return ""
    locale = active_locale()
    local = _local(value, zone)
    # CLDR's glue pattern: {1} is the date, {0} the time; quoted literals ('at') lose their quotes.
    glue = str(locale.datetime_formats["long"]).replace("'", "")
    return glue.replace("{1}", format_date(local, "long", locale=locale)).replace("{0}", format_time(local, "short", locale=locale))


def month(value):
    """"December 2026", "грудень 2026 р.": a month on its own (nominative where the language has cases)."""
    if not value:
        return ""
    return format_skeleton("yMMMM", value, locale=active_locale())


def language_name(code):
    """The language `code` named in the active language, with that language's capitalisation
    ("anglais" in French, "English" in English). Falls back to Django's name."""
    name = active_locale().languages.get(code.replace("-", "_")) or active_locale().languages.get(code.split("-")[0])
    return name or translation.get_language_info(code)["name_translated"]
