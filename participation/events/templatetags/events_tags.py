from django import template

from ..queries import sessions_for

register = template.Library()


@register.inclusion_tag("events/includes/sessions.html", takes_context=True)
def event_sessions(context, page):
    """The sessions of an event or edition page: times, places, registration and access."""
    return {"request": context.get("request"), "page": page, "sessions": list(sessions_for(page))}


@register.inclusion_tag("events/includes/when.html", takes_context=True)
def session_when(context, session):
    """A session's start and end in its own zone, named, and in the visitor's when it differs."""
    return {"session": session}
