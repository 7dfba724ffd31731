from django import template

from ..queries import sessions_for

register = template.Library()


@register.inclusion_tag("events/includes/sessions.html", takes_context=True)
def event_sessions(context, page):
    """The sessions of an event or edition page: times, places, registration and access."""
    return {"request": context.get("request"), "page": page, "sessions": list(sessions_for(page))}
