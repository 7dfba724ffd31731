"""Results come from tallies kept by every batch written, compare countries side by side, and never
show a breakdown of fewer than five people."""

from collections import defaultdict
from dataclasses import asdict
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from participation.questionnaires.models import CountryTally, Question, Questionnaire, Tally
from participation.questionnaires.results import Filters, hide_small, results
from participation.questionnaires.services import rebuild_tallies
from tests.factories import add_responses, answers_for, translate_questionnaire

pytestmark = pytest.mark.django_db


def tallies(questionnaire):
    return sorted(((row.key, row.count, row.paper, row.total, row.squares) for row in Tally.objects.filter(questionnaire=questionnaire)), key=str)


def by_label(figures):
    return {share.label: (share.count, share.percent) for share in figures.shares}


def question(found, kind):
    return next(q for q in found.questions if q.kind == kind)


def test_running_tallies_equal_a_recount_from_the_responses(questionnaire):
    add_responses(questionnaire, answers_for(questionnaire, "Other", ["Privacy", "Access"], ["Laws", "Research"], {"Governments": 2}, 7, 34, other="Water", comment="Thanks"), 3, "FR", "fr", date(2026, 11, 28))
    add_responses(questionnaire, answers_for(questionnaire, "Health", ["Privacy"], matrix={"Companies": 5}, scale=10), 4, "KE", "en")
    add_responses(questionnaire, answers_for(questionnaire, "Climate", number=12), 2, "KE", "en", is_paper=True)
    running = tallies(questionnaire)
    rebuild_tallies(questionnaire.pk)
    assert tallies(questionnaire) == running
    respondents = [(count, paper) for key, count, paper, _total, _squares in running if key[0] is None]
    assert [sum(column) for column in zip(*respondents)] == [9, 2]


def added_up_by_country(questionnaire):
    """The detailed tallies' answer rows summed over languages and session dates."""
    sums = defaultdict(lambda: [0, 0, 0])
    for row in Tally.objects.filter(questionnaire=questionnaire).exclude(question=None):
        added = sums[(row.question_id, row.country, row.option_key, row.value)]
        added[0] += row.count
        added[1] += row.total or 0
        added[2] += row.squares or 0
    return sorted(((key, *added) for key, added in sums.items()), key=str)


def country_tallies(questionnaire):
    return sorted(((row.key, row.count, row.total or 0, row.squares or 0) for row in CountryTally.objects.filter(questionnaire=questionnaire)), key=str)


def test_the_tallies_by_country_add_up_the_detailed_ones_after_every_batch_and_a_recount(questionnaire):
    add_responses(questionnaire, answers_for(questionnaire, "Other", ["Privacy", "Access"], ["Laws", "Research"], {"Governments": 2}, 7, 34, other="Water"), 3, "FR", "fr", date(2026, 11, 28))
    add_responses(questionnaire, answers_for(questionnaire, "Health", ["Privacy"], matrix={"Governments": 5}, scale=7, number=10), 4, "FR", "en", date(2026, 11, 29))
    add_responses(questionnaire, answers_for(questionnaire, "Climate", number=12), 2, "KE", "en", is_paper=True)
    add_responses(questionnaire, answers_for(questionnaire, "Climate", scale=7, number=3), 5, "KE", "sw")
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 2, "FR", "es", date(2026, 11, 28))
    running = country_tallies(questionnaire)
    assert running == added_up_by_country(questionnaire)
    # French respondents in two languages on two dates make one row per option
    single = questionnaire.asks[Question.SINGLE]
    health = single.options.get(label="Health").translation_key
    assert [count for (question_id, country, option, _value), count, _t, _s in running if (question_id, country, option) == (single.pk, "FR", health)] == [6]
    rebuild_tallies(questionnaire.pk)
    assert country_tallies(questionnaire) == running


