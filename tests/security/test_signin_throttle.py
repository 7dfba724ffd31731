"""Every place a password is checked is throttled per account and per client address, not only the
site's own form: Wagtail's admin login, its front-end login, the page-password form and the admin
password reset. Behind proxies, the client address is the one the trusted proxies saw: rotating the
client-written part of X-Forwarded-For buys no new attempts."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from participation.core import ratelimit

from .conftest import PASSWORD, make_person
from .test_rate_limits import later, limit

pytestmark = pytest.mark.django_db


def admin_login(client, username, password):
    return client.post("/admin/login/", {"username": username, "password": password})


def test_the_admin_login_is_throttled_per_account_even_with_the_right_password(settings):
    limit(settings, "login", 2, 900)
    editor = make_person("throttled-editor", is_staff=True, is_superuser=True)
    for number in range(2):
        assert admin_login(Client(REMOTE_ADDR=f"198.51.100.{number}"), editor.email, "wrong").status_code == 200
    client = Client(REMOTE_ADDR="198.51.100.99")  # a new address: the account's count still holds
    response = admin_login(client, editor.email, PASSWORD)
    assert response.status_code == 429 and response["Retry-After"] == "900"
    assert "Too many attempts." in response.content.decode()
    assert "_auth_user_id" not in client.session
    with later(900):
        assert admin_login(client, editor.email, PASSWORD).status_code == 302


def test_the_admin_login_is_throttled_per_address_across_accounts(settings):
    limit(settings, "login", 2, 900)
    client = Client()
    for number in range(2):
        assert admin_login(client, f"guess-{number}@example.org", "wrong").status_code == 200
    assert admin_login(client, "guess-3@example.org", "wrong").status_code == 429


def test_attempts_on_one_account_add_up_across_the_sites_and_wagtails_forms(settings):
    limit(settings, "login", 2, 900)
    person = make_person("both-doors")
    assert Client(REMOTE_ADDR="198.51.100.1").post("/en/accounts/login/", {"username": person.email, "password": "x"}).status_code == 200
    assert admin_login(Client(REMOTE_ADDR="198.51.100.2"), person.email, "x").status_code == 200
    response = Client(REMOTE_ADDR="198.51.100.3").post("/en/accounts/login/", {"username": person.email, "password": PASSWORD})
    assert response.status_code == 429


def test_wagtails_front_end_login_is_throttled(settings):
    limit(settings, "login", 2, 900)
    person = make_person("front-end")
    client = Client()
    for _attempt in range(2):
        assert client.post("/en/_util/login/", {"username": person.email, "password": "wrong"}).status_code == 200
    response = client.post("/en/_util/login/", {"username": person.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_page_password_form_is_throttled_per_address_and_per_page(settings, dialogue):
    limit(settings, "page_password", 2, 900)
    limit(settings, "page_password_page", 4, 900)
    restriction = PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    url = f"/en/_util/authenticate_with_password/{restriction.pk}/{dialogue.pk}/"

    def attempt(address, password="wrong"):
        return Client(REMOTE_ADDR=address).post(url, {"password": password, "return_url": dialogue.url})

    first = Client(REMOTE_ADDR="198.51.100.1")
    for _attempt in range(2):
        assert first.post(url, {"password": "wrong", "return_url": dialogue.url}).status_code == 200
    response = first.post(url, {"password": "s3cret", "return_url": dialogue.url})
    assert response.status_code == 429 and response["Retry-After"] == "900"
    assert attempt("198.51.100.2").status_code == 200  # another address: its own count...
    assert attempt("198.51.100.3", "s3cret").status_code == 429  # ...but the page's total is reached


def test_the_admin_password_reset_is_throttled(settings, mailoutbox):
    limit(settings, "password_reset", 2, 3600)
    person = make_person("forgetful", is_staff=True)
    for number in range(2):
        assert Client(REMOTE_ADDR=f"198.51.100.{number}").post("/admin/password_reset/", {"email": person.email}).status_code == 302
    response = Client(REMOTE_ADDR="198.51.100.9").post("/admin/password_reset/", {"email": person.email})
    assert response.status_code == 429
    assert len(mailoutbox) <= 2


def behind_proxy(leftmost, client_address):
    """A request through one proxy: the client wrote `leftmost`, the proxy appended what it saw."""
    return Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"{leftmost}, {client_address}")


def test_rotating_the_leftmost_forwarded_address_does_not_bypass_the_limit(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    limit(settings, "login", 2, 900)
    for number in range(2):
        assert behind_proxy(f"192.0.2.{number}", "203.0.113.7").post("/admin/login/", {"username": f"a{number}", "password": "x"}).status_code == 200
    assert behind_proxy("192.0.2.50", "203.0.113.7").post("/admin/login/", {"username": "a9", "password": "x"}).status_code == 429
    # Another person behind the same proxy has their own count.
    assert behind_proxy("192.0.2.50", "203.0.113.8").post("/admin/login/", {"username": "a10", "password": "x"}).status_code == 200


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        (0, "192.0.2.1, 203.0.113.7", "10.0.0.1"),  # no proxy trusted: the header is the client's word
        (1, "192.0.2.1, 203.0.113.7", "203.0.113.7"),
        (2, "192.0.2.1, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (2, "203.0.113.7", "203.0.113.7"),  # fewer values than proxies: the only one there is
        (1, "", "10.0.0.1"),
    ],
)
def test_the_client_address_is_counted_from_the_right(settings, rf, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert ratelimit.client_ip(request) == expected
