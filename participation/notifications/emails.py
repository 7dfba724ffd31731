"""Notification emails, written in the recipient's language, each with an unsubscribe link."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from participation.accounts.models import person_of
from participation.core.conf import absolute_url as absolute
from participation.core.conf import site_name
from participation.core.visibility import viewer_for

UNSUBSCRIBE_SALT = "participation_notifications.unsubscribe"


def unsubscribe_token(user):
    return signing.dumps({"user": user.pk}, salt=UNSUBSCRIBE_SALT)


def user_from_token(token):
    """The user id in a valid token, or None. Tokens do not expire: old emails keep working."""
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)["user"]
    except (signing.BadSignature, KeyError, TypeError):
        return None


def still_visible(user, notifications):
    """The notifications whose subject the person may still see: a page restricted or
    unpublished since the event stays out of the email."""
    viewer = viewer_for(user)
    return [n for n in notifications if n.content_type_id is None or viewer.sees(n.subject)]


def send(user, notifications, digest=False):
    language = getattr(person_of(user), "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        unsubscribe_url = absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(user)]))
        context = {
            "user": user,
            "notifications": [{"item": n, "url": absolute(n.url)} for n in notifications],
            "unsubscribe_url": unsubscribe_url,
            "settings_url": absolute(reverse("notifications:settings")),
            "site_name": site_name(),
        }
        if digest:
            subject = gettext("Your daily %(site_name)s digest: %(count)s updates") % {
                "site_name": context["site_name"],
                "count": len(notifications),
            }
        else:
            first = notifications[0]
            subject = f"{first.get_kind_display()}: {first.subject_title}"
        body = render_to_string("notifications/email/notifications.txt", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split())[:200],  # one line: a header never carries line breaks
        body=body,
        to=[getattr(user, user.get_email_field_name())],
        headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.send()