def test_unfiltered_results_from_the_tallies_by_country_equal_the_detailed_ones(questionnaire):
    """Every response is in English: the unfiltered view (tallies by country) and the English
    view (detailed tallies) must show the same figures, suppression included."""
    add_responses(questionnaire, answers_for(questionnaire, "Health", ["Privacy"], ["Laws", "Research"], {"Governments": 2, "Companies": 5}, 8, 20), 9, "FR", "en", date(2026, 11, 28))
    add_responses(questionnaire, answers_for(questionnaire, "Climate", ["Access"], ["Research", "Laws"], {"Governments": 4}, 3, 31), 6, "FR", "en", date(2026, 11, 29))
    add_responses(questionnaire, answers_for(questionnaire, "Other", other="Water"), 7, "KE", "en")
    add_responses(questionnaire, answers_for(questionnaire, "Climate", number=5), 3, "UA", "en")  # left out: fewer than five
    everyone, english = results(questionnaire), results(questionnaire, Filters(language="en"))
    assert everyone.n == english.n == 25 and [country.code for country in everyone.countries] == ["FR"] and everyone.hidden_countries == 2
    assert [asdict(item)["by_country"] for item in everyone.questions] == [asdict(item)["by_country"] for item in english.questions]
    assert [asdict(item)["overall"] for item in everyone.questions] == [asdict(item)["overall"] for item in english.questions]
    assert [asdict(item)["rows"] for item in everyone.questions] == [asdict(item)["rows"] for item in english.questions]


def test_each_country_side_by_side_with_counts_percentages_and_no_answer(questionnaire):
    add_responses(questionnaire, answers_for(questionnaire, "Health", scale=8), 6, "FR")
    add_responses(questionnaire, answers_for(questionnaire, "Climate"), 2, "FR")
    add_responses(questionnaire, answers_for(questionnaire, "Climate", scale=2), 5, "KE")
    found = results(questionnaire)
    assert found.n == 13 and [country.code for country in found.countries] == ["FR", "KE"]  # France, Kenya by name
    single = question(found, Question.SINGLE)
    assert by_label(single.overall)["Health"] == (6, 46.2)
    assert by_label(single.by_country["FR"]) == {"Health": (6, 75.0), "Climate": (2, 25.0), "Other": (0, 0.0)}
    assert by_label(single.by_country["KE"])["Climate"] == (5, 100.0)
    scale = question(found, Question.SCALE)
    assert (scale.by_country["FR"].n, scale.by_country["FR"].answered, scale.by_country["FR"].no_answer) == (8, 6, 2)
    assert scale.by_country["FR"].mean == 8.0 and scale.by_country["FR"].spread == 0.0
    assert scale.overall.mean == round((6 * 8 + 5 * 2) / 11, 2)
    assert by_label(scale.overall)["10 (Very useful)"] == (0, 0.0)


def test_a_country_with_fewer_than_five_respondents_is_left_out_and_so_is_the_next_smallest(questionnaire):
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 20, "FR")
    add_responses(questionnaire, answers_for(questionnaire, "Climate"), 6, "KE")
    add_responses(questionnaire, answers_for(questionnaire, "Other"), 3, "UA")
    found = results(questionnaire)
    # Ukraine's 3 would be the global figure minus France and Kenya: Kenya goes too.
    assert [country.code for country in found.countries] == ["FR"] and found.hidden_countries == 2
    single = question(found, Question.SINGLE)
    assert set(single.by_country) == {"FR"}
    assert by_label(single.overall)["Other"] == (3, 10.3)  # the global figure still counts everyone
    assert found.n == 29


def test_hide_small_leaves_out_enough_to_hide_a_small_remainder():
    assert hide_small({"A": 20, "B": 6, "C": 3}) == {"B", "C"}
    assert hide_small({"A": 20, "B": 6, "C": 3, "D": 2}) == {"C", "D"}
    assert hide_small({"A": 20, "B": 6}) == set()
    assert hide_small({"A": 20, "B": 6}, hidden={"B"}) == {"B"}  # six people left out: nothing to give away
    assert hide_small({"A": 20, "B": 6, "C": 9}, hidden={"A", "X"}) == {"A"}


