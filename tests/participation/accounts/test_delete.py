import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client

from participation.accounts.services import delete_account
from participation.accounts.signals import account_deleted

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_the_delete_page_asks_for_password_and_confirmation(person_client):
    html = person_client.get("/en/accounts/delete/").content.decode()
    assert 'autocomplete="current-password"' in html
    assert 'type="checkbox" name="confirm"' in html
    assert "<legend>Confirm the deletion</legend>" in html


@pytest.mark.parametrize(
    "data, message",
    [
        ({"password": "wrong", "confirm": "on"}, "This password is not correct."),
        ({"password": PASSWORD}, "Please tick the box to confirm"),
    ],
)
def test_deletion_needs_the_password_and_the_box(person, person_client, data, message):
    response = person_client.post("/en/accounts/delete/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    person.refresh_from_db()
    assert person.participant.deleted_at is None and person.is_active


def test_deleting_anonymises_the_account_and_keeps_contributions(person, person_client, make_note, client):
    note = make_note(person, "My idea stays")
    other_device = Client()
    other_device.force_login(person, backend="participation.accounts.backends.EmailOrUsernameBackend")
    received = []

    def receiver(sender, user, **kwargs):
        received.append(user.pk)

    account_deleted.connect(receiver)
    try:
        response = person_client.post("/en/accounts/delete/", {"password": PASSWORD, "confirm": "on"})
    finally:
        account_deleted.disconnect(receiver)

    assert response.status_code == 302
    assert received == [person.pk]
    person.refresh_from_db()
    assert person.username == f"deleted-{person.pk}"
    assert person.email == f"deleted-{person.pk}@invalid.example"
    assert person.participant.nickname is None and person.participant.nickname_key is None
    assert person.participant.full_name == "" and person.participant.language == ""
    assert not person.has_usable_password()
    assert not person.is_active and person.participant.deleted_at is not None

    # Signed out everywhere.
    assert "_auth_user_id" not in person_client.session
    assert not any(s.get_decoded().get("_auth_user_id") == str(person.pk) for s in Session.objects.all())
    assert other_device.get("/en/accounts/settings/").status_code == 302

    # The contribution stays, signed "Deleted participant".
    note.refresh_from_db()
    assert note.author_id == person.pk
    assert str(note.author_name) == "Deleted participant"

    # Profile and export are gone; the old credentials do not work.
    assert client.get("/en/accounts/people/Amina/").status_code == 404
    assert person_client.post("/en/accounts/export/").status_code == 302
    assert Client().post("/en/accounts/login/", {"username": "amina@example.org", "password": PASSWORD}).status_code == 200
    # The nickname and the address are free for someone new.
    assert not User.objects.filter(participant__nickname_key="amina").exists()
    assert not User.objects.filter(email__iexact="amina@example.org").exists()


def test_deleting_removes_roles(make_person):
    staff = make_person(is_staff=True, is_superuser=True)
    from django.contrib.auth.models import Group

    staff.groups.add(Group.objects.first())
    delete_account(staff)
    staff.refresh_from_db()
    assert not staff.is_staff and not staff.is_superuser
    assert not staff.groups.exists()


def test_deletion_needs_a_csrf_token(person):
    client = Client(enforce_csrf_checks=True)
    client.force_login(person, backend="participation.accounts.backends.EmailOrUsernameBackend")
    assert client.post("/en/accounts/delete/", {"password": PASSWORD, "confirm": "on"}).status_code == 403
    person.refresh_from_db()
    assert person.participant.deleted_at is None
