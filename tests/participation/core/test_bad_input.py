"""A NUL byte or invalid UTF-8 in a path, query string or form field answers 400 with a message in
the visitor's language (JSON for the API), never a 500 from a layer that cannot store such text."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from tests.participation.comments.helpers import comment_on, make_moderator, make_user

pytestmark = pytest.mark.django_db

MESSAGE = "This address or form contains characters that are not valid text. Please check what you typed."


def in_language(language):
    with translation.override(language):
        return gettext(MESSAGE)


@pytest.mark.parametrize(
    "url",
    [
        "/en/accounts/people/bob%00/",
        "/en/accounts/people/%FFbob/",
        "/en/search/?q=a%00b",
        "/en/search/?q=%C3%28",
        "/en/search/?q%00=x",
    ],
)
def test_bad_bytes_in_the_address_answer_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert Session.objects.count() == 0


def test_the_message_is_in_the_language_of_the_address(client):
    response = client.get("/fr/accounts/people/bob%00/")
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="fr"' in html and in_language("fr") in html and in_language("fr") != MESSAGE


def test_valid_text_still_passes(client):
    assert client.get("/en/search/?q=caf%C3%A9+%D0%BF%D1%80%D0%B8%D0%B2%D1%96%D1%82").status_code == 200


@pytest.mark.parametrize("headers", [{}, {"HTTP_ACCEPT": "application/json"}])
def test_the_api_answers_in_json(client, headers):
    response = client.get("/api/v1/dialogues/?lang=%00", **headers)
    assert response.status_code == 400
    assert response.json() == {"error": MESSAGE}


def test_json_when_asked_for_elsewhere(client):
    response = client.get("/en/accounts/people/bob%00/", HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and response.json() == {"error": MESSAGE}


@pytest.fixture
def moderator_and_comment(topic):
    return make_moderator(), comment_on(topic, make_user("alice"), "Buy cheap watches")


def moderation_url(obj):
    from django.contrib.contenttypes.models import ContentType
    from django.urls import reverse

    return reverse("moderation_item", args=[ContentType.objects.get_for_model(obj).pk, obj.pk])


@pytest.mark.parametrize("encoding", ["multipart", "urlencoded"])
def test_a_moderators_reason_with_a_nul_byte_is_refused(moderator_and_comment, encoding):
    moderator, comment = moderator_and_comment
    client = Client()
    client.force_login(moderator)
    data = {"action": "hide", "reason": "Spam\x00"}
    if encoding == "multipart":
        response = client.post(moderation_url(comment), data)
    else:
        from urllib.parse import urlencode

        response = client.post(moderation_url(comment), urlencode(data), content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400 and MESSAGE in response.content.decode()
    comment.refresh_from_db()
    assert comment.hidden_at is None


def test_invalid_utf8_in_a_urlencoded_form_is_refused(moderator_and_comment):
    moderator, comment = moderator_and_comment
    client = Client()
    client.force_login(moderator)
    response = client.post(moderation_url(comment), b"action=hide&reason=Spam%FF", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
