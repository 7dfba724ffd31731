from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContributionQuerySet(models.QuerySet):
    """Named reads every contribution model shares; a subclass's queryset adds its own meaning
    (comments: deleted)."""

    def in_dialogue(self, dialogue):
        """Contributions of one dialogue page (a page, or anything with its `pk`)."""
        return self.filter(dialogue_id=dialogue.pk)

    def in_dialogues(self, dialogue_ids):
        """Contributions of these dialogue pages, e.g. a dialogue in every language: comments
        belong to the page they were written on."""
        return self.filter(dialogue_id__in=dialogue_ids)

    def visible(self):
        """Not hidden by moderation."""
        return self.filter(hidden_at__isnull=True)

    def shown(self):
        """What the public threads and lists show with its text: visible, and whatever the
        model adds (a deleted comment leaves a placeholder only)."""
        return self.visible()


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

    def export_data(self, link):
        """This contribution in its author's data export: fields named in words, the author's own
        text only, no internal ids. `link` makes a path a full address. Subclasses add their
        fields; a new kind of contribution is exported with these without writing anything."""
        return {
            "text": str(self),
            "created": self.created_at,
            "edited": self.edited_at,
            "hidden by moderation": self.is_hidden,
            "url": link(self.get_absolute_url()),
        }
