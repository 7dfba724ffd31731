"""Answering on the site: one section per step with progress, a draft kept as typed, refusals
that keep every answer and say why in the person's language, one submission; facilitators type in
paper questionnaires; a questionnaire of a dialogue the person may not see does not exist."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from participation.questionnaires.models import Draft, PendingSubmission, Question, Receipt
from tests.factories import client_for, make_edition, make_focus_group, make_person, make_questionnaire, make_session, option_key

pytestmark = pytest.mark.django_db


def url(questionnaire, lang="en", paper=False):
    path = reverse("questionnaires:paper" if paper else "questionnaires:answer", args=[questionnaire.pk])
    return path.replace("/en/", f"/{lang}/", 1)


def name(questionnaire, kind):
    return f"q-{questionnaire.asks[kind].translation_key}"


def first_step(questionnaire, **extra):
    asks = questionnaire.asks
    return {
        "step": "1",
        name(questionnaire, "single"): option_key(asks["single"], "Other"),
        name(questionnaire, "multiple"): [option_key(asks["multiple"], "Privacy")],
        f"{name(questionnaire, 'ranking')}-{option_key(asks['ranking'], 'Laws')}": "1",
        f"{name(questionnaire, 'matrix')}-{option_key(asks['matrix'], 'Companies')}": "3",
        name(questionnaire, "scale"): "10",
        **extra,
    }


def second_step(questionnaire, **extra):
    return {"step": "2", name(questionnaire, "number"): "34", name(questionnaire, "short_text"): "Sport", "action": "submit", **extra}


@pytest.fixture
def person(db):
    return make_person("respondent")


def test_a_person_answers_step_by_step_and_submits_once(questionnaire, person):
    client = client_for(person)
    page = BeautifulSoup(client.get(url(questionnaire)).content, "html.parser")
    assert page.select_one("progress")["value"] == "1" and "Step 1 of 2" in page.text
    assert page.select_one("fieldset legend").text.startswith("Which topic matters most?")
    response = client.post(url(questionnaire), {**first_step(questionnaire), "action": "next"})
    assert response.status_code == 302 and response["Location"].endswith("?step=2")
    assert Draft.objects.get(user=person).answers[str(questionnaire.asks["scale"].translation_key)] == "10"
    # On another device, the draft is there.
    again = BeautifulSoup(client_for(person).get(url(questionnaire) + "?step=1").content, "html.parser")
    assert again.select_one(f"input[name={name(questionnaire, 'scale')}][value='10']").has_attr("checked")
    response = client.post(url(questionnaire), second_step(questionnaire))
    assert response.status_code == 302
    assert Receipt.objects.filter(user=person).count() == 1 and PendingSubmission.objects.count() == 1
    assert not Draft.objects.exists()
    assert "your answers were received" in client.get(url(questionnaire)).content.decode()
    client.post(url(questionnaire), second_step(questionnaire))
    assert PendingSubmission.objects.count() == 1  # once


def test_refused_answers_come_back_as_typed_with_the_reason_in_french(questionnaire, person):
    client = client_for(person)
    client.post(url(questionnaire, "fr"), {**first_step(questionnaire), "action": "next"})
    response = client.post(url(questionnaire, "fr"), second_step(questionnaire, **{name(questionnaire, "number"): "200"}))
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one(f"input[name={name(questionnaire, 'number')}]")["value"] == "200"
    assert page.select_one(f"input[name={name(questionnaire, 'short_text')}]")["value"] == "Sport"
    assert "Saisissez un nombre de 0 à 120." in page.select_one(".form-errors").text
    assert not Receipt.objects.exists() and not PendingSubmission.objects.exists()


def test_missing_answers_of_an_earlier_step_are_pointed_out(questionnaire, person):
    client = client_for(person)
    response = client.post(url(questionnaire), second_step(questionnaire, **{name(questionnaire, "short_text"): ""}))
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("progress")["value"] == "1"  # back to the step that needs attention
    assert "Please answer this question." in page.select_one(f"#question-{questionnaire.asks['single'].translation_key}").text


def test_scripts_get_json_errors(questionnaire, person):
    response = client_for(person).post(
        url(questionnaire), second_step(questionnaire, **{name(questionnaire, "number"): "x"}), HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400
    assert response.json()["errors"][str(questionnaire.asks[Question.NUMBER].translation_key)] == "Enter a number."


def test_paper_entries_are_for_facilitators(questionnaire, person, dialogue):
    answers = {**first_step(questionnaire), **second_step(questionnaire)}
    refusal = client_for(person).post(url(questionnaire, paper=True), answers)
    assert refusal.status_code == 403 and "Only the group&#x27;s facilitator may enter paper questionnaires." in refusal.content.decode()
    edition = make_edition(dialogue)
    first, second = make_focus_group(make_session(edition), person), make_focus_group(make_session(edition), person)
    client = client_for(person)
    page = BeautifulSoup(client.get(url(questionnaire, paper=True)).content, "html.parser")
    assert len(page.select(".questionnaire-question")) == 8  # every section on one page
    assert [option["value"] for option in page.select("#paper-group option")] == ["", str(first.pk), str(second.pk)]
    unchosen = client.post(url(questionnaire, paper=True), answers)
    assert unchosen.status_code == 400 and not PendingSubmission.objects.exists()
    kept = BeautifulSoup(unchosen.content, "html.parser")
    assert "Choose the group whose paper questionnaires you are typing in." in kept.get_text()
    assert kept.select_one(f"[name='{name(questionnaire, 'number')}']")["value"] == answers[name(questionnaire, "number")]  # nothing typed is lost
    response = client.post(url(questionnaire, paper=True), {**answers, "group": second.pk})
    assert response.status_code == 302 and response["Location"].endswith(f"?group={second.pk}")
    assert PendingSubmission.objects.get().payload["is_paper"] is True and not Receipt.objects.exists()


def restrict(dialogue, kind):
    if kind == "unpublished":
        dialogue.unpublish()
    elif kind == "group":
        restriction = PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.add(Group.objects.create(name="Invited"))
    else:
        PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.PASSWORD, password="open sesame")


@pytest.mark.parametrize("kind", ["unpublished", "group", "password"])
def test_a_questionnaire_of_a_dialogue_the_person_may_not_see_does_not_exist(questionnaire, dialogue, person, kind):
    restrict(dialogue, kind)
    client = client_for(person)
    for paper in (False, True):
        assert client.get(url(questionnaire, paper=paper)).status_code == 404
        assert client.post(url(questionnaire, paper=paper), {**first_step(questionnaire), **second_step(questionnaire)}).status_code == 404
    assert not Draft.objects.exists() and not Receipt.objects.exists() and not PendingSubmission.objects.exists()


QUERIES = 17  # with the unread notifications in the header


@pytest.mark.parametrize("size", [1, 3])
def test_the_step_page_takes_a_fixed_number_of_queries(dialogue, person, size, django_assert_num_queries):
    questionnaire = make_questionnaire(dialogue)
    first = questionnaire.sections.first()
    for copy in range(size):
        question = Question.objects.create(section=first, kind=Question.SINGLE, text=f"Extra {copy}", sort_order=100 + copy)
        for label in ("Yes", "No"):
            question.options.create(label=label)
    client = client_for(person)
    client.get(url(questionnaire))  # warm the session and the visibility cache
    with django_assert_num_queries(QUERIES):
        assert client.get(url(questionnaire)).status_code == 200



def test_a_draft_answer_to_a_removed_question_does_not_block_submitting(questionnaire, person):
    client = client_for(person)
    client.post(url(questionnaire), {**first_step(questionnaire), "action": "next"})
    Question.objects.filter(pk=questionnaire.asks["ranking"].pk).delete()  # an editor removes it meanwhile
    assert client.post(url(questionnaire), second_step(questionnaire)).status_code == 302
    assert Receipt.objects.filter(user=person).exists()
