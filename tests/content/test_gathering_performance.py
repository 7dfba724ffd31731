"""The promise of issue 10 on pages: the events index and an event page cost the same number of
queries whatever the number of past events or of registrations, for visitors and for a
signed-in registered person (bench/gathering_pages.py measures their time)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from content.models import EventTheme, OutsideEvent
from participation.events import services
from participation.events.models import Registration
from tests.factories import client_for, make_event, make_events_index, make_person, make_session

pytestmark = pytest.mark.django_db

PLACES = 100


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """The render is measured, not the anonymous page cache (it would answer without a query)."""
    settings.PAGE_CACHE_SECONDS = 0


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def queries_of(client, url):
    """The queries of a page once the caches every request shares (site, locales, visibility)
    are warm."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        page = soup(client.get(url))
    return len(captured), page


def viewer_client(who, session):
    """Anonymous, or a person registered for `session` (and so on the index's next call)."""
    if who == "anonymous":
        return client_for(None)
    person = make_person("participant")
    services.register(person, session)
    return client_for(person)


@pytest.mark.parametrize("who", ["anonymous", "registered"])
def test_the_events_index_costs_the_same_queries_with_5_or_60_past_events(home, who):
    index = make_events_index(home)
    today = timezone.localdate()
    OutsideEvent.objects.create(page=index, title="RightsCon", starts_on=today + datetime.timedelta(days=30), locale=index.locale)
    theme = EventTheme.objects.create(name="Privacy", slug="privacy", locale=index.locale)
    upcoming = make_event(index, title="Next month", theme=theme)
    session = make_session(upcoming, capacity=PLACES)
    client = viewer_client(who, session)

    def add_past(first, last):
        for number in range(first, last + 1):
            event = make_event(index, title=f"Call {number}", theme=theme, recording_url="https://video.example/")
            make_session(event, starts_at=timezone.now() - datetime.timedelta(weeks=number))

    add_past(1, 5)
    small, _ = queries_of(client, index.url)
    add_past(6, 60)
    large, page = queries_of(client, index.url)
    assert large == small
    assert page.select_one(".next-call__title").text.startswith("Next month")
    assert "RightsCon" in page.select_one(".outside-events").text
    assert [h3.text for h3 in page.select(".events-log h3")] == [f"Call {n}" for n in range(1, 11)]
    assert "Page 1 of 6" in page.text


def register_crowd(sessions, count):
    """`count` people registered on each session, written in bulk: the first PLACES confirmed,
    the others waiting, in the order they came."""
    User = get_user_model()
    start = User.objects.count()
    people = User.objects.bulk_create([User(username=f"crowd-{start + n}", email=f"crowd-{start + n}@example.org") for n in range(count)])
    now = timezone.now()
    Registration.objects.bulk_create(
        [
            Registration(
                session=session, user=person, created_at=now + datetime.timedelta(seconds=n),
                status=Registration.CONFIRMED if n < PLACES else Registration.WAITLISTED,
            )  # fmt: skip
            for session in sessions
            for n, person in enumerate(people)
        ],
        batch_size=2000,
    )


@pytest.mark.parametrize("who", ["anonymous", "registered"])
def test_an_event_page_costs_the_same_queries_with_10_or_5000_registrations(home, who):
    index = make_events_index(home)
    event = make_event(
        index, title="Data and trust", recording_url="https://video.example/", recording_password="open",
        agenda="<p>Introductions, then the topics.</p>",
    )  # fmt: skip
    sessions = [
        make_session(event, title=title, capacity=PLACES, starts_at=timezone.now() + datetime.timedelta(days=days), join_url="https://meet.example.org/x")
        for days, title in [(7, "Asia-Pacific"), (8, "Europe-Africa-Americas")]
    ]
    register_crowd(sessions, 10)
    client = viewer_client(who, sessions[0])
    small, _ = queries_of(client, event.url)
    register_crowd(sessions, 4990)
    large, page = queries_of(client, event.url)
    assert large == small
    states = [p.text for p in page.select(".participation-session__state")]
    if who == "anonymous":
        assert states == ["Full — waiting list", "Full — waiting list"]
    else:
        # Registered before the crowd came: a place on the first session; the second is full.
        assert states == ["You are registered.", "Full — waiting list"]
