import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from participation.accounts import rules as account_rules  # noqa: F401 - registers the rules
from people.wagtail_users import UserCreationForm, UserEditForm

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()


def account_nav(html):
    return re.search(r'<nav class="account-nav[^"]*".*?</nav>', html, re.S).group(0)


def test_signed_out_header_offers_sign_in_and_sign_up(client, topic):
    nav = account_nav(client.get(topic.url).content.decode())
    assert f'href="/en/accounts/login/?next={topic.url}"' in nav
    assert 'href="/en/accounts/signup/"' in nav
    assert "Sign out" not in nav


def test_signed_in_header_links_profile_settings_and_a_sign_out_form(person_client):
    nav = account_nav(person_client.get("/fr/").content.decode())
    assert 'href="/fr/accounts/people/Amina/"' in nav
    assert 'href="/fr/accounts/settings/"' in nav
    assert re.search(r'<form class="account-nav__sign-out" method="post" action="/fr/accounts/logout/">\s*<input type="hidden" name="csrfmiddlewaretoken"', nav)
    assert "Sign in" not in nav


def test_header_is_per_person_even_when_page_fragments_are_cached(topic, person, make_person):
    anonymous = Client()
    anonymous.get(topic.url)  # fills the fragment caches
    signed_in = Client()
    signed_in.force_login(person, backend="participation.accounts.backends.EmailOrUsernameBackend")
    assert "/accounts/people/Amina/" in signed_in.get(topic.url).content.decode()
    other = Client()
    other.force_login(make_person(nickname="Bongani"), backend="participation.accounts.backends.EmailOrUsernameBackend")
    html = other.get(topic.url).content.decode()
    assert "/accounts/people/Bongani/" in html and "Amina" not in html
    assert "/accounts/people/" not in anonymous.get(topic.url).content.decode()


def test_staff_without_nickname_see_their_name_and_no_profile_link(editor_client):
    nav = account_nav(editor_client.get("/en/").content.decode())
    assert "<span>editor</span>" in nav
    assert "/accounts/people/" not in nav


def test_view_profile_rule(person, make_person):
    anonymous = Client().get("/").wsgi_request.user
    assert anonymous.has_perm("participation_accounts.view_profile", person.participant)
    pending = make_person(is_active=False)
    assert not anonymous.has_perm("participation_accounts.view_profile", pending.participant)


@pytest.fixture
def admin_client(db):
    User.objects.create_superuser("root", "root@example.org", PASSWORD)
    client = Client()
    client.login(username="root", password=PASSWORD)
    return client


def test_wagtail_user_admin_lists_creates_and_edits_users(admin_client, person):
    assert admin_client.get("/admin/users/").status_code == 200
    response = admin_client.post(
        "/admin/users/new/",
        {
            "username": "newstaff",
            "email": "newstaff@example.org",
            "first_name": "New",
            "last_name": "Staff",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.filter(username="newstaff", email="newstaff@example.org").exists()
    assert admin_client.get(f"/admin/users/edit/{person.pk}/").status_code == 200
    # The email stays unique whatever its case, with a message rather than an error page.
    response = admin_client.post(
        "/admin/users/new/",
        {"username": "dupe", "email": "AMINA@example.org", "first_name": "A", "last_name": "B", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="dupe").exists()


def test_the_user_admin_makes_names_optional(person):
    data = {"username": person.username, "email": person.email, "is_active": "on"}
    assert UserEditForm(data, instance=person).is_valid()
    form = UserCreationForm({"username": "helper", "email": "helper@example.org", "password1": PASSWORD, "password2": PASSWORD})
    assert form.is_valid(), form.errors


def test_an_admin_corrects_a_nickname_and_the_same_rules_hold(admin_client, person, make_person):
    make_person(nickname="Taken")
    url = f"/admin/snippets/participation_accounts/person/edit/{person.participant.pk}/"
    data = {"nickname": "Amina_2", "full_name": "A. P.", "language": "fr"}
    assert admin_client.post(url, data).status_code == 302
    person.refresh_from_db()
    assert (person.participant.nickname, person.participant.nickname_key, person.participant.full_name) == ("Amina_2", "amina_2", "A. P.")

    for nickname in ("TAKEN", "<b>x</b>"):
        response = admin_client.post(url, {**data, "nickname": nickname})
        assert response.status_code == 200 and response.context["form"].errors["nickname"]
    person.refresh_from_db()
    assert person.participant.nickname == "Amina_2"
