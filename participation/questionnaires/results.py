"""A questionnaire's results: per question, the global figure and each country's, from the
tallies (never from single responses), with small breakdowns suppressed.

Disclosure control (docs/privacy.md):
- a breakdown (a country, or the whole of a filtered view) with fewer than MIN_GROUP respondents
  is left out, and so is a question's figure for a country where fewer than MIN_GROUP answered it;
- when what is left out adds up to between 1 and MIN_GROUP - 1 people, the global figure minus the
  countries shown would give it away, so the next smallest countries are left out too
  (secondary suppression) until the hidden remainder is 0 or at least MIN_GROUP.

The global figure is either pooled (every respondent counts the same) or the mean of the
countries shown (every country counts the same), as the questionnaire says; percentages of an
option are of those who answered the question."""

import hashlib
import math
import pickle
import zlib
from collections import defaultdict
from dataclasses import dataclass, field, fields
from datetime import date
from uuid import UUID

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, FloatField, OuterRef, Q, Sum, TextField
from django.db.models.functions import Cast
from django.utils import translation
from wagtail.models import Locale as SiteLocale

from participation.core.pages import default_language_code

from .answers import Form
from .models import CountryTally, Question, Questionnaire, ResultsSnapshot, Tally

MIN_GROUP = 5
CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Filters:
    countries: tuple = ()
    session_date: date | None = None
    language: str = ""

    def apply(self, tallies):
        if self.countries:
            tallies = tallies.filter(country__in=self.countries)
        if self.session_date:
            tallies = tallies.filter(session_date=self.session_date)
        if self.language:
            tallies = tallies.filter(language=self.language)
        return tallies

    @property
    def active(self):
        return bool(self.countries or self.session_date or self.language)


@dataclass
class Share:
    key: str  # option key, or the scale point as text
    label: str
    count: int
    percent: float


@dataclass
class Figures:
    """One breakdown of one question (or of a matrix row)."""

    n: int  # respondents in the breakdown
    answered: int
    shares: list = field(default_factory=list)  # options, scale points, or first choices of a ranking
    mean: float | None = None  # scale, number, matrix row; a ranking's option: mean rank
    spread: float | None = None  # standard deviation
    ranks: list = field(default_factory=list)  # ranking: (key, label, mean rank), best first

    @property
    def no_answer(self):
        return self.n - self.answered


@dataclass
class Row:
    """A matrix row: its own figures, globally and per country."""

    key: str
    label: str
    overall: Figures
    by_country: dict


@dataclass
class QuestionResults:
    question: Question  # in the display language
    key: str
    overall: Figures | None  # None: suppressed
    by_country: dict  # country code -> Figures; a country left out for this question is absent
    rows: list = field(default_factory=list)  # matrix

    @property
    def kind(self):
        return self.question.kind

    @property
    def is_text(self):
        return self.kind in (Question.SHORT_TEXT, Question.LONG_TEXT)


@dataclass
class Country:
    code: str
    name: str
    n: int


@dataclass
class Results:
    questionnaire: Questionnaire  # in the display language
    filters: Filters
    global_figure: str
    n: int  # respondents in the view, 0 if the view is suppressed
    paper: int
    countries: list  # Country shown, by name
    hidden_countries: int
    questions: list
    choices: dict  # what the filters may offer: countries, dates, languages with enough respondents

    @property
    def suppressed(self):
        return self.n == 0


def country_name(code, language=None):
    if not code:
        return translation.gettext("Country not given")
    try:
        locale = Locale.parse(language or translation.get_language() or "en", sep="-")
    except (UnknownLocaleError, ValueError):
        locale = Locale("en")
    return locale.territories.get(code, code)


def hide_small(sizes, hidden=()):
    """The keys of `sizes` (key -> respondents) to leave out: those under MIN_GROUP, those in
    `hidden`, and then the smallest others until what is left out is 0 or >= MIN_GROUP people."""
    hidden = {key for key, size in sizes.items() if size < MIN_GROUP} | (set(hidden) & set(sizes))
    shown = sorted((size, key) for key, size in sizes.items() if key not in hidden)
    while shown and 0 < sum(sizes[key] for key in hidden) < MIN_GROUP:
        hidden.add(shown.pop(0)[1])
    return hidden


