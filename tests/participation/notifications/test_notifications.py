"""People hear about what they follow: by email, in their language, at once or in a daily digest."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page

from participation.comments.services import post_comment
from participation.notifications import services
from participation.notifications.emails import unsubscribe_token
from participation.notifications.models import Follow, Notification, Preference
from participation.notifications.tasks import send_daily_digests
from participation.proposals.services import answer_proposal, create_proposal
from tests.factories import make_person

pytestmark = pytest.mark.django_db
User = get_user_model()


def person(nickname, language="en"):
    return make_person(nickname, nickname=nickname, email=f"{nickname}@example.org", language=language)


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def test_follow_button_toggles_following(topic, dialogue):
    reader = person("reader")
    client = Client()
    client.force_login(reader)
    html = client.get(dialogue.url).content.decode()
    assert 'aria-pressed="false"' in html
    url = f"/en/notifications/follow/{ContentType.objects.get_for_model(Page).pk}/{dialogue.pk}/"
    response = client.post(url, {"next": dialogue.url})
    assert response.status_code == 302 and response["Location"] == dialogue.url
    assert Follow.objects.filter(user=reader, object_id=dialogue.pk).exists()
    client.post(url)
    assert not Follow.objects.filter(user=reader).exists()


def test_following_needs_sign_in_and_csrf(dialogue):
    url = f"/en/notifications/follow/{ContentType.objects.get_for_model(Page).pk}/{dialogue.pk}/"
    assert Client().post(url).status_code == 302  # to the sign-in page
    client = Client(enforce_csrf_checks=True)
    client.force_login(person("nocsrf"))
    assert client.post(url).status_code == 403


def test_comment_on_a_followed_page_emails_followers_in_their_language(topic, run_on_commit):
    follower = person("lecteur", language="fr")
    author = person("writer")
    services.follow(follower, topic)
    services.follow(author, topic)
    run_on_commit(post_comment, author, topic, "Who keeps our data safe?")
    assert len(mail.outbox) == 1  # the follower, never the author of the comment
    message = mail.outbox[0]
    assert message.to == ["lecteur@example.org"]
    with translation.override("fr"):
        kind = gettext("New comment")
    assert message.subject == f"{kind}: {topic.title}"
    assert message.body.startswith("Bonjour lecteur,")
    assert "Who keeps our data safe?" in message.body
    assert "/notifications/unsubscribe/" in message.extra_headers["List-Unsubscribe"]


def test_reply_reaches_the_parent_author(topic, run_on_commit):
    first, second = person("first"), person("second")
    parent = run_on_commit(post_comment, first, topic, "Data should stay with people.")
    mail.outbox.clear()
    run_on_commit(post_comment, second, topic, "I agree.", parent=parent)
    assert [m.to for m in mail.outbox] == [["first@example.org"]]
    assert Notification.objects.get(user=first).kind == Notification.Kind.REPLY


def test_new_proposal_notifies_dialogue_followers_and_its_author_follows_it(dialogue, run_on_commit):
    follower, author = person("watcher"), person("proposer")
    services.follow(follower, dialogue)
    proposal = run_on_commit(create_proposal, author, dialogue, title="Public data trusts", body="Let citizens govern data.")
    assert [m.to for m in mail.outbox] == [["watcher@example.org"]]
    assert services.is_following(author, proposal)


def test_official_answer_reaches_the_author(dialogue, run_on_commit):
    author = person("asker")
    proposal = run_on_commit(create_proposal, author, dialogue, title="Open audits", body="Audit algorithms in public.")
    mail.outbox.clear()
    run_on_commit(answer_proposal, proposal, state=None, text="We will study this with the ministry.")
    assert [m.to for m in mail.outbox] == [["asker@example.org"]]
    assert "We will study this with the ministry." in mail.outbox[0].body


def test_daily_digest_collects_events_into_one_email(topic, run_on_commit):
    reader, writer = person("digester"), person("talker")
    Preference.objects.create(user=reader, frequency=Preference.Frequency.DAILY)
    services.follow(reader, topic)
    run_on_commit(post_comment, writer, topic, "First thought.")
    run_on_commit(post_comment, writer, topic, "Second thought.")
    assert mail.outbox == []
    assert send_daily_digests.call() == 1
    assert len(mail.outbox) == 1
    assert "First thought." in mail.outbox[0].body and "Second thought." in mail.outbox[0].body
    assert send_daily_digests.call() == 0  # nothing twice


def test_unsubscribe_link_stops_all_emails(topic, run_on_commit):
    reader, writer = person("leaver"), person("speaker")
    services.follow(reader, topic)
    url = f"/en/notifications/unsubscribe/{unsubscribe_token(reader)}/"
    client = Client()
    assert b"Stop all notification emails" in client.get(url).content
    assert Preference.objects.filter(user=reader).count() == 0  # a GET (e.g. a link preview) changes nothing
    assert client.post(url).status_code == 200
    run_on_commit(post_comment, writer, topic, "Anyone there?")
    assert mail.outbox == []
    assert client.get("/en/notifications/unsubscribe/forged/").status_code == 400


def test_settings_page_lists_follows_and_saves_frequency(dialogue):
    reader = person("organised")
    services.follow(reader, dialogue)
    client = Client()
    client.force_login(reader)
    html = client.get("/en/notifications/").content.decode()
    assert dialogue.title.split(":")[0] in html
    client.post("/en/notifications/", {"frequency": "daily"})
    assert Preference.objects.get(user=reader).frequency == "daily"


def test_emails_and_the_unsubscribe_page_name_the_site_from_its_settings(settings, topic, run_on_commit):
    settings.PARTICIPATION_SITE_NAME = "Town Hall"
    reader, writer = person("townsfolk"), person("crier")
    Preference.objects.create(user=reader, frequency=Preference.Frequency.DAILY)
    services.follow(reader, topic)
    run_on_commit(post_comment, writer, topic, "Hear ye.")
    assert send_daily_digests.call() == 1
    [email] = mail.outbox
    assert email.subject == "Your daily Town Hall digest: 1 updates"
    assert "You receive this because you follow this on Town Hall." in email.body
    assert "Stop all emails from Town Hall:" in email.body
    client = Client()
    url = f"/en/notifications/unsubscribe/{unsubscribe_token(reader)}/"
    assert "Stop all notification emails from Town Hall?" in client.get(url).content.decode()
    assert "Done: Town Hall will not email you" in client.post(url).content.decode()
