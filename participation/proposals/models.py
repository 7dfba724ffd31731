"""Proposals citizens make in a dialogue, the supports they collect and the official answers.

A dialogue exists once per language (wagtail-localize translations of one page). Proposals and
settings always point at the dialogue's page in the default locale (its "canonical" page, see
`canonical_page`), so a proposal written on the French page and one written on the English page
are listed together, counted together and share one support limit."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from participation.core.models import Contribution, ContributionQuerySet
from participation.core.pages import canonical_page, default_language_code
from participation.core.phases import PhaseKind

DEFAULT_REFERENCE_PREFIX = "DLG"


# Proposals and supports are open until the results are published: the demo dialogue (and most
# real ones) collect ideas while people read the briefings, so both start in the information
# phase; once results are out, proposals and support counts are frozen.
DEFAULT_PROPOSAL_PHASES = [PhaseKind.INFORMATION, PhaseKind.REGISTRATION, PhaseKind.DIALOGUE]
DEFAULT_SUPPORT_PHASES = [PhaseKind.INFORMATION, PhaseKind.REGISTRATION, PhaseKind.DIALOGUE]


def default_proposal_phases():
    return list(DEFAULT_PROPOSAL_PHASES)


def default_support_phases():
    return list(DEFAULT_SUPPORT_PHASES)


class PhaseSetField(models.JSONField):
    """A set of phase kinds stored as a JSON list, edited as checkboxes."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=PhaseKind.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
            initial=self.get_default(),
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = set(value or []) - set(PhaseKind.values)
        if unknown:
            raise ValidationError(_("Unknown phase: %(phases)s"), params={"phases": ", ".join(sorted(unknown))})


class DialogueSettings(models.Model):
    """How proposals and supports work in one dialogue. Without a row, the defaults apply."""

    dialogue = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("dialogue"),
        on_delete=models.CASCADE,
        related_name="proposal_settings",
        help_text=_("The dialogue page; its translations share these settings."),
    )
    proposals_open_phases = PhaseSetField(
        _("citizens may make proposals during"),
        default=default_proposal_phases,
        blank=True,
        help_text=_("Outside these phases proposals can be read but not made or edited."),
    )
    supports_open_phases = PhaseSetField(
        _("citizens may support proposals during"),
        default=default_support_phases,
        blank=True,
        help_text=_("Outside these phases supports can be neither given nor withdrawn."),
    )
    support_limit = models.PositiveSmallIntegerField(
        _("supports per person"),
        null=True,
        blank=True,
        help_text=_("How many proposals of this dialogue one person may support. Empty: no limit."),
    )
    support_threshold = models.PositiveIntegerField(
        _("supports needed"),
        null=True,
        blank=True,
        help_text=_("Show a progress bar towards this number of supports. Empty: no threshold."),
    )
    reference_prefix = models.CharField(
        _("reference prefix"),
        max_length=12,
        default=DEFAULT_REFERENCE_PREFIX,
        help_text=_("Proposal references read PREFIX-PROP-42."),
    )

    class Meta:
        verbose_name = _("dialogue settings")
        verbose_name_plural = _("dialogue settings")

    def __str__(self):
        return gettext("Settings of %(dialogue)s") % {"dialogue": self.dialogue.title if self.dialogue_id else "?"}

    @classmethod
    def for_dialogue(cls, dialogue):
        """The dialogue's settings, or unsaved defaults; cached on the page object."""
        cached = getattr(dialogue, "_proposal_settings", None)
        if cached is not None:
            return cached
        if "proposal_settings" in dialogue._state.fields_cache:  # select_related("dialogue__proposal_settings")
            found = dialogue._state.fields_cache["proposal_settings"] or cls(dialogue_id=dialogue.pk)
        else:
            found = cls.objects.filter(dialogue_id=dialogue.pk).first() or cls(dialogue_id=dialogue.pk)
        dialogue._proposal_settings = found
        return found

    def clean(self):
        super().clean()
        if self.dialogue_id is None:
            return
        if not getattr(self.dialogue.specific_class, "participation_root", False):
            raise ValidationError({"dialogue": _("Choose a dialogue page.")})
        self.dialogue = canonical_page(self.dialogue)
        if DialogueSettings.objects.filter(dialogue=self.dialogue).exclude(pk=self.pk).exists():
            raise ValidationError({"dialogue": _("This dialogue already has settings: edit those instead.")})
        self.reference_prefix = self.reference_prefix.strip().upper()
        if not self.reference_prefix.replace("-", "").isalnum():
            raise ValidationError({"reference_prefix": _("Use letters and digits only.")})

    def save(self, *args, **kwargs):
        if self.dialogue_id:
            self.dialogue = canonical_page(self.dialogue)
        super().save(*args, **kwargs)


