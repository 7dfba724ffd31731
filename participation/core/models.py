from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContributionQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(hidden_at__isnull=True)


class Contribution(models.Model):
    """What every piece of citizen content shares: an author who may leave, a dialogue it belongs
    to, edit marks and the moderation state. Subclasses: proposals, comments."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The dialogue page the contribution belongs to (any Wagtail page marked participation_root).
    dialogue = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("dialogue"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True, db_index=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    @property
    def author_name(self):
        from participation.accounts.models import public_name

        return public_name(self.author)
