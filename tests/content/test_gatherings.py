"""Gatherings in the site's pages: country editions of a dialogue day, events pages with their
calls, recurring series, and what visitors see on each."""

import datetime

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from content.models import CountryEditionPage, DialoguePage, EventPage, EventsIndexPage, HomePage, TopicPage

pytestmark = pytest.mark.django_db

QUESTIONS = [
    {
        "type": "question",
        "value": {
            "key": "age_band",
            "label": "Your age",
            "required": True,
            "choices": [{"value": "18_29", "label": "18 to 29"}, {"value": "30_plus", "label": "30 or more"}],
        },
    },
    {"type": "question", "value": {"key": "region", "label": "Your region", "required": False, "choices": []}},
]


def add_edition(dialogue, **fields):
    edition = CountryEditionPage(
        title="Citizens' Dialogue in Ukraine",
        slug="ukraine",
        intro="Welcome to your Citizens' Dialogue in Ukraine.",
        country="UA",
        languages=["uk", "en"],
        time_zone="Europe/Kyiv",
        total_places=100,
        participants_preselected=True,
        profile_questions=QUESTIONS,
        **fields,
    )
    dialogue.add_child(instance=edition)
    edition.save_revision().publish()
    return edition


def add_index(home, **fields):
    index = EventsIndexPage(title="Conversation hours", slug="conversation-hours", intro="A monthly public call.", **fields)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def add_event(index, title="Data and trust", **fields):
    event = EventPage(title=title, slug=fields.pop("slug", None) or title.lower().replace(" ", "-"), **fields)
    index.add_child(instance=event)
    event.save_revision().publish()
    return event


class GatheringTreeRulesTest(WagtailPageTestCase):
    def test_editions_only_under_dialogues(self):
        self.assertAllowedParentPageTypes(CountryEditionPage, {DialoguePage})
        self.assertAllowedSubpageTypes(CountryEditionPage, set())
        self.assertCanNotCreateAt(TopicPage, CountryEditionPage)

    def test_events_pages_under_home_and_events_under_them(self):
        self.assertAllowedParentPageTypes(EventsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventsIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventsIndexPage})
        self.assertCanNotCreateAt(DialoguePage, EventPage)
        self.assertCanNotCreateAt(Page, EventsIndexPage)


def test_an_edition_answers_participations_hooks(dialogue):
    edition = add_edition(dialogue)
    page = Page.objects.get(pk=edition.pk).specific
    assert page.registration_questions() == [
        {"key": "age_band", "label": "Your age", "required": True, "choices": [("18_29", "18 to 29"), ("30_plus", "30 or more")]},
        {"key": "region", "label": "Your region", "required": False, "choices": []},
    ]
    assert page.participants_preselected is True and page.sessions_may_overlap is False and page.total_places == 100
    assert "I agree" in page.registration_consent_text
    page.consent_text = "I agree to be contacted by The Influencer Platform."
    assert page.registration_consent_text == "I agree to be contacted by The Influencer Platform."


def test_an_event_answers_participations_hooks_with_defaults(home):
    event = Page.objects.get(pk=add_event(add_index(home)).pk).specific
    assert event.registration_questions() == []
    assert event.participants_preselected is False and event.sessions_may_overlap is True and event.total_places is None
    assert event.registration_consent_text