class ProposalState(TranslatableMixin, models.Model):
    """An official state a proposal can be given: built-in ones plus any editors define."""

    class Kind(models.TextChoices):
        EVALUATING = "evaluating", _("Being evaluated")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        # For topics proposed for a call (a community agenda): the host took it up.
        DISCUSSED = "discussed", _("Discussed")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=80)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text=_("Sets the colour the state is shown in."),
    )
    is_builtin = models.BooleanField(_("built in"), default=False, editable=False)

    # Names are translated; the kind is the same in every language.
    translatable_fields = [TranslatableField("name"), SynchronizedField("kind")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("proposal state")
        verbose_name_plural = _("proposal states")
        ordering = ["pk"]

    def __str__(self):
        return self.name

    def display_name(self, translations=None):
        """The name in the active language: a translated snippet, else the interface's own
        translation of a built-in state, else the name as written.

        `translations` ({(translation key, language code): state}) saves a query per state."""
        code = translation.get_language()
        if translations is not None:
            translated = translations.get((self.translation_key, code))
        else:
            translated = ProposalState.objects.filter(translation_key=self.translation_key, locale__language_code=code).first()
        if translated is not None:
            return translated.name
        if self.is_builtin:
            return self.get_kind_display()
        return self.name


class ProposalQuerySet(ContributionQuerySet):
    # A withdrawn proposal stays shown (marked withdrawn); it no longer takes part.
    def not_withdrawn(self):
        return self.filter(withdrawn_at__isnull=True)

    def answered(self):
        return self.filter(answered_at__isnull=False)

    def on_visible_page(self, viewer):
        return Q(topic__isnull=True) | viewer.page_filter("topic")

    def with_reference_prefix(self):
        prefix = DialogueSettings.objects.filter(dialogue_id=models.OuterRef("dialogue_id")).values("reference_prefix")[:1]
        return self.annotate(
            reference_prefix_value=models.functions.Coalesce(
                models.Subquery(prefix), models.Value(DEFAULT_REFERENCE_PREFIX), output_field=models.CharField()
            )
        )


class Proposal(Contribution):
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("proposal"), max_length=5000)
    topic = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # No `choices`: they would come from the host's LANGUAGES and make its makemigrations write a
    # migration into the plugin. The form offers the site's languages.
    language = models.CharField(_("language"), max_length=10, default=default_language_code)
    state = models.ForeignKey(
        ProposalState,
        verbose_name=_("state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty: not answered yet."),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    # Denormalised so lists sort and show counts without counting rows; kept exact by services.
    support_count = models.PositiveIntegerField(_("supports"), default=0, editable=False)
    comment_count = models.PositiveIntegerField(_("comments"), default=0, editable=False)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["dialogue", "-support_count"], name="proposal_dialogue_supports"),
            models.Index(fields=["dialogue", "-created_at"], name="proposal_dialogue_created"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="proposal_title_not_empty"),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}" if self.pk else self.title

    def visibility_pages(self):
        return [self.topic] if self.topic_id else []

    def get_absolute_url(self):
        return reverse("proposals:detail", args=[self.pk])

    @property
    def reference(self):
        prefix = getattr(self, "reference_prefix_value", None)
        if prefix is None:
            prefix = (
                DialogueSettings.objects.filter(dialogue_id=self.dialogue_id).values_list("reference_prefix", flat=True).first()
                or DEFAULT_REFERENCE_PREFIX
            )
            self.reference_prefix_value = prefix
        return f"{prefix}-PROP-{self.pk}"

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    def export_data(self, link):
        return {
            "reference": self.reference,
            "title": self.title,
            **super().export_data(link),
            "text": self.body,
            "language": self.language,
            "withdrawn": self.withdrawn_at,
            "supports": self.support_count,
        }

    def accepts_comments(self):
        # The comments app's hook: a withdrawn proposal keeps its thread, closed.
        return not self.is_withdrawn

    @property
    def is_answered(self):
        return self.answered_at is not None

    @property
    def is_editable(self):
        """Text can change only while nobody supports it and nobody answered it officially."""
        return self.support_count == 0 and not self.is_answered and not self.is_withdrawn and not self.is_hidden


class ProposalAnswer(TranslatableMixin, models.Model):
    """The public text of an official answer. The source is written with the proposal's state
    in the admin; partners translate it with wagtail-localize like any snippet."""

    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("official answer"), max_length=5000)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    translatable_fields = [TranslatableField("text"), SynchronizedField("proposal"), SynchronizedField("updated_at")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("official answer")
        verbose_name_plural = _("official answers")
        constraints = [models.UniqueConstraint(fields=["proposal", "locale"], name="one_answer_per_proposal_and_locale")]

    def __str__(self):
        prefix = getattr(self, "reference_prefix_value", None)
        if prefix is not None:
            self.proposal.reference_prefix_value = prefix
        return gettext("Answer to %(reference)s") % {"reference": self.proposal.reference}


class Support(models.Model):
    # A person who deletes their account leaves their supports counted, pointing at nobody.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="supports")
    created_at = models.DateTimeField(_("supported at"), default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [models.UniqueConstraint(fields=["user", "proposal"], name="one_support_per_person")]

    def __str__(self):
        return f"{self.user_id} → {self.proposal_id}"

    def export_data(self, link):
        # The proposal's public title, unless moderators hid it.
        proposal = self.proposal
        return {
            "proposal": None if proposal.is_hidden else proposal.title,
            "url": link(proposal.get_absolute_url()),
            "supported": self.created_at,
        }