def results(questionnaire, filters=Filters()):
    """The results of `questionnaire` (any translation; labels come in its language) in four
    queries for the tallies and four for the form, whatever the number of responses."""
    return _find(questionnaire, filters, _version(questionnaire.canonical))[0]


# What warm() makes from each language's unfiltered results besides storing them, for a reader
# that serves it as it is: name -> make(Results) -> bytes (the API registers its JSON). Read with
# prepared(); a name says the shape, so a release that changes it never reads older bytes.
MAKERS = {}

# The pickled shape: what the stored results are made of, so that a release changing the classes
# never unpickles older ones.
SHAPE = hashlib.sha256(repr([(cls.__name__, [f.name for f in fields(cls)]) for cls in (Results, QuestionResults, Row, Figures, Share, Country, Filters)]).encode()).hexdigest()[:8]
RESULTS = f"results-{SHAPE}"  # the name the packed results are cached and stored under


def prepared(questionnaire, name, filters=Filters()):
    """What MAKERS[name] makes from the results of `questionnaire` in the current language:
    cached, else (unfiltered) as warm() stored it after the latest batch, else made now. Only
    what it makes is cached, not the results it makes it from (packing them cost a sixth of it)."""
    canonical = questionnaire.canonical
    version = _version(canonical)
    made, key = _kept(canonical, version, _stored_name(name, questionnaire, canonical), filters)
    if made is None:
        made = MAKERS[name](_find(questionnaire, filters, version, keep=False)[0])
        cache.set(key, made, CACHE_SECONDS)
    return made


def _version(canonical):
    # Raised by each batch and each change of the questionnaire, read each time so that no
    # process serves old figures: what is cached and stored is under the version it is of.
    return Questionnaire.objects.filter(pk=canonical.pk).values_list("results_version", flat=True).first()


def _stored_name(name, questionnaire, canonical):
    return f"{name}:{questionnaire.pk}:{translation.get_language()}:{canonical.global_figure}"


def _kept(canonical, version, name, filters):
    """(bytes cached under `name` for `version`, else for an unfiltered view those warm() stored
    (cached as they are on the way), else None; the cache key)."""
    key = _cache_key(canonical, version, name, filters)
    kept = cache.get(key)
    if kept is None and not filters.active:
        kept = ResultsSnapshot.objects.filter(questionnaire=canonical, key=name, version=version).values_list("data", flat=True).first()
        if kept is not None:
            kept = bytes(kept)  # PostgreSQL hands a memoryview
            cache.set(key, kept, CACHE_SECONDS)
    return kept, key


def _cache_key(canonical, version, name, filters):
    view = hashlib.sha256(repr(filters).encode()).hexdigest()[:16]
    return f"questionnaire-results:{canonical.pk}:{version}:{name}:{view}"


def _find(questionnaire, filters, version, keep=True):
    """(Results, packed: pickled and compressed, as they are cached and stored; None if computed
    and not to `keep`). Cached packed, the form warm() stores them in, so what is read from the
    store goes to the cache as it is (pickling them again cost as much as reading them)."""
    canonical = questionnaire.canonical
    packed, key = _kept(canonical, version, _stored_name(RESULTS, questionnaire, canonical), filters)
    if packed is not None:
        try:
            return pickle.loads(zlib.decompress(packed)), packed
        except Exception:  # noqa: BLE001 - unreadable (written by other code): computed again instead
            pass
    found = _results(questionnaire, canonical, filters, _tallies(canonical, version, filters), translation.get_language())
    if not keep:
        return found, None
    packed = zlib.compress(pickle.dumps(found, pickle.HIGHEST_PROTOCOL), 1)
    cache.set(key, packed, CACHE_SECONDS)
    return found, packed


