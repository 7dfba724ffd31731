"""The statistics page in the admin: for editors and moderators, about dialogues they may see."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import PageViewRestriction

from content.models import DialoguePage
from participation.proposals.models import Proposal
from tests.factories import client_for, make_moderator, make_person

pytestmark = pytest.mark.django_db

URL = "/admin/participation/statistics/"


def statistics(client):
    """{dialogue title: its figures as the page shows them}."""
    response = client.get(URL)
    assert response.status_code == 200
    sections = BeautifulSoup(response.content, "html.parser").select(".nice-padding section")
    return {section.h2.get_text(strip=True): section.table.get_text(" ", strip=True) for section in sections}


def new_dialogue(home, title, *, live=True):
    dialogue = home.add_child(instance=DialoguePage(title=title, slug=title.lower().replace(" ", "-"), intro="Intro."))
    if not live:
        dialogue.unpublish()
    return dialogue


def with_proposals(dialogue, count):
    for number in range(count):
        Proposal.objects.create(author=make_person("author"), dialogue=dialogue, title=f"Idea {number}", body="Details.")
    return dialogue


def test_translators_are_refused_and_not_shown_the_menu(translator_client, dialogue):
    response = translator_client.get(URL)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    follow = translator_client.get(response["Location"]).content.decode()
    with translation.override("fr"):  # the demo translator's admin speaks French
        assert escape(gettext("Sorry, you do not have permission to access this area.")) in follow
    assert URL not in follow  # no menu item leading to a refusal


def test_moderators_read_the_statistics(dialogue):
    assert dialogue.title in statistics(client_for(make_moderator()))


def test_editors_see_live_dialogues_only(editor_client, home, dialogue):
    with_proposals(new_dialogue(home, "Draft dialogue", live=False), 3)
    assert list(statistics(editor_client)) == [dialogue.title]


def test_a_dialogue_restricted_to_other_people_is_left_out(editor_client, home, dialogue):
    private = with_proposals(new_dialogue(home, "Private dialogue"), 3)
    restriction = PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Steering committee"))
    protected = with_proposals(new_dialogue(home, "Protected dialogue"), 2)
    PageViewRestriction.objects.create(page=protected, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    assert list(statistics(editor_client)) == [dialogue.title]


def test_a_private_translation_adds_nothing_to_the_counts(editor_client, home, dialogue, locales):
    before = statistics(editor_client)
    french = dialogue.get_translation(locales["fr"])
    with_proposals(french, 4)
    PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    assert statistics(editor_client) == before
