from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person: a public nickname shown on contributions, a private name, an email to sign in.

    A deleted account keeps its row so contributions stay attributed to "Deleted participant",
    but nothing personal remains on it."""

    email = models.EmailField(_("email address"), unique=True)
    nickname = models.CharField(_("nickname"), max_length=40, unique=True, null=True, blank=True)
    full_name = models.CharField(_("name"), max_length=150, blank=True)
    language = models.CharField(_("preferred language"), max_length=10, blank=True)
    accepted_terms_at = models.DateTimeField(_("accepted the terms at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    @property
    def public_name(self):
        if self.deleted_at:
            return _("Deleted participant")
        return self.nickname or self.username
