"""Dialogue's user model: Django's user with one email address per account, whatever its case.

Participation keeps what it knows about a person in its own model (participation.accounts.Person)
and works with any user model; this site adds only what its sign-in by email needs: a
database-enforced unique address, so two sign-ups racing for one address cannot both succeed."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    email = models.EmailField(_("email address"), unique=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="people_user_email_ci_unique",
                violation_error_message=_("An account with this email address already exists."),
            ),
        ]
