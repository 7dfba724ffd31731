import pytest
from django.test import Client

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


def test_changing_the_email_needs_the_password_and_a_free_address(person, person_client, make_person):
    make_person(email="taken@example.org")
    response = person_client.post("/en/accounts/settings/", settings_data(person, email="Taken@example.org", current_password=PASSWORD))
    assert "Another account already uses this email address." in response.content.decode()

    response = person_client.post("/en/accounts/settings/", settings_data(person, email="amina@new.example"))
    assert "Enter your current password to change your email address." in response.content.decode()
    person.refresh_from_db()
    assert person.email == "amina@example.org"

    response = person_client.post("/en/accounts/settings/", settings_data(person, email="amina@new.example", current_password=PASSWORD))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.email == "amina@new.example"
    assert Client().post("/en/accounts/login/", {"username": "amina@new.example", "password": PASSWORD}).status_code == 302


def test_markup_in_the_private_name_is_stripped(person, person_client):
    person_client.post("/en/accounts/settings/", settings_data(person, full_name="<b>Amina</b><script>x()</script>"))
    person.refresh_from_db()
    assert person.participant.full_name == "Amina"


def test_an_unknown_language_is_refused(person, person_client):
    response = person_client.post("/en/accounts/settings/", settings_data(person, language="xx"))
    assert response.status_code == 200
    assert 'class="errorlist"' in response.content.decode()
