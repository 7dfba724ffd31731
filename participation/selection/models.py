"""A selection by lot for a gathering page (a country edition): one record per run.

A run goes draft (quotas being set) → queued → running → computed (distribution and the 1,000
tickets, published) → drawn (the announced seed picked a ticket); or failed, with the reason, and
nothing else kept. Starting over makes a new run; earlier runs stay published. Everything the
public page and the transparency bundle show is stored here as it was when computed: the pool
(references and features, never names), the quotas, the tickets, the draw and the replacements."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .engine import DEFAULT_TIME_LIMIT, reason_for


class Selection(models.Model):
    DRAFT, QUEUED, RUNNING, COMPUTED, FAILED, DRAWN = "draft", "queued", "running", "computed", "failed", "drawn"
    STATUSES = [
        (DRAFT, _("Quotas being set")),
        (QUEUED, _("Waiting to be computed")),
        (RUNNING, _("Being computed")),
        (COMPUTED, _("Computed, waiting for the draw")),
        (FAILED, _("Failed")),
        (DRAWN, _("Drawn")),
    ]
    ALGORITHMS = [("leximin", "LEXIMIN"), ("maximin", "maximin"), ("nash", "Nash welfare")]

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="selections", verbose_name=_("page"))
    run = models.PositiveIntegerField(_("run"), default=1)
    panel_size = models.PositiveIntegerField(_("panel size"))
    # [{"category", "feature", "min", "max"}], in the order set
    quotas = models.JSONField(_("quotas"), default=list, blank=True)
    algorithm_requested = models.CharField(_("algorithm asked for"), max_length=20, choices=ALGORITHMS, default="leximin")
    time_limit = models.FloatField(_("time limit (seconds)"), default=DEFAULT_TIME_LIMIT)
    algorithm_run = models.CharField(_("algorithm run"), max_length=20, blank=True)
    algorithm_reason = models.TextField(_("why this algorithm"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=DRAFT)
    progress = models.FloatField(_("progress"), default=0)
    progress_message = models.TextField(_("progress message"), blank=True)
    error = models.TextField(_("error"), blank=True)
    seed_source = models.TextField(_("source of the seed"), blank=True)
    seed_source_at = models.DateTimeField(_("seed source announced at"), null=True, blank=True)
    seed = models.TextField(_("seed"), blank=True)
    # {"categories": [...], "people": {reference: [feature, ...]}}: the pool as computed
    pool = models.JSONField(_("pool"), default=dict, blank=True)
    # The computation and the draw: tickets, probabilities, spread, levels, drawn ticket, panel,
    # reserve, replacements (selection/services.py writes it, nothing else).
    results = models.JSONField(_("results"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    drawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("drawn by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("computing started at"), null=True, blank=True)
    computed_at = models.DateTimeField(_("computed at"), null=True, blank=True)
    drawn_at = models.DateTimeField(_("drawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("selection by lot")
        verbose_name_plural = _("selections by lot")
        ordering = ["page", "run"]
        constraints = [models.UniqueConstraint(fields=["page", "run"], name="selection_one_run_number_per_page")]

    def __str__(self):
        return _("Selection %(run)s of %(page)s") % {"run": self.run, "page": self.page.title}

    @property
    def editable(self):
        """Quotas and panel size change only before computing (or after a failure)."""
        return self.status in (self.DRAFT, self.FAILED)

    @property
    def busy(self):
        return self.status in (self.QUEUED, self.RUNNING)

    @property
    def is_drawn(self):
        return self.status == self.DRAWN

    @property
    def has_tickets(self):
        return self.status in (self.COMPUTED, self.DRAWN)

    def reason(self):
        """Why the algorithm that ran did, in the active language."""
        return reason_for(self.algorithm_requested, self.algorithm_run, self.time_limit, len(self.results.get("levels", [])))
