from django import template

from participation.core.visibility import viewer_of
from participation.notifications import queries, services

register = template.Library()


@register.inclusion_tag("notifications/includes/follow_button.html", takes_context=True)
def follow_button(context, obj):
    request = context["request"]
    user = request.user
    return {
        "request": request,
        "obj": obj,
        "content_type_id": services.content_type_of(obj).pk,
        "following": services.is_following(user, obj),
        "signed_in": user.is_authenticated,
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def unread_notifications(context):
    """How many notifications the signed-in person has not read: counted once per request."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    if not hasattr(request, "_unread_notifications"):
        request._unread_notifications = queries.unread_count(viewer_of(request))
    return request._unread_notifications
