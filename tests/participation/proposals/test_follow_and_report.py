"""Proposals can be followed and reported like comments, from the proposal's page."""

import pytest
from django.contrib.contenttypes.models import ContentType

from participation.notifications.models import Follow
from participation.proposals.models import Proposal
from tests.factories import client_for, make_person, make_proposal

pytestmark = pytest.mark.django_db


def test_a_reader_follows_and_reports_a_proposal_from_its_page(dialogue):
    proposal = make_proposal(dialogue, make_person("author"))
    reader = make_person("reader")
    client = client_for(reader)
    html = client.get(f"/en/proposals/{proposal.pk}/").content.decode()
    content_type = ContentType.objects.get_for_model(Proposal).pk
    follow = f"/en/notifications/follow/{content_type}/{proposal.pk}/"
    report = f"/en/moderation/report/{content_type}/{proposal.pk}/"
    assert f'action="{follow}"' in html and f'href="{report}"' in html
    client.post(follow)
    assert Follow.objects.filter(user=reader, object_id=proposal.pk, content_type_id=content_type).exists()
    assert client.get(report).status_code == 200


def test_the_author_is_not_offered_to_report_their_own_proposal(dialogue):
    author = make_person("author")
    proposal = make_proposal(dialogue, author)
    html = client_for(author).get(f"/en/proposals/{proposal.pk}/").content.decode()
    assert "/en/moderation/report/" not in html
