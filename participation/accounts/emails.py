"""Account emails, written in the recipient's language and sent through the task queue."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from participation.core.conf import absolute_url, site_name

from . import tokens
from .models import person_of
from .tasks import queue_email


def language_of(user):
    codes = {code for code, _name in settings.LANGUAGES}
    language = getattr(person_of(user), "language", "")
    return language if language in codes else settings.LANGUAGE_CODE


def render(name, context):
    """Subject (one line) and plain-text body of accounts/email/<name>_{subject,body}.txt."""
    subject = " ".join(render_to_string(f"accounts/email/{name}_subject.txt", context).split())
    body = render_to_string(f"accounts/email/{name}_body.txt", context)
    return subject, body


def send(user, name, context, to=None):
    """Render in the user's language (the caller has already overridden it) and enqueue, to the
    user's address unless `to` says otherwise."""
    subject, body = render(name, {"user": user, "site_name": site_name(), **context})
    queue_email(user=user, subject=subject, body=body, to=to or getattr(user, user.get_email_field_name()))


def send_confirmation(user):
    with translation.override(language_of(user)):
        path = reverse("accounts:confirm", args=[tokens.confirmation_token(user)])
        send(
            user,
            "confirm",
            {"confirm_url": absolute_url(path), "max_age_days": max(1, tokens.confirmation_max_age() // 86400)},
        )


def send_signup_attempt(user):
    """To the owner of an address someone tried to sign up with: the sign-up page itself says
    nothing, so that nobody learns which addresses have an account."""
    with translation.override(language_of(user)):
        send(
            user,
            "signup_attempt",
            {
                "login_url": absolute_url(reverse("accounts:login")),
                "password_reset_url": absolute_url(reverse("accounts:password_reset")),
            },
        )


def send_email_change(user, new_email):
    """The confirmation link to the new address, and a word to the current one."""
    with translation.override(language_of(user)):
        path = reverse("accounts:confirm_email_change", args=[tokens.email_change_token(user, new_email)])
        context = {"new_email": new_email, "max_age_days": max(1, tokens.confirmation_max_age() // 86400)}
        send(user, "email_change", {**context, "confirm_url": absolute_url(path)}, to=new_email)
        send(
            user,
            "email_change_notice",
            {**context, "password_reset_url": absolute_url(reverse("accounts:password_reset"))},
        )
