"""Questionnaires: the same anonymous questionnaire in every language, and what people answered.

Two halves that never meet:
- the questionnaire (Questionnaire -> Section -> Question -> Option), written by editors and
  translated with wagtail-localize. Each translation is its own rows sharing `translation_key`
  with the original; an option's `translation_key` is its language-independent identity, so an
  answer given in Arabic and one given in French count for the same option.
- what people answered: Receipt (who answered, nothing of what), PendingSubmission (the mixing
  pool: what, without who), Response and Answer (what, written in shuffled batches, linked to
  nobody), Draft (a person's answers in progress, deleted on submission). docs/privacy.md says
  what this protects against.

Responses, answers, receipts and drafts point at the default-locale ("canonical") questionnaire
and questions, so results aggregate in SQL across languages: GROUP BY question, option_key.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from participation.core.pages import canonical_page, default_language_code


class TranslatedTree(TranslatableMixin):
    """A questionnaire part that exists once per language; `canonical` is its default-locale row,
    the one responses point at."""

    class Meta:
        abstract = True
        unique_together = [("translation_key", "locale")]

    @property
    def canonical(self):
        if self.locale.language_code == default_language_code():
            return self
        return type(self).objects.filter(translation_key=self.translation_key, locale__language_code=default_language_code()).first() or self


class Questionnaire(TranslatedTree, ClusterableModel):
    title = models.CharField(_("title"), max_length=255)
    intro = models.TextField(_("introduction"), blank=True)
    dialogue = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="questionnaires", verbose_name=_("dialogue"),
        help_text=_("The dialogue this questionnaire belongs to; its translations share it."),
    )  # fmt: skip
    session = models.ForeignKey(
        "participation_events.Session", on_delete=models.PROTECT, null=True, blank=True, related_name="questionnaires",
        verbose_name=_("only for the participants of"),
        help_text=_("Leave empty to open the questionnaire to every signed-in person who may see the dialogue."),
    )  # fmt: skip
    opens_at = models.DateTimeField(_("opens at"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)

    POOLED, MEAN_OF_COUNTRIES = "pooled", "countries"
    GLOBAL_FIGURES = [
        (POOLED, _("Pooled: every respondent counts the same")),
        (MEAN_OF_COUNTRIES, _("Mean of countries: every country counts the same")),
    ]
    results_published = models.BooleanField(
        _("results published"), default=False,
        help_text=_("Show the results on results pages, in the API, the open data and the report."),
    )  # fmt: skip
    global_figure = models.CharField(_("global figure"), max_length=10, choices=GLOBAL_FIGURES, default=POOLED)
    # Raised in the database with every batch written and every change: what results.py caches
    # and stores is keyed by it.
    results_version = models.PositiveIntegerField(default=0, editable=False)
    method = models.TextField(
        _("method"), blank=True,
        help_text=_("How participants were selected and how the dialogue ran, for the results page and the report."),
    )  # fmt: skip

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("intro"),
        TranslatableField("method"),
        *(SynchronizedField(name) for name in ("dialogue", "session", "opens_at", "closes_at", "results_published", "global_figure")),
        TranslatableField("sections"),
    ]

    class Meta(TranslatedTree.Meta):
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True) | Q(closes_at__isnull=True) | Q(closes_at__gt=models.F("opens_at")),
                name="questionnaires_closes_after_opening",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A questionnaire must close after it opens.")})
        if self.dialogue_id and not getattr(self.dialogue.specific_class, "participation_root", False):
            raise ValidationError({"dialogue": _("Choose a dialogue page.")})

    def save(self, *args, **kwargs):
        # Every translation hangs on the dialogue's default-locale page, like sessions.
        if self.dialogue_id:
            self.dialogue = canonical_page(self.dialogue)
        with transaction.atomic():
            if self.pk:
                # Write back the version in the database, not this copy's, which a batch may have
                # raised since it was read (the save then raises it once more, signals.py): an
                # older version would find older results cached and stored. Locked against a batch.
                current = type(self).objects.select_for_update().filter(pk=self.pk).values_list("results_version", flat=True).first()
                self.results_version = self.results_version if current is None else current
            super().save(*args, **kwargs)

    def is_open(self, now=None):
        now = now or timezone.now()
        return (self.opens_at is None or self.opens_at <= now) and (self.closes_at is None or now < self.closes_at)

    def questions(self):
        """Every question in order, sections first."""
        return Question.objects.filter(section__questionnaire=self).order_by("section__sort_order", "section__pk", "sort_order", "pk")


class Section(TranslatedTree, Orderable, ClusterableModel):
    """One step of the form."""

    questionnaire = ParentalKey(Questionnaire, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(_("title"), max_length=255)
    intro = models.TextField(_("introduction"), blank=True)

    class Meta(TranslatedTree.Meta):
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["sort_order"]

    def __str__(self):
        return self.title


class Question(TranslatedTree, Orderable, ClusterableModel):
    SINGLE, MULTIPLE, SCALE, MATRIX, RANKING, NUMBER, SHORT_TEXT, LONG_TEXT = (
        "single", "multiple", "scale", "matrix", "ranking", "number", "short_text", "long_text",
    )  # fmt: skip
    KINDS = [
        (SINGLE, _("Single choice")),
        (MULTIPLE, _("Multiple choice")),
        (SCALE, _("Scale")),
        (MATRIX, _("Matrix (rows × scale)")),
        (RANKING, _("Ranking")),
        (NUMBER, _("Number")),
        (SHORT_TEXT, _("Short text")),
        (LONG_TEXT, _("Long text")),
    ]
    # Kinds whose options are the answers (for a matrix, its rows).
    WITH_OPTIONS = {SINGLE, MULTIPLE, MATRIX, RANKING}
    WITH_SCALE = {SCALE, MATRIX}

    section = ParentalKey(Section, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=500)
    help_text = models.TextField(_("help text"), blank=True)
    kind = models.CharField(_("type"), max_length=12, choices=KINDS, default=SINGLE)
    required = models.BooleanField(_("required"), default=False)
    max_choices = models.PositiveSmallIntegerField(
        _("most choices"), null=True, blank=True, help_text=_("Multiple choice: leave empty for no limit.")
    )
    scale_min = models.SmallIntegerField(_("scale from"), default=1)
    scale_max = models.SmallIntegerField(_("scale to"), default=5)
    min_label = models.CharField(_("label of the lowest value"), max_length=100, blank=True)
    max_label = models.CharField(_("label of the highest value"), max_length=100, blank=True)
    number_min = models.DecimalField(_("smallest number"), max_digits=14, decimal_places=4, null=True, blank=True)
    number_max = models.DecimalField(_("largest number"), max_digits=14, decimal_places=4, null=True, blank=True)
    show_if_option = models.ForeignKey(
        "Option", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("show only if"),
        help_text=_("Ask this question only to people who chose this option of an earlier question (save first to list them)."),
    )  # fmt: skip

    # The condition stays the default-locale option in every translation: conditions are
    # checked by option identity (translation key), whatever the language.
    translatable_fields = [
        TranslatableField("text"),
        TranslatableField("help_text"),
        TranslatableField("min_label"),
        TranslatableField("max_label"),
        *(SynchronizedField(name) for name in ("kind", "required", "max_choices", "scale_min", "scale_max", "number_min", "number_max", "show_if_option")),
        TranslatableField("options"),
    ]

    class Meta(TranslatedTree.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["sort_order"]
        constraints = [
            models.CheckConstraint(condition=Q(scale_max__gt=models.F("scale_min")), name="questionnaires_scale_range"),
            models.CheckConstraint(
                condition=Q(number_min__isnull=True) | Q(number_max__isnull=True) | Q(number_max__gte=models.F("number_min")),
                name="questionnaires_number_range",
            ),
        ]

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        if self.scale_min is not None and self.scale_max is not None and self.scale_max <= self.scale_min:
            raise ValidationError({"scale_max": _("The scale must end above where it starts.")})
        if self.number_min is not None and self.number_max is not None and self.number_max < self.number_min:
            raise ValidationError({"number_max": _("The largest number must not be below the smallest.")})
        if self.show_if_option_id and not self._condition_is_earlier():
            raise ValidationError({"show_if_option": _("Choose an option of an earlier question of this questionnaire.")})

    def _condition_is_earlier(self):
        condition = self.show_if_option.question
        if self.section_id is None or condition.section.questionnaire_id != self.section.questionnaire_id:
            return False
        order = list(self.section.questionnaire.questions().values_list("pk", flat=True))
        return condition.pk in order and (self.pk not in order or order.index(condition.pk) < order.index(self.pk))

    @property
    def condition_key(self):
        """(question key, option key) of the "show only if" condition, or None."""
        option = self.show_if_option
        return (option.question.translation_key, option.translation_key) if option else None


class Option(TranslatedTree, Orderable):
    """A choice (or a matrix row). Its `translation_key` is its identity in every language."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("label"), max_length=255)

    class Meta(TranslatedTree.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.question.text} · {self.label}"

    @property
    def key(self):
        return self.translation_key


