"""Fixtures for account tests: people, and a throwaway Contribution model.

Proposals and comments are other apps; the accounts app must work with whatever contribution
models exist. The `note_model` fixture registers a concrete Contribution subclass (and creates
its table) for one test module, then removes both, so profiles and exports are tested against a
model accounts has never heard of."""

from contextlib import contextmanager

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models

from participation.core.models import Contribution
from tests import factories

PASSWORD = factories.PASSWORD


def _build_note_model():
    class Meta:
        app_label = "participation_accounts"
        verbose_name = "test note"

    def __str__(self):
        return self.body

    def get_absolute_url(self):
        return f"/en/test-notes/{self.pk}/"

    return type(
        "TestNote",
        (Contribution,),
        {
            "__module__": __name__,
            "Meta": Meta,
            "body": models.TextField(),
            "__str__": __str__,
            "get_absolute_url": get_absolute_url,
        },
    )


@contextmanager
def temporary_table(model, django_db_blocker):
    """The model's table for the duration, then neither table nor model remain registered."""
    with django_db_blocker.unblock():
        # Outside the per-test transaction: SQLite cannot change its schema inside one.
        with connection.schema_editor() as editor:
            editor.create_model(model)
    try:
        yield model
    finally:
        with django_db_blocker.unblock():
            with connection.schema_editor() as editor:
                editor.delete_model(model)
        del apps.all_models[model._meta.app_label][model._meta.model_name]
        apps.clear_cache()
        ContentType.objects.clear_cache()


@pytest.fixture(scope="module")
def note_model(django_db_setup, django_db_blocker):
    with temporary_table(_build_note_model(), django_db_blocker) as model:
        yield model


@pytest.fixture(scope="module")
def keeper_model(django_db_setup, django_db_blocker):
    """A host site's model that protects users from deletion (in the site's own app, not
    participation's)."""

    class Meta:
        app_label = "people"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    with temporary_table(type("Keeper", (models.Model,), {"__module__": __name__, "Meta": Meta, "user": user}), django_db_blocker) as model:
        yield model


@pytest.fixture
def make_note(note_model, dialogue):
    def make(author, body="A note", **fields):
        return note_model.objects.create(author=author, dialogue=dialogue, body=body, **fields)

    return make


@pytest.fixture
def make_person(db):
    """An active, confirmed citizen account (tests.factories.make_person)."""
    return factories.make_person


@pytest.fixture
def person(make_person):
    return make_person("amina", nickname="Amina", email="amina@example.org", full_name="Amina Private-Surname", language="en")


@pytest.fixture
def person_client(person):
    return factories.client_for(person)
