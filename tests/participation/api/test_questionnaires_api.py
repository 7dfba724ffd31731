"""Questionnaires in the public API as a program sees them: the form in any language with its
language-independent keys, and published results only, per country, small groups left out."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from participation.questionnaires import services
from participation.questionnaires.models import Question
from tests.factories import add_responses, answers_for, client_for, make_person, make_questionnaire, translate_questionnaire

from .test_api import API, get

pytestmark = pytest.mark.django_db


@pytest.fixture
def questionnaire(dialogue):
    return make_questionnaire(dialogue, results_published=True)


@pytest.fixture
def answered(questionnaire):
    """11 respondents in France and Kenya, 2 in Germany and 3 in the United States (too few to
    show, and together enough that hiding them gives nobody away)."""
    add_responses(questionnaire, answers_for(questionnaire, "Health", ["Privacy"], ["Laws", "Research"], {"Governments": 4}, 8, 30), 6, "FR", "fr", date(2026, 11, 28))
    add_responses(questionnaire, answers_for(questionnaire, "Climate", ["Access", "Safety"], ["Research"], {"Governments": 2, "Companies": 1}, 3, 50), 5, "KE", "en")
    add_responses(questionnaire, answers_for(questionnaire, "Health", scale=0), 2, "DE", "en")
    add_responses(questionnaire, answers_for(questionnaire, "Other", other="Water"), 3, "US", "en")
    return questionnaire


def by_country(figures):
    return {item["country"]: item for item in figures}


def question(data, kind):
    return next(item for item in data["questions"] if item["type"] == kind)


def test_the_list_names_each_questionnaire_with_its_links(client, questionnaire, dialogue):
    data = get(client, f"{API}/questionnaires/")
    assert data["count"] == 1
    [item] = data["items"]
    assert item["id"] == questionnaire.pk and item["title"] == "How was your dialogue?" and item["language"] == "en"
    assert item["dialogue_id"] == dialogue.pk and item["results_published"] is True
    assert item["links"]["results"] == f"http://testserver/api/v1/questionnaires/{questionnaire.pk}/results/"
    assert item["links"]["responses_csv"] == f"http://testserver/en/open-data/questionnaires/{questionnaire.pk}/responses.csv"
    assert get(client, f"{API}/")["questionnaires"] == "http://testserver/api/v1/questionnaires/"


def test_unpublished_results_are_not_linked(client, questionnaire):
    questionnaire.results_published = False
    questionnaire.save()
    [item] = get(client, f"{API}/questionnaires/")["items"]
    assert item["links"]["results"] is None and item["links"]["aggregates_csv"] is None


def test_the_form_in_the_language_asked_with_keys_the_same_in_every_language(client, questionnaire, locales):
    translated = translate_questionnaire(questionnaire, locales["fr"])
    english = get(client, f"{API}/questionnaires/{questionnaire.pk}/")
    french = get(client, f"{API}/questionnaires/{questionnaire.pk}/", lang="fr")
    assert french["id"] == questionnaire.pk and french["language"] == "fr" and french["title"] == "[fr] How was your dialogue?"
    assert get(client, f"{API}/questionnaires/{translated.pk}/")["id"] == questionnaire.pk  # any translation's id leads to it
    questions = [q for section in english["sections"] for q in section["questions"]]
    french_questions = [q for section in french["sections"] for q in section["questions"]]
    assert [q["type"] for q in questions] == ["single", "multiple", "ranking", "matrix", "scale", "number", "short_text", "long_text"]
    assert [q["key"] for q in questions] == [q["key"] for q in french_questions]
    assert [o["key"] for o in questions[0]["options"]] == [o["key"] for o in french_questions[0]["options"]]
    assert [o["label"] for o in french_questions[0]["options"]] == ["[fr] Health", "[fr] Climate", "[fr] Other"]
    single, multiple, _ranking, matrix, scale, number, short_text, _long = questions
    assert single["required"] is True and multiple["max_choices"] == 2
    assert scale["scale"] == {"min": 0, "max": 10, "min_label": "Useless", "max_label": "Very useful"}
    assert matrix["scale"]["max"] == 5 and [o["label"] for o in matrix["options"]] == ["Governments", "Companies"]
    assert number["number"] == {"min": 0.0, "max": 120.0} and single["scale"] is None
    assert short_text["show_if"] == {"question": single["key"], "option": single["options"][2]["key"]}


def test_an_untranslated_questionnaire_comes_in_the_default_language(client, questionnaire):
    data = get(client, f"{API}/questionnaires/{questionnaire.pk}/", lang="uk")
    assert data["language"] == "en" and data["title"] == "How was your dialogue?"


def test_results_per_country_with_small_countries_left_out(client, answered):
    data = get(client, f"{API}/questionnaires/{answered.pk}/results/")
    assert data["n"] == 16 and data["suppressed"] is False and data["global_figure"] == "pooled"
    assert [c["code"] for c in data["countries"]] == ["FR", "KE"] and data["hidden_countries"] == 2
    single = question(data, Question.SINGLE)
    assert single["overall"]["n"] == 16 and single["overall"]["answered"] == 16 and single["overall"]["no_answer"] == 0
    number = question(data, Question.NUMBER)
    assert number["overall"]["answered"] == 11 and number["overall"]["no_answer"] == 5
    assert set(by_country(single["by_country"])) == {"FR", "KE"}
    assert {s["label"]: s["count"] for s in by_country(single["by_country"])["FR"]["shares"]} == {"Health": 6, "Climate": 0, "Other": 0}
    scale = question(data, Question.SCALE)
    # Only 2 answered it in Germany and the United States: Kenya goes too, or its figure would give them away.
    assert list(by_country(scale["by_country"])) == ["FR"] and by_country(scale["by_country"])["FR"]["mean"] == 8.0
    ranking = question(data, Question.RANKING)
    assert [(r["label"], r["mean_rank"]) for r in ranking["overall"]["ranks"]] == [("Laws", 1.0), ("Research", 1.55), ("Education", None)]
    matrix = question(data, Question.MATRIX)
    assert [row["label"] for row in matrix["rows"]] == ["Governments", "Companies"]
    assert by_country(matrix["rows"][0]["by_country"])["FR"]["mean"] == 4.0
    assert not {"DE", "US"} & {item["country"] for q in data["questions"] for item in q["by_country"]}


def tally_reads(client, url):
    """The API's results at `url`, and how many queries it made of the tallies."""
    with CaptureQueriesContext(connection) as queries:
        data = get(client, url)
    return data, len([query for query in queries.captured_queries if "_tally" in query["sql"]])


