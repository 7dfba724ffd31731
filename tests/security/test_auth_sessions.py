"""Sessions and sign-in: one-time links are one-time, sign-in tells an attacker nothing about which
addresses have accounts, and a deleted account's sessions die with it."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client

from .conftest import PASSWORD, client_for, make_person
from .markup import visible_text

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a-Brand-new-passphrase-77"
OTHER_PASSWORD = "Yet-another-passphrase-88"


def signed_in_as(client):
    return client.session.get(SESSION_KEY)


def link_in_last_mail(pattern):
    return re.search(r"http://testserver(" + pattern + r")", mail.outbox[-1].body).group(1)


def test_password_reset_links_work_once():
    person = make_person("forgetful")
    elsewhere = client_for(person)  # a session on another device
    client = Client()
    assert client.post("/en/accounts/password/reset/", {"email": person.email}).status_code == 302
    link = link_in_last_mail(r"/en/accounts/password/reset/\S+/")

    form_page = client.get(link, follow=True)
    set_password_url = form_page.redirect_chain[-1][0]
    assert BeautifulSoup(form_page.content, "html.parser").select_one("input[name=new_password1]")
    response = client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)

    for attempt in (Client(), client):
        again = attempt.get(link, follow=True)
        assert BeautifulSoup(again.content, "html.parser").select_one("input[name=new_password1]") is None
        assert "This password reset link is not valid" in visible_text(again.content)
        attempt.post(set_password_url, {"new_password1": OTHER_PASSWORD, "new_password2": OTHER_PASSWORD})
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD), "a used reset link changed the password again"
    # The old password's sessions end: whoever knew it is out.
    assert elsewhere.get("/en/accounts/settings/").status_code == 302
    assert signed_in_as(elsewhere) is None


def test_confirmation_links_sign_in_once():
    client = Client()
    data = {"email": "once@example.org", "nickname": "once_only", "password1": PASSWORD, "password2": PASSWORD, "accept_terms": "on"}
    assert client.post("/en/accounts/signup/", data).status_code == 302
    link = link_in_last_mail(r"/en/accounts/confirm/\S+/")
    user = get_user_model().objects.get(email="once@example.org")

    first = Client()
    assert first.post(link).status_code == 302
    assert signed_in_as(first) == str(user.pk)

    # Anyone holding the link later (a forwarded email, a shared computer) gets nothing.
    later = Client()
    response = later.post(link)
    assert response.status_code == 200
    assert signed_in_as(later) is None
    assert "already confirmed" in visible_text(response.content)

    # Once the account is deleted, the link names nobody.
    client_for(user).post("/en/accounts/delete/", {"password": PASSWORD, "confirm": "on"})
    assert Client().post(link).status_code == 400


def login_page_text(response, typed):
    return visible_text(response.content).replace(typed, "<typed>")


def test_sign_in_does_not_tell_which_addresses_have_accounts():
    person = make_person("known")
    pending = make_person("pending", is_active=False, email_confirmed_at=None)
    attempts = {
        "unknown address": ("nobody-here@example.org", PASSWORD),
        "known address, wrong password": (person.email, "not-the-password"),
        "unconfirmed account, right password": (pending.email, PASSWORD),
        "known username, wrong password": (person.username, "not-the-password"),
    }
    answers = {}
    for label, (username, password) in attempts.items():
        client = Client()
        response = client.post("/en/accounts/login/", {"username": username, "password": password})
        assert signed_in_as(client) is None, label
        answers[label] = (response.status_code, login_page_text(response, username))
    reference = answers["unknown address"]
    assert reference[0] == 200
    assert "The email address or the password is not correct." in reference[1]
    for label, answer in answers.items():
        assert answer == reference, f"{label} answers differently from an unknown address"

    # Password reset and a new confirmation email: the same answer whether or not the address exists.
    for url, field in (("/en/accounts/password/reset/", "email"), ("/en/accounts/confirm/resend/", "email")):
        known = Client().post(url, {field: pending.email if "resend" in url else person.email})
        unknown = Client().post(url, {field: "nobody-here@example.org"})
        assert (known.status_code, known.get("Location")) == (unknown.status_code, unknown.get("Location")), url


def test_signing_in_gives_a_new_session_key():
    person = make_person("fixated")
    client = Client()
    client.get("/en/accounts/login/")
    session = client.session
    session["planted"] = True
    session.save()
    planted = session.session_key
    client.post("/en/accounts/login/", {"username": person.email, "password": PASSWORD})
    assert signed_in_as(client) == str(person.pk)
    assert client.session.session_key != planted


def test_a_link_or_image_cannot_sign_anyone_out():
    person = make_person("reader")
    client = client_for(person)
    assert client.get("/en/accounts/logout/").status_code == 200
    assert signed_in_as(client) == str(person.pk)
    assert client.post("/en/accounts/logout/").status_code == 302
    assert signed_in_as(client) is None


def test_changing_the_sign_in_address_needs_the_password_and_the_new_mailbox():
    person = make_person("careful")
    client = client_for(person)
    data = {"nickname": person.participant.nickname, "full_name": "", "language": "en", "email": "attacker@example.org"}
    response = client.post("/en/accounts/settings/", data)
    assert response.status_code == 200
    assert "Enter your current password to change your email address." in visible_text(response.content)
    person.refresh_from_db()
    assert person.email != "attacker@example.org"
    # The password alone is not enough: the change waits for the link sent to the new address.
    assert client.post("/en/accounts/settings/", {**data, "current_password": PASSWORD}).status_code == 302
    person.refresh_from_db()
    assert person.email != "attacker@example.org"
    [to_new] = [message for message in mail.outbox if message.to == ["attacker@example.org"]]
    link = re.search(r"https?://\S+/accounts/settings/email/\S+/", to_new.body).group(0)
    assert Client().post(link).status_code == 302
    person.refresh_from_db()
    assert person.email == "attacker@example.org"


def test_the_anonymous_page_cache_never_mixes_people(topic):
    """Whole pages are cached for anonymous readers: a signed-in page must never be stored, nor a
    stored page served to someone signed in."""
    person = make_person("private")
    profile_link = f"/en/accounts/people/{person.participant.nickname}/"
    signed_in = client_for(person)
    first = signed_in.get(topic.url)
    assert profile_link in first.content.decode() and first.get("X-Page-Cache") is None

    anonymous = Client().get(topic.url)
    assert anonymous.get("X-Page-Cache") == "miss"  # the signed-in page was not stored
    assert person.participant.nickname not in anonymous.content.decode()
    cached = Client().get(topic.url)
    assert cached.get("X-Page-Cache") == "hit" and person.participant.nickname not in cached.content.decode()

    again = signed_in.get(topic.url)
    assert again.get("X-Page-Cache") is None and profile_link in again.content.decode()
    assert "csrfmiddlewaretoken" in again.content.decode()  # forms work: not the anonymous copy


def test_deleting_the_account_ends_every_session():
    person = make_person("leaving")
    phone = Client()
    assert phone.post("/en/accounts/login/", {"username": person.email, "password": PASSWORD}).status_code == 302
    laptop = client_for(person)
    assert Session.objects.count() >= 2
    response = laptop.post("/en/accounts/delete/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    for device in (laptop, phone):
        response = device.get("/en/accounts/settings/")
        assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/")
        assert signed_in_as(device) is None
    assert not [s for s in Session.objects.all() if s.get_decoded().get(SESSION_KEY) == str(person.pk)]
    # And the old credentials no longer open anything.
    again = Client()
    again.post("/en/accounts/login/", {"username": person.email, "password": PASSWORD})
    assert signed_in_as(again) is None
