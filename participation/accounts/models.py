import unicodedata

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


def nickname_key(nickname):
    """The form of a nickname that must be unique: "Émile", "ÉMILE" and "émile" are one name.

    Computed in Python because SQLite's lower() only folds ASCII."""
    if not nickname:
        return None
    return unicodedata.normalize("NFKC", nickname).casefold()


class UserQuerySet(models.QuerySet):
    def public(self):
        """People whose profile anyone may see: confirmed, not deleted, with a nickname."""
        return self.filter(is_active=True, deleted_at__isnull=True, nickname__isnull=False)

    def awaiting_confirmation(self):
        return self.filter(is_active=False, email_confirmed_at__isnull=True, deleted_at__isnull=True)


class DialogueUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    """A person: a public nickname shown on contributions, a private name, an email to sign in.

    A deleted account keeps its row so contributions stay attributed to "Deleted participant",
    but nothing personal remains on it."""

    email = models.EmailField(_("email address"), unique=True)
    nickname = models.CharField(_("nickname"), max_length=40, unique=True, null=True, blank=True)
    # Case- and width-folded nickname; the uniqueness that matters to people reading names.
    nickname_key = models.CharField(max_length=160, unique=True, null=True, blank=True, editable=False)
    full_name = models.CharField(_("name"), max_length=150, blank=True)
    language = models.CharField(_("preferred language"), max_length=10, blank=True)
    accepted_terms_at = models.DateTimeField(_("accepted the terms at"), null=True, blank=True)
    email_confirmed_at = models.DateTimeField(_("email confirmed at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)

    objects = DialogueUserManager()

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_ci_unique",
                violation_error_message=_("An account with this email address already exists."),
            ),
        ]

    @property
    def public_name(self):
        if self.deleted_at:
            return _("Deleted participant")
        return self.nickname or self.username

    def save(self, *args, **kwargs):
        # Admin forms send "" for an empty nickname; NULL keeps the unique constraints happy.
        self.nickname = unicodedata.normalize("NFC", self.nickname.strip()) if self.nickname else None
        self.nickname_key = nickname_key(self.nickname)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "nickname" in update_fields:
            kwargs["update_fields"] = {*update_fields, "nickname_key"}
        super().save(*args, **kwargs)
