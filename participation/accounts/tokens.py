"""Signed, expiring links for confirming an email address (no table needed)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing

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
