"""Editors build a questionnaire in the admin as one snippet: sections, questions and their
options nested inline."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from participation.questionnaires.models import Option, Question, Questionnaire
from tests.factories import make_questionnaire

pytestmark = pytest.mark.django_db


def formset(prefix, forms):
    data = {f"{prefix}-TOTAL_FORMS": str(len(forms)), f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for index, form in enumerate(forms):
        for name, value in form.items():
            if isinstance(value, list):  # a nested formset
                data.update(formset(f"{prefix}-{index}-{name}", value))
            else:
                data[f"{prefix}-{index}-{name}"] = value
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
    return data


def question(text, kind, options=(), **fields):
    return {"text": text, "kind": kind, "scale_min": "1", "scale_max": "5", **fields, "options": [{"label": label} for label in options]}


def test_an_editor_builds_a_questionnaire_with_nested_sections_questions_and_options(editor_client, dialogue):
    data = {"title": "After the dialogue", "dialogue": dialogue.pk, "opens_at": "", "closes_at": "", "global_figure": "pooled"}
    data.update(
        formset(
            "sections",
            [
                {"title": "Your views", "questions": [question("Which topic matters most?", "single", ["Health", "Climate"], required="on")]},
                {"title": "About you", "questions": [question("How old are you?", "number", number_min="0", number_max="120")]},
            ],
        )
    )
    response = editor_client.post(reverse("wagtailsnippets_participation_questionnaires_questionnaire:add"), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    questionnaire = Questionnaire.objects.get(title="After the dialogue")
    assert [section.title for section in questionnaire.sections.all()] == ["Your views", "About you"]
    single = Question.objects.get(section__questionnaire=questionnaire, kind="single")
    assert single.required and [option.label for option in single.options.all()] == ["Health", "Climate"]
    assert Option.objects.filter(question=single).values("translation_key").distinct().count() == 2


def test_the_admin_form_explains_bad_input(editor_client, dialogue):
    data = {"title": "Broken", "dialogue": dialogue.pk, "opens_at": "2027-10-10 10:00", "closes_at": "2027-10-10 09:00", "global_figure": "pooled"}
    data.update(formset("sections", [{"title": "One", "questions": [question("Rate it", "scale", scale_min="5", scale_max="1")]}]))
    response = editor_client.post(reverse("wagtailsnippets_participation_questionnaires_questionnaire:add"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["closes_at"] == ["A questionnaire must close after it opens."]
    assert not Questionnaire.objects.filter(title="Broken").exists()


def test_the_editing_page_shows_every_nested_question_and_option(editor_client, questionnaire):
    page = editor_client.get(reverse("wagtailsnippets_participation_questionnaires_questionnaire:edit", args=[questionnaire.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "How much do you trust" in html and 'value="Governments"' in html and "Very useful" in html
    assert editor_client.get(reverse("wagtailsnippets_participation_questionnaires_questionnaire:add")).status_code == 200


def test_show_only_if_offers_the_options_of_this_questionnaire_only(editor_client, questionnaire, dialogue):
    make_questionnaire(dialogue, title="Another one")
    page = BeautifulSoup(
        editor_client.get(reverse("wagtailsnippets_participation_questionnaires_questionnaire:edit", args=[questionnaire.pk])).content,
        "html.parser",
    )
    offered = {int(option["value"]) for select in page.select("select[name$=show_if_option]") for option in select.select("option[value]") if option["value"]}
    own = set(Option.objects.filter(question__section__questionnaire=questionnaire).values_list("pk", flat=True))
    assert offered == own  # every option of this questionnaire, none of the other one
