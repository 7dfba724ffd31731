"""Gathering emails: in the recipient's language, times in the session's zone and their own,
an invite.ics that parses, and never the access details."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from icalendar import Calendar

from participation.core.conf import page_absolute_url
from participation.events import emails, services
from tests.factories import client_for, make_person, make_session

pytestmark = pytest.mark.django_db

SECRETS = ("meet.example.org", "812 555", "kyiv-pass")


@pytest.fixture
def slot(dialogue):
    # 10:00-13:00 Kyiv time (UTC+2 in December), a week from now at most a year ahead.
    start = datetime(timezone.now().year + 1, 1, 15, 8, tzinfo=UTC)
    return make_session(
        dialogue, title="Slot 1", starts_at=start, ends_at=start + timedelta(hours=3), capacity=1, time_zone="Europe/Kyiv",
        join_url="https://meet.example.org/abc", meeting_id="812 555", passcode="kyiv-pass",
    )  # fmt: skip


def invite(message):
    [(name, content, mimetype)] = message.attachments
    assert (name, mimetype) == ("invite.ics", "text/calendar; charset=utf-8")
    return Calendar.from_ical(content)


def no_secrets(message):
    text = message.body + message.subject + "".join(str(attachment[1]) for attachment in message.attachments)
    return not any(secret in text for secret in SECRETS)


def test_confirmation_in_the_persons_language_with_both_zones_and_an_invite(dialogue, slot, mailoutbox):
    person = make_person("olena", language="uk", time_zone="America/New_York")
    response = client_for(person).post(f"/en/gatherings/{dialogue.pk}/register/", {"sessions": [slot.pk], "consent": "on"})
    assert response.status_code == 302
    [message] = mailoutbox
    assert message.to == [person.email]
    with translation.override("uk"):
        assert gettext("Your place is confirmed.") in message.body
        assert gettext("%(city)s time") % {"city": "Київ"} in message.body
        assert gettext("%(city)s time") % {"city": "Нью-Йорк"} in message.body
        assert page_absolute_url(dialogue.localized) in message.body  # the page in their language
    assert "10:00 – 13:00" in message.body and "03:00 – 06:00" in message.body
    event = invite(message).events[0]
    assert event.start.hour == 10 and str(event["DTSTART"].params["TZID"]) == "Europe/Kyiv"
    assert str(event["URL"]) == page_absolute_url(dialogue)
    assert no_secrets(message)


def test_the_waiting_list_email_says_the_position_and_has_no_invite(dialogue, slot, mailoutbox):
    services.register(make_person("first"), slot)
    person = make_person("second")
    emails.send_registered(person, [services.register(person, slot)])
    [message] = mailoutbox
    assert "You are number 1 on the waiting list." in message.body
    assert "on the waiting list" in message.subject
    assert message.attachments == []


def test_moving_up_from_the_waiting_list_is_told(dialogue, slot, mailoutbox):
    holder, waiting = make_person("holder"), make_person("waiting", language="fr")
    services.register(holder, slot)
    services.register(waiting, slot)
    client_for(holder).post(f"/en/gatherings/sessions/{slot.pk}/cancel/")
    [message] = mailoutbox
    assert message.to == [waiting.email]
    with translation.override("fr"):
        assert gettext("Someone cancelled, and you have moved up from the waiting list: your place is confirmed.") in message.body
    assert invite(message).events[0]["UID"] == f"session-{slot.pk}@testserver"  # the base URL's host
    assert no_secrets(message)


def test_everyone_registered_is_told_when_the_organisers_cancel(dialogue, slot, mailoutbox, django_capture_on_commit_callbacks):
    confirmed, waiting = make_person("confirmed"), make_person("waiting")
    services.register(confirmed, slot)
    services.register(waiting, slot)
    slot.cancelled_at = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        slot.save()
    assert sorted(message.to[0] for message in mailoutbox) == sorted([confirmed.email, waiting.email])
    calendar = invite(mailoutbox[0])
    assert str(calendar["METHOD"]) == "CANCEL" and str(calendar.events[0]["STATUS"]) == "CANCELLED"
    assert all(no_secrets(message) for message in mailoutbox)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        slot.save()  # saved again, still cancelled: nobody is told twice
    assert mailoutbox == []
