"""Fixtures for proposal tests: people in every role, proposals, dialogue settings."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from participation.proposals.models import DialogueSettings
from tests.factories import client_for, make_person, make_proposal  # noqa: F401 (used by this package's tests)

# What content/translators.ensure_editor_group should grant (see the app's report).
EDITOR_PERMISSIONS = [
    "view_proposal",
    "change_proposal",
    "view_proposalanswer",
    "change_proposalanswer",
    "delete_proposalanswer",
    "view_proposalstate",
    "add_proposalstate",
    "change_proposalstate",
    "delete_proposalstate",
    "view_dialoguesettings",
    "add_dialoguesettings",
    "change_dialoguesettings",
]


def make_user(name=None, **extra):
    return make_person(name or "citizen", **extra)


def configure(dialogue, **values):
    settings_row, _created = DialogueSettings.objects.update_or_create(dialogue=dialogue, defaults=values)
    return settings_row


def moderation_permission():
    return Permission.objects.get(content_type__app_label="participation_moderation", codename="moderate")


@pytest.fixture
def author(db):
    return make_user("author")


@pytest.fixture
def citizen(db):
    return make_user("citizen")


@pytest.fixture
def moderator(db):
    user = make_user("moderator")
    user.user_permissions.add(moderation_permission())
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def editor(db):
    """The demo editor, with the proposal permissions this app asks the Editors group to get."""
    group = Group.objects.get(name="Editors")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="participation_proposals", codename__in=EDITOR_PERMISSIONS))
    return get_user_model().objects.get(username="editor")


@pytest.fixture
def proposal(dialogue, author):
    return make_proposal(dialogue, author)
