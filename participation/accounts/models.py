import unicodedata

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .validators import nickname_skeleton


def nickname_key(nickname):
    """The form of a nickname that must be unique: "Émile", "ÉMILE" and "émile" are one name.

    Computed in Python because SQLite's lower() only folds ASCII."""
    if not nickname:
        return None
    return unicodedata.normalize("NFKC", nickname).casefold()


class PersonQuerySet(models.QuerySet):
    def public(self):
        """People whose profile anyone may see: active, not deleted, with a nickname."""
        return self.filter(user__is_active=True, deleted_at__isnull=True, nickname__isnull=False)

    def awaiting_confirmation(self):
        return self.filter(user__is_active=False, email_confirmed_at__isnull=True, deleted_at__isnull=True)

    def for_user(self, user):
        """The person of a signed-in user, created when first needed: the host site's users (staff,
        people who signed up elsewhere) start taking part without a migration."""
        person = person_of(user)
        if person is None:
            person, _created = self.get_or_create(user=user)
            user.participant = person
        return person


class Person(models.Model):
    """What participation knows about a person, one-to-one with the host site's user model
    (any AUTH_USER_MODEL): a public nickname shown on contributions, a private name, a language,
    when they confirmed their email address and accepted the terms, and when they left.

    A deleted account keeps this row so contributions stay attributed to "Deleted participant",
    but nothing personal remains on it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="participant"
    )
    nickname = models.CharField(_("nickname"), max_length=40, unique=True, null=True, blank=True)
    # Case- and width-folded nickname; the uniqueness that matters to people reading names.
    nickname_key = models.CharField(max_length=160, unique=True, null=True, blank=True, editable=False)
    # What the nickname looks like (UTS #39 skeleton): look-alikes are refused by the forms.
    # Indexed, not unique: a newer Unicode confusables table may make two existing names collide,
    # and saving an unrelated field of such a person must not fail.
    nickname_skeleton = models.CharField(max_length=320, null=True, blank=True, editable=False, db_index=True)
    full_name = models.CharField(_("name"), max_length=150, blank=True)
    language = models.CharField(_("preferred language"), max_length=10, blank=True)
    # Session times are shown in it when the browser does not say its own (no JavaScript, emails).
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)
    accepted_terms_at = models.DateTimeField(_("accepted the terms at"), null=True, blank=True)
    email_confirmed_at = models.DateTimeField(_("email confirmed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    # A new sign-in address waiting for its confirmation link to be opened (see tokens).
    pending_email = models.EmailField(_("new email address, not yet confirmed"), max_length=254, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self):
        return str(self.public_name)

    @property
    def public_name(self):
        if self.deleted_at:
            return _("Deleted participant")
        return self.nickname or _("Participant")

    def save(self, *args, **kwargs):
        # Admin forms send "" for an empty nickname; NULL keeps the unique constraints happy.
        self.nickname = unicodedata.normalize("NFC", self.nickname.strip()) if self.nickname else None
        self.nickname_key = nickname_key(self.nickname)
        self.nickname_skeleton = nickname_skeleton(self.nickname) if self.nickname else None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "nickname" in update_fields:
            kwargs["update_fields"] = {*update_fields, "nickname_key", "nickname_skeleton"}
        super().save(*args, **kwargs)


class OutgoingEmail(models.Model):
    """An email waiting for the task queue. The task is given only this row's id, so the task
    results table (django-tasks-db) never holds an address or a message; the row goes once the
    email is sent, or with the account it is for."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    html_body = models.TextField(blank=True)
    ics = models.TextField(blank=True)  # an iCalendar file attached as invite.ics
    from_email = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")


def person_of(user):
    """The user's Person, or None (anonymous, or a user who never took part). No query when the
    caller joined it (select_related("…__participant"))."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.participant
    except ObjectDoesNotExist:
        return None


def public_name(user):
    """The name the public sees for a user: their nickname, or "Deleted participant"."""
    if user is None:
        return _("Deleted participant")
    person = person_of(user)
    return person.public_name if person is not None else _("Participant")
