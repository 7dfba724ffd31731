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


def test_anonymous_readers_get_the_cached_page_with_security_headers(client, topic):
    first = client.get(topic.url)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as captured:
        second = client.get(topic.url)
    assert second["X-Page-Cache"] == "hit"
    assert len(captured) == 1  # the content version only
    assert second.content == first.content
    assert "frame-ancestors 'none'" in second["Content-Security-Policy"]
    assert second["X-Content-Type-Options"] == "nosniff"


def test_cache_is_bypassed_for_signed_in_people_and_query_strings(editor_client, client, topic):
    client.get(topic.url)
    assert "X-Page-Cache" not in editor_client.get(topic.url)
    assert "X-Page-Cache" not in client.get(topic.url, {"comments": "best"})


def test_cached_page_changes_when_content_is_published(client, topic):
    client.get(topic.url)
    topic.summary = "Updated summary for readers."
    topic.save_revision().publish()
    response = client.get(topic.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Updated summary for readers." in response.content.decode()
