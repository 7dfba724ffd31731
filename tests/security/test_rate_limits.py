"""Rate limits: past the limit set in settings.RATE_LIMITS, sign-up, sign-in, proposals and
comments are refused with 429 and a message in the visitor's language; in the next window
(the limiter's clock moved past the period) they work again."""

import contextlib
import time
from types import SimpleNamespace
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from participation.comments.models import Comment
from participation.core import ratelimit
from participation.proposals.models import Proposal

from .conftest import PASSWORD, client_for, make_person
from .markup import visible_text

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def later(seconds):
    """The limiter's clock, `seconds` from now: the next fixed window."""
    shifted = SimpleNamespace(time=lambda: time.time() + seconds)
    with mock.patch.object(ratelimit, "time", shifted):
        yield


def french(message):
    with translation.override("fr"):
        return gettext(message)


def assert_throttled(response, message):
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert french(message) in visible_text(html), f"429 without the message {french(message)!r}"


def limit(settings, scope, count, period):
    settings.RATE_LIMITS = {**getattr(settings, "RATE_LIMITS", {}), scope: (count, period)}


def sign_up_data(number):
    return {
        "email": f"limited-{number}@example.org",
        "nickname": f"limited_{number}",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "accept_terms": "on",
    }


def test_sign_up(settings):
    limit(settings, "signup", 2, 3600)
    client = Client()
    for number in range(2):
        assert client.post("/fr/accounts/signup/", sign_up_data(number)).status_code == 302
    response = client.post("/fr/accounts/signup/", sign_up_data(2))
    assert_throttled(response, "Too many attempts.")
    assert response["Retry-After"] == "3600"
    with later(3600):
        assert client.post("/fr/accounts/signup/", sign_up_data(3)).status_code == 302


def test_sign_in_even_with_the_right_password(settings):
    limit(settings, "login", 2, 900)
    person = make_person("limited")
    client = Client()
    for _attempt in range(2):
        assert client.post("/fr/accounts/login/", {"username": person.email, "password": "wrong"}).status_code == 200
    response = client.post("/fr/accounts/login/", {"username": person.email, "password": PASSWORD})
    assert_throttled(response, "Too many attempts.")
    assert "_auth_user_id" not in client.session
    with later(900):
        response = client.post("/fr/accounts/login/", {"username": person.email, "password": PASSWORD})
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(person.pk)


def test_proposals(settings, dialogue):
    limit(settings, "proposal", 1, 3600)
    client = client_for(make_person("prolific"))
    url = f"/fr/dialogues/{dialogue.pk}/proposals/new/"

    def propose(title):
        return client.post(url, {"title": title, "body": "Details of the idea.", "language": "fr"})

    assert propose("Premier essai").status_code == 302
    response = propose("Deuxième essai")
    assert_throttled(response, "You made many proposals in a short time. Please wait a while before making another one.")
    assert not Proposal.objects.filter(title="Deuxième essai").exists()
    assert 'value="Deuxième essai"' in response.content.decode()  # the draft is kept
    with later(3600):
        assert propose("Deuxième essai").status_code == 302


def test_comments(settings, topic, locales):
    limit(settings, "comment", 1, 600)
    client = client_for(make_person("talkative"))
    french_topic = topic.get_translation(locales["fr"])
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")

    def comment(body):
        return client.post("/fr/comments/new/", {"content_type": page_type.pk, "object_id": french_topic.pk, "body": body})

    assert comment("Premier commentaire").status_code == 302
    response = comment("Deuxième commentaire")
    assert_throttled(response, "You have posted many comments in a short time. Please wait a few minutes.")
    assert not Comment.objects.filter(body="Deuxième commentaire").exists()
    with later(600):
        assert comment("Deuxième commentaire").status_code == 302
