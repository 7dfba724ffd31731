"""Page types editors build dialogues with, and the Organisation snippet for partners."""

import datetime
import time

from django.conf import settings

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from participation.core.phases import PhaseKind

from .blocks import BriefingStreamBlock


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """An organiser or national partner, shown in "About the organiser" sections."""

    name = models.CharField(_("name"), max_length=200)
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True, max_length=2000)

    panels = [FieldPanel("name"), FieldPanel("logo"), FieldPanel("country"), FieldPanel("website"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


register_snippet(Organisation)


class HomePage(Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["content.DialoguePage", "content.StandardPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dialogues"] = DialoguePage.objects.live().public().child_of(self).prefetch_related("phases")
        return context


class DialoguePage(Page):
    """A dialogue: who runs it, the questions it asks, its phases; topics are its children."""

    intro = models.TextField(_("introduction"), max_length=2000)
    organiser = models.ForeignKey(
        Organisation, verbose_name=_("organiser"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    partners = ParentalManyToManyField(Organisation, verbose_name=_("partners"), blank=True, related_name="+")
    questions = StreamField(
        [("question", blocks.CharBlock(label=_("Question"), max_length=300))],
        verbose_name=_("questions"),
        blank=True,
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("questions"),
        InlinePanel("phases", label=_("Phases"), heading=_("Phases")),
        MultiFieldPanel([FieldPanel("organiser"), FieldPanel("partners")], heading=_("About the organiser")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("questions")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.TopicPage"]
    participation_root = True  # proposals, comments and supports belong to a dialogue

    class Meta:
        verbose_name = _("dialogue")

    def current_phase(self, today=None):
        """The phase running today, or None before the first and after the last."""
        today = today or timezone.localdate()
        for phase in self.phases.all():
            if phase.starts_on <= today <= (phase.ends_on or datetime.date.max):
                return phase
        return None

    def status(self, today=None):
        """A short, translated sentence for citizens: where the dialogue stands today."""
        today = today or timezone.localdate()
        phase = self.current_phase(today)
        if phase:
            return phase.get_kind_display()
        phases = list(self.phases.all())
        if phases and today < phases[0].starts_on:
            return _("Starting soon")
        if phases:
            return _("Closed")
        return ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = TopicPage.objects.live().public().child_of(self)
        context["organiser"] = self.organiser.localized if self.organiser else None
        context["partners"] = [partner.localized for partner in self.partners.all()]
        return context


class DialoguePhase(TranslatableMixin, Orderable):
    page = ParentalKey(DialoguePage, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("phase"), max_length=20, choices=PhaseKind.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [FieldPanel("kind"), FieldPanel("starts_on"), FieldPanel("ends_on"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("phase")

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A phase cannot end before it starts.")})


class TopicPage(Page):
    """A topic briefing: one question of the dialogue, with the material citizens read first."""

    question = models.CharField(_("question"), max_length=300)
    summary = models.TextField(_("summary"), blank=True, max_length=1000)
    body = StreamField(BriefingStreamBlock(), verbose_name=_("briefing"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("question"), FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("question"),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["content.DialoguePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("topic briefing")

    @cached_property
    def body_is_shared(self):
        """Whether the rendered body is the same for everyone, so one cached fragment may serve
        all visitors. A poll shows each person their own vote: a body with one is rendered per
        request (anonymous visitors still get the whole-page cache). Read from the stored JSON,
        so asking costs no query."""
        return not any(item["type"] == "poll" for item in self.body.raw_data)

    # Lazy, so a cached briefing fragment costs no query for its navigation.
    @cached_property
    def breadcrumb_ancestors(self):
        return list(self.get_ancestors().filter(depth__gt=1))

    @cached_property
    def sibling_topics(self):
        return list(self.get_siblings().live().public().only("id", "title", "url_path", "locale_id", "path", "depth"))


class StandardPage(Page):
    """About, privacy, terms and other plain pages."""

    body = StreamField(BriefingStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["content.HomePage", "content.StandardPage"]
    subpage_types = ["content.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class ContentVersion(models.Model):
    """Counters bumped when what pages show changes (see content/signals.py).

    CONTENT (published pages, partners, media) keys the cached fragments; PARTICIPATION
    (comments and other contributions) keys only the anonymous whole-page cache, so a new
    comment does not throw away every rendered briefing. Each process re-reads the counters at
    most every CONTENT_VERSION_MAX_AGE seconds (1 by default): other workers may show a change
    up to a second late, and a cache hit costs no query at all."""

    CONTENT = 1
    PARTICIPATION = 2

    number = models.BigIntegerField(default=0)

    _memo = (float("-inf"), {})

    @classmethod
    def numbers(cls):
        read_at, numbers = cls._memo
        now = time.monotonic()
        if now - read_at >= getattr(settings, "CONTENT_VERSION_MAX_AGE", 1.0):
            numbers = dict(cls.objects.values_list("pk", "number"))
            cls._memo = (now, numbers)
        return numbers

    @classmethod
    def current(cls, scope=CONTENT):
        return cls.numbers().get(scope, 0)

    @classmethod
    def bump(cls, scope=CONTENT):
        if not cls.objects.filter(pk=scope).update(number=models.F("number") + 1):
            cls.objects.get_or_create(pk=scope, defaults={"number": 1})
        cls._memo = (float("-inf"), {})  # this process sees its own change at once
