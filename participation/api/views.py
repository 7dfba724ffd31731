"""The open-data page and its CSV downloads (under the language prefix, like every page)."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from participation.core import ratelimit

from . import exports, queries


def dialogue_or_404(dialogue_id):
    page = queries.dialogue_page(dialogue_id)
    if page is None:
        raise Http404(_("There is no such dialogue."))
    return page


@require_safe
def index(request):
    dialogues = queries.dialogue_reads(queries.dialogue_pages(), translation.get_language())
    for dialogue in dialogues:
        dialogue.url = dialogue.shown.get_url(request)
    published = list(queries.questionnaires().filter(results_published=True))
    versions = queries.questionnaire_versions(published, translation.get_language())
    questionnaires = [versions.get(item.translation_key, item) for item in published]
    for shown, item in zip(questionnaires, published):
        shown.canonical_pk = item.pk
    return TemplateResponse(request, "api/open_data.html", {"dialogues": dialogues, "questionnaires": questionnaires})


def _filename(dialogue, what, language):
    return f"dialogue-{dialogue.pk}-{what}-{language}.csv"


@require_safe
@ratelimit.per_client("open_data")
def proposals_csv(request, dialogue_id):
    dialogue = dialogue_or_404(dialogue_id)
    language = translation.get_language()
    rows = exports.proposal_rows(request, dialogue, language)
    return exports.csv_response(_filename(dialogue, "proposals", language), exports.PROPOSAL_COLUMNS, rows, language)


@require_safe
@ratelimit.per_client("open_data")
def comments_csv(request, dialogue_id):
    dialogue = dialogue_or_404(dialogue_id)
    language = translation.get_language()
    rows = exports.comment_rows(request, dialogue)
    return exports.csv_response(_filename(dialogue, "comments", language), exports.COMMENT_COLUMNS, rows, language)


@require_safe
@ratelimit.per_client("open_data")
def counts_csv(request, dialogue_id):
    dialogue = dialogue_or_404(dialogue_id)
    language = translation.get_language()
    rows = exports.count_rows(dialogue, language)
    return exports.csv_response(_filename(dialogue, "counts", language), exports.COUNT_COLUMNS, rows, language)


@require_safe
@ratelimit.per_client("open_data")
def registrations_csv(request):
    language = translation.get_language()
    rows = exports.session_rows(request, language)
    return exports.csv_response(f"gatherings-registrations-{language}.csv", exports.SESSION_COLUMNS, rows, language)


def published_questionnaire_or_404(questionnaire_id):
    """A questionnaire anyone may see whose results are published (the files are its results)."""
    questionnaire = queries.questionnaire(questionnaire_id)
    if questionnaire is None or not questionnaire.results_published:
        raise Http404(_("There is no such questionnaire, or its results are not published."))
    return questionnaire


@require_safe
@ratelimit.per_client("open_data")
def questionnaire_responses_csv(request, questionnaire_id):
    questionnaire = published_questionnaire_or_404(questionnaire_id)
    language = translation.get_language()
    columns, rows = exports.response_table(questionnaire, language)
    return exports.csv_response(f"questionnaire-{questionnaire.pk}-responses-{language}.csv", columns, rows, language)


@require_safe
@ratelimit.per_client("open_data")
def questionnaire_aggregates_csv(request, questionnaire_id):
    questionnaire = published_questionnaire_or_404(questionnaire_id)
    language = translation.get_language()
    rows = exports.aggregate_rows(questionnaire, language)
    return exports.csv_response(f"questionnaire-{questionnaire.pk}-aggregates-{language}.csv", exports.AGGREGATE_COLUMNS, rows, language)
