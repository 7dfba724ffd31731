"""Editors' page for a questionnaire's report: each language's state, and "Build the report"."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import Questionnaire, Report
from .signals import enqueue_reports

CHANGE = "participation_questionnaires.change_questionnaire"


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "questionnaires/admin/report.html"
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(CHANGE):
            return permission_denied(request)
        questionnaire = Questionnaire.objects.filter(pk=kwargs["questionnaire_id"]).select_related("locale").first()
        if questionnaire is None:
            raise Http404(_("There is no such questionnaire."))
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
