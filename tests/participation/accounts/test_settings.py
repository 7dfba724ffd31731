import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from participation.accounts.models import Person
from tests.factories import client_for

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def settings_data(person, **overrides):
    data = {"nickname": person.participant.nickname, "full_name": person.participant.full_name, "language": person.participant.language or "en", "email": person.email}
    data.update(overrides)
    return data


def test_settings_need_a_signed_in_person(client):
    response = client.get("/fr/accounts/settings/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/login/?next=/fr/accounts/settings/"


def test_the_settings_page_shows_the_current_values(person_client):
    html = person_client.get("/en/accounts/settings/").content.decode()
    assert 'value="Amina"' in html
    assert 'value="Amina Private-Surname"' in html
    assert 'value="amina@example.org"' in html
    assert '<option value="en" selected>' in html
    for path in ("/en/accounts/password/change/", "/en/accounts/export/", "/en/accounts/delete/"):
        assert f'href="{path}"' in html


def test_update_nickname_name_and_language(person, person_client):
    response = person_client.post(
        "/en/accounts/settings/", settings_data(person, nickname="Amina_K", full_name="Amina K.", language="fr")
    )
    assert response.status_code == 302
    # The page comes back in the newly chosen language.
    assert response["Location"] == "/fr/accounts/settings/"
    person.refresh_from_db()
    assert (person.participant.nickname, person.participant.full_name, person.participant.language) == ("Amina_K", "Amina K.", "fr")
    assert person.participant.nickname_key == "amina_k"


def test_nickname_taken_in_another_case_is_refused_keeping_the_input(person, person_client, make_person):
    make_person(nickname="Zeynep")
    response = person_client.post("/en/accounts/settings/", settings_data(person, nickname="ZEYNEP", full_name="New Name"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "This nickname is already taken" in html
    assert 'value="ZEYNEP"' in html and 'value="New Name"' in html
    # The header still shows the saved nickname, not the rejected one.
    assert 'href="/en/accounts/people/Amina/"' in html
    person.refresh_from_db()
    assert person.participant.nickname == "Amina"


def change_link(message):
    return re.search(r"https?://\S+/accounts/settings/email/\S+/", message.body).group(0)


def signs_in(email):
    return Client().post("/en/accounts/login/", {"username": email, "password": PASSWORD}).status_code == 302


def test_nothing_is_said_about_another_accounts_address_before_the_password(person, person_client, make_person):
    make_person(email="taken@example.org")
    for password in ("", "not-my-password"):
        response = person_client.post("/en/accounts/settings/", settings_data(person, email="Taken@example.org", current_password=password))
        html = response.content.decode()
        assert response.status_code == 200
        assert "Enter your current password to change your email address." in html
        assert "Another account already uses this email address." not in html
    response = person_client.post("/en/accounts/settings/", settings_data(person, email="Taken@example.org", current_password=PASSWORD))
    assert "Another account already uses this email address." in response.content.decode()
    person.refresh_from_db()
    assert person.email == "amina@example.org" and person.participant.pending_email == ""
    assert mail.outbox == []


def test_email_change_attempts_are_throttled_per_account(settings, person, person_client):
    settings.RATE_LIMITS = {"email_change": (2, 3600)}
    for _attempt in range(2):
        person_client.post("/en/accounts/settings/", settings_data(person, email="amina@new.example", current_password="guess"))
    response = person_client.post("/en/accounts/settings/", settings_data(person, email="amina@new.example", current_password=PASSWORD))
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    html = response.content.decode()
    assert "Too many attempts." in html and 'value="amina@new.example"' in html
    assert mail.outbox == []
    # From another connection too: the account is counted, not only the address.
    other = client_for(person, REMOTE_ADDR="192.0.2.77")
    assert other.post("/en/accounts/settings/", settings_data(person, email="amina@new.example", current_password=PASSWORD)).status_code == 429
    # Other settings still save.
    assert person_client.post("/en/accounts/settings/", settings_data(person, full_name="Amina K.")).status_code == 302


def test_an_email_change_waits_for_the_link_sent_to_the_new_address(person, person_client):
    Person.objects.filter(user=person).update(language="fr")
    response = person_client.post("/en/accounts/settings/", settings_data(person, language="fr", email="amina@new.example", current_password=PASSWORD))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.email == "amina@example.org"
    assert person.participant.pending_email == "amina@new.example"
    assert not signs_in("amina@new.example")
    with translation.override("fr"):
        pending = gettext("Your change of email address to %(email)s is waiting: open the link we sent to that address. Until then, you sign in with your current address.")
    assert pending % {"email": "amina@new.example"} in person_client.get("/fr/accounts/settings/").content.decode().replace("&#x27;", "'")

    to_new, to_old = (next(message for message in mail.outbox if message.to == [address]) for address in ("amina@new.example", "amina@example.org"))
    assert len(mail.outbox) == 2
    with translation.override("fr"):
        assert to_new.subject == gettext("Confirm your new email address for %(site_name)s") % {"site_name": "Dialogue"}
        assert gettext("If it was not you, someone knows your password: choose a new one now, and the change will not happen.") in to_old.body
    assert "amina@new.example" in to_old.body and "/fr/accounts/password/reset/" in to_old.body
    assert "/accounts/settings/email/" not in to_old.body  # only the new address can confirm

    link = change_link(to_new)
    page = Client().get(link)  # a mail scanner, or another browser
    assert page.status_code == 200 and "<form" in page.content.decode()
    person.refresh_from_db()
    assert person.email == "amina@example.org"

    assert Client().post(link).status_code == 302
    person.refresh_from_db()
    assert person.email == "amina@new.example" and person.participant.pending_email == ""
    assert signs_in("amina@new.example") and not signs_in("amina@example.org")
    assert Client().post(link).status_code == 400  # used up


def test_a_change_to_an_address_taken_meanwhile_is_refused_cleanly(person, person_client, make_person):
    person_client.post("/en/accounts/settings/", settings_data(person, email="amina@new.example", current_password=PASSWORD))
    link = change_link(next(message for message in mail.outbox if message.to == ["amina@new.example"]))
    make_person(email="AMINA@new.example")
    response = Client().post(link)
    assert response.status_code == 409
    assert "Another account now uses amina@new.example. Your email address has not changed." in response.content.decode()
    person.refresh_from_db()
    assert person.email == "amina@example.org"


@pytest.mark.parametrize("then", ["new_password", "newer_request", "expired"])
def test_a_change_link_stops_working(settings, person, person_client, then):
    person_client.post("/en/accounts/settings/", settings_data(person, email="amina@new.example", current_password=PASSWORD))
    link = change_link(next(message for message in mail.outbox if message.to == ["amina@new.example"]))
    if then == "new_password":  # the owner takes their account back
        person.set_password("another-Long-password-77")
        person.save()
    elif then == "newer_request":
        person_client.post("/en/accounts/settings/", settings_data(person, email="amina@other.example", current_password=PASSWORD))
    else:
        settings.ACCOUNT_CONFIRMATION_MAX_AGE = -1
    response = Client().post(link)
    assert response.status_code == 400
    assert ("This link has expired." in response.content.decode()) is (then == "expired")
    person.refresh_from_db()
    assert person.email == "amina@example.org"


def test_markup_in_the_private_name_is_stripped(person, person_client):
    person_client.post("/en/accounts/settings/", settings_data(person, full_name="<b>Amina</b><script>x()</script>"))
    person.refresh_from_db()
    assert person.participant.full_name == "Amina"


def test_an_unknown_language_is_refused(person, person_client):
    response = person_client.post("/en/accounts/settings/", settings_data(person, language="xx"))
    assert response.status_code == 200
    assert 'class="errorlist"' in response.content.decode()


def test_a_person_saves_their_time_zone(person, person_client):
    response = person_client.post("/en/accounts/settings/", settings_data(person, time_zone="America/Sao_Paulo"))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.participant.time_zone == "America/Sao_Paulo"
    html = person_client.get("/en/accounts/settings/").content.decode()
    assert '<option value="America/Sao_Paulo" selected>' in html


def test_an_unknown_time_zone_is_refused_in_the_persons_language_keeping_the_input(person, person_client):
    response = person_client.post("/fr/accounts/settings/", settings_data(person, time_zone="Mars/Olympus", full_name="Nouveau Nom"))
    html = response.content.decode()
    assert response.status_code == 200
    with translation.override("fr"):
        expected = gettext("“%(value)s” is not a time zone. Choose one from the list, for example Europe/Kyiv.") % {"value": "Mars/Olympus"}
    assert expected.replace("“", "&ldquo;") in html or expected in html
    assert 'value="Nouveau Nom"' in html
    person.refresh_from_db()
    assert person.participant.time_zone == ""
