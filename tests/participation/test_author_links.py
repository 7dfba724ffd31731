"""Authors' names lead to their public profiles, wherever a proposal or a comment shows them;
a deleted or deactivated account's name is plain text."""

import pytest
from django.test import Client
from django.utils import timezone

from participation.comments.services import post_comment
from tests.factories import make_person, make_proposal

pytestmark = pytest.mark.django_db


def test_proposal_and_comment_authors_link_to_their_profiles(dialogue, topic):
    author = make_person("amina", nickname="Amina")
    proposal = make_proposal(dialogue, author)
    post_comment(make_person("bohdan", nickname="Bohdan"), topic, "Who keeps our data safe?")
    client = Client()
    assert '<a href="/en/accounts/people/Amina/">Amina</a>' in client.get(f"/en/proposals/{proposal.pk}/").content.decode()
    assert '<a href="/en/accounts/people/Amina/">Amina</a>' in client.get(f"/en/dialogues/{dialogue.pk}/proposals/").content.decode()
    assert '<a href="/en/accounts/people/Bohdan/">Bohdan</a>' in client.get(topic.url).content.decode()


def test_no_link_for_an_account_that_has_no_public_profile(dialogue):
    author = make_person("gone", nickname="Gone")
    proposal = make_proposal(dialogue, author)
    author.participant.deleted_at = timezone.now()
    author.participant.save()
    html = Client().get(f"/en/proposals/{proposal.pk}/").content.decode()
    assert "/accounts/people/" not in html and "Deleted participant" in html
