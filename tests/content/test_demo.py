"""seed_demo builds a realistic, fully translated demo, and running it again changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from content.demo import data
from content.demo.translations import ar, es, fr, uk
from content.models import DialoguePage, Organisation, TopicPage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "documents": get_document_model().objects.count(),
        "organisations": Organisation.objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
    }


def test_seed_demo_is_idempotent(capsys):
    before = snapshot()
    call_command("seed_demo", password="another-password")
    assert snapshot() == before
    output = capsys.readouterr().out
    assert "editor" in output and "translator-fr" in output and "another-password" in output


def test_demo_has_one_dialogue_with_six_topics_in_every_language():
    for code, module in {"en": None, "fr": fr, "es": es, "uk": uk, "ar": ar}.items():
        dialogue = DialoguePage.objects.live().get(locale__language_code=code)
        topics = TopicPage.objects.live().child_of(dialogue)
        assert topics.count() == 6
        for topic, source in zip(topics, data.TOPICS):
            expected = source["title"] if module is None else module.TRANSLATIONS[source["title"]]
            assert topic.title == expected
            assert topic.alias_of_id is None
            kinds = [block.block_type for block in topic.body]
            assert {"material", "video", "key_facts", "faq", "quote"} <= set(kinds)


def test_translated_topic_body_is_in_its_language(client):
    topic = TopicPage.objects.get(locale__language_code="uk", translation_key=TopicPage.objects.get(slug="disinformation").translation_key)
    html = client.get(topic.url).content.decode()
    paragraph = data.TOPICS[2]["sections"][0]["paragraphs"][0]
    assert uk.TRANSLATIONS[paragraph] in html
    assert paragraph not in html


def test_demo_partners_are_translated():
    names = set(Organisation.objects.filter(locale__language_code="fr").values_list("name", flat=True))
    assert names == {item["name"] for item in data.ORGANISATIONS}
    description = Organisation.objects.get(locale__language_code="fr", name="Missions Publiques").description
    assert description == fr.TRANSLATIONS[data.ORGANISATIONS[0]["description"]]


def test_key_facts_and_faq_are_translated(client):
    topic = TopicPage.objects.get(locale__language_code="ar", translation_key=TopicPage.objects.get(slug="data-safety").translation_key)
    html = client.get(topic.url).content.decode()
    source = data.TOPICS[0]
    for fact in source["key_facts"]:
        assert ar.TRANSLATIONS[fact["label"]] in html
    for item in source["faq"]:
        assert ar.TRANSLATIONS[item["question"]] in html
        assert item["question"] not in html
