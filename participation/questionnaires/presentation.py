"""What the results page and the report show of `results()`: per question its charts, the data
tables behind them, and the published free-text answers; the filters read from a query string.
Shared by the template tag (questionnaire_tags) and the report, so both show the same figures."""

from dataclasses import dataclass, field
from datetime import date
from html import escape

from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from . import charts
from .models import Answer, Question
from .results import Filters

TEXTS_PER_PAGE = 10


@dataclass
class Table:
    caption: str
    headers: list  # the first names the row headers' column
    rows: list  # (row header, [cells])

    def body(self):
        """The rows as HTML, escaped. Written here rather than in the template: with 80
        countries the template engine took longer over the cells than computing the figures."""
        return mark_safe(
            "".join(f'<tr><th scope="row">{escape(str(header))}</th>{"".join(f"<td>{escape(str(cell))}</td>" for cell in cells)}</tr>' for header, cells in self.rows)
        )


@dataclass
class QuestionView:
    result: object  # QuestionResults
    overall_chart: str | None = None
    comparison_chart: str | None = None
    tables: list = field(default_factory=list)
    texts: list = field(default_factory=list)  # (text, lang, dir)
    texts_page: int = 1
    more_texts: bool = False

    @property
    def question(self):
        return self.result.question


def read_filters(query, choices):
    """(Filters, ignored values) from a query string's country (several), date and language,
    keeping only what `choices` (Results.choices) offers."""
    ignored = []
    countries = []
    for code in query.getlist("country"):
        code = code.strip().upper()
        if code in choices["countries"]:
            if code not in countries:
                countries.append(code)
        elif code:
            ignored.append(code)
    session_date = None
    raw_date = query.get("date", "").strip()
    if raw_date:
        try:
            session_date = date.fromisoformat(raw_date)
        except ValueError:
            session_date = None
        if session_date not in choices["dates"]:
            ignored.append(raw_date)
            session_date = None
    language = query.get("language", "").strip()
    if language and language not in choices["languages"]:
        ignored.append(language)
        language = ""
    return Filters(countries=tuple(sorted(countries)), session_date=session_date, language=language), ignored


def language_direction(code):
    try:
        return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "auto"


def question_views(found, rtl=False, texts=None, scope=None, for_print=False):
    """A QuestionView per question of `found` (Results). `texts`: question key -> page of
    published free-text answers to show (None: no free text). `scope` names what the figures
    are of ("All countries" unless a country's name); `for_print`: the report's charts."""
    scope = scope or _("All countries")
    views = []
    for result in found.questions:
        view = QuestionView(result)
        if result.overall is not None and not result.is_text:
            view.overall_chart, view.comparison_chart = charts.question_charts(result, found.countries, rtl, scope, for_print)
            view.tables = tables(result, found.countries, scope)
        views.append(view)
    if texts is not None:
        _add_texts(views, found.filters, texts)
    return views


def _add_texts(views, filters, pages):
    """Published free-text answers, TEXTS_PER_PAGE per question and page; one query per text
    question, however many answers there are. Answers are stored against the default-locale
    question, which shares the displayed one's translation key."""
    for view in views:
        result = view.result
        if not result.is_text or result.overall is None:
            continue
        page = max(pages.get(result.key, 1), 1)
        answers = Answer.objects.filter(question__translation_key=result.key, text_status=Answer.PUBLISHED).exclude(text="")
        if filters.countries:
            answers = answers.filter(response__country__in=filters.countries)
        if filters.session_date:
            answers = answers.filter(response__session_date=filters.session_date)
        if filters.language:
            answers = answers.filter(response__language=filters.language)
        start = (page - 1) * TEXTS_PER_PAGE
        found = list(answers.order_by("pk").values_list("text", "response__language")[start : start + TEXTS_PER_PAGE + 1])
        view.texts = [(text, language, language_direction(language)) for text, language in found[:TEXTS_PER_PAGE]]
        view.texts_page = page
        view.more_texts = len(found) > TEXTS_PER_PAGE


def tables(result, countries, scope):
    """The numbers behind a question's charts: the global figure, then country by country."""
    kind = result.kind
    overall = result.overall
    names = [(country.code, country.name) for country in countries if country.code in result.by_country]
    language = translation.get_language()  # once, for thousands of figures

    def number(value, places=1):
        return charts.number(value, places, language)

    def percent(value):
        return charts.percent(value, language)

    found = []
    summary = [
        (_("Respondents"), [number(overall.n)]),
        (_("Answered"), [number(overall.answered)]),
        (_("No answer"), [number(overall.no_answer)]),
    ]
    if kind in (Question.SINGLE, Question.MULTIPLE, Question.SCALE):
        rows = [(share.label, [number(share.count), percent(share.percent)]) for share in overall.shares]
        found.append(Table(scope, [_("Answer"), _("Count"), _("Share")], rows))
    if kind == Question.RANKING:
        first = {share.key: share for share in overall.shares}
        rows = [(label, [number(mean, 2), number(first[key].count), percent(first[key].percent)]) for key, label, mean in overall.ranks]
        found.append(Table(scope, [_("Option"), _("Mean rank"), _("Ranked first"), _("Share ranked first")], rows))
    if kind == Question.MATRIX:
        rows = [(row.label, [number(row.overall.mean, 2), number(row.overall.spread, 2), number(row.overall.answered)]) for row in result.rows]
        found.append(Table(scope, [_("Row"), _("Mean"), _("Spread"), _("Answered")], rows))
    if kind in (Question.SCALE, Question.NUMBER):
        summary += [(_("Mean"), [number(overall.mean, 2)]), (_("Spread (standard deviation)"), [number(overall.spread, 2)])]
    found.append(Table(_("%(scope)s: respondents") % {"scope": scope}, [_("Figure"), _("Value")], summary))
    if not names:
        return found
    base = [_("Country"), _("Respondents"), _("No answer")]
    if kind in (Question.SINGLE, Question.MULTIPLE):
        headers = base + [share.label for share in overall.shares]
        cell = _("%(count)s (%(percent)s)")  # translated once, not once per cell
        rows = [
            (name, [number(result.by_country[code].n), number(result.by_country[code].no_answer)] + [cell % {"count": number(share.count), "percent": percent(share.percent)} for share in result.by_country[code].shares])
            for code, name in names
        ]
        found.append(Table(_("By country"), headers, rows))
    elif kind in (Question.SCALE, Question.NUMBER):
        headers = base + [_("Mean"), _("Spread")]
        rows = [
            (name, [number(f.n), number(f.no_answer), number(f.mean, 2), number(f.spread, 2)])
            for code, name in names
            for f in [result.by_country[code]]
        ]
        found.append(Table(_("By country"), headers, rows))
    elif kind == Question.RANKING:
        headers = base + [_("Mean rank: %(option)s") % {"option": label} for _key, label, _mean in overall.ranks]
        rows = []
        for code, name in names:
            figures = result.by_country[code]
            means = {key: mean for key, _label, mean in figures.ranks}
            rows.append((name, [number(figures.n), number(figures.no_answer)] + [number(means.get(key), 2) for key, _label, _mean in overall.ranks]))
        found.append(Table(_("By country"), headers, rows))
    elif kind == Question.MATRIX:
        headers = [_("Country"), _("Row"), _("Mean"), _("Spread"), _("Answered")]
        rows = [
            (name, [row.label, number(row.by_country[code].mean, 2), number(row.by_country[code].spread, 2), number(row.by_country[code].answered)])
            for code, name in names
            for row in result.rows
            if code in row.by_country
        ]
        found.append(Table(_("By country"), headers, rows))
    return found
