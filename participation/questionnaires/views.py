"""Answering a questionnaire, one section per step, and facilitators' paper entries.

Every step's answers go into the person's draft as typed (so they resume on any device); the
last step submits. Refused answers come back as typed, with the reasons, and nothing is stored
but the draft. Views are non-atomic: the receipt and the pooled answers must be written in
transactions of their own (services.py)."""

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from participation.core.http import json_error, number_from, refused, sign_in_first, wants_json
from participation.core.visibility import viewer_of

from . import services
from .answers import Form
from .forms import answers_from_post, fields
from .models import Questionnaire, Receipt, Report
from .rules import denial, facilitated_groups


def questionnaire_or_404(request, questionnaire_id):
    """The default-locale questionnaire, if its dialogue exists for this person."""
    questionnaire = Questionnaire.objects.select_related("dialogue", "locale").filter(pk=questionnaire_id).first()
    if questionnaire is None or questionnaire.canonical != questionnaire or not viewer_of(request).sees_page(questionnaire.dialogue):
        raise Http404(_("There is no such questionnaire."))
    return questionnaire


def in_active_language(questionnaire):
    return questionnaire.get_translation_or_none(Locale.get_active()) or questionnaire


def _step(request, form):
    value = request.POST.get("step") or request.GET.get("step") or "1"
    step = number_from(value) or 1
    return min(max(step, 1), max(len(form.sections), 1))


@transaction.non_atomic_requests
@require_http_methods(["GET", "POST"])
def answer(request, questionnaire_id):
    questionnaire = questionnaire_or_404(request, questionnaire_id)
    if not request.user.is_authenticated:
        return sign_in_first(request)
    url = reverse("questionnaires:answer", args=[questionnaire.pk])
    if Receipt.objects.filter(user=request.user, questionnaire=questionnaire).exists():
        return _page(request, questionnaire, "questionnaires/answered.html", {})
    reason = denial(request.user, "answer", questionnaire)
    if reason:
        return refused(request, reason, 403)
    form = Form(in_active_language(questionnaire))
    step = _step(request, form)
    # A draft may hold answers to questions an editor removed since: those are dropped.
    known = {question.key for question in form.questions}
    raw = {key: value for key, value in services.draft_of(request.user, questionnaire).items() if key in known}
    if request.method == "GET":
        return _answer_page(request, questionnaire, form, step, raw, {})
    section = form.sections[step - 1] if form.sections else None
    raw.update(answers_from_post(section.questions if section else [], request.POST))
    action = request.POST.get("action", "next")
    if action != "submit":
        services.save_draft(request.user, questionnaire, raw, viewer=viewer_of(request))
        step = step - 1 if action == "back" else step + 1 if action == "next" else step
        if action == "save":
            messages.success(request, _("Your answers are saved. You can come back to them from any device."))
        return HttpResponseRedirect(f"{url}?step={min(max(step, 1), len(form.sections))}")
    try:
        services.submit(request.user, form.questionnaire, raw, viewer=viewer_of(request))
    except services.InvalidAnswers as error:
        services.save_draft(request.user, questionnaire, raw, viewer=viewer_of(request))
        if wants_json(request):
            return json_error(error.message, 400, errors=error.errors)
        return _answer_page(request, questionnaire, form, _first_step_with(form, error.errors, step), raw, error.errors, status=400)
    except services.QuestionnaireError as error:
        return refused(request, error.message, error.status)
    if wants_json(request):
        return JsonResponse({"status": "received"}, status=201)
    return HttpResponseRedirect(url)


def _first_step_with(form, errors, default):
    for number, section in enumerate(form.sections, start=1):
        if any(question.key in errors for question in section.questions):
            return number
    return default


def _answer_page(request, questionnaire, form, step, raw, errors, status=200):
    section = form.sections[step - 1] if form.sections else None
    elsewhere = [
        (number, question, errors[question.key])
        for number, other in enumerate(form.sections, start=1)
        if number != step
        for question in other.questions
        if question.key in errors
    ]
    context = {
        "form": form,
        "section": section,
        "fields": fields(section.questions if section else [], raw, errors),
        "step": step,
        "steps": len(form.sections),
        "errors": errors,
        "form_error": errors.get(""),
        "elsewhere": elsewhere,
        "is_last": step >= len(form.sections),
    }
    return _page(request, questionnaire, "questionnaires/answer.html", context, status=status)


def _page(request, questionnaire, template, context, status=200):
    translated = in_active_language(questionnaire)
    context = {"questionnaire": questionnaire, "translated": translated, **context}
    return TemplateResponse(request, template, context, status=status)


@transaction.non_atomic_requests
@require_http_methods(["GET", "POST"])
def paper(request, questionnaire_id):
    """A facilitator types in one paper questionnaire of their group: every section on one page."""
    questionnaire = questionnaire_or_404(request, questionnaire_id)
    if not request.user.is_authenticated:
        return sign_in_first(request)
    reason = denial(request.user, "enter_paper", questionnaire)
    if reason:
        return refused(request, reason, 403)
    groups = list(facilitated_groups(request.user, questionnaire))
    chosen = request.POST.get("group") or request.GET.get("group") or (str(groups[0].pk) if len(groups) == 1 else "")
    group = next((group for group in groups if str(group.pk) == chosen), None)
    form = Form(in_active_language(questionnaire))
    raw, errors, status = {}, {}, 200
    if request.method == "POST":
        raw = answers_from_post(form.questions, request.POST)
        try:
            services.enter_paper(request.user, form.questionnaire, raw, group=group, viewer=viewer_of(request))
        except services.InvalidAnswers as error:
            errors, status = error.errors, 400
        except services.QuestionnaireError as error:
            if group is not None or error.status != 400:
                return refused(request, error.message, error.status)
            errors, status = {"": error.message}, 400  # no group chosen: say so above the typed answers
        else:
            messages.success(request, _("The paper questionnaire is recorded. You can type in the next one."))
            return HttpResponseRedirect(f"{reverse('questionnaires:paper', args=[questionnaire.pk])}?group={group.pk}")
    sections = [(section, fields(section.questions, raw, errors)) for section in form.sections]
    context = {"form": form, "sections": sections, "errors": errors, "form_error": errors.get(""), "groups": groups, "group": group}
    return _page(request, questionnaire, "questionnaires/paper.html", context, status=status)


@require_http_methods(["GET", "HEAD"])
def report(request, questionnaire_id, language, extension):
    """A built report, under the results page's own checks: the dialogue visible to this person
    and the results published; 404 otherwise."""
    questionnaire = questionnaire_or_404(request, questionnaire_id)
    found = Report.objects.filter(questionnaire=questionnaire, language=language, status=Report.DONE).first()
    if extension not in ("pdf", "html") or not questionnaire.results_published or found is None:
        raise Http404(_("There is no such report."))
    document = found.pdf if extension == "pdf" else found.html
    if not document:
        raise Http404(_("There is no such report."))
    kind = "application/pdf" if extension == "pdf" else "text/html; charset=utf-8"
    name = f"{slugify(questionnaire.title) or 'report'}-{language}.{extension}"
    response = FileResponse(document.open("rb"), content_type=kind, as_attachment=extension == "pdf", filename=name)
    # The HTML report is a document of its own with its print styles inline (it runs no script):
    # django-csp, where the host uses it, reads this as csp_update does; nothing else does.
    response._csp_update = {"style-src": ["'self'", "'unsafe-inline'"]}
    return response