class Receipt(models.Model):
    """That a person answered a questionnaire, to refuse a second submission. Nothing else: no
    time, no link to the response. Written in its own transaction, never with the response."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="questionnaire_receipts")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="receipts")

    class Meta:
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")
        constraints = [models.UniqueConstraint(fields=["user", "questionnaire"], name="questionnaires_one_receipt_per_person")]


class PendingSubmission(models.Model):
    """The mixing pool: a validated submission waiting to be written with at least k others.
    Holds what was answered and the response's coarse facts, never who answered or when."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="pending")
    payload = models.JSONField()

    class Meta:
        verbose_name = _("submission waiting to be mixed")
        verbose_name_plural = _("submissions waiting to be mixed")


class Response(models.Model):
    """One person's (or one paper form's) answers, linked to nobody. The random UUID key and
    the shuffled batch write keep storage order away from submission order."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="responses")
    country = models.CharField(_("country"), max_length=2, blank=True)
    language = models.CharField(_("language"), max_length=12)
    session_date = models.DateField(_("session date"), null=True, blank=True)
    is_paper = models.BooleanField(_("paper entry"), default=False)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["questionnaire", "country"], name="questionnaires_resp_country")]


class Answer(models.Model):
    """One value of a response: `option_key` is the chosen option (single, multiple), the ranked
    option (ranking, with its rank in `value`) or the matrix row (with its value); `value` is the
    scale or number; `text` a free answer. Keys are option translation keys, the same in every
    language, so counts are a GROUP BY."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    option_key = models.UUIDField(null=True, blank=True)
    value = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    text = models.TextField(blank=True)

    # Free text is published only once a moderator has read it (it may name someone).
    PENDING, PUBLISHED, WITHHELD = "pending", "published", "withheld"
    TEXT_STATUSES = [(PENDING, _("Waiting for moderation")), (PUBLISHED, _("Published")), (WITHHELD, _("Withheld"))]
    text_status = models.CharField(_("moderation"), max_length=10, choices=TEXT_STATUSES, default=PENDING)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [
            models.Index(fields=["question", "option_key"], name="questionnaires_answer_option"),
            models.Index(fields=["question", "text_status"], name="questionnaires_answer_text", condition=~Q(text="")),
        ]


