"""A questionnaire's open-data files as a researcher downloads them: the anonymised responses,
streamed, with quasi-identifiers withheld where fewer than five responses share them, and the
aggregates with small breakdowns left out."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from participation.api import exports
from participation.questionnaires.models import Answer
from tests.factories import add_responses, answers_for, make_questionnaire, translate_questionnaire

from .conftest import csv_dicts, csv_rows

pytestmark = pytest.mark.django_db
NOV_28, NOV_29 = date(2026, 11, 28), date(2026, 11, 29)


@pytest.fixture
def questionnaire(dialogue):
    return make_questionnaire(dialogue, results_published=True)


@pytest.fixture
def answered(questionnaire):
    """France: 6 on one day (shown whole); Kenya: 2 and 3 on two days (the date withheld);
    Germany 2 and Brazil 3 (the country withheld too); one paper entry in Mexico (left out)."""
    add_responses(questionnaire, answers_for(questionnaire, "Other", ["Privacy", "Access"], ["Research", "Laws"], {"Governments": 4}, 8, 30, other="Water", comment="Thanks"), 6, "FR", "fr", NOV_28)
    add_responses(questionnaire, answers_for(questionnaire, "Climate", scale=3), 2, "KE", "en", NOV_28)
    add_responses(questionnaire, answers_for(questionnaire, "Climate", scale=4), 3, "KE", "en", NOV_29)
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 2, "DE", "de")
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 3, "BR", "es")
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 1, "MX", "es", is_paper=True)
    return questionnaire


def url(questionnaire, what, language="en"):
    return f"/{language}/open-data/questionnaires/{questionnaire.pk}/{what}.csv"


def download(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    assert isinstance(response, StreamingHttpResponse), "a large questionnaire must stream"
    assert response["Content-Disposition"].startswith('attachment; filename="questionnaire-')
    return response


def test_responses_one_row_each_a_column_per_question(client, answered):
    header, *rows = csv_rows(download(client, url(answered, "responses")))
    assert header == [
        "country", "language", "session_date", "paper", "q1", "q1_key", "q2", "q2_key", "q3.1", "q3.2", "q3.3",
        "q4.1", "q4.2", "q5", "q6", "q7", "q8",
    ]  # fmt: skip
    assert len(rows) == 16  # the Mexican paper entry alone cannot be hidden in any group
    french = [dict(zip(header, row)) for row in rows if row[0] == "FR"]
    assert len(french) == 6
    asks = answered.asks
    assert french[0] == {
        "country": "FR", "language": "fr", "session_date": "2026-11-28", "paper": "no",
        "q1": "Other", "q1_key": str(asks["single"].options.get(label="Other").translation_key),
        "q2": "Privacy; Access", "q2_key": " ".join(str(asks["multiple"].options.get(label=label).translation_key) for label in ("Privacy", "Access")),
        "q3.1": "2", "q3.2": "", "q3.3": "1",  # Laws, Education, Research: their ranks
        "q4.1": "4", "q4.2": "", "q5": "8", "q6": "30", "q7": "", "q8": "",  # texts not moderated yet
    }  # fmt: skip


def test_quasi_identifiers_are_withheld_until_every_combination_has_five(client, answered):
    rows = csv_dicts(download(client, url(answered, "responses")))
    combinations = {}
    for row in rows:
        key = (row["country"], row["language"], row["session_date"], row["paper"])
        combinations[key] = combinations.get(key, 0) + 1
    assert combinations == {("FR", "fr", "2026-11-28", "no"): 6, ("KE", "en", "*", "no"): 5, ("*", "*", "*", "no"): 5}


def test_only_published_free_text_comes_out(client, answered):
    Answer.objects.filter(text="Water").update(text_status=Answer.PUBLISHED)
    Answer.objects.filter(text="Thanks").update(text_status=Answer.WITHHELD)
    rows = [row for row in csv_dicts(download(client, url(answered, "responses"))) if row["country"] == "FR"]
    assert {row["q7"] for row in rows} == {"Water"} and {row["q8"] for row in rows} == {""}


def test_labels_in_the_page_language_keys_the_same(client, answered, locales):
    translate_questionnaire(answered, locales["fr"])
    english = csv_dicts(download(client, url(answered, "responses")))
    french = csv_dicts(download(client, url(answered, "responses", "fr")))
    assert {row["q1"] for row in french if row["country"] == "FR"} == {"[fr] Other"}
    assert [row["q1_key"] for row in french] == [row["q1_key"] for row in english]


def test_the_file_streams_in_chunks_two_queries_each(client, answered, monkeypatch):
    """Memory stays flat: responses are read a chunk at a time (and their answers with them)
    while the file streams, never all at once."""
    address = url(answered, "responses")
    client.get(address)  # the site's caches, warm as in production
    counts = {}
    for size in (4, 8):
        monkeypatch.setattr(exports, "RESPONSES_PER_CHUNK", size)
        with CaptureQueriesContext(connection) as captured:
            assert len(csv_rows(download(client, address))) == 17
        counts[size] = len(captured)
    # 17 responses: 5 chunks of 4, or 3 of 8 (reading stops at a short chunk).
    assert counts[4] - counts[8] == 2 * (5 - 3)


@pytest.mark.parametrize("number", [5, 15])
def test_the_files_cost_the_same_queries_at_any_size(client, questionnaire, number, django_assert_num_queries):
    add_responses(questionnaire, answers_for(questionnaire, "Health", ["Privacy"], ["Laws"], {"Companies": 3}, 5, 40), number, "FR")
    client.get(url(questionnaire, "responses"))
    with django_assert_num_queries(12):
        assert len(csv_rows(download(client, url(questionnaire, "responses")))) == number + 1
    with django_assert_num_queries(13):  # with the results the task stored, if any (none here: computed)
        csv_rows(download(client, url(questionnaire, "aggregates")))


def test_aggregates_per_question_and_country_small_ones_absent(client, answered):
    rows = csv_dicts(download(client, url(answered, "aggregates")))
    assert {row["breakdown"] for row in rows} == {"all", "FR", "KE"}
    single = [row for row in rows if row["question"] == "q1"]
    summary = next(row for row in single if row["breakdown"] == "all" and row["item"] == "")
    assert (summary["n"], summary["answered"], summary["global_figure"], summary["breakdown_name"]) == ("17", "17", "pooled", "All countries")
    french = {row["item"]: (row["count"], row["percent"]) for row in single if row["breakdown"] == "FR" and row["item"]}
    assert french == {"Health": ("0", "0.0"), "Climate": ("0", "0.0"), "Other": ("6", "100.0")}
    scale = next(row for row in rows if row["question"] == "q5" and row["breakdown"] == "KE" and row["item"] == "")
    assert scale["mean"] == "3.6" and scale["question_type"] == "scale" and scale["responses_column"] == "q5"
    ranking = {row["item"]: row["mean_rank"] for row in rows if row["question"] == "q3" and row["breakdown"] == "all" and row["item"]}
    assert ranking == {"Laws": "2.0", "Education": "", "Research": "1.0"}
    matrix = [row for row in rows if row["question"] == "q4" and row["breakdown"] == "FR" and row["row"] == "Governments"]
    assert matrix[0]["mean"] == "4.0" and matrix[0]["responses_column"] == "q4.1"
    assert {row["item"]: row["count"] for row in matrix[1:]}["4"] == "6"


@pytest.mark.parametrize("what", ["responses", "aggregates"])
def test_files_only_for_published_results_of_public_dialogues(client, answered, dialogue, what):
    assert client.get(url(answered, what)).status_code == 200
    answered.results_published = False
    answered.save()
    assert client.get(url(answered, what)).status_code == 404
    answered.results_published = True
    answered.save()
    PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.PASSWORD, password="open sesame")
    assert client.get(url(answered, what)).status_code == 404


def test_the_open_data_page_lists_published_questionnaires(client, answered, dialogue):
    make_questionnaire(dialogue, title="Not published yet")
    html = BeautifulSoup(client.get("/en/open-data/").content, "html.parser")
    section = html.select_one("#open-data-questionnaires").parent
    assert [h3.text for h3 in section.select("h3")] == ["How was your dialogue?"]
    assert [a["href"] for a in section.select("a")] == [url(answered, "responses"), url(answered, "aggregates")]