@override_settings(QUESTIONNAIRE_MIX_BATCH=5)
def test_results_are_ready_after_each_batch_and_show_the_new_batch(client, questionnaire, locales):
    """The task that writes a batch computes the results right after, in every language, so a
    request finds them ready (no tally read), and the next batch's figures show at once."""
    people = [make_person(f"respondent{n}") for n in range(10)]
    for person in people[:5]:
        services.submit(person, questionnaire, answers_for(questionnaire, "Health"))
    url = f"{API}/questionnaires/{questionnaire.pk}/results/"
    for language in ("en", "fr", "ar"):
        data, reads = tally_reads(client, f"{url}?lang={language}")
        assert data["n"] == 5 and reads == 0
    for person in people[5:]:
        services.submit(person, questionnaire, answers_for(questionnaire, "Climate"))
    data, reads = tally_reads(client, url)
    assert data["n"] == 10 and reads == 0
    assert {s["label"]: s["count"] for s in question(data, Question.SINGLE)["overall"]["shares"]} == {"Health": 5, "Climate": 5, "Other": 0}


def test_every_worker_serves_the_json_the_task_made_without_a_shared_cache(client, answered, locales):
    """After a batch the task also makes the results' JSON in every language and stores it: a
    worker whose cache lacks it (its own memory without Redis, a flushed cache) serves it as it
    is, in one query of the store, identical to what it would compute; a new batch leaves it unread."""
    from django.core.cache import cache

    from participation.questionnaires.results import warm

    translate_questionnaire(answered, locales["fr"])
    url = f"{API}/questionnaires/{answered.pk}/results/"
    computed = {language: get(client, url, lang=language) for language in ("en", "fr", "ar")}
    assert computed["fr"]["title"] == "[fr] How was your dialogue?" and computed["ar"]["language"] == "en"
    assert computed["en"]["filters"] == {"countries": [], "session_date": None, "language": None}
    warm(answered)
    for language, expected in computed.items():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert get(client, url, lang=language) == expected, language
        read = [query["sql"] for query in queries.captured_queries]
        assert not [sql for sql in read if "_tally" in sql] and len([sql for sql in read if "_resultssnapshot" in sql]) == 1, language
    # A filtered view is computed, in the same shape.
    cache.clear()
    data, reads = tally_reads(client, f"{url}?country=FR")
    assert reads and data["n"] == 6 and data["filters"]["countries"] == ["FR"] and data.keys() == computed["en"].keys()
    # A new batch: what was stored is of the version before it.
    add_responses(answered, answers_for(answered, "Other"), 5, "KE")
    cache.clear()
    data, reads = tally_reads(client, url)
    assert reads and data["n"] == computed["en"]["n"] + 5


