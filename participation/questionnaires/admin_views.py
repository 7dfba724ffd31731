"""The questionnaires' admin pages: moderators read free-text answers before they are published
(open data, results), each with its question and language only, not its country nor its date,
which would tie it to a breakdown of the results; editors build the report in each language."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from participation.core.http import number_from
from participation.core.pages import default_language_code
from participation.core.permissions import LocalePermissionPolicy

from . import services
from .models import Answer, Questionnaire, Report
from .rules import can
from .signals import enqueue_reports

PAGE_SIZE = 50
STATUSES = [(value, label) for value, label in Answer.TEXT_STATUSES]


class ModeratorRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can(request.user, "moderate_texts"):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class QuestionnairesView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every questionnaire with how many free-text answers wait."""

    template_name = "questionnaires/admin/texts_index.html"
    page_title = gettext_lazy("Free-text answers")
    header_icon = "form"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["questionnaires"] = (
            Questionnaire.objects.filter(locale__language_code=default_language_code())
            .annotate(
                waiting=Count(
                    "responses__answers",
                    filter=Q(responses__answers__text_status=Answer.PENDING) & ~Q(responses__answers__text=""),
                )
            )
            .order_by("-waiting", "title")
        )
        return context


class TextsView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "questionnaires/admin/texts.html"
    page_title = gettext_lazy("Free-text answers")
    header_icon = "form"

    def dispatch(self, request, questionnaire_id, *args, **kwargs):
        self.questionnaire = Questionnaire.objects.filter(pk=questionnaire_id, locale__language_code=default_language_code()).first()
        if self.questionnaire is None:
            raise Http404(_("There is no such questionnaire."))
        return super().dispatch(request, *args, **kwargs)

    def status(self):
        status = self.request.GET.get("status", Answer.PENDING)
        return status if status in dict(STATUSES) else Answer.PENDING

    def get_page_subtitle(self):
        return self.questionnaire.title

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("questionnaires_texts"), "label": _("Free-text answers")},
            {"url": "", "label": self.questionnaire.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.status()
        answers = (
            services.text_answers(self.questionnaire)
            .filter(text_status=status)
            .annotate(language=F("response__language"), question_text=F("question__text"))
            .only("pk", "text", "text_status")
            .order_by("question__section__sort_order", "question__sort_order", "question_id", "pk")
        )
        context.update(
            questionnaire=self.questionnaire,
            answers=Paginator(answers, PAGE_SIZE).get_page(self.request.GET.get("p")),
            status=status,
            statuses=STATUSES,
            actions=[(Answer.PUBLISHED, _("Publish")), (Answer.WITHHELD, _("Withhold"))],
        )
        return context

    def post(self, request, *args, **kwargs):
        ids = [number for number in map(number_from, request.POST.getlist("answers")) if number is not None]
        try:
            changed = services.moderate_texts(request.user, self.questionnaire, ids, request.POST.get("action", ""))
        except services.QuestionnaireError as error:
            messages.error(request, error.message)
        else:
            if request.POST.get("action") == Answer.PUBLISHED:
                messages.success(request, ngettext("%(count)d answer published.", "%(count)d answers published.", changed) % {"count": changed})
            else:
                messages.success(request, ngettext("%(count)d answer withheld.", "%(count)d answers withheld.", changed) % {"count": changed})
        url = reverse("questionnaires_texts_of", args=[self.questionnaire.pk])
        return redirect(f"{url}?status={self.status()}")


def builds_reports(user, questionnaire):
    """Those who may change the questionnaire's source (editors; not a partner's translators)."""
    return LocalePermissionPolicy(Questionnaire).user_has_permission_for_instance(user, "change", questionnaire.canonical)


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "questionnaires/admin/report.html"
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        questionnaire = Questionnaire.objects.filter(pk=kwargs["questionnaire_id"]).select_related("locale").first()
        if questionnaire is None or not builds_reports(request.user, questionnaire):
            return permission_denied(request)
        self.questionnaire = questionnaire.canonical
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Report: %(title)s") % {"title": self.questionnaire.title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reports = {report.language: report for report in Report.objects.filter(questionnaire=self.questionnaire)}
        context["questionnaire"] = self.questionnaire
        context["languages"] = [(code, name, reports.get(code)) for code, name in settings.LANGUAGES]
        return context

    def post(self, request, *args, **kwargs):
        enqueue_reports(self.questionnaire)
        messages.success(request, _("The report is being built in every language of the site. Its state shows below."))
        return redirect(reverse("questionnaire_report", args=[self.questionnaire.pk]))
