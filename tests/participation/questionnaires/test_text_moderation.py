"""Free-text answers are published only after a moderator read them, in the Wagtail admin: the
list shows each answer with its question and language, never its country or date."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from participation.questionnaires.models import Answer
from tests.factories import add_responses, answers_for, client_for, make_moderator, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(questionnaire):
    questionnaire.results_published = True
    questionnaire.save()
    add_responses(questionnaire, answers_for(questionnaire, "Other", other="Clean water", comment="Call me on 0612345678"), 5, "FR", "fr", date(2026, 11, 28))
    return questionnaire


def texts_url(questionnaire, **params):
    url = reverse("questionnaires_texts_of", args=[questionnaire.pk])
    return url + ("?" + "&".join(f"{key}={value}" for key, value in params.items()) if params else "")


def ids_of(text):
    return [str(pk) for pk in Answer.objects.filter(text=text).values_list("pk", flat=True)]


def csv_texts(client, questionnaire):
    """The whole anonymised responses file, as text."""
    return b"".join(client.get(f"/en/open-data/questionnaires/{questionnaire.pk}/responses.csv").streaming_content).decode()


def test_the_list_shows_pending_answers_with_question_and_language_only(answered):
    moderator = client_for(make_moderator())
    response = moderator.get(texts_url(answered))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    rows = [[cell.get_text(strip=True) for cell in row.select("td")[1:]] for row in html.select("tbody tr")]
    assert rows[0] == ["Which other topic?", "Clean water", "fr"] and len(rows) == 10
    assert [th.text for th in html.select("thead th")] == ["Select", "Question", "Answer", "Language"]
    text = html.select_one("main").get_text()
    assert "France" not in text and "2026" not in text and "28" not in text
    assert html.select_one('form[method="post"] input[name="csrfmiddlewaretoken"]')


def test_a_moderator_publishes_and_withholds_in_bulk_and_the_file_follows(answered, client):
    moderator = client_for(make_moderator(), enforce_csrf_checks=False)
    response = moderator.post(texts_url(answered), {"answers": ids_of("Clean water"), "action": "published"})
    assert response.status_code == 302
    moderator.post(texts_url(answered), {"answers": ids_of("Call me on 0612345678"), "action": "withheld"})
    assert set(Answer.objects.exclude(text="").values_list("text", "text_status")) == {
        ("Clean water", Answer.PUBLISHED), ("Call me on 0612345678", Answer.WITHHELD),
    }  # fmt: skip
    data = csv_texts(client, answered)
    assert data.count("Clean water") == 5 and "0612345678" not in data
    assert "Clean water" not in moderator.get(texts_url(answered)).content.decode()  # nothing left waiting
    assert "Clean water" in moderator.get(texts_url(answered, status="published")).content.decode()


def test_a_pending_answer_never_comes_out(answered, client):
    assert "Clean water" not in csv_texts(client, answered)


def test_the_post_needs_its_csrf_token(answered):
    moderator = client_for(make_moderator(), enforce_csrf_checks=True)
    assert moderator.post(texts_url(answered), {"answers": ids_of("Clean water"), "action": "published"}).status_code == 403
    assert not Answer.objects.filter(text_status=Answer.PUBLISHED).exists()


@pytest.mark.parametrize("who", ["anonymous", "citizen", "staff without moderation"])
def test_others_are_refused(answered, who):
    user = None if who == "anonymous" else make_person(who, is_staff=who != "citizen")
    client = client_for(user)
    assert client.get(texts_url(answered)).status_code in (302, 403)
    response = client.post(texts_url(answered), {"answers": ids_of("Clean water"), "action": "published"})
    assert response.status_code in (302, 403)
    assert not Answer.objects.filter(text_status=Answer.PUBLISHED).exists()
    assert client.get(reverse("questionnaires_texts")).status_code in (302, 403)


def test_a_bad_action_or_ids_change_nothing(answered):
    moderator = client_for(make_moderator())
    response = moderator.post(texts_url(answered), {"answers": ids_of("Clean water"), "action": "deleted"}, follow=True)
    assert "Choose to publish or to withhold." in response.content.decode()
    moderator.post(texts_url(answered), {"answers": ["abc", "999999999"], "action": "published"})
    assert not Answer.objects.filter(text_status=Answer.PUBLISHED).exists()


def test_the_index_counts_what_waits_and_the_menu_links_it(answered):
    moderator = client_for(make_moderator())
    html = BeautifulSoup(moderator.get(reverse("questionnaires_texts")).content, "html.parser")
    row = html.select_one("tbody tr")
    assert row.a["href"] == texts_url(answered) and row.select("td")[1].text == "10"
    assert reverse("questionnaires_texts") in moderator.get("/admin/").content.decode()


@pytest.mark.parametrize("number", [3, 60])
def test_the_list_costs_the_same_queries_at_any_size(questionnaire, number, django_assert_num_queries):
    add_responses(questionnaire, answers_for(questionnaire, "Other", other="Something"), number)
    moderator = client_for(make_moderator())
    moderator.get(texts_url(questionnaire))
    with django_assert_num_queries(11):
        response = moderator.get(texts_url(questionnaire))
    assert response.content.decode().count('name="answers"') == min(number, 50)
