import json

import pytest
from django.db import transaction
from django.test import Client

from participation.accounts.queries import personal_data_models

pytestmark = pytest.mark.django_db


def download(client, method="post"):
    if method == "post":
        response = client.post("/en/accounts/export/")
    else:
        response = client.get("/en/accounts/export/?download=1")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="dialogue-my-data-')
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
    return json.loads(response.content)


def test_the_export_page_has_a_download_button(person_client):
    html = person_client.get("/en/accounts/export/").content.decode()
    assert '<form method="post" action="/en/accounts/export/">' in html
    assert "Download my data" in html


def test_export_needs_a_signed_in_person(client):
    response = client.post("/en/accounts/export/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize("method", ["post", "get"])
def test_export_holds_the_profile_and_every_personal_row(person, person_client, make_person, make_note, note_model, method):
    mine = [make_note(person, "First idea"), make_note(person, "Second idea")]
    theirs = make_note(make_person(), "Not mine")

    data = download(person_client, method)

    profile = data["profile"]
    assert profile["id"] == person.pk
    assert profile["email"] == "amina@example.org"
    assert profile["nickname"] == "Amina"
    assert profile["full_name"] == "Amina Private-Surname"
    assert "password" not in profile and "nickname_key" not in profile
    assert person.password not in json.dumps(data)

    # Discovered, not listed: every participation model pointing at people has its section.
    labels = {model._meta.label_lower for model, _fields in personal_data_models()}
    assert "participation_accounts.testnote" in labels
    assert set(data["data"]) == labels
    notes = data["data"]["participation_accounts.testnote"]
    assert sorted(row["pk"] for row in notes) == sorted(note.pk for note in mine)
    assert {row["fields"]["body"] for row in notes} == {"First idea", "Second idea"}
    assert theirs.pk not in [row["pk"] for row in notes]


def test_export_includes_rows_of_other_apps_when_they_point_at_the_person(person, person_client):
    # Whatever other participation models are installed when this runs: fill one row for each
    # model whose only required relation is the person, and expect to find it.
    created = {}
    for model, fields in personal_data_models():
        if model._meta.app_label == "participation_accounts":
            continue
        try:
            with transaction.atomic():
                created[model._meta.label_lower] = model._default_manager.create(**{fields[0]: person}).pk
        except Exception:  # noqa: BLE001 - the model needs more than a person; skip it
            continue
    assert created, "no participation model besides accounts could be filled with just a person"
    data = download(person_client)
    for label, pk in created.items():
        assert pk in [row["pk"] for row in data["data"][label]], label


def test_export_needs_a_csrf_token_for_post(person):
    client = Client(enforce_csrf_checks=True)
    client.force_login(person, backend="participation.accounts.backends.EmailOrUsernameBackend")
    assert client.post("/en/accounts/export/").status_code == 403
