"""iCalendar files of sessions: they parse back, carry their zones across daylight-saving
changes, and hold access details only in the person's own feed, within the access window."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from participation.core.conf import page_absolute_url
from participation.events import services
from participation.events.ical import sessions_calendar
from tests.factories import make_person, make_session

pytestmark = pytest.mark.django_db

KYIV = ZoneInfo("Europe/Kyiv")


def parsed(data):
    return Calendar.from_ical(data)


def kyiv_session(dialogue, day, **fields):
    starts_at = datetime(2026, 10, day, 10, tzinfo=KYIV)
    return make_session(dialogue, starts_at=starts_at, ends_at=starts_at + timedelta(hours=3), time_zone="Europe/Kyiv", **fields)


def test_sessions_on_both_sides_of_a_dst_change_keep_their_local_time(dialogue):
    # Kyiv leaves summer time on 25 October 2026: 10:00 is 07:00 UTC before, 08:00 UTC after.
    before, after = kyiv_session(dialogue, 24, title="Slot 1"), kyiv_session(dialogue, 26, title="Slot 2")
    calendar = parsed(sessions_calendar([before, after], name="Dialogue"))
    events = calendar.events
    assert [event.start.astimezone(ZoneInfo("UTC")).hour for event in events] == [7, 8]
    assert [(event.start.hour, event.end.hour) for event in events] == [(10, 13), (10, 13)]
    assert {event["DTSTART"].params["TZID"] for event in events} == {"Europe/Kyiv"}
    assert [zone.tz_name for zone in calendar.timezones] == ["Europe/Kyiv"]
    # The VTIMEZONE alone (what a calendar application reads) says 10:00 is UTC+3, then UTC+2.
    own_zone = calendar.timezones[0].to_tz()
    offsets = [own_zone.utcoffset(datetime(2026, 10, day, 10)) for day in (24, 26)]
    assert offsets == [timedelta(hours=3), timedelta(hours=2)]
    assert calendar.get_missing_tzids() == set()


def test_each_session_is_an_event_with_a_stable_uid_title_and_page_url(dialogue):
    session = kyiv_session(dialogue, 24, title="Slot 1", mode="in_person", address="Khreshchatyk 1, Kyiv")
    first, again = (parsed(sessions_calendar([session])).events[0] for _ in range(2))
    assert first["UID"] == again["UID"] == f"session-{session.pk}@testserver"  # the public base URL's host
    assert str(first["SUMMARY"]) == f"{dialogue.title} · Slot 1"
    assert str(first["URL"]) == page_absolute_url(dialogue)
    assert str(first["LOCATION"]) == "Khreshchatyk 1, Kyiv"
    assert str(first["STATUS"]) == "CONFIRMED"
    assert first["DTSTAMP"]


def test_calendar_header_and_method(dialogue):
    calendar = parsed(sessions_calendar([kyiv_session(dialogue, 24)], name="Our dialogue", method="PUBLISH"))
    assert str(calendar["VERSION"]) == "2.0"
    assert "Dialogue" in str(calendar["PRODID"])
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert "METHOD" not in parsed(sessions_calendar([]))


def test_cancelled_sessions_say_so(dialogue):
    session = kyiv_session(dialogue, 24, cancelled_at=timezone.now())
    event = parsed(sessions_calendar([session])).events[0]
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1


def test_a_private_address_and_access_details_stay_out_of_public_files(dialogue):
    session = make_session(
        dialogue, mode="hybrid", address="Flat 3, secret street", address_is_private=True,
        join_url="https://meet.example.org/abc", meeting_id="812 555", passcode="kyiv",
    )  # fmt: skip
    person = make_person("participant")
    services.register(person, session)
    public = sessions_calendar([session]).decode()
    for secret in ("meet.example.org", "812 555", "kyiv", "secret street"):
        assert secret not in public
    event = parsed(public).events[0]
    assert "LOCATION" not in event
    assert str(event["DESCRIPTION"]) == page_absolute_url(dialogue)


def test_the_persons_own_feed_has_the_access_details_only_within_the_window(dialogue):
    session = make_session(
        dialogue, address="Flat 3, secret street", address_is_private=True, mode="hybrid",
        join_url="https://meet.example.org/abc", meeting_id="812 555", passcode="kyiv",
    )  # fmt: skip
    person, stranger = make_person("participant"), make_person("stranger")
    services.register(person, session)
    during = session.starts_at - timedelta(minutes=5)

    event = parsed(sessions_calendar([session], person=person, now=during)).events[0]
    assert str(event["URL"]) == "https://meet.example.org/abc"
    assert str(event["LOCATION"]) == "Flat 3, secret street"
    description = str(event["DESCRIPTION"])
    assert "Join: https://meet.example.org/abc" in description and "812 555" in description and "kyiv" in description

    too_early = session.starts_at - timedelta(hours=1)
    for owner, now in ((person, too_early), (stranger, during)):
        data = sessions_calendar([session], person=owner, now=now).decode()
        assert "meet.example.org" not in data and "secret street" not in data
        assert str(parsed(data).events[0]["URL"]) == page_absolute_url(dialogue)


AWKWARD = [
    "Commas, semicolons; a back\\slash, \\n that is no line break\nand a real one",
    "حوار المواطنين حول مستقبل الإنترنت في العالم العربي: الجلسة الأولى، صباحاً؛ والثانية مساءً",
    "Діалог громадян України про майбутнє інтернету: перша сесія, ранок; друга — вечір, з перекладом",
    "Tabs\tstay, a bell\x07 does not",
]


@pytest.mark.parametrize("title", AWKWARD)
def test_awkward_text_comes_back_exactly_as_written(dialogue, title):
    starts_at = datetime(2027, 3, 1, 10, 30, tzinfo=KYIV)
    session = make_session(
        dialogue, title=title, starts_at=starts_at, time_zone="Europe/Kyiv", mode="hybrid", address=f"{title}\r\nKyiv",
        passcode="a;b,c\\d",
    )  # fmt: skip
    person = make_person("participant")
    services.register(person, session)
    data = sessions_calendar([session], person=person, now=session.starts_at)
    for line in data.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode()  # folding never cuts a character in two
    calendar = parsed(data)
    [event] = calendar.events
    shown = title.replace("\x07", "")
    assert str(event["SUMMARY"]) == f"{dialogue.title} · {shown}"
    assert str(event["LOCATION"]) == f"{shown}\nKyiv"
    assert "Passcode: a;b,c\\d" in str(event["DESCRIPTION"]).split("\n")
    assert (event.start, event.end) == (session.starts_at, session.ends_at)
    assert event["DTSTART"].params["TZID"] == "Europe/Kyiv"


def test_a_session_in_utc_is_written_in_utc_without_a_zone_to_describe(dialogue):
    session = make_session(dialogue, time_zone="UTC", starts_at=datetime(2027, 3, 1, 8, tzinfo=ZoneInfo("UTC")))
    calendar = parsed(sessions_calendar([session]))
    assert calendar.events[0].start == session.starts_at
    assert calendar.events[0]["DTSTART"].to_ical().endswith(b"Z")
    assert calendar.timezones == []
