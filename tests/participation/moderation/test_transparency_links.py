"""The moderation transparency page is reachable: from the dialogue page and from every
"hidden by moderation" notice."""

import pytest
from django.test import Client
from django.utils import timezone

from participation.comments.services import post_comment
from tests.factories import make_person, make_proposal

pytestmark = pytest.mark.django_db


def test_the_dialogue_page_links_its_transparency_page(dialogue):
    assert f'href="/en/moderation/dialogues/{dialogue.pk}/"' in Client().get(dialogue.url).content.decode()


def test_hidden_contributions_link_to_the_transparency_page(dialogue, topic):
    author = make_person("author")
    proposal = make_proposal(dialogue, author, hidden_at=timezone.now())
    comment = post_comment(author, topic, "Rude words.")
    comment.hidden_at = timezone.now()
    comment.save()
    link = f'href="/en/moderation/dialogues/{dialogue.pk}/"'
    client = Client()
    assert link in client.get(f"/en/proposals/{proposal.pk}/").content.decode()
    assert link in client.get(f"/en/dialogues/{dialogue.pk}/proposals/").content.decode()
    html = client.get(topic.url).content.decode()
    assert f'<p class="comment__placeholder"><a {link}>Hidden by moderation</a></p>' in html
