"""iCalendar feeds as a calendar application and its owner notice them: they parse, carry their
zones across daylight-saving changes, mark cancelled sessions, follow ?lang=, show only what
anyone may see (public feeds) or what the person may see (their own feed, access details only in
the access window), change when sessions change, and a reset address stops working."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from content.models import StandardPage
from participation.events import services
from participation.events.models import CalendarToken
from tests.factories import client_for, make_person, make_session

pytestmark = pytest.mark.django_db

KYIV = ZoneInfo("Europe/Kyiv")
UTC = ZoneInfo("UTC")
JOIN = "https://meet.example.org/secret-room"
PRIVATE = ("812 555 0199", "kyiv-passcode", "12 Secret Street")


def feed(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    if status != 200:
        return response
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def text(calendar):
    return calendar.to_ical().decode()


def summaries(calendar):
    return sorted(str(event["SUMMARY"]) for event in calendar.events)


def with_access(page, **fields):
    return make_session(
        page, join_url=JOIN, meeting_id=PRIVATE[0], passcode=PRIVATE[1], address=PRIVATE[2], address_is_private=True, **fields
    )


def kyiv(page, day, month=3, **fields):
    starts_at = datetime(2027, month, day, 10, tzinfo=KYIV)
    return with_access(page, starts_at=starts_at, ends_at=starts_at + timedelta(hours=3), time_zone="Europe/Kyiv", **fields)


# --- public feeds ----------------------------------------------------------------------------------


def test_the_site_feed_keeps_local_times_across_a_dst_change(client, topic):
    # Kyiv moves to summer time on 28 March 2027: 10:00 is 08:00 UTC before, 07:00 UTC after.
    kyiv(topic, 27, title="Slot 1")
    kyiv(topic, 29, title="Slot 2")
    calendar = feed(client, "/calendar.ics")
    events = sorted(calendar.events, key=lambda event: event.start)
    assert [(event.start.hour, event.start.astimezone(UTC).hour) for event in events] == [(10, 8), (10, 7)]
    assert [zone.tz_name for zone in calendar.timezones] == ["Europe/Kyiv"]
    assert {event["DTSTART"].params["TZID"] for event in events} == {"Europe/Kyiv"}
    assert summaries(calendar) == [f"{topic.title} · Slot 1", f"{topic.title} · Slot 2"]
    assert str(calendar["X-WR-CALNAME"]) == "Dialogue"  # the site's name


def test_public_feeds_carry_no_access_detail(client, topic, dialogue):
    person = make_person()
    session = with_access(topic, starts_at=timezone.now() + timedelta(minutes=5))  # window open
    services.register(person, session)
    for url in ("/calendar.ics", f"/calendar/pages/{dialogue.pk}.ics", f"/calendar/pages/{topic.pk}.ics"):
        for reader in (client, client_for(person)):  # the caller never changes a public feed
            body = text(feed(reader, url))
            assert [secret for secret in (JOIN, *PRIVATE) if secret in body] == []
            assert topic.get_full_url() in body.replace("\r\n ", "")


def test_cancelled_sessions_are_marked_cancelled(client, topic):
    make_session(topic, title="Going ahead")
    make_session(topic, title="Called off", cancelled_at=timezone.now())
    statuses = {str(event["SUMMARY"]).split(" · ")[1]: str(event["STATUS"]) for event in feed(client, "/calendar.ics").events}
    assert statuses == {"Going ahead": "CONFIRMED", "Called off": "CANCELLED"}


def test_a_page_feed_holds_the_sessions_of_the_page_and_the_pages_under_it(client, home, dialogue, topic):
    make_session(dialogue, title="Opening")
    make_session(topic, title="On data")
    elsewhere = home.add_child(instance=StandardPage(title="Elsewhere", slug="elsewhere"))
    make_session(elsewhere, title="Not in the dialogue")
    assert summaries(feed(client, f"/calendar/pages/{dialogue.pk}.ics")) == sorted([f"{dialogue.title} · Opening", f"{topic.title} · On data"])
    assert summaries(feed(client, f"/calendar/pages/{topic.pk}.ics")) == [f"{topic.title} · On data"]
    assert len(feed(client, "/calendar.ics").events) == 3


def test_feeds_speak_the_language_asked(client, topic, locales):
    make_session(topic, title="Slot 1")
    french = topic.get_translation(locales["fr"])
    for url in (f"/calendar/pages/{topic.pk}.ics", f"/calendar/pages/{french.pk}.ics", "/calendar.ics"):
        [event] = feed(client, url, lang="fr").events
        assert str(event["SUMMARY"]) == f"{french.title} · Slot 1"
        assert str(event["URL"]) == french.get_full_url()
    [event] = feed(client, f"/calendar/pages/{french.pk}.ics").events  # default: the site's language
    assert str(event["SUMMARY"]) == f"{topic.title} · Slot 1"
    assert feed(client, "/calendar.ics", status=400, lang="xx").content.decode().startswith("Unknown language")


@pytest.mark.parametrize("how", ["unknown", "too large", "unpublished", "under unpublished", "login", "groups", "password"])
def test_a_feed_of_a_page_anyone_may_not_see_is_404_and_the_site_feed_leaves_it_out(client, dialogue, topic, how):
    from django.contrib.auth.models import Group

    make_session(topic, title="Hidden away")
    page_id = topic.pk
    if how == "unknown":
        page_id = 987654
    elif how == "too large":
        page_id = 10**30
    elif how == "unpublished":
        topic.unpublish()
    elif how == "under unpublished":
        dialogue.unpublish()
    elif how == "password":
        PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.PASSWORD, password="x")
    else:
        restriction = PageViewRestriction.objects.create(page=topic, restriction_type=how)
        restriction.groups.add(Group.objects.create(name="Partners"))
    response = feed(client, f"/calendar/pages/{page_id}.ics", status=404)
    assert response.content.decode() == "There is no such calendar."
    if how not in ("unknown", "too large"):
        assert feed(client, "/calendar.ics").events == []


def test_a_cached_feed_follows_changes_at_once(client, topic, django_assert_num_queries):
    session = make_session(topic, title="Slot 1")
    feed(client, "/calendar.ics")
    with django_assert_num_queries(0):  # from the cache
        feed(client, "/calendar.ics")
    session.cancelled_at = timezone.now()
    session.save()
    assert [str(event["STATUS"]) for event in feed(client, "/calendar.ics").events] == ["CANCELLED"]
    PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.LOGIN)
    assert feed(client, "/calendar.ics").events == []


def many_sessions(home, number):
    for n in range(number):
        page = home.add_child(instance=StandardPage(title=f"Conversation hour {n}", slug=f"hour-{n}"))
        for zone in ("Europe/Kyiv", "America/New_York"):
            make_session(page, time_zone=zone, starts_at=timezone.now() + timedelta(days=n + 1))


@pytest.mark.parametrize("number", [2, 20])
def test_building_a_feed_costs_the_same_queries_at_any_size(client, home, number, django_assert_num_queries):
    many_sessions(home, number)
    client.get("/calendar/pages/987654.ics")  # the visibility state, cached like in production
    for url in ("/calendar.ics", f"/calendar/pages/{home.pk}.ics"):
        with django_assert_num_queries(5 if "pages" in url else 8):
            assert len(feed(client, url).events) == 2 * number


# --- a person's own feed ---------------------------------------------------------------------------


def own_feed_url(person):
    return f"/calendar/people/{CalendarToken.for_user(person).token}.ics"


def test_a_persons_feed_holds_their_sessions_and_access_details_only_in_the_window(client, topic):
    person, other = make_person(), make_person("other")
    soon = with_access(topic, title="Soon", starts_at=timezone.now() + timedelta(minutes=5))
    later = with_access(topic, title="Later", starts_at=timezone.now() + timedelta(days=7))
    full = with_access(topic, title="Full", capacity=1)
    not_mine = with_access(topic, title="Not mine", starts_at=timezone.now() + timedelta(minutes=5))
    services.register(other, full)
    for session in (soon, later, full):
        services.register(person, session)
    services.register(other, not_mine)
    calendar = feed(client, own_feed_url(person))
    assert summaries(calendar) == [f"{topic.title} · {label}" for label in ("Full", "Later", "Soon")]
    events = {str(event["SUMMARY"]).split(" · ")[1]: event for event in calendar.events}
    assert str(events["Soon"]["URL"]) == JOIN and PRIVATE[1] in str(events["Soon"]["DESCRIPTION"])
    for label in ("Later", "Full"):  # outside the window; on the waiting list
        assert str(events[label]["URL"]) == topic.get_full_url()
        assert not [secret for secret in (JOIN, *PRIVATE) if secret in events[label].to_ical().decode()]
    # The other person's feed has their own sessions, never this person's details.
    assert summaries(feed(client, own_feed_url(other))) == [f"{topic.title} · Full", f"{topic.title} · Not mine"]


def test_a_persons_feed_leaves_out_cancelled_registrations_and_pages_they_may_not_see(client, topic, dialogue):
    from django.contrib.auth.models import Group

    person = make_person()
    dropped = make_session(topic, title="Dropped")
    kept = make_session(dialogue, title="Kept")
    services.register(person, dropped)
    services.register(person, kept)
    services.cancel(person, dropped)
    assert summaries(feed(client, own_feed_url(person))) == [f"{dialogue.title} · Kept"]
    restriction = PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Partners"))
    assert feed(client, own_feed_url(person)).events == []


@pytest.mark.parametrize("number", [2, 12])
def test_a_persons_feed_costs_the_same_queries_however_many_sessions(client, topic, dialogue, number, django_assert_num_queries):
    person = make_person()
    for n in range(number):
        services.register(person, with_access(topic if n % 2 else dialogue, starts_at=timezone.now() + timedelta(minutes=5 + n)))
    url = own_feed_url(person)
    feed(client, url)  # the visibility state, cached like in production
    with django_assert_num_queries(7):
        calendar = feed(client, url)
    assert len(calendar.events) == number and text(calendar).count(JOIN) >= number


def test_an_unknown_or_reset_address_is_404(client, topic):
    person = make_person()
    services.register(person, make_session(topic))
    old = own_feed_url(person)
    assert feed(client, old).events
    response = client_for(person).post("/en/gatherings/calendar/reset/", {"next": "/en/"})
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert feed(client, old, status=404).content.decode() == "There is no such calendar."
    assert feed(client, own_feed_url(person)).events
    feed(client, "/calendar/people/not-a-token.ics", status=404)


def test_a_deactivated_persons_feed_is_404(client, topic):
    person = make_person()
    url = own_feed_url(person)
    person.is_active = False
    person.save()
    feed(client, url, status=404)


def test_resetting_needs_a_signed_in_person_and_a_post(client):
    response = client.post("/en/gatherings/calendar/reset/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post("/en/gatherings/calendar/reset/", HTTP_ACCEPT="application/json").status_code == 401
    person = make_person()
    signed_in = client_for(person)
    assert signed_in.get("/en/gatherings/calendar/reset/").status_code == 405
    old = CalendarToken.for_user(person).token
    data = signed_in.post("/en/gatherings/calendar/reset/", HTTP_ACCEPT="application/json").json()
    token = CalendarToken.objects.get(user=person).token
    assert token != old and data == {"url": f"http://testserver/calendar/people/{token}.ics"}


def test_the_personal_calendar_section_gives_the_address_and_a_reset_button():
    person = make_person()
    request = RequestFactory().get("/en/gatherings/mine/")
    request.user = person
    html = render_to_string("events/includes/personal_calendar.html", {"request": request}, request=request)
    token = CalendarToken.objects.get(user=person).token
    assert f'value="http://testserver/calendar/people/{token}.ics"' in html
    assert 'action="/en/gatherings/calendar/reset/"' in html and "csrfmiddlewaretoken" in html
    request.user = AnonymousUser()
    assert render_to_string("events/includes/personal_calendar.html", {"request": request}, request=request).strip() == ""
