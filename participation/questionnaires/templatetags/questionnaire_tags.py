"""{% questionnaire_results questionnaire %}: a questionnaire's published results where a page
shows them (content's ResultsPage, or any host page)."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from participation.core.http import number_from
from participation.core.visibility import viewer_of

from ..models import Report
from ..presentation import question_views, read_filters
from ..results import Filters, country_name, results

register = template.Library()


@register.inclusion_tag("questionnaires/includes/results.html", takes_context=True)
def questionnaire_results(context, questionnaire):
    """Nothing when the dialogue is hidden from this person; "not published yet" until the
    editor publishes the results; then the filters, the figures and the downloads. Labels come
    in `questionnaire`'s language (pass the translation for the page's locale)."""
    request = context.get("request")
    canonical = questionnaire.canonical
    if request is None or not viewer_of(request).sees_page(canonical.dialogue):
        return {"hidden": True}
    if not canonical.results_published:
        return {"published": False, "questionnaire": questionnaire}
    found = results(questionnaire, Filters())
    # A country left out of the whole view is not offered alone: its figures and the whole's
    # would give away the smaller country it was left out with.
    shown = {country.code for country in found.countries}
    choices = {**found.choices, "countries": [code for code in found.choices["countries"] if code in shown]}
    filters, ignored = read_filters(request.GET, choices)
    if filters.active:
        found = results(questionnaire, filters)
    rtl = translation.get_language_bidi()
    views = question_views(found, rtl, texts=_text_pages(request.GET))
    return {
        "published": True,
        "request": request,
        "questionnaire": questionnaire,
        "found": found,
        "views": views,
        "ignored": ignored,
        "filters": filters,
        "country_choices": [(code, country_name(code)) for code in choices["countries"]],
        "language_choices": [(code, _language_name(code)) for code in choices["languages"]],
        "date_choices": choices["dates"],
        "downloads": _downloads(canonical),
        "reports": _reports(canonical),
        "query": _query_without_pages(request.GET),
    }


def _text_pages(query):
    """{question key: page} from `texts-<key>=<page>`: which page of each question's free-text
    answers to show."""
    pages = {}
    for name, value in query.items():
        if name.startswith("texts-") and number_from(value) is not None:
            pages[name[len("texts-") :]] = min(number_from(value), 10_000)
    return pages


def _query_without_pages(query):
    kept = query.copy()
    for name in [name for name in kept if name.startswith("texts-")]:
        del kept[name]
    return kept.urlencode()


def _language_name(code):
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return code


def _downloads(canonical):
    return [
        (reverse("open_data:questionnaire_responses", args=[canonical.pk]), "responses"),
        (reverse("open_data:questionnaire_aggregates", args=[canonical.pk]), "aggregates"),
    ]


def _reports(canonical):
    """Built reports, the reader's language first: (language name, code, HTML url, PDF url)."""
    built = {report.language for report in Report.objects.filter(questionnaire=canonical, status=Report.DONE).only("language")}
    current = translation.get_language()
    codes = sorted((code for code, _name in settings.LANGUAGES if code in built), key=lambda code: code != current)
    return [
        (
            _language_name(code),
            code,
            reverse("questionnaires:report", args=[canonical.pk, code, "html"]),
            reverse("questionnaires:report", args=[canonical.pk, code, "pdf"]),
        )
        for code in codes
    ]
