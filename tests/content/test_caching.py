"""Pages render from cached fragments with few queries, and never show stale content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_topic_page_needs_at_most_12_queries_when_warm(client, topic, locales):
    for page in (topic, topic.get_translation(locales["ar"])):
        queries_for(client, page.url)  # fills the fragment cache
        assert queries_for(client, page.url) <= 12


def test_publishing_a_change_shows_at_once(client, topic):
    sibling = topic.get_next_sibling().specific
    client.get(topic.url)
    sibling.title = "Misinformation and trust"
    sibling.save_revision().publish()
    assert "Misinformation and trust" in client.get(topic.url).content.decode()


def test_partner_changes_show_at_once(client, dialogue):
    client.get(dialogue.url)
    topic = dialogue.get_children().first().specific
    topic.summary = "A brand new summary."
    topic.save_revision().publish()
    assert "A brand new summary." in client.get(dialogue.url).content.decode()


def test_unpublished_sibling_disappears_from_navigation(client, topic):
    sibling = topic.get_next_sibling()
    client.get(topic.url)
    sibling.specific.unpublish()
    assert sibling.title not in client.get(topic.url).content.decode()
