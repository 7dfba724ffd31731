from django import template

from participation.notifications import services

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