class Tally(models.Model):
    """Counts of responses and answers per breakdown, added to by every batch written, so results
    read a few thousand rows instead of counting millions of answers. A breakdown is (country,
    language, session date): what a response itself keeps, so a tally tells nothing a response
    doesn't.

    Rows, per questionnaire and breakdown:
    - question empty: respondents (`paper`: how many of them were paper entries);
    - option and value empty: respondents who answered the question (for a number, with the sum
      of their numbers and of their squares: mean and spread without a row per number given);
    - option (single, multiple), option and value (matrix row and point, ranking option and rank),
      or value (scale point): how many answered so."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="tallies")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, null=True, blank=True, related_name="tallies")
    country = models.CharField(max_length=2, blank=True)
    language = models.CharField(max_length=12)
    session_date = models.DateField(null=True, blank=True)
    option_key = models.UUIDField(null=True, blank=True)
    value = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    count = models.PositiveIntegerField(default=0)
    paper = models.PositiveIntegerField(default=0)
    total = models.DecimalField(max_digits=36, decimal_places=8, null=True, blank=True)
    squares = models.DecimalField(max_digits=36, decimal_places=8, null=True, blank=True)

    class Meta:
        verbose_name = _("tally")
        verbose_name_plural = _("tallies")
        indexes = [models.Index(fields=["questionnaire", "question"], name="questionnaires_tally")]

    KEY = ("question_id", "country", "language", "session_date", "option_key", "value")

    @property
    def key(self):
        return tuple(getattr(self, name) for name in self.KEY)


class CountryTally(models.Model):
    """Tally's answer rows added up over languages and session dates: what the results read when
    they are not filtered by language or date (ten times fewer rows at 5 languages and 2 dates,
    and nothing left to add up when reading). Written in the same transaction as the Tally rows
    it adds up, by every batch and by rebuild_tallies, so the two always agree."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="country_tallies")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="country_tallies")
    country = models.CharField(max_length=2, blank=True)
    option_key = models.UUIDField(null=True, blank=True)
    value = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    count = models.PositiveIntegerField(default=0)
    total = models.DecimalField(max_digits=36, decimal_places=8, null=True, blank=True)
    squares = models.DecimalField(max_digits=36, decimal_places=8, null=True, blank=True)

    class Meta:
        verbose_name = _("tally by country")
        verbose_name_plural = _("tallies by country")
        indexes = [models.Index(fields=["questionnaire", "country"], name="questionnaires_country_tally")]

    KEY = ("question_id", "country", "option_key", "value")

    @property
    def key(self):
        return tuple(getattr(self, name) for name in self.KEY)


