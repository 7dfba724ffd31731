"""The printable results report of a questionnaire, in one of the site's languages, as HTML and
PDF (WeasyPrint): cover, method (countries, participants, dates, how participants were chosen,
the questionnaire itself), the results per question with charts and the country comparison, and
a page per country shown (a row per question: its figures are in the comparison already).
Built from `results()` like the results page, so it holds no suppressed figure, and only
published free-text answers.

Arabic and Cyrillic need a font that has them: the report asks for DejaVu Sans (Debian package
fonts-dejavu-core), then Noto Sans; docs/deployment.md says so."""

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from participation.core.signals import public_content_changed

from . import charts
from .answers import Form
from .models import Question, Report
from .presentation import Table, question_views
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
            "views": question_views(found, rtl, texts={}, for_print=True),
            "countries": [(country, _country_table(found, country)) for country in found.countries],
            "dates": found.choices["dates"],
            "built_at": timezone.now(),
        }
        return render_to_string("questionnaires/report.html", context)


def _country_table(found, country):
    """A country's page: a row per question with its respondents and its figures in a line of
    text. The comparison tables of the results chapter hold each country's figures already;
    this page reads as one country's profile, and 80 of them print in seconds rather than as
    hundreds of pages of tables."""
    language = translation.get_language()  # once, for thousands of figures

    def number(value, places=1):
        return charts.number(value, places, language)

    def share(label, count, percent):
        return _("%(label)s: %(figure)s") % {"label": label, "figure": _("%(count)s (%(percent)s)") % {"count": number(count), "percent": charts.percent(percent, language)}}

    def mean(figures):
        if figures.mean is None:
            return "–"
        return _("mean %(mean)s, spread %(spread)s") % {"mean": number(figures.mean, 2), "spread": number(figures.spread, 2)}

    rows = []
    for result in found.questions:
        figures = result.by_country.get(country.code)
        if figures is None or result.is_text:
            continue
        kind = result.kind
        parts = []
        if kind in (Question.SINGLE, Question.MULTIPLE, Question.SCALE):
            parts = [share(item.label, item.count, item.percent) for item in figures.shares]
        if kind in (Question.SCALE, Question.NUMBER):
            parts.insert(0, mean(figures))
        if kind == Question.RANKING:
            parts = [_("%(label)s: %(figure)s") % {"label": label, "figure": _("mean rank %(rank)s") % {"rank": number(rank, 2)}} for _key, label, rank in figures.ranks]
        if kind == Question.MATRIX:
            parts = [_("%(label)s: %(figure)s") % {"label": row.label, "figure": mean(row.by_country[country.code])} for row in result.rows if country.code in row.by_country]
        rows.append((result.question.text, [number(figures.n), number(figures.no_answer), " · ".join(parts)]))
    caption = _("%(country)s: figures per question") % {"country": country.name}
    return Table(caption, [_("Question"), _("Respondents"), _("No answer"), _("Figures")], rows)


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
