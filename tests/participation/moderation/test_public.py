"""What the public sees of moderation: placeholders, a count per dialogue, a transparency page."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from participation.comments.models import Comment
from participation.moderation import services

from tests.participation.comments.helpers import comment_on, make_user

pytestmark = pytest.mark.django_db


def transparency_url(dialogue):
    return f"/en/moderation/dialogues/{dialogue.pk}/"


def summary(dialogue):
    return Template("{% load moderation_tags %}{% moderation_summary dialogue %}").render(Context({"dialogue": dialogue}))


def test_summary_counts_hidden_contributions_of_the_dialogue(dialogue, topic, alice, moderator):
    assert "0 contributions hidden by moderation" in summary(dialogue)
    first = comment_on(topic, alice, "One")
    comment_on(topic, alice, "Two", hidden_at=timezone.now())
    services.hide(moderator, first, "Insult")
    html = summary(dialogue)
    assert "2 contributions hidden by moderation" in html
    assert f'href="{transparency_url(dialogue)}"' in html


def test_summary_counts_proposals_too(dialogue, alice, moderator):
    proposals = pytest.importorskip("participation.proposals.models")
    proposal = proposals.Proposal.objects.create(author=alice, dialogue=dialogue, title="Parks", body="More parks")
    services.hide(moderator, proposal, "Duplicate")
    assert "1 contribution hidden by moderation" in summary(dialogue)


def test_summary_of_another_dialogue_is_its_own(dialogue, topic, alice, locales):
    comment_on(topic, alice, "Hidden", hidden_at=timezone.now())
    french = dialogue.get_translation(locales["fr"])
    assert "0 contributions hidden by moderation" in summary(french)


def test_transparency_page_shows_figures_without_personal_data(client, dialogue, topic, alice, bob, moderator):
    secret = "Secret insult about <script>alert(1)</script> my neighbour"
    comment = Comment.objects.create(
        author=alice, dialogue=dialogue, content_type_id=comment_on(topic, bob, "x").content_type_id, object_id=topic.pk, body=secret
    )
    services.report(bob, comment, "offensive", "Mentions <b>neighbour</b>")
    services.report(make_user("carol"), comment, "spam")
    services.hide(moderator, comment, "Insult")
    services.block(moderator, alice, "Insults", obj=comment)
    response = client.get(transparency_url(dialogue))
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 contribution is hidden by moderation." in html
    assert "<th scope=\"row\">Offensive or abusive</th><td>1</td>" in html
    assert "<th scope=\"row\">Spam or advertising</th><td>1</td>" in html
    assert "<th scope=\"row\">Hide</th><td>1</td>" in html
    assert "<th scope=\"row\">Block the author</th><td>1</td>" in html
    for private in ("Secret insult", "neighbour", "alice", "bob", "carol", moderator.participant.nickname, "Insult"):
        assert private not in html.split("<main")[1], private


def test_transparency_page_needs_a_dialogue(client, topic, home):
    assert client.get(transparency_url(topic)).status_code == 404
    assert client.get(transparency_url(home)).status_code == 404
    assert client.get("/en/moderation/dialogues/999999/").status_code == 404


def test_transparency_queries_do_not_grow(django_assert_max_num_queries, client, dialogue, topic, moderator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    authors = [make_user(f"author{n}") for n in range(2)]
    counts = []
    for size in (2, 20):
        while Comment.objects.filter(hidden_at__isnull=False).count() < size:
            target = comment_on(topic, authors[0], "Hide me")
            services.report(authors[1], target, "spam")
            services.hide(moderator, target, "Spam")
        client.get(transparency_url(dialogue))  # warm the site's caches (site root paths)
        # The site's header and footer take about ten; the figures five, whatever the numbers.
        with django_assert_max_num_queries(18), CaptureQueriesContext(connection) as captured:
            response = client.get(transparency_url(dialogue))
        counts.append(len(captured))
        assert f"{size} contributions are hidden by moderation." in response.content.decode()
    assert counts[0] == counts[1]


def test_public_placeholder_escapes_nothing_and_shows_replies(client, topic, alice, bob, moderator):
    comment = comment_on(topic, alice, "<script>alert('x')</script> Rude words")
    comment_on(topic, bob, "Please be kind", parent=comment)
    services.hide(moderator, comment, "Rude")
    html = client.get(topic.url).content.decode()
    assert "Hidden by moderation" in html and "Rude words" not in html and "alert('x')" not in html
    assert "Please be kind" in html


def test_summary_tag_tolerates_a_missing_page():
    request = RequestFactory().get("/")
    assert Template("{% load moderation_tags %}{% moderation_summary None %}").render(Context({"request": request})).strip() == ""
