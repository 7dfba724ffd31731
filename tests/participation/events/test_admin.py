"""Editors create sessions in the admin; registrations are listed per session, read-only."""

import pytest
from django.urls import reverse

from participation.events import services
from participation.events.models import Session
from tests.factories import make_session

pytestmark = pytest.mark.django_db


def test_an_editor_creates_a_session(editor_client, dialogue):
    response = editor_client.post(
        reverse("wagtailsnippets_participation_events_session:add"),
        {
            "page": dialogue.pk,
            "title": "Slot 1",
            "starts_at": "2027-10-10 10:00",
            "ends_at": "2027-10-10 13:00",
            "time_zone": "Europe/Kyiv",
            "capacity": "100",
            "mode": "online",
            "join_url": "https://zoom.example.org/j/1",
            "access_opens_minutes": "10",
        },
    )
    assert response.status_code == 302
    assert Session.objects.get(title="Slot 1").capacity == 100


def test_the_admin_form_explains_bad_input(editor_client, dialogue):
    response = editor_client.post(
        reverse("wagtailsnippets_participation_events_session:add"),
        {"page": dialogue.pk, "starts_at": "2027-10-10 10:00", "ends_at": "2027-10-10 09:00", "time_zone": "Mars/Olympus",
         "mode": "online", "join_url": "http://zoom.example.org", "access_opens_minutes": "10"},
    )  # fmt: skip
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["time_zone"] == ["“Mars/Olympus” is not a time zone. Use a name such as Europe/Kyiv or America/New_York."]
    assert errors["join_url"] == ["Enter a link starting with https://."]
    assert errors["ends_at"] == ["A session must end after it starts."]
    assert not Session.objects.exists()


def test_registrations_are_listed_per_session_and_read_only(editor_client, dialogue, people):
    first, second = make_session(dialogue, title="Morning"), make_session(dialogue, title="Evening")
    services.register(people[0], first)
    services.register(people[1], second)
    listing = reverse("wagtailsnippets_participation_events_registration:list")
    response = editor_client.get(listing, {"session": first.pk})
    assert response.status_code == 200
    text = response.content.decode()
    assert people[0].participant.nickname in text and people[1].participant.nickname not in text
    assert editor_client.get(reverse("wagtailsnippets_participation_events_registration:add")).status_code in (302, 403)
    registration = first.registrations.get()
    edit = reverse("wagtailsnippets_participation_events_registration:edit", args=[registration.pk])
    assert editor_client.post(edit, {"status": "cancelled"}).status_code in (302, 403)
    registration.refresh_from_db()
    assert registration.status == "confirmed"