def test_paper_entries_are_counted_when_at_least_five(questionnaire):
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 10, "FR")
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 4, "FR", is_paper=True)
    assert results(questionnaire).paper == 0  # four would be a small group of their own
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 1, "FR", is_paper=True)
    assert (results(questionnaire).n, results(questionnaire).paper) == (15, 5)


def test_a_view_of_fewer_than_five_people_shows_nothing(questionnaire):
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 4, "FR")
    found = results(questionnaire)
    assert found.suppressed and found.questions == [] and found.countries == []
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 1, "FR")
    assert not results(questionnaire).suppressed


def test_a_question_few_answered_in_a_country_is_left_out_for_that_country(questionnaire):
    add_responses(questionnaire, answers_for(questionnaire, "Other", other="Water"), 2, "FR")
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 8, "FR")
    add_responses(questionnaire, answers_for(questionnaire, "Other", other="Roads"), 5, "KE")
    other = question(results(questionnaire), Question.SHORT_TEXT)
    # two in France answered it: France is left out, and then Kenya, or France would be the difference
    assert other.by_country == {}
    assert other.overall.answered == 7


def test_the_global_figure_is_pooled_or_the_mean_of_countries_as_the_editor_chose(questionnaire):
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 15, "FR")
    add_responses(questionnaire, answers_for(questionnaire, "Climate"), 5, "KE")
    assert by_label(question(results(questionnaire), Question.SINGLE).overall)["Health"] == (15, 75.0)
    Questionnaire.objects.filter(pk=questionnaire.pk).update(global_figure=Questionnaire.MEAN_OF_COUNTRIES)
    questionnaire.refresh_from_db()
    found = results(questionnaire)
    assert found.global_figure == Questionnaire.MEAN_OF_COUNTRIES
    assert by_label(question(found, Question.SINGLE).overall)["Health"] == (15, 50.0)


def test_filters_by_country_session_date_and_language(questionnaire):
    day = date(2026, 11, 28)
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 6, "FR", "fr", day)
    add_responses(questionnaire, answers_for(questionnaire, "Climate"), 5, "KE", "en", day)
    add_responses(questionnaire, answers_for(questionnaire, "Other"), 7, "KE", "sw", date(2026, 11, 29))
    assert results(questionnaire, Filters(language="fr")).n == 6
    assert results(questionnaire, Filters(session_date=day)).n == 11
    kenya = results(questionnaire, Filters(countries=("KE",)))
    assert kenya.n == 12 and [country.code for country in kenya.countries] == ["KE"]
    assert by_label(question(kenya, Question.SINGLE).overall)["Health"] == (0, 0.0)
    assert results(questionnaire).choices == {"countries": ["FR", "KE"], "dates": [day, date(2026, 11, 29)], "languages": ["en", "fr", "sw"]}
    assert results(questionnaire, Filters(language="fr", countries=("KE",))).suppressed


def test_numbers_give_mean_and_spread_per_country(questionnaire):
    add_responses(questionnaire, answers_for(questionnaire, number=20), 3, "FR")
    add_responses(questionnaire, answers_for(questionnaire, number=40), 3, "FR")
    add_responses(questionnaire, answers_for(questionnaire, number=31), 5, "KE")
    number = question(results(questionnaire), Question.NUMBER)
    assert (number.by_country["FR"].mean, number.by_country["FR"].spread, number.by_country["FR"].answered) == (30.0, 10.0, 6)
    assert (number.by_country["KE"].mean, number.by_country["KE"].spread) == (31.0, 0.0)
    assert number.overall.mean == round((60 + 120 + 155) / 11, 2)
    rebuild_tallies(questionnaire.pk)
    assert question(results(questionnaire), Question.NUMBER).by_country["FR"].spread == 10.0


