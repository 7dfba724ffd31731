from zoneinfo import ZoneInfo

from babel.dates import format_date
from django import template
from django.utils import timezone, translation

register = template.Library()


@register.filter
def local_date(value, zone):
    """The date of `value` in `zone`, written the way the visitor's language writes dates
    ("2 October 2026", "2 жовтня 2026 р.")."""
    if not value:
        return ""
    return long_date(timezone.localtime(value, ZoneInfo(zone)).date())


@register.filter
def long_date(day):
    """A date (or a moment, in the site's time zone) in the visitor's language's own form."""
    if not day:
        return ""
    if hasattr(day, "tzinfo"):
        day = timezone.localtime(day).date()
    return format_date(day, format="long", locale=translation.to_locale(translation.get_language() or "en"))
