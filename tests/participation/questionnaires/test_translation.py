"""Questionnaires are built in the admin and translated with wagtail-localize; an option keeps its
identity in every language, so answers in French and in English count for the same option."""

import pytest
from django.urls import reverse
from django.utils import translation

from participation.questionnaires import services
from participation.questionnaires.models import Answer, Question
from tests.factories import client_for, option_key, translate_questionnaire

pytestmark = pytest.mark.django_db

FRENCH = {"Which topic matters most?": "Quel sujet compte le plus ?", "Health": "Santé", "Climate": "Climat", "Other": "Autre"}


def translate_into_french(questionnaire, locales):
    return translate_questionnaire(questionnaire, locales["fr"], FRENCH)


def test_a_french_translation_keeps_every_option_identity(questionnaire, locales, dialogue):
    french = translate_into_french(questionnaire, locales)
    assert french.locale == locales["fr"] and french.pk != questionnaire.pk
    assert french.dialogue_id == dialogue.pk  # the same dialogue, the default-locale page
    single = Question.objects.get(section__questionnaire=french, kind=Question.SINGLE)
    assert single.text == "Quel sujet compte le plus ?"
    assert [(o.label, o.translation_key) for o in single.options.all()] == [
        ("Santé", questionnaire.asks["single"].options.get(label="Health").translation_key),
        ("Climat", questionnaire.asks["single"].options.get(label="Climate").translation_key),
        ("Autre", questionnaire.asks["single"].options.get(label="Other").translation_key),
    ]


def test_answers_in_french_and_in_english_count_for_the_same_option(questionnaire, locales, people, k3):
    french = translate_into_french(questionnaire, locales)
    french_single = Question.objects.get(section__questionnaire=french, kind=Question.SINGLE)
    sante = str(french_single.options.get(label="Santé").translation_key)
    with translation.override("fr"):
        page = client_for(people[0]).get(reverse("questionnaires:answer", args=[questionnaire.pk]))
    assert "Quel sujet compte le plus ?" in page.content.decode()
    for person in people[:2]:
        with translation.override("fr"):
            services.submit(person, french, {str(french_single.translation_key): sante})
    english_single = questionnaire.asks[Question.SINGLE]
    services.submit(people[2], questionnaire, {str(english_single.translation_key): option_key(english_single, "Health")})
    health = Answer.objects.filter(question=english_single, option_key=english_single.options.get(label="Health").translation_key)
    assert health.count() == k3
    assert sorted(health.values_list("response__language", flat=True)) == ["en", "fr", "fr"]