def warm(questionnaire):
    """Compute the unfiltered results in each of the site's languages, cache them and store them
    (ResultsSnapshot) with what MAKERS make of them, so the results page, the API and the report
    after a new batch find them ready instead of making a visitor wait for 1,800 breakdowns, in
    every web worker (the task worker's cache is its own unless Redis is shared)."""
    canonical = questionnaire.canonical
    if not canonical.results_published:
        return
    version = _version(canonical)
    stored = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            shown = translated(canonical, language)
            found, packed = _find(shown, Filters(), version)
            made = {RESULTS: packed} | {name: make(found) for name, make in MAKERS.items()}
            for name, data in made.items():
                stored.append(_stored_name(name, shown, canonical))
                cache.set(_cache_key(canonical, version, stored[-1], Filters()), data, CACHE_SECONDS)
                ResultsSnapshot.objects.update_or_create(questionnaire=canonical, key=stored[-1], defaults={"version": version, "data": data})
    # What no reader asks for any more: another shape's, another global figure's.
    ResultsSnapshot.objects.filter(questionnaire=canonical).exclude(key__in=stored).delete()


def unprepared():
    """Ids of the published questionnaires (default locale) whose results, or anything MAKERS
    make of them, are not stored for their current version: after a release that changed what
    is stored, or a task that failed. flush_questionnaires has them made."""
    published = Questionnaire.objects.filter(results_published=True, locale__language_code=default_language_code())
    missing = Q()
    for name in (RESULTS, *MAKERS):
        missing |= ~Exists(ResultsSnapshot.objects.filter(questionnaire=OuterRef("pk"), version=OuterRef("results_version"), key__startswith=f"{name}:"))
    return list(published.filter(missing).values_list("pk", flat=True))


def translated(questionnaire, language):
    """`questionnaire` in `language` if it has been translated into it, else the original."""
    locale = SiteLocale.objects.filter(language_code=language).first()
    return (questionnaire.get_translation_or_none(locale) if locale else None) or questionnaire


def _results(questionnaire, canonical, filters, tallies, language):
    respondents, tallied = tallies
    choices = _choices(respondents)
    by_country = defaultdict(int)
    paper = 0
    for country, answered_in, session_date, count, in_paper in respondents:
        if (not filters.countries or country in filters.countries) and (not filters.session_date or session_date == filters.session_date) and (
            not filters.language or answered_in == filters.language
        ):
            by_country[country] += count
            paper += in_paper
    total = sum(by_country.values())
    base = dict(questionnaire=questionnaire, filters=filters, global_figure=canonical.global_figure, choices=choices)
    if total < MIN_GROUP:
        return Results(**base, n=0, paper=0, countries=[], hidden_countries=len(by_country), questions=[])
    hidden = hide_small(by_country)
    countries = sorted((Country(code, country_name(code, language), n) for code, n in by_country.items() if code not in hidden), key=lambda c: c.name)
    counts = defaultdict(lambda: defaultdict(Counted))  # question id -> country -> Counted
    for question_id, country, option_key, value, count, numbers, squares in tallied:
        counts[question_id][country].add(option_key, value, count, numbers, squares)
    form = Form(questionnaire)
    questions = [_question(form_question, counts[form_question.canonical_id], by_country, hidden, canonical.global_figure) for form_question in form.questions]
    return Results(**base, n=total, paper=paper if paper >= MIN_GROUP or paper == 0 else 0, countries=countries, hidden_countries=len(hidden), questions=questions)


