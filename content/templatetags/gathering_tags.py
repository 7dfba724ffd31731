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
    day = timezone.localtime(value, ZoneInfo(zone)).date()
    return format_date(day, format="long", locale=translation.to_locale(translation.get_language() or "en"))
