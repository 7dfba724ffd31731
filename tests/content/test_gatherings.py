"""Gatherings in the site's pages: country editions of a dialogue day, events pages with their
calls, recurring series, and what visitors see on each."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from content.models import (
    CountryEditionPage, DialoguePage, EventPage, EventSeries, EventsIndexPage, HomePage, SessionPattern, TopicPage,
)  # fmt: skip
from participation.events.queries import sessions_for
from tests.factories import client_for, make_person

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


# --- Recurring series ---------------------------------------------------------------------------


def make_series(index, name="Conversation hours"):
    series = EventSeries(name=name, index=index, locale=index.locale)
    series.patterns = [
        SessionPattern(ordinal=SessionPattern.LAST, weekday=3, time=datetime.time(16, 0), time_zone="Europe/London", duration=90, label="Europe-Africa-Americas"),
        SessionPattern(ordinal=1, weekday=1, time=datetime.time(8, 0), time_zone="UTC", duration=60, label="Asia-Pacific"),
    ]
    series.save()
    return series


def utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.UTC)


def test_a_monthly_series_is_created_in_one_step_and_keeps_local_time_across_dst(editor_client, home):
    index = add_index(home)
    series = make_series(index)
    url = reverse("content_series_occurrences")
    form = editor_client.get(f"{url}?series={series.pk}")
    assert form.status_code == 200 and f'<option value="{series.pk}" selected>' in form.content.decode()
    response = editor_client.post(url, {"series": series.pk, "first_month": "2027-10", "count": "3", "status": "publish"})
    assert response.status_code == 302
    events = EventPage.objects.child_of(index).order_by("path")
    assert [event.title for event in events] == [
        "Conversation hours — October 2027", "Conversation hours — November 2027", "Conversation hours — December 2027"
    ]
    assert all(event.live and event.series_id == series.pk for event in events)
    october, november, december = events
    # Last Thursday 16:00 London time: 15:00 UTC in summer time (28 October), 16:00 UTC after it
    # ends (31 October); first Tuesday 08:00 UTC on its own date.
    assert [(s.title, s.starts_at, s.ends_at, s.time_zone) for s in sessions_for(october)] == [
        ("Asia-Pacific", utc(2027, 10, 5, 8), utc(2027, 10, 5, 9), "UTC"),
        ("Europe-Africa-Americas", utc(2027, 10, 28, 15), utc(2027, 10, 28, 16, 30), "Europe/London"),
    ]
    assert [s.starts_at for s in sessions_for(november)] == [utc(2027, 11, 2, 8), utc(2027, 11, 25, 16)]
    assert [s.starts_at for s in sessions_for(december)] == [utc(2027, 12, 7, 8), utc(2027, 12, 30, 16)]
    # Each occurrence is its own page: cancelling one session or unpublishing one call leaves the rest.
    sessions_for(november).filter(title="Asia-Pacific").update(cancelled_at=timezone.now())
    december.unpublish()
    assert sessions_for(october).filter(cancelled_at__isnull=True).count() == 2
    assert EventPage.objects.child_of(index).live().count() == 2


def test_occurrences_can_be_drafts_and_are_not_created_twice(editor_client, home):
    index = add_index(home)
    series = make_series(index)
    url = reverse("content_series_occurrences")
    assert editor_client.post(url, {"series": series.pk, "first_month": "2027-01", "count": "2", "status": "draft"}).status_code == 302
    assert not EventPage.objects.child_of(index).live().exists() and EventPage.objects.child_of(index).count() == 2
    again = editor_client.post(url, {"series": series.pk, "first_month": "2026-12", "count": "3", "status": "draft"})
    assert again.status_code == 200
    assert "already has a page for January 2027, February 2027" in again.content.decode()
    assert EventPage.objects.child_of(index).count() == 2


def test_bad_occurrence_input_is_redisplayed_with_a_message(editor_client, home):
    series = make_series(add_index(home))
    response = editor_client.post(
        reverse("content_series_occurrences"), {"series": series.pk, "first_month": "March", "count": "99", "status": "publish"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="March"' in html and 'value="99"' in html
    assert "Enter a valid date." in html and "less than or equal to 24" in html


def test_only_people_who_may_add_events_create_occurrences(client, home, translator_client):
    series = make_series(add_index(home))
    url = reverse("content_series_occurrences")
    assert reverse("wagtailadmin_login") in client.get(url).url
    assert reverse("wagtailadmin_login") in client_for(make_person()).get(url).url
    # A French translator may add pages in the French tree only, not under this English events page.
    refused = translator_client.post(url, {"series": series.pk, "first_month": "2027-01", "count": "1", "status": "publish"})
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    assert not EventPage.objects.filter(series=series).exists()