def _tallies(canonical, version, filters):
    """The respondents' rows and the view's answer counts: two queries, cached per results
    version (every language's page reads the same counts). Without a language or date filter
    the counts come already added up by country (CountryTally)."""
    view = hashlib.sha256(repr(filters).encode()).hexdigest()[:16]
    # "rows-3": the rows' shape (keys as text, numbers as floats), so a shared cache's entries
    # written by older code are never read.
    key = f"questionnaire-tallies:rows-3:{canonical.pk}:{version}:{view}"
    found = cache.get(key)
    if found is None:
        tallies = Tally.objects.filter(questionnaire=canonical)
        respondents = list(tallies.filter(question=None).values_list("country", "language", "session_date", "count", "paper"))
        # Keys as text and numbers as floats, converted by the database: what the figures compare
        # and compute with, and quick to cache (pickling 14,000 UUIDs and Decimals cost more
        # than reading them, and converting them in Python a third of reading them).
        option_key, point = Cast("option_key", TextField()), Cast("value", FloatField())
        if filters.language or filters.session_date:
            tallied = (
                filters.apply(tallies)
                .exclude(question=None)
                .values_list("question_id", "country", option_key, point)
                .annotate(n=Sum("count"), total=Cast(Sum("total"), FloatField()), squares=Cast(Sum("squares"), FloatField()))
                .order_by()
            )
        else:
            tallied = CountryTally.objects.filter(questionnaire=canonical)
            if filters.countries:
                tallied = tallied.filter(country__in=filters.countries)
            tallied = tallied.values_list("question_id", "country", option_key, point, "count", Cast("total", FloatField()), Cast("squares", FloatField()))
        tallied = _fetch(tallied)
        if connection.vendor == "sqlite":  # it keeps UUIDs as 32 hex digits: hyphenated, as str(UUID)
            tallied = [(question, country, option and str(UUID(option)), *rest) for question, country, option, *rest in tallied]
        found = (respondents, tallied)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _fetch(queryset):
    """The rows of a values_list() as the database sends them: the ORM's converters cost as much
    again for 14,000 rows, and the query converts what needs it."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _choices(respondents):
    """Countries, session dates and languages a filter may offer: each with enough respondents."""
    sizes = {"countries": defaultdict(int), "dates": defaultdict(int), "languages": defaultdict(int)}
    for country, language, session_date, count, _paper in respondents:
        sizes["countries"][country] += count
        if session_date:
            sizes["dates"][session_date] += count
        sizes["languages"][language] += count
    return {name: sorted(key for key, size in group.items() if size >= MIN_GROUP) for name, group in sizes.items()}


def _question(form_question, counts, by_country, hidden, figure):
    """`counts`: this question's country -> Counted."""
    labels = {str(option.translation_key): option.label for option in form_question.options}
    points = _points(form_question.question)
    per_country = {}
    answered = {country: counts[country].answered for country in by_country}
    left_out = hide_small(answered, hidden)
    for country in by_country:
        if country not in left_out:
            per_country[country] = _figures(form_question, counts, [country], by_country[country], labels, points)
    overall = _figures(form_question, counts, list(by_country), sum(by_country.values()), labels, points)
    if overall.answered < MIN_GROUP:
        overall, per_country = None, {}
    elif figure == Questionnaire.MEAN_OF_COUNTRIES and per_country:
        overall = _mean_of(overall, list(per_country.values()))
    result = QuestionResults(form_question.question, form_question.key, overall, per_country)
    if form_question.kind == Question.MATRIX and overall is not None:
        result.rows = [_matrix_row(counts, key, label, by_country, left_out, figure, points) for key, label in labels.items()]
    return result


class Counted:
    """One question's tallies in one country, indexed the way the figures read them."""

    __slots__ = ("answered", "options", "values", "total", "squares")

    def __init__(self):
        self.answered = 0  # respondents who answered the question
        self.options = {}  # option key -> count (single, multiple)
        self.values = {}  # option key (matrix row, ranked option) or None (scale) -> {value: count}
        self.total = self.squares = None  # a number question's sums

    def add(self, option_key, value, count, total, squares):
        if value is not None:
            points = self.values.setdefault(option_key, {})
            points[value] = points.get(value, 0) + count
        elif option_key is not None:
            self.options[option_key] = self.options.get(option_key, 0) + count
        else:
            self.answered += count
            if total is not None:
                self.total, self.squares = (self.total or 0) + total, (self.squares or 0) + squares


def _values(counts, countries, option_key=None):
    """{value: count} over the countries, for one option (matrix row, ranked option) or none
    (not to be changed: for one country, its own)."""
    if len(countries) == 1:
        return counts[countries[0]].values.get(option_key, {})
    found = defaultdict(int)
    for country in countries:
        for value, count in counts[country].values.get(option_key, {}).items():
            found[value] += count
    return found


def _options(counts, countries):
    if len(countries) == 1:
        return counts[countries[0]].options
    found = defaultdict(int)
    for country in countries:
        for key, count in counts[country].options.items():
            found[key] += count
    return found


