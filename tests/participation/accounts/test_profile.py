import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from participation.accounts.models import Person
from participation.accounts.queries import contribution_models

pytestmark = pytest.mark.django_db


def test_profile_lists_visible_contributions_of_every_model_newest_first(client, person, make_person, make_note, note_model):
    now = timezone.now()
    make_note(person, "Older note", created_at=now - timedelta(days=2))
    make_note(person, "Newest note", created_at=now)
    make_note(person, "Hidden note", hidden_at=now)
    make_note(make_person(), "Someone else's note")
    assert note_model in contribution_models()

    response = client.get("/en/accounts/people/Amina/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 dir="auto">Amina</h1>' in html
    assert "2 contributions" in html
    assert html.index("Newest note") < html.index("Older note")
    assert "Hidden note" not in html and "Someone else" not in html
    assert "Test note" in html  # the model's verbose name
    assert re.search(r'<a href="/en/test-notes/\d+/"[^>]*>Newest note</a>', html)
    assert f'datetime="{now.isoformat()[:19]}' in html


def test_profile_never_shows_private_data(client, person, make_note):
    make_note(person)
    html = client.get("/en/accounts/people/Amina/").content.decode()
    assert "Private-Surname" not in html
    assert "amina@example.org" not in html
    assert person.username not in html


def test_profile_is_paginated(client, person, make_note):
    start = timezone.now()
    for number in range(25):
        make_note(person, f"Note number {number:02d}", created_at=start + timedelta(minutes=number))
    first = client.get("/en/accounts/people/Amina/").content.decode()
    assert "Note number 24" in first and "Note number 05" in first and "Note number 04" not in first
    assert "Page 1 of 2" in first
    second = client.get("/en/accounts/people/Amina/?page=2").content.decode()
    assert "Note number 04" in second and "Note number 00" in second and "Note number 05" not in second
    assert 'rel="prev"' in second
    assert client.get("/en/accounts/people/Amina/?page=3").status_code == 404
    assert client.get("/en/accounts/people/Amina/?page=abc").status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_profile_query_count_does_not_grow_with_contributions(client, person, make_note, django_assert_max_num_queries, count):
    for number in range(count):
        make_note(person, f"Note {number}")
    client.get("/en/accounts/people/Amina/")  # warm the site caches
    # The person, one query per contribution model, and the page frame (content version, site,
    # menu, languages).
    with django_assert_max_num_queries(8 + len(contribution_models())):
        response = client.get("/en/accounts/people/Amina/")
    assert response.status_code == 200


def test_profile_address_is_case_insensitive_and_redirects_to_the_real_spelling(client, person):
    response = client.get("/en/accounts/people/AMINA/?page=1")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/people/Amina/?page=1"


def test_unicode_nickname_profile(client, make_person):
    make_person(nickname="Оксана")
    response = client.get("/uk/accounts/people/%D0%BE%D0%BA%D1%81%D0%B0%D0%BD%D0%B0/", follow=True)
    assert response.status_code == 200
    assert '<h1 dir="auto">Оксана</h1>' in response.content.decode()


def test_unknown_unconfirmed_or_deleted_people_have_no_profile(client, make_person):
    assert client.get("/en/accounts/people/nobody/").status_code == 404
    pending = make_person(nickname="pending", is_active=False)
    assert client.get("/en/accounts/people/pending/").status_code == 404
    get_user_model().objects.filter(pk=pending.pk).update(is_active=True)
    Person.objects.filter(user=pending).update(deleted_at=timezone.now())
    assert client.get("/en/accounts/people/pending/").status_code == 404


def test_markup_in_a_nickname_is_escaped_on_the_profile_and_in_the_header(make_person, make_note):
    # Sign-up refuses such a nickname; an account from elsewhere (admin, import) might still have one.
    evil = make_person(nickname="<script>alert(1)</script>", full_name="<img src=x onerror=alert(2)>")
    make_note(evil, "<b>bold</b> note")
    client = Client()
    client.force_login(evil, backend="participation.accounts.backends.EmailOrUsernameBackend")
    html = client.get("/en/accounts/people/%3Cscript%3Ealert(1)%3C/script%3E/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt; note" in html
    assert "onerror" not in html
    header = Client()
    header.force_login(evil, backend="participation.accounts.backends.EmailOrUsernameBackend")
    home = header.get("/en/").content.decode()
    assert "<script>alert(1)</script>" not in home
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in home
