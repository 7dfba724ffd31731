"""Gatherings in the public API as a program sees them: events with their sessions in UTC, places
and counts, titles in the language asked, and never an access detail or a registrant."""

import json
from datetime import datetime, timedelta, timezone as dt_timezone

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from content.models import StandardPage
from participation.events.models import Registration
from tests.factories import make_person, make_session

from .test_api import API, get

pytestmark = pytest.mark.django_db

SECRETS = ("https://meet.example.org/secret-room", "812 555 0199", "kyiv-passcode", "12 Secret Street")


def secret_session(page, **fields):
    return make_session(
        page, join_url=SECRETS[0], meeting_id=SECRETS[1], passcode=SECRETS[2],
        address=SECRETS[3], address_is_private=True, mode="hybrid", **fields,
    )  # fmt: skip


def register(session, status, count=1):
    for _number in range(count):
        Registration.objects.create(session=session, user=make_person("registrant"), status=status)


@pytest.fixture
def edition(topic):
    """Two sessions on the topic page: one with places partly taken, one cancelled."""
    starts_at = datetime(2027, 10, 10, 7, tzinfo=dt_timezone.utc)
    first = secret_session(topic, title="Slot 1", starts_at=starts_at, capacity=3, time_zone="Europe/Kyiv")
    second = secret_session(topic, title="Slot 2", starts_at=starts_at + timedelta(days=1), cancelled_at=timezone.now())
    register(first, Registration.CONFIRMED, 2)
    register(first, Registration.WAITLISTED)
    register(first, Registration.CANCELLED)
    return first, second


def test_the_root_and_the_schema_name_the_events(client):
    assert get(client, f"{API}/")["events"] == "http://testserver/api/v1/events/"
    paths = get(client, f"{API}/openapi.json")["paths"]
    assert {"/api/v1/events/", "/api/v1/events/{event_id}/"} <= set(paths)


def test_an_event_lists_its_sessions_in_utc_with_places_and_counts(client, topic, edition):
    first, second = edition
    data = get(client, f"{API}/events/")
    assert data["count"] == 1 and data["limit"] == 20
    [event] = data["items"]
    assert event["id"] == topic.pk and event["title"] == topic.title and event["language"] == "en"
    assert event["url"] == f"http://testserver{topic.url}"
    assert event["calendar_url"] == f"http://testserver/calendar/pages/{topic.pk}.ics"
    slot1, slot2 = event["sessions"]
    assert slot1 == {
        "id": first.pk,
        "label": "Slot 1",
        "starts_at": "2027-10-10T07:00:00Z",
        "ends_at": "2027-10-10T08:00:00Z",
        "time_zone": "Europe/Kyiv",
        "mode": "hybrid",
        "address": None,  # private: an access detail
        "capacity": 3,
        "places_left": 1,
        "registration_open": True,
        "cancelled": False,
        "registrations": {"confirmed": 2, "waitlisted": 1},
    }
    assert slot2["cancelled"] is True and slot2["registration_open"] is False and slot2["places_left"] is None
    assert get(client, f"{API}/events/{topic.pk}/") == event


def test_no_access_detail_and_no_registrant_ever_comes_out(client, topic, edition):
    people = Registration.objects.filter(session__in=edition).select_related("user")
    secrets = [*SECRETS] + [value for r in people for value in (r.user.email, r.user.username, r.user.participant.nickname)]
    text = json.dumps([get(client, f"{API}/events/"), get(client, f"{API}/events/{topic.pk}/")])
    assert [secret for secret in secrets if secret in text] == []


def test_a_public_address_is_given(client, topic):
    make_session(topic, mode="in_person", address="Town hall, Main square 1")
    [session] = get(client, f"{API}/events/{topic.pk}/")["sessions"]
    assert session["address"] == "Town hall, Main square 1" and session["mode"] == "in_person"


def test_full_sessions_and_closed_registration(client, topic):
    full = make_session(topic, capacity=1)
    register(full, Registration.CONFIRMED)
    make_session(topic, registration_closes_at=timezone.now() - timedelta(hours=1))
    make_session(topic, starts_at=timezone.now() - timedelta(minutes=5))  # started
    sessions = get(client, f"{API}/events/{topic.pk}/")["sessions"]
    assert [(s["places_left"], s["registration_open"]) for s in sessions] == [(None, False), (0, True), (None, False)]


