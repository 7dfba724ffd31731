"""Signed, expiring links for confirming an email address (no table needed)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

CONFIRM_SALT = "accounts.confirm-email"
DEFAULT_CONFIRMATION_MAX_AGE = 3 * 24 * 3600


class InvalidToken(Exception):
    pass


class ExpiredToken(InvalidToken):
    pass


def confirmation_max_age():
    return getattr(settings, "ACCOUNT_CONFIRMATION_MAX_AGE", DEFAULT_CONFIRMATION_MAX_AGE)


def confirmation_token(user):
    # The email is signed too: a link stops working if the address it was sent to changes.
    return signing.dumps({"user": user.pk, "email": getattr(user, user.get_email_field_name())}, salt=CONFIRM_SALT)


def user_for_confirmation(token):
    """The (not deleted) account a confirmation token names; ExpiredToken or InvalidToken otherwise."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=confirmation_max_age())
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except signing.BadSignature as error:
        raise InvalidToken from error
    if not isinstance(data, dict):
        raise InvalidToken
    User = get_user_model()
    user = (
        User._default_manager.filter(
            pk=data.get("user"), **{User.get_email_field_name(): data.get("email")}, participant__deleted_at__isnull=True
        )
        .select_related("participant")
        .first()
    )
    if user is None:
        raise InvalidToken
    return user


EMAIL_CHANGE_SALT = "accounts.change-email"


def _password_mark(user):
    # Changes with the password: a new password (the old address's owner taking their account
    # back) voids every change of address asked for before it.
    return salted_hmac(EMAIL_CHANGE_SALT, user.password).hexdigest()[:20]


def email_change_token(user, new_email):
    # The current address is signed too: once the address changes, every older link stops working.
    data = {"user": user.pk, "email": getattr(user, user.get_email_field_name()), "new": new_email}
    return signing.dumps({**data, "password": _password_mark(user)}, salt=EMAIL_CHANGE_SALT)


def email_change_for(token):
    """(user, new address) of a change of address still waiting for this link; ExpiredToken or
    InvalidToken otherwise (a newer request, or a change already made, voids older links)."""
    try:
        data = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=confirmation_max_age())
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except signing.BadSignature as error:
        raise InvalidToken from error
    if not isinstance(data, dict) or not data.get("new"):
        raise InvalidToken
    User = get_user_model()
    user = (
        User._default_manager.filter(
            pk=data.get("user"),
            **{User.get_email_field_name(): data.get("email")},
            is_active=True,
            participant__deleted_at__isnull=True,
            participant__pending_email__iexact=data["new"],
        )
        .select_related("participant")
        .first()
    )
    if user is None or not constant_time_compare(str(data.get("password")), _password_mark(user)):
        raise InvalidToken
    return user, user.participant.pending_email
