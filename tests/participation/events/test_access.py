"""Access details reach confirmed participants only, inside their window; times in two zones."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from participation.events import services, times
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
    new_york = ZoneInfo("America/New_York")
    with translation.override("en"):
        for session in (before, after):
            assert "10:00\u202fAM – 1:00\u202fPM (Kyiv time)" in times.when(session).text
        # New York stays on summer time until 1 November: 10:00 in Kyiv is 03:00, then 04:00.
        assert "3:00\u202fAM – 6:00\u202fAM (New York time)" in times.visitor_when(before, new_york).text
        assert "4:00\u202fAM – 7:00\u202fAM (New York time)" in times.visitor_when(after, new_york).text


def test_a_session_across_the_change_keeps_its_length(dialogue):
    night = kyiv(dialogue, datetime(2026, 10, 25, 0, tzinfo=UTC), datetime(2026, 10, 25, 2, tzinfo=UTC))
    with translation.override("en"):
        assert "3:00\u202fAM – 4:00\u202fAM (Kyiv time)" in times.when(night).text


def test_no_second_zone_when_the_visitor_shares_the_sessions(dialogue):
    session = kyiv(dialogue, datetime(2026, 3, 1, 8, tzinfo=UTC), datetime(2026, 3, 1, 9, tzinfo=UTC))
    assert times.visitor_when(session, ZoneInfo("Europe/Kyiv")) is None
    with translation.override("en"):
        text = times.visitor_when(session, ZoneInfo("America/Los_Angeles")).text
    # 10:00 in Kyiv is midnight in Los Angeles, the same calendar day there.
    assert text.startswith("Sunday, March 1, 2026, 12:00\u202fAM")

