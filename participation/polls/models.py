"""Quick polls placed in pages: Poll -> Choice -> Vote, in the shape of Django's polls tutorial.

A poll is a snippet translated with wagtail-localize. Its choices are inline children that are
translatable too: each translation of a poll has its own Choice rows, and wagtail-localize gives
a choice's translations the same `translation_key`. That key is a choice's identity in every
language: forms send it, and votes are stored against the choices of the poll's *original*
(its first translation, the canonical poll), so a vote given on the Arabic page and one given on
the French page count for the same choice. The original is used rather than the default-locale
version so that the poll votes count on never changes, even when an editor wrote it in another
language first and translated it into the default one later."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Poll(TranslatableMixin, ClusterableModel):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")

    class Results(models.TextChoices):
        AFTER_VOTING = "after_voting", _("To each person after they vote")
        AFTER_CLOSING = "after_closing", _("Only after the poll closes")

    question = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    max_choices = models.PositiveSmallIntegerField(
        _("maximum number of choices"),
        null=True,
        blank=True,
        help_text=_("Multiple choice only. Empty: as many as there are."),
    )
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True, help_text=_("Empty: open until you set a date."))
    results = models.CharField(_("show results"), max_length=15, choices=Results.choices, default=Results.AFTER_VOTING)

    # The question and the choices' texts are translated; how the poll works is the same everywhere.
    translatable_fields = [
        TranslatableField("question"),
        TranslatableField("choices"),
        SynchronizedField("kind"),
        SynchronizedField("max_choices"),
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
        SynchronizedField("results"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["-opens_at", "-pk"]

    def __str__(self):
        return self.question

    def clean(self):
        super().clean()
        if self.closes_at and self.opens_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The poll must close after it opens.")})
        if self.results == self.Results.AFTER_CLOSING and not self.closes_at:
            raise ValidationError({"closes_at": _("Results shown after closing need a closing date.")})
        if self.max_choices is not None and self.kind != self.Kind.MULTIPLE:
            raise ValidationError({"max_choices": _("Only a multiple-choice poll has a maximum.")})
        if self.max_choices is not None and self.max_choices < 1:
            raise ValidationError({"max_choices": _("Allow at least one choice.")})

    @property
    def is_multiple(self):
        return self.kind == self.Kind.MULTIPLE

    @property
    def most(self):
        """How many choices one vote may hold (None: no limit)."""
        return self.max_choices if self.is_multiple else 1

    def has_opened(self, now=None):
        return self.opens_at <= (now or timezone.now())

    def has_closed(self, now=None):
        return self.closes_at is not None and self.closes_at <= (now or timezone.now())

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.has_opened(now) and not self.has_closed(now)

    def canonical(self):
        """The poll votes are stored on: the first translation made (see the module's docstring)."""
        return Poll.objects.filter(translation_key=self.translation_key).order_by("pk").first()


class Choice(TranslatableMixin, Orderable):
    poll = ParentalKey(Poll, verbose_name=_("poll"), on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("choice"), max_length=200)

    translatable_fields = [TranslatableField("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.text


class Vote(models.Model):
    """One person's vote on a (canonical) poll; its choices are its selections."""

    poll = models.ForeignKey(Poll, verbose_name=_("poll"), on_delete=models.CASCADE, related_name="votes")
    # A person who deletes their account leaves their vote counted, pointing at nobody.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("voted at"), default=timezone.now)
    changed_at = models.DateTimeField(_("changed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("poll vote")
        verbose_name_plural = _("poll votes")
        constraints = [models.UniqueConstraint(fields=["poll", "user"], name="one_vote_per_person_and_poll")]

    def __str__(self):
        return f"{self.user_id} → {self.poll_id}"

    def export_data(self, link):
        """For the person's own data export (participation.accounts): the question and their
        choices in the poll's original language, when they voted and last changed it."""
        return {
            "poll": self.poll.question,
            "choices": [selection.choice.text for selection in self.selections.select_related("choice")],
            "voted": self.created_at,
            "changed": self.changed_at,
        }


class Selection(models.Model):
    vote = models.ForeignKey(Vote, verbose_name=_("vote"), on_delete=models.CASCADE, related_name="selections")
    choice = models.ForeignKey(Choice, verbose_name=_("choice"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("selection")
        verbose_name_plural = _("selections")
        constraints = [models.UniqueConstraint(fields=["vote", "choice"], name="one_selection_per_choice_and_vote")]