class ResultsSnapshot(models.Model):
    """A published questionnaire's unfiltered results in one of its translations, or what is made
    of them (the API's JSON), as the task made them after the latest batch or edit (results.warm):
    what a web worker reads when its cache lacks them (each worker's own memory when no Redis is
    shared, a flushed cache) instead of computing some 1,800 breakdowns. Published aggregates
    only: what the results page and the API show."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="snapshots")  # the canonical one
    key = models.CharField(max_length=100)  # what and its shape, the translation shown, its language, the global figure
    version = models.PositiveIntegerField()  # the questionnaire's results_version they are of
    data = models.BinaryField()  # results.Results pickled and compressed, or the API's JSON

    class Meta:
        verbose_name = _("results snapshot")
        verbose_name_plural = _("results snapshots")
        constraints = [models.UniqueConstraint(fields=["questionnaire", "key"], name="questionnaires_one_snapshot_per_view")]


class Draft(models.Model):
    """A person's answers in progress, resumable on any device; deleted when they submit."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="questionnaire_drafts")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="drafts")
    answers = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")
        constraints = [models.UniqueConstraint(fields=["user", "questionnaire"], name="questionnaires_one_draft_per_person")]


def _report_path(report, filename):
    return f"questionnaire-{report.questionnaire_id}/{filename}"


def _reports_storage():
    from .conf import reports_storage

    return reports_storage()


class Report(models.Model):
    """The printable results report of a questionnaire in one language, built in the background
    (tasks.build_report); served only through questionnaires:report, with the results' checks."""

    PENDING, BUILDING, DONE, FAILED = "pending", "building", "done", "failed"
    STATUSES = [(PENDING, _("Waiting to be built")), (BUILDING, _("Being built")), (DONE, _("Built")), (FAILED, _("Failed"))]

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="reports", verbose_name=_("questionnaire"))
    language = models.CharField(_("language"), max_length=12)
    html = models.FileField(_("HTML file"), upload_to=_report_path, storage=_reports_storage, blank=True)
    pdf = models.FileField(_("PDF file"), upload_to=_report_path, storage=_reports_storage, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=PENDING)
    built_at = models.DateTimeField(_("built at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [models.UniqueConstraint(fields=["questionnaire", "language"], name="questionnaires_one_report_per_language")]

    def __str__(self):
        return f"{self.questionnaire} ({self.language})"