def test_matrix_rows_and_ranking_mean_ranks(questionnaire):
    add_responses(questionnaire, answers_for(questionnaire, ranking=["Laws", "Education", "Research"], matrix={"Governments": 2, "Companies": 4}), 5, "FR")
    add_responses(questionnaire, answers_for(questionnaire, ranking=["Research", "Laws", "Education"], matrix={"Governments": 4}), 5, "FR")
    found = results(questionnaire)
    ranking = question(found, Question.RANKING)
    assert [(label, mean) for _key, label, mean in ranking.overall.ranks] == [("Laws", 1.5), ("Research", 2.0), ("Education", 2.5)]
    assert by_label(ranking.overall)["Laws"] == (5, 50.0)  # ranked first by half
    matrix = question(found, Question.MATRIX)
    rows = {row.label: row for row in matrix.rows}
    assert (rows["Governments"].overall.mean, rows["Governments"].overall.spread) == (3.0, 1.0)
    assert (rows["Companies"].overall.answered, rows["Companies"].overall.mean) == (5, 4.0)


def test_answers_in_other_languages_count_for_the_same_options_and_labels_follow_the_reader(questionnaire, locales):
    french = translate_questionnaire(questionnaire, locales["fr"], {"Health": "Santé", "Climate": "Climat"})
    add_responses(french, answers_for(questionnaire, "Health"), 3, "FR", "fr")
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 3, "FR", "en")
    with translation.override("fr"):
        found = results(french)
    single = question(found, Question.SINGLE)
    assert by_label(single.overall)["Santé"] == (6, 100.0)
    assert found.countries[0].name == "France"


def test_results_read_the_same_number_of_queries_whatever_the_number_of_responses(questionnaire):
    add_responses(questionnaire, answers_for(questionnaire, "Health", scale=3), 5, "FR")
    with CaptureQueriesContext(connection) as few:
        results(Questionnaire.objects.get(pk=questionnaire.pk))
    for country in ("KE", "UA", "MX", "IN", "BR"):
        add_responses(questionnaire, answers_for(questionnaire, "Climate", ["Access"], ["Laws"], {"Companies": 3}, 9, 40, comment="Yes"), 12, country, "es")
    with CaptureQueriesContext(connection) as many:
        found = results(Questionnaire.objects.get(pk=questionnaire.pk))
    assert found.n == 65 and len(found.countries) == 6
    assert len(many) == len(few) <= 10
    with CaptureQueriesContext(connection) as again:
        assert results(Questionnaire.objects.get(pk=questionnaire.pk)).n == 65
    # only the questionnaire and its version: the figures come from the cache until the next batch
    assert not [query for query in again.captured_queries if "_tally" in query["sql"] or "_option" in query["sql"]]
    assert len(again) <= 3


def test_an_edited_label_shows_at_once_despite_the_cache(questionnaire):
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 5, "FR")
    assert "Health" in by_label(question(results(questionnaire), Question.SINGLE).overall)
    option = questionnaire.asks[Question.SINGLE].options.get(label="Health")
    option.label = "Public health"
    option.save()
    assert "Public health" in by_label(question(results(questionnaire), Question.SINGLE).overall)


def test_a_new_batch_shows_at_once_despite_the_cache(questionnaire):
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 5, "FR")
    assert results(questionnaire).n == 5
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 5, "FR")
    assert results(questionnaire).n == 10  # the same instance, read before the batch