def test_titles_and_addresses_follow_lang(client, topic, edition, locales):
    french = topic.get_translation(locales["fr"])
    data = get(client, f"{API}/events/", lang="fr")
    [event] = data["items"]
    assert event["id"] == topic.pk and event["title"] == french.title and event["language"] == "fr"
    assert event["url"] == f"http://testserver{french.url}"
    assert event["calendar_url"] == f"http://testserver/calendar/pages/{topic.pk}.ics?lang=fr"
    # The French page's id names the same event.
    assert get(client, f"{API}/events/{french.pk}/", lang="fr") == event


@pytest.mark.parametrize("how", ["unknown", "no sessions", "unpublished", "login", "groups", "password", "under unpublished"])
def test_an_event_anyone_may_not_see_is_a_json_404(client, dialogue, topic, edition, how):
    page_id = topic.pk
    if how == "unknown":
        page_id = 987654
    elif how == "no sessions":
        page_id = dialogue.pk
    elif how == "unpublished":
        topic.unpublish()
    elif how == "under unpublished":
        dialogue.unpublish()
    elif how == "password":
        PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.PASSWORD, password="x")
    else:
        restriction = PageViewRestriction.objects.create(page=topic, restriction_type=how)
        restriction.groups.add(Group.objects.create(name="Partners"))
    data = get(client, f"{API}/events/{page_id}/", status=404)
    assert data["error"] == "There is no such event."
    if how != "unknown" and how != "no sessions":
        assert get(client, f"{API}/events/")["count"] == 0


def test_bad_parameters_answer_422(client):
    assert get(client, f"{API}/events/", status=422, lang="xx")["error"]
    assert get(client, f"{API}/events/0/", status=422)["error"]


def events(home, number):
    for n in range(number):
        page = home.add_child(instance=StandardPage(title=f"Conversation hour {n}", slug=f"hour-{n}"))
        for hours in (1, 2):
            session = make_session(page, capacity=10, starts_at=timezone.now() + timedelta(days=n + 1, hours=hours))
            register(session, Registration.CONFIRMED)
            register(session, Registration.WAITLISTED)


@pytest.mark.parametrize("number", [2, 12])
def test_the_list_costs_the_same_queries_at_any_size(client, home, number, django_assert_num_queries):
    events(home, number)
    client.get(f"{API}/events/")  # the visibility state and site roots, cached like in production
    with django_assert_num_queries(5):
        data = get(client, f"{API}/events/", lang="fr")
    assert data["count"] == number and len(data["items"]) == number
    assert all(len(item["sessions"]) == 2 for item in data["items"])


# --- open data -----------------------------------------------------------------------------------


def test_open_data_counts_registrations_per_session_and_names_nobody(client, topic, edition, locales):
    from .conftest import csv_dicts

    first, second = edition
    response = client.get("/fr/open-data/gatherings/registrations.csv")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_dicts(response)
    assert [(row["session_id"], row["confirmed"], row["waitlisted"], row["cancelled"]) for row in rows] == [
        (str(first.pk), "2", "1", "no"),
        (str(second.pk), "0", "0", "yes"),
    ]
    french = topic.get_translation(locales["fr"])
    assert rows[0]["event"] == french.title and rows[0]["event_url"] == f"http://testserver{french.url}"
    assert rows[0]["starts_at"] == "2027-10-10T07:00:00+00:00" and rows[0]["time_zone"] == "Europe/Kyiv"
    people = Registration.objects.filter(session__in=edition).select_related("user")
    text = json.dumps(rows)
    assert not [s for s in [*SECRETS, *(r.user.email for r in people), *(r.user.participant.nickname for r in people)] if s in text]


def test_open_data_leaves_out_sessions_of_pages_anyone_may_not_see(client, topic, edition):
    from .conftest import csv_rows

    PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.LOGIN)
    assert csv_rows(client.get("/en/open-data/gatherings/registrations.csv")) == [
        ["session_id", "event_id", "event", "event_url", "label", "starts_at", "ends_at", "time_zone", "mode",
         "capacity", "confirmed", "waitlisted", "cancelled"]
    ]  # fmt: skip


def test_the_open_data_page_links_the_registrations(client):
    from bs4 import BeautifulSoup

    html = BeautifulSoup(client.get("/en/open-data/").content, "html.parser")
    assert html.select_one('a[href="/en/open-data/gatherings/registrations.csv"]').text == "Registrations by session (CSV)"


@pytest.mark.parametrize("number", [2, 12])
def test_the_registrations_file_costs_the_same_queries_at_any_size(client, home, number, django_assert_num_queries):
    from .conftest import csv_rows

    events(home, number)
    client.get("/en/open-data/gatherings/registrations.csv")
    with django_assert_num_queries(9):  # the language prefix, the site, the sessions, their pages
        rows = csv_rows(client.get("/en/open-data/gatherings/registrations.csv"))
    assert len(rows) == 1 + 2 * number