def _figures(form_question, counts, countries, n, labels, points):
    kind = form_question.kind
    answered = sum(counts[country].answered for country in countries)
    figures = Figures(n=n, answered=answered)
    if kind in (Question.SINGLE, Question.MULTIPLE):
        chosen = _options(counts, countries)
        figures.shares = [Share(key, label, chosen.get(key, 0), _percent(chosen.get(key, 0), answered)) for key, label in labels.items()]
    elif kind == Question.NUMBER:
        total = sum(counts[country].total or 0 for country in countries)
        squares = sum(counts[country].squares or 0 for country in countries)
        if answered:
            mean = float(total) / answered
            figures.mean, figures.spread = round(mean, 2), round(math.sqrt(max(float(squares) / answered - mean * mean, 0)), 2)
    elif kind == Question.SCALE:
        values = _values(counts, countries)
        figures.mean, figures.spread = _mean_spread(values)
        figures.shares = _point_shares(points, values, answered)
    elif kind == Question.RANKING:
        ranks = []
        first = []
        for key, label in labels.items():
            values = _values(counts, countries, key)
            mean, _spread = _mean_spread(values)
            ranks.append((key, label, mean))
            first.append(Share(key, label, values.get(1, 0), _percent(values.get(1, 0), answered)))
        figures.ranks = sorted(ranks, key=lambda rank: (rank[2] is None, rank[2] or 0))
        figures.shares = first
    return figures


def _matrix_row(counts, key, label, by_country, left_out, figure, points):

    def figures(countries):
        values = _values(counts, countries, key)
        answered = sum(values.values())
        result = Figures(n=sum(by_country[country] for country in countries), answered=answered)
        result.mean, result.spread = _mean_spread(values)
        result.shares = _point_shares(points, values, answered)
        return result

    per_country = {country: figures([country]) for country in by_country if country not in left_out}
    overall = figures(list(by_country))
    if figure == Questionnaire.MEAN_OF_COUNTRIES and per_country:
        overall = _mean_of(overall, list(per_country.values()))
    return Row(key, label, overall, per_country)


def _points(question):
    """(point, its key, its label) of a scale or matrix, once per question."""
    if question.kind not in (Question.SCALE, Question.MATRIX):
        return []
    return [(point, str(point), _point_label(question, point)) for point in range(question.scale_min, question.scale_max + 1)]


def _point_shares(points, values, answered):
    return [Share(key, label, values.get(point, 0), _percent(values.get(point, 0), answered)) for point, key, label in points]


def _point_label(question, point):
    if point == question.scale_min and question.min_label:
        return f"{point} ({question.min_label})"
    if point == question.scale_max and question.max_label:
        return f"{point} ({question.max_label})"
    return str(point)


def _percent(count, of):
    return round(100 * count / of, 1) if of else 0.0


def _mean_spread(values):
    n = total = squares = 0
    for value, count in values.items():  # one pass: 8,000 of them in a view of 80 countries
        n += count
        total += value * count
        squares += value * value * count
    if not n:
        return None, None
    mean = total / n
    return round(mean, 2), round(math.sqrt(max(squares / n - mean * mean, 0)), 2)


def _mean_of(pooled, countries):
    """The global figure as the mean of the countries': each share's percentage, the mean and
    the mean rank are averaged over countries; counts stay pooled."""
    result = Figures(n=pooled.n, answered=pooled.answered)
    result.shares = [
        Share(share.key, share.label, share.count, round(sum(country.shares[i].percent for country in countries) / len(countries), 1))
        for i, share in enumerate(pooled.shares)
    ]
    means = [country.mean for country in countries if country.mean is not None]
    result.mean = round(sum(means) / len(means), 2) if means else None
    spreads = [country.spread for country in countries if country.spread is not None]
    result.spread = round(sum(spreads) / len(spreads), 2) if spreads else None
    if pooled.ranks:
        by_key = defaultdict(list)
        for country in countries:
            for key, _label, mean in country.ranks:
                if mean is not None:
                    by_key[key].append(mean)
        result.ranks = sorted(
            ((key, label, round(sum(by_key[key]) / len(by_key[key]), 2) if by_key[key] else None) for key, label, _mean in pooled.ranks),
            key=lambda rank: (rank[2] is None, rank[2] or 0),
        )
    return result