def test_every_worker_finds_the_results_the_task_computed_without_a_shared_cache(questionnaire):
    """warm() stores what it computed: a web worker whose cache lacks them (its own memory
    without Redis, a flushed cache) reads them in one query instead of computing every
    breakdown; a new batch leaves them unread until the task computes them again."""
    from django.core.cache import cache

    from participation.questionnaires.models import ResultsSnapshot
    from participation.questionnaires.results import translated, warm

    add_responses(questionnaire, answers_for(questionnaire, "Health"), 5, "FR")
    add_responses(questionnaire, answers_for(questionnaire, "Climate"), 6, "KE")
    warm(questionnaire)
    assert not ResultsSnapshot.objects.exists()  # results not published: nothing computed ahead
    Questionnaire.objects.filter(pk=questionnaire.pk).update(results_published=True)
    questionnaire.refresh_from_db()
    computed = asdict(question(results(questionnaire), Question.SINGLE).overall)
    warm(questionnaire)
    # The results and what the API makes of them (tests/participation/api), in each language.
    assert ResultsSnapshot.objects.filter(questionnaire=questionnaire).count() == 2 * 5
    for language in ("en", "fr", "ar"):
        cache.clear()
        with translation.override(language), CaptureQueriesContext(connection) as queries:
            found = results(translated(questionnaire, language))
        assert found.n == 11 and not [query for query in queries.captured_queries if "_tally" in query["sql"]], language
    cache.clear()
    assert asdict(question(results(questionnaire), Question.SINGLE).overall) == computed
    # Filtered views are computed from the tallies.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert results(questionnaire, Filters(countries=("KE",))).n == 6
    assert [query for query in queries.captured_queries if "_tally" in query["sql"]]
    # A new batch: the stored results are of the version before it.
    add_responses(questionnaire, answers_for(questionnaire, "Other"), 5, "FR")
    cache.clear()
    assert results(questionnaire).n == 16


def test_publishing_or_editing_published_results_makes_them_ready_for_every_worker(questionnaire, django_capture_on_commit_callbacks):
    """The task makes the results ready when they are published and again when the questionnaire
    is edited (a label shown in them): after the dialogue no batch follows to do it, and every
    worker's first visitors would compute them."""
    from django.core.cache import cache

    from participation.questionnaires.models import Report, ResultsSnapshot

    add_responses(questionnaire, answers_for(questionnaire, "Health"), 6, "FR")
    assert not ResultsSnapshot.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        questionnaire.results_published = True
        questionnaire.save()
    assert Report.objects.filter(questionnaire=questionnaire).count() == 5
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert results(questionnaire).n == 6
    assert not [query for query in queries.captured_queries if "_tally" in query["sql"]]
    add_responses(questionnaire, answers_for(questionnaire, "Climate"), 5, "KE")  # a batch: this copy's version is behind
    with django_capture_on_commit_callbacks(execute=True):
        questionnaire.title = "How did the dialogue go?"
        questionnaire.save()
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        found = results(questionnaire)
    assert found.questionnaire.title == "How did the dialogue go?" and found.n == 11
    assert not [query for query in queries.captured_queries if "_tally" in query["sql"]]
    # Unpublished: nothing is kept ready, nothing is made.
    with django_capture_on_commit_callbacks(execute=True):
        questionnaire.results_published = False
        questionnaire.save()
    assert not ResultsSnapshot.objects.exists()


def test_the_cron_makes_ready_the_results_a_release_or_a_failed_task_left_unprepared(questionnaire, dialogue):
    """flush_questionnaires (every few minutes) has the results made of any published
    questionnaire whose stored results are not of its current version and shape: after a
    release that changed what is stored, nobody waits for the next batch."""
    from io import StringIO

    from django.core.cache import cache
    from django.core.management import call_command

    from participation.questionnaires.models import ResultsSnapshot
    from participation.questionnaires.results import unprepared
    from tests.factories import make_questionnaire

    unpublished = make_questionnaire(dialogue, title="Not published")
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 6, "FR")
    Questionnaire.objects.filter(pk=questionnaire.pk).update(results_published=True)
    assert unprepared() == [questionnaire.pk]
    call_command("flush_questionnaires", stdout=StringIO())
    assert unprepared() == [] and not ResultsSnapshot.objects.filter(questionnaire=unpublished).exists()
    # A release that changes the results' classes: what is stored has another shape's name.
    for snapshot in ResultsSnapshot.objects.filter(key__startswith="results-"):
        snapshot.key = "results-older:" + snapshot.key.split(":", 1)[1]
        snapshot.save()
    assert unprepared() == [questionnaire.pk]
    call_command("flush_questionnaires", stdout=StringIO())
    assert not ResultsSnapshot.objects.filter(key__startswith="results-older:").exists()  # not kept
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert results(questionnaire).n == 6
    assert unprepared() == [] and not [query for query in queries.captured_queries if "_tally" in query["sql"]]
