"""Citizen text travels into notification emails: their subject carries a proposal's title. A
title with line breaks must neither add headers (Django refuses that) nor stop the followers'
emails (the refusal must not kill the notification), and the emails stay plain text."""

import pytest
from django.core import mail

from participation.notifications.models import Notification
from participation.notifications.services import follow
from participation.proposals.models import Proposal

from .conftest import client_for, make_person
from .markup import PAYLOADS

pytestmark = pytest.mark.django_db
INJECTED_TITLE = "Line one\r\nBcc: victim@evil.example\r\nX-Injected: yes"


def test_a_title_with_line_breaks_reaches_followers_in_one_clean_email(dialogue, django_capture_on_commit_callbacks):
    follower = make_person("follower")
    follow(follower, dialogue)
    client = client_for(make_person("writer"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/dialogues/{dialogue.pk}/proposals/new/", {"title": INJECTED_TITLE, "body": "Details.", "language": "en"}
        )
    assert response.status_code in (302, 400)
    if response.status_code == 400:  # refusing a multi-line title is fine too
        assert not Proposal.objects.filter(title__startswith="Line one").exists()
        return
    assert Notification.objects.filter(user=follower).exists()
    sent = [message for message in mail.outbox if follower.email in message.to]
    assert len(sent) == 1, "the follower was not emailed about the new proposal"
    message = sent[0]
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.bcc == [] and message.cc == [] and message.to == [follower.email]
    raw = message.message()
    assert raw["X-Injected"] is None and raw["Bcc"] is None
    assert all(recipient == follower.email for recipient in message.recipients())


def test_notification_emails_are_plain_text(dialogue, django_capture_on_commit_callbacks):
    follower = make_person("follower")
    follow(follower, dialogue)
    client = client_for(make_person("writer"))
    body = PAYLOADS["javascript-scheme"] + " " + PAYLOADS["data-url"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/dialogues/{dialogue.pk}/proposals/new/", {"title": "Plain words only", "body": body, "language": "en"})
    [message] = [message for message in mail.outbox if follower.email in message.to]
    assert getattr(message, "alternatives", []) == [], "an HTML part would need its own escaping"
    assert message.content_subtype == "plain"
    assert "List-Unsubscribe" in message.extra_headers
