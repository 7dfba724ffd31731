"""The printable results report of a questionnaire, in one of the site's languages, as HTML and
PDF (WeasyPrint): cover, method (countries, participants, dates, how participants were chosen,
the questionnaire itself), the results per question with charts and the country comparison, and
a page per country shown (its figures as tables: a chart per question and country would make
a report of 80 countries take minutes to print). Built from `results()` like the results page, so it holds no
suppressed figure, and only published free-text answers.

Arabic and Cyrillic need a font that has them: the report asks for DejaVu Sans (Debian package
fonts-dejavu-core), then Noto Sans; docs/questionnaires.md says so."""

import dataclasses

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Locale

from participation.core.signals import public_content_changed

from .answers import Form
from .models import Report
from .presentation import question_views
from .results import Filters, results, translated


def render_html(questionnaire, language):
    """The report's HTML in `language` (a code of settings.LANGUAGES)."""
    with translation.override(language):
        shown = translated(questionnaire.canonical, language)
        found = results(shown, Filters())
        rtl = translation.get_language_bidi()
        dialogue = shown.canonical.dialogue
        locale = Locale.objects.filter(language_code=language).first()
        dialogue = (dialogue.get_translation_or_none(locale) if locale else None) or dialogue
        context = {
            "language": language,
            "direction": "rtl" if rtl else "ltr",
            "questionnaire": shown,
            "dialogue": dialogue,
            "found": found,
            "form": Form(shown),
            "views": question_views(found, rtl, texts={}),
            "countries": [(country, _country_views(found, country, rtl)) for country in found.countries],
            "dates": found.choices["dates"],
            "built_at": timezone.now(),
        }
        return render_to_string("questionnaires/report.html", context)


def _country_views(found, country, rtl):
    """One country's figures per question, as the comparison gave them: a question left out for
    this country is left out here too."""
    per_question = []
    for result in found.questions:
        figures = result.by_country.get(country.code)
        if figures is None or result.is_text:
            per_question.append(dataclasses.replace(result, overall=None, by_country={}, rows=[]))
            continue
        rows = [dataclasses.replace(row, overall=row.by_country[country.code], by_country={}) for row in result.rows if country.code in row.by_country]
        per_question.append(dataclasses.replace(result, overall=figures, by_country={}, rows=rows))
    view = dataclasses.replace(found, questions=per_question, countries=[])
    return question_views(view, rtl, scope=country.name, with_charts=False, compact=True)


def render_pdf(html):
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def build(questionnaire, language):
    """Build (or build again) the report of `questionnaire` in `language`; returns the Report.
    A failure is recorded on the Report, with its error, rather than raised."""
    canonical = questionnaire.canonical
    report, _created = Report.objects.get_or_create(questionnaire=canonical, language=language)
    Report.objects.filter(pk=report.pk).update(status=Report.BUILDING, error="")
    try:
        html = render_html(canonical, language)
        pdf = render_pdf(html)
    except Exception as error:  # noqa: BLE001 - any failure is the editor's to see, not a crash of the worker
        Report.objects.filter(pk=report.pk).update(status=Report.FAILED, error=f"{type(error).__name__}: {error}")
        report.refresh_from_db()
        return report
    old = [report.html.name, report.pdf.name]
    report.html.save(f"report-{language}.html", ContentFile(html.encode()), save=False)
    report.pdf.save(f"report-{language}.pdf", ContentFile(pdf), save=False)
    report.status, report.built_at, report.error = Report.DONE, timezone.now(), ""
    report.save()
    public_content_changed.send(sender=Report)  # results pages now link it
    for name in old:
        if name and name not in (report.html.name, report.pdf.name):
            report.html.storage.delete(name)
    return report
