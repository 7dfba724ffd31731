"""Everything happening in a dialogue is public: the feed, the Atom feed, the editors' figures."""

from xml.etree import ElementTree

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from participation.comments.services import post_comment
from participation.proposals.services import create_proposal
from tests.factories import make_person

pytestmark = pytest.mark.django_db


def people(count, prefix="p"):
    return [make_person(prefix, nickname=f"{prefix}{i}") for i in range(count)]


def make_activity(dialogue, topic, size):
    authors = people(size, prefix=f"a{size}-")
    proposals = [create_proposal(author, dialogue, title=f"Idea number {i}", body="Details.") for i, author in enumerate(authors)]
    for i, author in enumerate(authors):
        post_comment(author, topic, f"Comment number {i}")
    return proposals


def test_feed_lists_proposals_comments_and_answers_newest_first(client, dialogue, topic):
    proposals = make_activity(dialogue, topic, 2)
    proposals[0].answered_at = timezone.now()
    proposals[0].save(update_fields=["answered_at"])
    response = client.get(f"/en/dialogues/{dialogue.pk}/activity/")
    html = response.content.decode()
    assert "Idea number 1" in html and "Comment number 0" in html
    assert "Official answer" in html
    assert html.index("Official answer") < html.index("Comment number 0")


def test_hidden_contributions_show_a_placeholder(client, dialogue, topic):
    [proposal] = make_activity(dialogue, topic, 1)
    proposal.hidden_at = timezone.now()
    proposal.save(update_fields=["hidden_at"])
    html = client.get(f"/en/dialogues/{dialogue.pk}/activity/").content.decode()
    assert "Hidden by moderation" in html
    assert "Idea number 0" not in html


def test_comments_in_other_languages_count_for_the_dialogue(client, dialogue, topic, locales):
    [author] = people(1, prefix="uk")
    post_comment(author, topic.get_translation(locales["uk"]), "Коментар українською")
    html = client.get(f"/uk/dialogues/{dialogue.pk}/activity/").content.decode()
    assert "Коментар українською" in html


def test_feed_needs_the_same_queries_at_any_size(client, dialogue, topic, django_assert_max_num_queries):
    make_activity(dialogue, topic, 3)
    with django_assert_max_num_queries(16):
        client.get(f"/en/dialogues/{dialogue.pk}/activity/")
    make_activity(dialogue, topic, 30)
    with django_assert_max_num_queries(16):
        client.get(f"/en/dialogues/{dialogue.pk}/activity/")


def test_atom_feed(client, dialogue, topic):
    make_activity(dialogue, topic, 1)
    response = client.get(f"/en/dialogues/{dialogue.pk}/activity/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert b"Idea number 0" in response.content


def test_atom_feed_marks_each_entry_in_its_own_language(client, dialogue, topic):
    author = make_person("writer", nickname="writer")
    create_proposal(author, dialogue, title="Безпечний інтернет для всіх", body="Деталі.", language="uk")
    create_proposal(author, dialogue, title="Safer internet for all", body="Details.", language="en")
    feed = ElementTree.fromstring(client.get(f"/en/dialogues/{dialogue.pk}/activity/feed/").content)
    atom, lang = "{http://www.w3.org/2005/Atom}", "{http://www.w3.org/XML/1998/namespace}lang"
    entries = {entry.findtext(f"{atom}title").split(" ", 2)[-1]: entry.get(lang) for entry in feed.iter(f"{atom}entry")}
    assert feed.get(lang) == "en"
    assert entries == {"Безпечний інтернет для всіх": "uk", "Safer internet for all": "en"}


def test_activity_of_something_that_is_not_a_dialogue_is_404(client, topic):
    assert client.get(f"/en/dialogues/{topic.pk}/activity/").status_code == 404
    assert client.get("/en/dialogues/999999/activity/").status_code == 404


def test_editors_see_statistics_per_dialogue(editor_client, client, dialogue, topic):
    make_activity(dialogue, topic, 2)
    html = editor_client.get("/admin/participation/statistics/").content.decode()
    assert dialogue.title.split(":")[0] in html
    assert "Participants" in html
    assert client.get("/admin/participation/statistics/").status_code == 302  # sign in first
