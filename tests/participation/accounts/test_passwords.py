import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from .conftest import PASSWORD


def tr(language, message):
    """The message as the page shows it: in the language of the URL."""
    with translation.override(language):
        return gettext(message)

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a-Brand-new-passphrase-77"


def test_password_reset_emails_a_link_in_the_accounts_language_and_it_works(make_person):
    person = make_person(email="ines@example.org", language="es")
    client = Client()
    response = client.post("/en/accounts/password/reset/", {"email": "INES@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ines@example.org"]
    assert "Dialogue" in message.subject
    link = re.search(r"http://testserver(/es/accounts/password/reset/\S+/)", message.body).group(1)

    form_page = client.get(link, follow=True)
    assert tr("es", "Choose a new password") in form_page.content.decode()
    response = client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    # The link is used up.
    assert tr("es", "This link does not work") in Client().get(link, follow=True).content.decode()


def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client):
    response = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response["Location"] == "/en/accounts/password/reset/sent/"
    assert mail.outbox == []


def test_password_reset_is_rate_limited(settings, person):
    settings.RATE_LIMITS = {"password_reset": (2, 3600)}
    client = Client()
    for _ in range(2):
        client.post("/en/accounts/password/reset/", {"email": person.email})
    response = client.post("/en/accounts/password/reset/", {"email": person.email})
    assert response.status_code == 429
    assert "Too many attempts." in response.content.decode()
    assert len(mail.outbox) == 2


def test_password_change_keeps_the_person_signed_in(person, person_client):
    page = person_client.get("/en/accounts/password/change/")
    assert 'autocomplete="current-password"' in page.content.decode()
    response = person_client.post(
        "/en/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/settings/"
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert person_client.get("/en/accounts/settings/").status_code == 200


def test_password_change_refuses_a_wrong_current_password(person, person_client):
    response = person_client.post(
        "/en/accounts/password/change/",
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert 'class="errorlist"' in response.content.decode()
    person.refresh_from_db()
    assert person.check_password(PASSWORD)
