"""Writes to accounts: registration, confirmation, change of address, deletion."""

import secrets
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from participation.core.signals import public_content_changed

from .models import Person
from .signals import account_deleted


class AccountExists(Exception):
    """The address belongs to an account that is not waiting for confirmation: `user`."""

    def __init__(self, user):
        super().__init__()
        self.user = user


class NicknameTaken(Exception):
    """Someone took the nickname between the form check and the save."""


class EmailTaken(Exception):
    """Another account uses the address by the time a change of address is confirmed."""


def _replace_pending_registrations(User, email):
    """Delete the unconfirmed registrations holding this address: an unconfirmed account proves
    nothing, and whoever holds the mailbox must be able to use it (and a stranger's leftover
    password must not survive into their account)."""
    email_field = User.get_email_field_name()
    pending = Person.objects.awaiting_confirmation().filter(**{f"user__{email_field}__iexact": email})
    User._default_manager.filter(pk__in=pending.values("user_id")).delete()


def _account_with_email(User, email):
    return User._default_manager.filter(**{f"{User.get_email_field_name()}__iexact": email}).first()


def _set_username(user, User):
    # Citizens never see or type a username (they sign in with their email, and the public
    # sees their nickname): a random, stable handle for the admin, when the model has one.
    if User.USERNAME_FIELD != User.get_email_field_name():
        setattr(user, User.USERNAME_FIELD, f"participant-{secrets.token_hex(6)}")


def register(*, email, nickname, password, full_name="", language=""):
    """A new, inactive account that waits for its email confirmation, with its Person.

    An earlier registration with the same address that was never confirmed is replaced. Raises
    AccountExists when another account has the address, NicknameTaken when someone took the
    nickname meanwhile."""
    User = get_user_model()
    email_field = User.get_email_field_name()
    user = User(**{email_field: email}, is_active=False)
    _set_username(user, User)
    user.set_password(password)
    try:
        with transaction.atomic():
            _replace_pending_registrations(User, email)
            if (existing := _account_with_email(User, email)) is not None:
                raise AccountExists(existing)
            user.save()
            user.participant = Person.objects.create(
                user=user, nickname=nickname, full_name=full_name, language=language, accepted_terms_at=timezone.now()
            )
    except IntegrityError as error:
        # A concurrent sign-up: with the address, or else with the nickname.
        if (existing := _account_with_email(User, email)) is not None:
            raise AccountExists(existing) from error
        raise NicknameTaken from error
    return user


def confirm_email(user):
    """Activate an account waiting for confirmation. False if it was confirmed already (or
    deactivated since by a moderator, which a confirmation link must not undo)."""
    now = timezone.now()
    with transaction.atomic():
        updated = Person.objects.awaiting_confirmation().filter(user=user).update(email_confirmed_at=now)
        if updated:
            get_user_model()._default_manager.filter(pk=user.pk).update(is_active=True)
    if updated:
        user.is_active = True
        user.participant.email_confirmed_at = now
    return bool(updated)


def request_email_change(user, new_email):
    """Remember the new address until its link is opened; a newer request replaces it."""
    Person.objects.filter(user=user).update(pending_email=new_email)
    user.participant.pending_email = new_email


def change_email(user, new_email):
    """Make the confirmed new address the account's sign-in address. EmailTaken if another
    account uses it by now (an unconfirmed registration with it is replaced, as at sign-up)."""
    User = get_user_model()
    email_field = User.get_email_field_name()
    try:
        with transaction.atomic():
            _replace_pending_registrations(User, new_email)
            if User._default_manager.filter(**{f"{email_field}__iexact": new_email}).exclude(pk=user.pk).exists():
                raise EmailTaken
            User._default_manager.filter(pk=user.pk).update(**{email_field: new_email})
            Person.objects.filter(user=user).update(pending_email="")
    except IntegrityError as error:  # taken in the same instant
        raise EmailTaken from error
    setattr(user, email_field, new_email)
    user.participant.pending_email = ""


def delete_account(user):
    """Delete the person's account and everything personal; what they contributed stays, signed
    "Deleted participant", and their supports and votes still count, pointing at nobody.

    Other apps remove what they consider personal through the account_deleted signal, in the same
    transaction: either everything personal goes, or nothing changes. A host site whose own data
    protects its users from deletion gets the user row emptied and deactivated instead."""
    User = get_user_model()
    user_pk = user.pk
    with transaction.atomic():
        user = User._default_manager.select_for_update().get(pk=user_pk)
        account_deleted.send(sender=User, user=user)
        try:
            with transaction.atomic():
                user.delete()
        except ProtectedError:
            _anonymise_in_place(user)
        # Their contributions lost their author without a model signal: cached pages still name them.
        public_content_changed.send(sender=User)
    delete_sessions(user_pk)


def _anonymise_in_place(user):
    """The user row stays for the host's sake, with nothing personal on it or pointing at it."""
    User = type(user)
    email_field = User.get_email_field_name()
    if User.USERNAME_FIELD != email_field:
        setattr(user, User.USERNAME_FIELD, f"deleted-{user.pk}")
    setattr(user, email_field, f"deleted-{user.pk}@invalid.example")
    for name in ("first_name", "last_name"):
        if hasattr(user, name):
            setattr(user, name, "")
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    from wagtail.users.models import UserProfile

    UserProfile.objects.filter(user=user).delete()
    from .queries import personal_data_models

    for model, fields in personal_data_models():
        for name in fields:
            rows = model._default_manager.filter(**{name: user})
            if model._meta.get_field(name).null:
                rows.update(**{name: None})
            else:
                rows.delete()
    Person.objects.update_or_create(
        user=user,
        defaults={
            "nickname": None,
            "full_name": "",
            "language": "",
            "accepted_terms_at": None,
            "email_confirmed_at": None,
            "pending_email": "",
            "deleted_at": timezone.now(),
        },
    )


def delete_sessions(user_pk):
    """End every session of the user where the session store can be searched (database-backed
    stores). Other stores are covered anyway: the password hash changed and the account is
    inactive, so Django refuses those sessions on their next request."""
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store_class, "get_model_class"):
        return 0
    deleted = 0
    sessions = store_class.get_model_class().objects.filter(expire_date__gt=timezone.now())
    for session in sessions.only("session_key", "session_data").iterator():
        data = store_class().decode(session.session_data)
        if str(data.get(SESSION_KEY)) == str(user_pk):
            store_class(session.session_key).delete()
            deleted += 1
    return deleted