def test_results_filtered_by_country_date_and_language(client, answered):
    url = f"{API}/questionnaires/{answered.pk}/results/"
    assert get(client, url, country=["KE"])["n"] == 5
    assert get(client, url, session_date="2026-11-28")["n"] == 6
    assert get(client, url, language="fr")["n"] == 6
    small = get(client, url, country=["DE"])
    assert small["suppressed"] is True and small["questions"] == [] and small["n"] == 0


@pytest.mark.parametrize("params", [{"country": "fr"}, {"country": "FRA"}, {"session_date": "28/11/2026"}, {"language": "xx"}, {"lang": "de"}])
def test_bad_filters_answer_422_with_a_reason(client, answered, params):
    data = get(client, f"{API}/questionnaires/{answered.pk}/results/", status=422, **params)
    assert data["error"].startswith("Some parameters are not valid")


def test_unpublished_results_answer_404_with_a_reason(client, answered):
    answered.results_published = False
    answered.save()
    data = get(client, f"{API}/questionnaires/{answered.pk}/results/", status=404)
    assert data["error"] == "The results of this questionnaire are not published."


def test_unknown_questionnaires_answer_404(client):
    assert get(client, f"{API}/questionnaires/999999/", status=404)["error"] == "There is no such questionnaire."


def restrict(dialogue, scenario):
    if scenario == "unpublished":
        dialogue.unpublish()
    elif scenario == "password":
        PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.PASSWORD, password="open sesame")
    else:
        restriction = PageViewRestriction.objects.create(page=dialogue, restriction_type=scenario)
        if scenario == PageViewRestriction.GROUPS:
            group = Group.objects.create(name="Insiders")
            restriction.groups.add(group)
            return group


@pytest.mark.parametrize("scenario", ["unpublished", PageViewRestriction.LOGIN, PageViewRestriction.GROUPS, "password"])
def test_a_dialogue_not_public_hides_its_questionnaires_from_everyone(answered, dialogue, editor_client, scenario):
    """The API answers what anyone may see, whoever asks (like the open data)."""
    group = restrict(dialogue, scenario)
    member = make_person("insider")
    if group:
        member.groups.add(group)
    for reader in (client_for(None), client_for(member), editor_client):
        assert get(reader, f"{API}/questionnaires/")["count"] == 0
        for path in ("", "results/"):
            assert get(reader, f"{API}/questionnaires/{answered.pk}/{path}", status=404)["error"]


@pytest.mark.parametrize("countries", [2, 6])
def test_lists_and_results_cost_the_same_queries_at_any_size(client, dialogue, countries, django_assert_num_queries):
    for number in range(countries):
        questionnaire = make_questionnaire(dialogue, title=f"Questionnaire {number}", results_published=True)
        for code in ("FR", "KE", "UA", "MX", "DE", "BR")[:countries]:
            add_responses(questionnaire, answers_for(questionnaire, "Health", ["Privacy"], ["Laws"], {"Companies": 3}, 5, 40), 5, code)
    client.get(f"{API}/questionnaires/")  # the site's caches, warm as in production
    with django_assert_num_queries(4):
        assert get(client, f"{API}/questionnaires/", lang="fr")["count"] == countries
    with django_assert_num_queries(13):  # nothing stored: the JSON and the results looked for, then computed
        data = get(client, f"{API}/questionnaires/{questionnaire.pk}/results/", lang="fr")
    assert len(data["countries"]) == countries
