"""Page types editors build dialogues with, and the Organisation snippet for partners."""

import datetime
import time

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from modelcluster.models import ClusterableModel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from participation.core.phases import PhaseKind
from participation.core.visibility import public_viewer, viewer_of
from participation.events.models import Registration, Session, validate_time_zone
from participation.events.queries import sessions_for

from .blocks import BriefingStreamBlock, RegistrationQuestionsBlock, SpeakerBlock
from .panels import SessionsPanel
from .translation_status import with_source_languages


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
    subpage_types = ["content.DialoguePage", "content.EventsIndexPage", "content.StandardPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dialogues"] = with_source_languages(DialoguePage.objects.live().public().child_of(self).prefetch_related("phases"))
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
    subpage_types = ["content.TopicPage", "content.CountryEditionPage", "content.ResultsPage"]
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

    def timeline(self, today=None):
        """(phase, "past" | "now" | "next") in order: every phase running today is "now", even
        when two overlap."""
        today = today or timezone.localdate()
        steps = []
        for phase in self.phases.all():
            if (phase.ends_on or datetime.date.max) < today:
                steps.append((phase, "past"))
            elif phase.starts_on <= today:
                steps.append((phase, "now"))
            else:
                steps.append((phase, "next"))
        return steps

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
        # Renditions prefetched: the cards' images cost two queries however many topics.
        topics = TopicPage.objects.live().public().child_of(self).select_related("image").prefetch_related("image__renditions")
        context["topics"] = with_source_languages(topics)
        context["editions"] = CountryEditionPage.objects.live().public().child_of(self).order_by("title")
        context["results_pages"] = ResultsPage.objects.live().public().child_of(self)
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
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the topic's card and at the top of the briefing."),
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Leave blank to use the image's title."),
    )
    body = StreamField(BriefingStreamBlock(), verbose_name=_("briefing"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("question"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("question"),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["content.DialoguePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("topic briefing")

    @property
    def image_description(self):
        return self.image_alt or (self.image.title if self.image else "")

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


class ResultsPage(Page):
    """A questionnaire's results for the public: the editor's introduction, then the figures,
    charts and downloads (participation.questionnaires' {% questionnaire_results %} tag), shown
    once the questionnaire's results are published and only to those who may see the dialogue."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    questionnaire = models.ForeignKey(
        "participation_questionnaires.Questionnaire", verbose_name=_("questionnaire"), on_delete=models.PROTECT, related_name="+"
    )
    body = StreamField(BriefingStreamBlock(), verbose_name=_("after the results"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("questionnaire"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    # Every translation shows the same questionnaire, in the page's language where translated.
    override_translatable_fields = [SynchronizedField("questionnaire", overridable=False)]
    parent_page_types = ["content.DialoguePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("results page")

    def localized_questionnaire(self):
        questionnaire = self.questionnaire.canonical
        return questionnaire.get_translation_or_none(self.locale) or questionnaire

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["questionnaire"] = self.localized_questionnaire()
        return context


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


# --- Gatherings ---------------------------------------------------------------------------------
# Country editions of a dialogue day and series of conversation hours. Their sessions (times,
# places, access details) live in participation.events, on the default-locale page, so nothing
# of them is translated; the page fields that must stay the same in every language are
# synchronised by wagtail-localize instead of being offered as segments.


def synchronized(*names):
    """Fields copied from the source page into every translation, never translated or overridden."""
    return [SynchronizedField(name, overridable=False) for name in names]


class LanguagesField(models.JSONField):
    """Several language codes out of settings.LANGUAGES, ticked in the admin."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=settings.LANGUAGES,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


class GatheringPage(models.Model):
    """What participation.events reads from a gathering page (getattr hooks): its registration
    questions, the consent sentence, and how places and slots work. Country editions override
    the last three with fields."""

    profile_questions = StreamField(
        RegistrationQuestionsBlock(),
        verbose_name=_("registration questions"),
        blank=True,
        help_text=_("Optional profile questions, e.g. gender, age band, region; selection by lot may use the answers."),
    )
    consent_text = models.TextField(
        _("consent"), blank=True, max_length=1000, help_text=_("What people agree to when they register. Leave empty for the standard sentence.")
    )

    participants_preselected = False
    sessions_may_overlap = True
    total_places = None

    registration_panels = [FieldPanel("profile_questions"), FieldPanel("consent_text")]
    sessions_panel = SessionsPanel(heading=_("Sessions"))

    class Meta:
        abstract = True

    def registration_questions(self):
        """The questions as participation expects them, labels in the active language."""
        page = self.localized
        return [
            {
                "key": question.value["key"],
                "label": question.value["label"],
                "required": bool(question.value["required"]),
                "choices": [(choice["value"], choice["label"]) for choice in question.value["choices"]],
            }
            for question in page.profile_questions
        ]

    @property
    def registration_consent_text(self):
        return self.localized.consent_text or str(
            _("I agree that the organisers keep my registration and my answers to run this gathering.")
        )


class CountryEditionPage(GatheringPage, Page):
    """A dialogue day run in one country by a national partner: its slots, places and deadline."""

    intro = models.TextField(_("welcome"), max_length=2000)
    body = StreamField(BriefingStreamBlock(), verbose_name=_("body"), blank=True)
    country = CountryField(_("country"))
    partner = models.ForeignKey(
        Organisation, verbose_name=_("partner organisation"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    languages = LanguagesField(_("languages"), default=list, blank=True, help_text=_("The languages the sessions are held in."))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone], help_text=_("For example Europe/Kyiv.")
    )
    total_places = models.PositiveIntegerField(_("total places"), null=True, blank=True)
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    participants_preselected = models.BooleanField(
        _("participants are pre-selected"), default=False,
        help_text=_("Only selected participants receive the access details."),
    )  # fmt: skip
    sessions_may_overlap = models.BooleanField(
        _("sessions may overlap"), default=False, help_text=_("Leave unticked to refuse slots that overlap each other.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("country"), FieldPanel("partner"), FieldPanel("languages"), FieldPanel("time_zone")], heading=_("Edition")),
        MultiFieldPanel(
            [
                FieldPanel("total_places"),
                FieldPanel("registration_opens_at"),
                FieldPanel("registration_deadline"),
                FieldPanel("participants_preselected"),
                FieldPanel("sessions_may_overlap"),
                *GatheringPage.registration_panels,
            ],
            heading=_("Registration"),
        ),
        GatheringPage.sessions_panel,
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    override_translatable_fields = synchronized(
        "country", "languages", "time_zone", "total_places", "registration_opens_at", "registration_deadline",
        "participants_preselected", "sessions_may_overlap",
    )  # fmt: skip
    parent_page_types = ["content.DialoguePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("country edition")

    def language_names(self):
        names = dict(settings.LANGUAGES)
        return [names[code] for code in self.languages if code in names]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The global dialogue's briefings, in this page's language like the page itself.
        context["topics"] = TopicPage.objects.live().public().child_of(self.get_parent())
        context["partner"] = self.partner.localized if self.partner else None
        return context

    def clean(self):
        super().clean()
        if self.registration_opens_at and self.registration_deadline and self.registration_deadline <= self.registration_opens_at:
            raise ValidationError({"registration_deadline": _("The registration deadline must come after registration opens.")})


class EventTheme(TranslatableMixin, models.Model):
    """What a call is about; the log of past calls filters by it in every language (by slug)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, help_text=_("Used in filter links; the same in every language."))

    panels = [FieldPanel("name"), FieldPanel("slug")]
    override_translatable_fields = synchronized("slug")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("event theme")
        verbose_name_plural = _("event themes")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class EventSeries(TranslatableMixin, ClusterableModel):
    """A recurring call (e.g. monthly conversation hours): its sessions follow the patterns."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    index = models.ForeignKey(
        "content.EventsIndexPage", verbose_name=_("events page"), null=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Where its calls are published."),
    )  # fmt: skip

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("index"),
        InlinePanel("patterns", label=_("Session pattern"), heading=_("Recurrence"), min_num=1),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("event series")
        verbose_name_plural = _("event series")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SessionPattern(Orderable):
    """One session of each occurrence, e.g. "last Thursday, 08:00 UTC, 90 minutes, Asia-Pacific"."""

    LAST = -1
    ORDINALS = [(1, _("First")), (2, _("Second")), (3, _("Third")), (4, _("Fourth")), (LAST, _("Last"))]
    WEEKDAYS = [
        (0, _("Monday")), (1, _("Tuesday")), (2, _("Wednesday")), (3, _("Thursday")), (4, _("Friday")),
        (5, _("Saturday")), (6, _("Sunday")),
    ]  # fmt: skip

    series = ParentalKey(EventSeries, on_delete=models.CASCADE, related_name="patterns")
    ordinal = models.SmallIntegerField(_("week of the month"), choices=ORDINALS, default=LAST)
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS, default=3)
    time = models.TimeField(_("time"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC", validators=[validate_time_zone])
    duration = models.PositiveIntegerField(_("duration (minutes)"), default=60, validators=[MinValueValidator(1)])
    label = models.CharField(_("label"), max_length=100, blank=True, help_text=_("For example “Asia-Pacific”."))

    panels = [
        FieldRowPanel([FieldPanel("ordinal"), FieldPanel("weekday")]),
        FieldRowPanel([FieldPanel("time"), FieldPanel("time_zone"), FieldPanel("duration")]),
        FieldPanel("label"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session pattern")


class EventPageQuerySet(PageQuerySet):
    def with_times(self):
        """Annotated with the start of the first session and the end of the last (sessions hang
        on the default-locale page, which shares the translation key)."""
        sessions = Session.objects.filter(page__translation_key=OuterRef("translation_key"))
        return self.annotate(
            first_starts_at=Subquery(sessions.order_by("starts_at").values("starts_at")[:1]),
            last_ends_at=Subquery(sessions.order_by("-ends_at").values("ends_at")[:1]),
        )

    def upcoming(self, now):
        """Not over yet (or without sessions so far), soonest first."""
        return self.filter(Q(last_ends_at__gte=now) | Q(last_ends_at__isnull=True)).order_by(
            F("first_starts_at").asc(nulls_last=True), "path"
        )

    def past(self, now):
        return self.filter(last_ends_at__lt=now).order_by("-first_starts_at", "-path")


class EventsLogFilter(forms.Form):
    """The log of past events by theme and year (GET parameters)."""

    theme = forms.ChoiceField(label=_("Theme"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, themes, years):
        super().__init__(data)
        self.fields["theme"].choices = [("", _("All themes"))] + [(theme.slug, theme.name) for theme in themes]
        self.fields["year"].choices = [("", _("All years"))] + [(year, year) for year in years]

    def apply(self, events):
        if not self.is_valid():
            return events
        if self.cleaned_data["theme"]:
            events = events.filter(theme__slug=self.cleaned_data["theme"])
        if self.cleaned_data["year"]:
            events = events.filter(first_starts_at__year=self.cleaned_data["year"])
        return events


class EventsIndexPage(Page):
    """Conversation hours: upcoming calls, a "next call" box, outside events and the log of past
    calls. A dialogue for participation, so the community proposes topics for its calls."""

    intro = models.TextField(_("introduction"), blank=True, max_length=2000)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("outside_events", label=_("Outside event"), heading=_("Outside events")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.EventPage"]
    participation_root = True  # proposals whose topic is one of its event pages
    LOG_PAGE_SIZE = 10

    class Meta:
        verbose_name = _("events page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = EventPage.objects.child_of(self).filter(viewer_of(request).page_filter()).with_times().select_related("theme")
        upcoming = list(events.upcoming(now))
        context["upcoming"] = upcoming
        context["next_session"], context["next_event"] = self.next_call(upcoming, now)
        # The page's feed is public: offered only where anyone may read it.
        context["calendar_url"] = reverse("calendars:page", args=[self.pk]) if public_viewer().sees_page(self) else ""
        context["outside_events"] = self.outside_events.filter(
            Q(ends_on__gte=now.date()) | Q(ends_on__isnull=True, starts_on__gte=now.date())
        ).order_by("starts_on")
        past = events.past(now)
        years = past.annotate(year=ExtractYear("first_starts_at")).order_by("-year").values_list("year", flat=True).distinct()
        themes = EventTheme.objects.filter(locale_id=self.locale_id)
        log_filter = EventsLogFilter(request.GET or None, themes, years)
        context["log_filter"] = log_filter
        context["log"] = Paginator(log_filter.apply(past), self.LOG_PAGE_SIZE).get_page(request.GET.get("page"))
        return context

    @staticmethod
    def next_call(upcoming, now):
        """The nearest session not over and not cancelled of the upcoming events, and its event."""
        by_key = {event.translation_key: event for event in upcoming}
        session = (
            Session.objects.filter(page__translation_key__in=by_key, cancelled_at__isnull=True, ends_at__gt=now)
            .select_related("page")
            .order_by("starts_at", "pk")
            .first()
        )
        return (session, by_key[session.page.translation_key]) if session else (None, None)


class OutsideEvent(TranslatableMixin, Orderable):
    """A conference or meeting elsewhere where the team will be."""

    page = ParentalKey(EventsIndexPage, on_delete=models.CASCADE, related_name="outside_events")
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    link = models.URLField(_("link"), blank=True)

    panels = [FieldPanel("title"), FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]), FieldPanel("place"), FieldPanel("link")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("outside event")

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("An event cannot end before it starts.")})


class EventPage(GatheringPage, Page):
    """One call: its theme and speakers before, its recording, slides and notes afterwards."""

    EVERYONE, PARTICIPANTS = "everyone", "participants"
    AUDIENCES = [(EVERYONE, _("Everyone")), (PARTICIPANTS, _("Confirmed participants only"))]

    objects = PageManager.from_queryset(EventPageQuerySet)()

    theme = models.ForeignKey(EventTheme, verbose_name=_("theme"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    speakers = StreamField([("speaker", SpeakerBlock(label=_("Speaker")))], verbose_name=_("speakers"), blank=True)
    agenda = RichTextField(_("agenda"), blank=True, features=["h3", "bold", "italic", "link", "ol", "ul"])
    series = models.ForeignKey(
        EventSeries, verbose_name=_("series"), null=True, blank=True, on_delete=models.SET_NULL, related_name="events",
        help_text=_("Leave empty for an ad-hoc call."),
    )  # fmt: skip
    recording_url = models.URLField(_("recording"), blank=True)
    recording_password = models.CharField(_("recording password"), max_length=100, blank=True)
    recording_password_shown_to = models.CharField(
        _("show the password to"), max_length=20, choices=AUDIENCES, default=PARTICIPANTS
    )
    slides = StreamField([("document", DocumentChooserBlock(label=_("Slides")))], verbose_name=_("slides"), blank=True)
    notes = RichTextField(_("notes"), blank=True, features=["h3", "bold", "italic", "link", "ol", "ul", "document-link"])

    content_panels = Page.content_panels + [
        FieldPanel("theme"),
        FieldPanel("series"),
        FieldPanel("speakers"),
        FieldPanel("agenda"),
        GatheringPage.sessions_panel,
        MultiFieldPanel(GatheringPage.registration_panels, heading=_("Registration")),
        MultiFieldPanel(
            [
                FieldPanel("recording_url"),
                FieldRowPanel([FieldPanel("recording_password"), FieldPanel("recording_password_shown_to")]),
                FieldPanel("slides"),
                FieldPanel("notes"),
            ],
            heading=_("Afterwards"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("agenda"), index.SearchField("notes")]
    override_translatable_fields = synchronized("recording_url", "recording_password", "recording_password_shown_to")
    parent_page_types = ["content.EventsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")

    def recording_password_for(self, user):
        """The recording's password if this person may read it, else ""."""
        if not (self.recording_url and self.recording_password):
            return ""
        if self.recording_password_shown_to == self.EVERYONE:
            return self.recording_password
        confirmed = user.is_authenticated and Registration.objects.filter(
            session__in=sessions_for(self), user=user, status=Registration.CONFIRMED
        ).exists()
        return self.recording_password if confirmed else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["recording_password"] = self.recording_password_for(request.user)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.recording_password and self.recording_password_shown_to == self.PARTICIPANTS and request.user.is_authenticated:
            # Personal: no shared cache may keep one participant's view of the password. (The
            # anonymous page cache never stores requests with a session.)
            add_never_cache_headers(response)
        return response
