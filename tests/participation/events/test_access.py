"""Access details reach confirmed participants only, inside their window; times in two zones."""

from datetime import UTC, datetime, timedelta

import pytest

from participation.events import services
from tests.factories import make_person, make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_session(session, people):
    for person in people[:3]:
        services.register(person, session)
    return session


def test_a_confirmed_participant_sees_the_details_inside_the_window(full_session, people):
    start, end = full_session.starts_at, full_session.ends_at
    opens = start - timedelta(minutes=10)
    expected = {"join_url": "https://meet.example.org/abc", "meeting_id": "812 555", "passcode": "kyiv"}
    assert services.access_details_for(people[0], full_session, now=opens).details == expected
    assert services.access_details_for(people[0], full_session, now=end - timedelta(seconds=1)).details == expected


def test_before_the_window_they_learn_when_the_details_appear(full_session, people):
    opens = full_session.starts_at - timedelta(minutes=10)
    access = services.access_details_for(people[0], full_session, now=opens - timedelta(seconds=1))
    assert access == (None, opens)


def test_the_details_go_when_the_session_ends(full_session, people):
    assert services.access_details_for(people[0], full_session, now=full_session.ends_at) == (None, None)


def test_people_waiting_or_not_registered_never_see_them(full_session, people):
    during = full_session.starts_at
    assert services.access_details_for(people[2], full_session, now=during) == (None, None)  # waiting
    assert services.access_details_for(make_person("stranger"), full_session, now=during) == (None, None)


def test_the_window_opening_is_configurable(dialogue, people):
    session = make_session(dialogue, join_url="https://meet.example.org/x", access_opens_minutes=60)
    services.register(people[0], session)
    assert services.access_details_for(people[0], session, now=session.starts_at - timedelta(minutes=60)).details
    assert not services.access_details_for(people[0], session, now=session.starts_at - timedelta(minutes=61)).details


def test_a_private_address_is_an_access_detail(dialogue, people):
    session = make_session(dialogue, mode="in_person", address="Khreshchatyk 1, Kyiv", address_is_private=True)
    services.register(people[0], session)
    assert services.access_details_for(people[0], session, now=session.starts_at).details["address"] == "Khreshchatyk 1, Kyiv"
    public = make_session(dialogue, mode="in_person", address="Maidan", address_is_private=False)
    services.register(people[0], public)
    assert "address" not in services.access_details_for(people[0], public, now=public.starts_at).details


def test_a_cancelled_session_shows_no_details(full_session, people):
    full_session.cancelled_at = full_session.starts_at - timedelta(days=1)
    assert services.access_details_for(people[0], full_session, now=full_session.starts_at) == (None, None)


def kyiv(dialogue, start, end):
    return make_session(dialogue, starts_at=start, ends_at=end, time_zone="Europe/Kyiv")


def test_the_same_kyiv_hour_on_both_sides_of_the_october_change(dialogue):
    # Kyiv leaves summer time (UTC+3 to UTC+2) at 01:00 UTC on 25 October 2026.
    before = kyiv(dialogue, datetime(2026, 10, 24, 7, tzinfo=UTC), datetime(2026, 10, 24, 10, tzinfo=UTC))
    after = kyiv(dialogue, datetime(2026, 10, 26, 8, tzinfo=UTC), datetime(2026, 10, 26, 11, tzinfo=UTC))
    for session in (before, after):
        times = services.local_times(session, "America/New_York")
        assert (times.starts_at.hour, times.ends_at.hour) == (10, 13)
        # New York stays on summer time until 1 November: 10:00 in Kyiv is 03:00, then 04:00.
    assert services.local_times(before, "America/New_York").visitor_starts_at.strftime("%H:%M %Z") == "03:00 EDT"
    assert services.local_times(after, "America/New_York").visitor_starts_at.strftime("%H:%M %Z") == "04:00 EDT"


def test_a_session_across_the_change_keeps_its_length(dialogue):
    night = kyiv(dialogue, datetime(2026, 10, 25, 0, tzinfo=UTC), datetime(2026, 10, 25, 2, tzinfo=UTC))
    times = services.local_times(night)
    assert (times.starts_at.strftime("%H:%M %Z"), times.ends_at.strftime("%H:%M %Z")) == ("03:00 EEST", "04:00 EET")
    assert (times.starts_at.utcoffset(), times.ends_at.utcoffset()) == (timedelta(hours=3), timedelta(hours=2))
    assert times.visitor_starts_at is None


def test_no_second_zone_when_the_visitor_shares_the_sessions(dialogue):
    session = kyiv(dialogue, datetime(2026, 3, 1, 8, tzinfo=UTC), datetime(2026, 3, 1, 9, tzinfo=UTC))
    assert services.local_times(session, "Europe/Kyiv").visitor_starts_at is None
    times = services.local_times(session, "America/Los_Angeles")
    assert times.visitor_starts_at.strftime("%d %H:%M %Z") == "01 00:00 PST"
