"""Every email links to the site it came from: the one public base URL (PARTICIPATION_BASE_URL),
never Wagtail's Site record, a request's host or a default address."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from participation.accounts import emails as account_emails
from participation.comments.services import post_comment
from participation.events import emails as event_emails
from participation.events import services as event_services
from participation.notifications import services as notification_services
from participation.notifications.models import Preference
from participation.notifications.tasks import send_daily_digests
from participation.proposals.services import answer_proposal, create_proposal
from tests.factories import client_for, make_person, make_session

pytestmark = pytest.mark.django_db

BASE = "https://dialogue.example"
LINK = re.compile(r"https?://[^\s<>\"]+")


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.PARTICIPATION_BASE_URL = BASE
    settings.WAGTAILADMIN_BASE_URL = "http://admin.invalid"  # the participation setting wins


def links(message):
    text = "\n".join([message.body, *message.extra_headers.values(), *(str(attachment[1]) for attachment in message.attachments)])
    # iCalendar folds long lines at 75 octets: unfold before looking for addresses.
    return LINK.findall(text.replace("\r\n ", ""))


def send_every_email(dialogue, topic, django_capture_on_commit_callbacks):
    """One of each email the site sends; returns how many were sent."""
    follower, author = make_person("follower"), make_person("author")
    with django_capture_on_commit_callbacks(execute=True):
        notification_services.follow(follower, topic)
        notification_services.follow(follower, dialogue)
        post_comment(author, topic, "Who keeps our data safe?")  # notification: comment
        proposal = create_proposal(author, dialogue, title="Open audits", body="Audit algorithms in public.")  # proposal
        answer_proposal(proposal, state=None, text="We will study this.")  # official answer
    digester = make_person("digester")
    Preference.objects.create(user=digester, frequency=Preference.Frequency.DAILY)
    notification_services.follow(digester, topic)
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(author, topic, "A second thought.")
    send_daily_digests.call()

    newcomer = make_person("newcomer", is_active=False)
    account_emails.send_confirmation(newcomer)
    account_emails.send_signup_attempt(author)
    account_emails.send_email_change(author, "author@new.example")
    Client().post("/en/accounts/password/reset/", {"email": author.email})

    start = datetime(timezone.now().year + 1, 1, 15, 8, tzinfo=UTC)
    slot = make_session(dialogue, starts_at=start, ends_at=start + timedelta(hours=2), capacity=1, time_zone="Europe/Kyiv")
    holder, waiting = make_person("holder"), make_person("waiting")
    client_for(holder).post(f"/en/gatherings/{dialogue.pk}/register/", {"sessions": [slot.pk], "consent": "on"})
    event_emails.send_registered(waiting, [event_services.register(waiting, slot)])
    client_for(holder).post(f"/en/gatherings/sessions/{slot.pk}/cancel/")  # the one waiting is promoted
    slot.cancelled_at = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        slot.save()  # the organisers cancel: everyone is told
    return len(mail.outbox)


def test_every_email_links_only_to_the_public_base_url(dialogue, topic, django_capture_on_commit_callbacks):
    sent = send_every_email(dialogue, topic, django_capture_on_commit_callbacks)
    # comment, proposal, answer, digest; confirm, signup attempt, email change (2), reset;
    # registered (2), promoted, cancelled
    assert sent >= 13
    found = [(message.subject, link) for message in mail.outbox for link in links(message)]
    assert len({subject for subject, _link in found}) >= 10, "every kind of email carries a link"
    elsewhere = [(subject, link) for subject, link in found if not link.startswith(BASE + "/")]
    assert elsewhere == []


def test_the_calendar_invite_links_to_the_page_on_the_base_url(dialogue, mailoutbox):
    start = datetime(timezone.now().year + 1, 1, 15, 8, tzinfo=UTC)
    slot = make_session(dialogue, starts_at=start, ends_at=start + timedelta(hours=2), capacity=5)
    person = make_person("invited")
    client_for(person).post(f"/en/gatherings/{dialogue.pk}/register/", {"sessions": [slot.pk], "consent": "on"})
    [message] = mailoutbox
    assert f"URL:{BASE}{dialogue.url}" in str(message.attachments[0][1]).replace("\r\n ", "")
