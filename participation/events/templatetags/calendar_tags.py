from django import template
from django.urls import reverse

from ..models import CalendarToken

register = template.Library()


@register.simple_tag(takes_context=True)
def personal_calendar_url(context):
    """The signed-in person's secret feed address (made on first use), absolute for calendar
    applications; empty for anyone else."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    token = CalendarToken.for_user(user)
    return request.build_absolute_uri(reverse("calendars:person", args=[token.token]))
