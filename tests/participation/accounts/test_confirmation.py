import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from participation.accounts import tokens
from participation.accounts.models import Person


def tr(language, message):
    """The message as the page shows it: in the language of the URL."""
    with translation.override(language):
        return gettext(message)

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "correct-Horse-battery-staple-9"


@pytest.fixture
def pending(client):
    client.post(
        "/fr/accounts/signup/",
        {
            "email": "noor@example.org",
            "nickname": "noor",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "accept_terms": "on",
        },
    )
    user = User.objects.get(email="noor@example.org")
    assert mail.outbox[-1].body.startswith("Bonjour noor,")  # greeted by the nickname they chose
    link = re.search(r"http://testserver(/fr/accounts/confirm/\S+/)", mail.outbox[-1].body).group(1)
    mail.outbox.clear()
    return user, link


def test_the_link_shows_a_button_and_confirming_activates_and_signs_in(pending):
    user, link = pending
    client = Client()
    page = client.get(link)
    assert page.status_code == 200
    assert tr("fr", "Confirm and sign in") in page.content.decode()
    user.refresh_from_db()
    assert not user.is_active  # opening the link (a mail scanner may) changes nothing

    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == "/fr/"
    user.refresh_from_db()
    assert user.is_active and user.participant.email_confirmed_at is not None
    assert client.session["_auth_user_id"] == str(user.pk)
    home = client.get("/fr/").content.decode()
    assert 'href="/fr/accounts/people/noor/"' in home


def test_a_used_link_does_not_sign_in_again(pending):
    _user, link = pending
    Client().post(link)
    client = Client()
    response = client.post(link)
    assert response.status_code == 200
    assert tr("fr", "Your address is already confirmed") in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_expired_link_is_refused_with_a_message(pending, settings):
    user, link = pending
    settings.ACCOUNT_CONFIRMATION_MAX_AGE = -1
    response = Client().post(link)
    assert response.status_code == 400
    assert tr("fr", "This confirmation link has expired. Ask for a new one below: it will reach you in a few minutes.") in response.content.decode()
    user.refresh_from_db()
    assert not user.is_active


def test_a_tampered_link_is_refused_with_a_message(pending):
    user, link = pending
    forged = tokens.confirmation_token(user).replace(":", ":x", 1)
    for bad in (link[:-5] + "abcd/", f"/fr/accounts/confirm/{forged}/", "/fr/accounts/confirm/nonsense/"):
        response = Client().post(bad)
        assert response.status_code == 400
        assert tr("fr", "This confirmation link is not valid. Check that you copied the whole link from the email, or ask for a new one below.") in response.content.decode()
    user.refresh_from_db()
    assert not user.is_active


def test_a_link_stops_working_when_the_address_changes(pending):
    user, link = pending
    User.objects.filter(pk=user.pk).update(email="changed@example.org")
    assert Client().post(link).status_code == 400


def test_a_link_cannot_reactivate_an_account_a_moderator_deactivated(pending):
    user, link = pending
    Client().post(link)
    User.objects.filter(pk=user.pk).update(is_active=False)
    Client().post(link)
    user.refresh_from_db()
    assert not user.is_active


def test_resending_says_the_same_whatever_the_address(pending):
    user, _link = pending
    active = User.objects.create_user("someone", "active@example.org", PASSWORD)
    answers = []
    for email in ("NOOR@example.org", "nobody@example.org", active.email):
        response = Client().post("/en/accounts/confirm/resend/", {"email": email}, follow=True)
        answers.append([str(message) for message in response.context["messages"]])
    assert answers[0] == answers[1] == answers[2]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["noor@example.org"]
    # In the account's language, not the page's.
    assert "http://testserver/fr/accounts/confirm/" in mail.outbox[0].body


def test_a_failed_sign_in_offers_to_resend_the_confirmation(pending):
    _user, _link = pending
    for password in (PASSWORD, "wrong-password"):
        response = Client().post("/en/accounts/login/", {"username": "noor@example.org", "password": password})
        html = response.content.decode()
        assert response.status_code == 200
        assert "The email address or the password is not correct." in html
        assert 'action="/en/accounts/confirm/resend/"' in html
        assert 'value="noor@example.org"' in html


def test_resending_is_rate_limited(pending, settings):
    settings.RATE_LIMITS = {"signup": (2, 3600)}
    client = Client()
    for _ in range(2):
        client.post("/en/accounts/confirm/resend/", {"email": "noor@example.org"})
    response = client.post("/en/accounts/confirm/resend/", {"email": "noor@example.org"})
    assert response.status_code == 429
    assert len(mail.outbox) == 2


def test_staff_created_accounts_are_not_affected_by_links(make_person):
    staff = make_person(nickname="staffer")
    Person.objects.filter(user=staff).update(email_confirmed_at=None)
    staff.refresh_from_db()
    token = tokens.confirmation_token(staff)
    response = Client().post(f"/en/accounts/confirm/{token}/")
    assert "already confirmed" in response.content.decode()
    staff.refresh_from_db()
    assert staff.is_active and staff.participant.email_confirmed_at is None


def test_emails_are_written_in_the_accounts_language(pending, monkeypatch):
    from django.utils import translation

    from participation.accounts import emails

    languages = []
    original = emails.render_to_string

    def recording(*args, **kwargs):
        languages.append(translation.get_language())
        return original(*args, **kwargs)

    monkeypatch.setattr(emails, "render_to_string", recording)
    user, _link = pending
    Person.objects.filter(user=user).update(language="uk")
    Client().post("/ar/accounts/confirm/resend/", {"email": user.email})
    assert languages == ["uk", "uk"]  # subject and body
    assert "http://testserver/uk/accounts/confirm/" in mail.outbox[-1].body
