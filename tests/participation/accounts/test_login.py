import pytest
from django.test import Client

from tests.conftest import DEMO_PASSWORD

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, username, password, **extra):
    return client.post("/en/accounts/login/", {"username": username, "password": password, **extra})


def test_the_sign_in_form_is_labelled_for_password_managers(client):
    html = client.get("/en/accounts/login/").content.decode()
    assert '<label for="id_username">Email address</label>' in html
    assert 'autocomplete="username"' in html and 'autocomplete="current-password"' in html
    assert 'href="/en/accounts/password/reset/"' in html


def test_sign_in_with_email_in_any_case_goes_home_in_the_preferred_language(make_person):
    person = make_person(email="kofi@example.org", language="fr")
    client = Client()
    response = sign_in(client, "  KOFI@example.org ", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/fr/"
    assert client.session["_auth_user_id"] == str(person.pk)


def test_staff_sign_in_with_their_username():
    client = Client()
    assert sign_in(client, "editor", DEMO_PASSWORD).status_code == 302
    assert "_auth_user_id" in client.session


def test_wrong_password_is_refused_with_a_clear_message(person):
    client = Client()
    response = sign_in(client, person.email, "not-the-password")
    assert response.status_code == 200
    assert "The email address or the password is not correct." in response.content.decode()
    assert 'value="amina@example.org"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_throttled_per_ip_even_with_the_right_password(settings, person):
    settings.RATE_LIMITS = {"login": (3, 900)}
    client = Client()
    for number in range(3):
        sign_in(client, f"guess{number}@example.org", "nope")
    response = sign_in(client, person.email, PASSWORD)
    html = response.content.decode()
    assert response.status_code == 429
    assert "Too many attempts." in html and "15 minutes" in html
    assert "_auth_user_id" not in client.session
    # Someone else, elsewhere, can still sign in.
    assert sign_in(Client(REMOTE_ADDR="198.51.100.7"), person.email, PASSWORD).status_code == 302


def test_throttled_per_account_across_addresses(settings, person):
    settings.RATE_LIMITS = {"login": (3, 900)}
    for number in range(3):
        sign_in(Client(REMOTE_ADDR=f"203.0.113.{number}"), person.email.upper(), "nope")
    client = Client(REMOTE_ADDR="203.0.113.99")
    response = sign_in(client, person.email, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_throttle_message_is_in_the_visitors_language(settings, person):
    settings.RATE_LIMITS = {"login": (1, 900)}
    client = Client()
    client.post("/ar/accounts/login/", {"username": person.email, "password": "nope"})
    response = client.post("/ar/accounts/login/", {"username": person.email, "password": PASSWORD})
    assert response.status_code == 429
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_safe_next_is_followed_and_foreign_next_is_not(person):
    response = sign_in(Client(), person.email, PASSWORD, next="/en/accounts/settings/")
    assert response["Location"] == "/en/accounts/settings/"
    for evil in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        response = sign_in(Client(), person.email, PASSWORD, next=evil)
        assert response["Location"] == "/en/", evil


def test_login_page_carries_next_along(client):
    html = client.get("/en/accounts/login/?next=/en/accounts/export/").content.decode()
    assert '<input type="hidden" name="next" value="/en/accounts/export/">' in html


def test_inactive_accounts_cannot_sign_in(make_person):
    person = make_person(email="gone@example.org")
    person.is_active = False
    person.save()
    assert sign_in(Client(), "gone@example.org", PASSWORD).status_code == 200


def test_sign_out_needs_a_post(person_client):
    page = person_client.get("/en/accounts/logout/")
    assert page.status_code == 200
    assert "_auth_user_id" in person_client.session
    assert 'method="post" action="/en/accounts/logout/"' in page.content.decode()
    response = person_client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in person_client.session
    assert ">Sign in</a>" in person_client.get("/en/").content.decode()


def test_sign_out_needs_a_csrf_token(person):
    client = Client(enforce_csrf_checks=True)
    client.force_login(person, backend="participation.accounts.backends.EmailOrUsernameBackend")
    assert client.post("/en/accounts/logout/").status_code == 403
    assert "_auth_user_id" in client.session


def test_sign_in_needs_a_csrf_token(person):
    client = Client(enforce_csrf_checks=True)
    assert sign_in(client, person.email, PASSWORD).status_code == 403
