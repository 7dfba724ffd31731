import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, Page

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "correct-Horse-battery-staple-9"


def form_data(**overrides):
    data = {
        "email": "lea@example.org",
        "nickname": "Léa_75",
        "full_name": "Léa Martin",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "accept_terms": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def confirmation_link(message):
    return re.search(r"https?://\S+/accounts/confirm/\S+/", message.body).group(0)


def test_sign_up_page_has_labelled_fields_and_a_hidden_honeypot(client):
    html = client.get("/en/accounts/signup/").content.decode()
    for name, autocomplete in [("email", "email"), ("nickname", "nickname"), ("full_name", "name"), ("password1", "new-password")]:
        assert f'<label for="id_{name}">' in html
        assert re.search(rf'<input[^>]*name="{name}"[^>]*autocomplete="{autocomplete}"|<input[^>]*autocomplete="{autocomplete}"[^>]*name="{name}"', html)
    assert "I accept the terms of use and the privacy policy" in re.sub(r"<[^>]+>", "", terms_label(html))
    honeypot = re.search(r'<div class="visually-hidden" aria-hidden="true">(.*?)</div>', html, re.S).group(1)
    assert "Leave this empty" in honeypot
    assert 'tabindex="-1"' in honeypot and 'autocomplete="off"' in honeypot


def terms_label(html):
    return re.search(r'<label for="id_accept_terms">(.*?)</label>', html, re.S).group(1)


@pytest.mark.parametrize("language", ["en", "fr", "es", "uk", "ar"])
def test_the_terms_sentence_links_the_terms_and_the_privacy_pages_in_the_reader_language(client, language):
    pages = {slug: Page.objects.get(slug=slug, locale__language_code="en").get_translation(Locale.objects.get(language_code=language)) for slug in ("terms", "privacy")}
    label = terms_label(client.get(f"/{language}/accounts/signup/").content.decode())
    with translation.override(language):
        expected = [gettext("I accept the {terms} and the {privacy}").split("{")[0].strip()]
    assert expected[0] in label
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', label)
    assert [href for href, _text in links] == [pages["terms"].url, pages["privacy"].url]
    assert all(href.startswith(f"/{language}/") for href, _text in links)
    # The footer links them too, on every page.
    footer = client.get(f"/{language}/").content.decode().split('<footer class="site-footer">')[1]
    assert f'href="{pages["terms"].url}"' in footer and f'href="{pages["privacy"].url}"' in footer


def test_a_site_without_such_pages_still_signs_people_up(client, settings):
    settings.ACCOUNTS_TERMS_PAGE = ""
    Page.objects.filter(slug="privacy").update(live=False)  # a policy page unpublished is not linked
    label = terms_label(client.get("/en/accounts/signup/").content.decode())
    assert "<a " not in label
    assert label.strip() == "I accept the terms of use and the privacy policy"
    assert client.post("/en/accounts/signup/", form_data()).status_code == 302
    assert User.objects.filter(email="lea@example.org").exists()


def test_an_address_elsewhere_may_be_given_instead_of_a_page(client, settings):
    settings.ACCOUNTS_TERMS_URL = "https://organiser.example/terms"
    label = terms_label(client.get("/en/accounts/signup/").content.decode())
    assert '<a href="https://organiser.example/terms">terms of use</a>' in label
    assert re.search(r'<a href="/en/privacy/">privacy policy</a>', label)


def test_sign_up_in_french_creates_an_inactive_account_and_emails_a_french_link():
    client = Client()
    response = client.post("/fr/accounts/signup/", form_data())
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/signup/done/"

    user = User.objects.get(email="lea@example.org")
    assert not user.is_active
    assert user.participant.nickname == "Léa_75"
    assert user.participant.full_name == "Léa Martin"
    assert user.participant.language == "fr"
    assert user.participant.accepted_terms_at is not None
    assert user.check_password(PASSWORD)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lea@example.org"]
    assert confirmation_link(message).startswith("http://testserver/fr/accounts/confirm/")
    # Not signed in before confirming.
    assert "_auth_user_id" not in client.session


def test_honeypot_rejects_the_sign_up():
    client = Client()
    response = client.post("/en/accounts/signup/", form_data(website="http://spam.example"))
    assert response.status_code == 200
    assert "a field meant to stay empty was filled in" in response.content.decode()
    assert not User.objects.filter(email="lea@example.org").exists()
    assert mail.outbox == []


def test_terms_must_be_accepted_and_the_form_keeps_the_input(client):
    data = form_data()
    del data["accept_terms"]
    response = client.post("/en/accounts/signup/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "please accept the terms of use and the privacy policy" in html
    assert 'value="lea@example.org"' in html
    assert 'value="Léa_75"' in html
    assert 'value="Léa Martin"' in html
    assert not User.objects.filter(email="lea@example.org").exists()


def test_a_taken_nickname_is_refused_keeping_the_input(client, make_person):
    make_person(nickname="LÉA_75")  # nicknames are public: saying it is taken reveals nothing
    response = client.post("/en/accounts/signup/", form_data())
    html = response.content.decode()
    assert response.status_code == 200
    assert "This nickname is already taken" in html
    assert 'value="lea@example.org"' in html and 'value="Léa_75"' in html
    assert not User.objects.filter(email__iexact="lea@example.org").exists()
    assert mail.outbox == []


def test_a_taken_address_gets_the_same_answer_and_its_owner_an_email_in_their_language(make_person):
    owner = make_person(email="LEA@Example.org", nickname="lea_owner", language="fr")
    owner_password = owner.password
    fresh = Client().post("/en/accounts/signup/", form_data(email="new@example.org", nickname="newcomer"))

    response = Client().post("/en/accounts/signup/", form_data())

    # Nothing tells the visitor the address has an account.
    assert (response.status_code, response["Location"]) == (fresh.status_code, fresh["Location"]) == (302, "/en/accounts/signup/done/")
    assert Client().get(response["Location"]).content == Client().get(fresh["Location"]).content
    assert User.objects.filter(email__iexact="lea@example.org").count() == 1
    assert not User.objects.filter(participant__nickname="Léa_75").exists()
    owner.refresh_from_db()
    assert owner.password == owner_password and owner.is_active

    [message] = [message for message in mail.outbox if message.to == ["LEA@Example.org"]]
    with translation.override("fr"):
        assert gettext("If it was you, sign in:") in message.body
        assert gettext("If you forgot your password, choose a new one:") in message.body
    assert "http://testserver/fr/accounts/login/" in message.body
    assert "http://testserver/fr/accounts/password/reset/" in message.body
    assert "/accounts/confirm/" not in message.body  # no link that would activate anything


def test_the_owner_of_a_taken_address_is_told_once_an_hour_at_most(make_person):
    make_person(email="lea@example.org")
    for number in range(3):
        Client(REMOTE_ADDR=f"192.0.2.{number}").post("/en/accounts/signup/", form_data(nickname=f"try_{number}"))
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "nickname, accepted",
    [
        ("Оксана", True),
        ("محمد_علي", True),
        ("नमस्ते", True),  # combining vowel signs
        ("ab", False),
        ("x" * 41, False),
        ("two words", False),
        ("<b>bold</b>", False),
        ('"><script>alert(1)</script>', False),
        ("---", False),
    ],
)
def test_nickname_rules(client, nickname, accepted):
    response = client.post("/en/accounts/signup/", form_data(nickname=nickname))
    assert User.objects.filter(email="lea@example.org").exists() is accepted
    if not accepted:
        assert 'class="errorlist"' in response.content.decode()


def test_passwords_must_match_and_be_strong(client):
    response = client.post("/en/accounts/signup/", form_data(password2="something-else-entirely"))
    assert "The two passwords are different." in response.content.decode()
    response = client.post("/en/accounts/signup/", form_data(password1="12345678", password2="12345678"))
    assert "This password is too common." in response.content.decode()
    assert not User.objects.filter(email="lea@example.org").exists()


def test_a_new_sign_up_replaces_an_unconfirmed_one_with_the_same_address(client):
    client.post("/en/accounts/signup/", form_data(nickname="squatter", password1="Squatter-pass-123", password2="Squatter-pass-123"))
    response = client.post("/en/accounts/signup/", form_data())
    assert response.status_code == 302
    user = User.objects.get(email="lea@example.org")
    assert user.participant.nickname == "Léa_75"
    assert user.check_password(PASSWORD)
    # The nickname of the replaced registration is free again.
    assert not User.objects.filter(participant__nickname="squatter").exists()


def test_sign_up_is_rate_limited_per_ip_with_a_clear_429(settings):
    settings.RATE_LIMITS = {"signup": (2, 3600)}
    client = Client()
    for number in range(2):
        client.post("/fr/accounts/signup/", form_data(email=f"p{number}@example.org", nickname=f"person_{number}"))
    response = client.post("/fr/accounts/signup/", form_data(email="third@example.org", nickname="third_one"))
    html = response.content.decode()
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert '<html lang="fr"' in html
    with translation.override("fr"):
        message = gettext("Too many attempts.")
    assert message in html and "60" in html  # in the visitor's language
    assert 'value="third@example.org"' in html  # the input is kept
    assert not User.objects.filter(email="third@example.org").exists()
    # Another connection is not affected.
    other = Client(REMOTE_ADDR="192.0.2.50")
    assert other.post("/fr/accounts/signup/", form_data(email="fourth@example.org", nickname="fourth")).status_code == 302


def test_sign_up_needs_a_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/accounts/signup/", form_data())
    assert response.status_code == 403
    assert not User.objects.filter(email="lea@example.org").exists()


def test_signed_in_people_are_sent_home_from_the_sign_up_page(person_client):
    response = person_client.get("/en/accounts/signup/")
    assert response.status_code == 302
