from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
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

    def visible_to(self, viewer):
        """What this person may see (participation.core.visibility): its dialogue and the page it
        is on are live and pass their view restrictions."""
        return self.filter(viewer.page_filter("dialogue") & self.on_visible_page(viewer))

    def on_visible_page(self, viewer):
        """The condition on the page a contribution is on, beyond its dialogue: models whose
        contributions sit on another page (a topic, a commented page) narrow it."""
        return Q()


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

    def visibility_pages(self):
        """Pages (or contributions) this one is shown on, beyond its dialogue: the same rule as
        the queryset's on_visible_page, for one object."""
        return []

    def is_visible_to(self, viewer):
        def sees(item):
            if item is None:  # a deleted page (generic relations do not cascade)
                return False
            if isinstance(item, Contribution):
                return item.is_visible_to(viewer)
            return viewer.sees_page(item)

        return viewer.sees_page(self.dialogue) and all(sees(item) for item in self.visibility_pages())

    @property
    def author_name(self):
        from participation.accounts.models import public_name

        return public_name(self.author)

    @property
    def author_profile_url(self):
        """The author's public profile, or "" when there is none to link to (a deleted or
        deactivated account, no nickname). No query when the caller joined author__participant."""
        from participation.accounts.models import person_of
        from participation.accounts.rules import is_public_person

        person = person_of(self.author)
        return reverse("accounts:profile", args=[person.nickname]) if is_public_person(None, person) else ""

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


class GroupLocale(models.Model):
    """Keeps a group's permissions on translatable participation content (official answers) to
    one locale: a partner's translators change the French translation, never the English source
    or the Spanish one. A group with no row here works in every locale (editors). Wagtail has no
    per-locale permission of its own; this is the row a host adds for each translators' group
    (see participation.core.permissions.LocalePermissionPolicy)."""

    group = models.ForeignKey("auth.Group", verbose_name=_("group"), on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", verbose_name=_("locale"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("group's locale")
        verbose_name_plural = _("groups' locales")
        constraints = [models.UniqueConstraint(fields=["group", "locale"], name="one_row_per_group_and_locale")]

    def __str__(self):
        return f"{self.group} ({self.locale})"
