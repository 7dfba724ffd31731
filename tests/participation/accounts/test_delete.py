import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.test import Client

from participation.accounts.models import Person
from participation.accounts.services import delete_account
from participation.accounts.signals import account_deleted
from tests import factories

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
    assert person.is_active and person.participant.deleted_at is None


def test_deleting_removes_the_account_and_keeps_contributions(person, person_client, make_note, client):
    note = make_note(person, "My idea stays")
    other_device = factories.client_for(person)
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
    assert not User.objects.filter(pk=person.pk).exists()
    assert not Person.objects.filter(user_id=person.pk).exists()

    # Signed out everywhere.
    assert "_auth_user_id" not in person_client.session
    assert not any(s.get_decoded().get("_auth_user_id") == str(person.pk) for s in Session.objects.all())
    assert other_device.get("/en/accounts/settings/").status_code == 302

    # The contribution stays, signed "Deleted participant", linked to nobody.
    note.refresh_from_db()
    assert note.author_id is None
    assert str(note.author_name) == "Deleted participant"

    # Profile and export are gone; the old credentials do not work.
    assert client.get("/en/accounts/people/Amina/").status_code == 404
    assert person_client.post("/en/accounts/export/").status_code == 302
    assert Client().post("/en/accounts/login/", {"username": "amina@example.org", "password": PASSWORD}).status_code == 200
    # The nickname and the address are free for someone new.
    assert not Person.objects.filter(nickname_key="amina").exists()
    assert not User.objects.filter(email__iexact="amina@example.org").exists()


def test_a_host_that_protects_its_users_gets_an_emptied_row(person, make_note, keeper_model):
    """A host site's own model may refuse the deletion of users (on_delete=PROTECT): the row then
    stays for the host, with nothing personal on it and nothing of participation pointing at it."""
    person.is_staff = person.is_superuser = True
    person.save()
    person.groups.add(Group.objects.first())
    keeper_model.objects.create(user=person)
    note = make_note(person, "My idea stays")

    delete_account(person)

    person.refresh_from_db()
    assert person.username == f"deleted-{person.pk}"
    assert person.email == f"deleted-{person.pk}@invalid.example"
    assert not person.has_usable_password()
    assert not (person.is_active or person.is_staff or person.is_superuser or person.groups.exists())
    tombstone = Person.objects.get(user=person)
    assert (tombstone.nickname, tombstone.nickname_key, tombstone.full_name, tombstone.language) == (None, None, "", "")
    assert tombstone.deleted_at is not None
    note.refresh_from_db()
    assert note.author_id is None and str(note.author_name) == "Deleted participant"


def test_deletion_needs_a_csrf_token(person):
    client = Client(enforce_csrf_checks=True)
    client.force_login(person, backend="participation.accounts.backends.EmailOrUsernameBackend")
    assert client.post("/en/accounts/delete/", {"password": PASSWORD, "confirm": "on"}).status_code == 403
    assert User.objects.filter(pk=person.pk, is_active=True).exists()
