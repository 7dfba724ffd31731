"""People for the security suite. Their data lives in the per-test transaction, like the rest of
the suite: the seeded demo (tests/conftest.py) is shared, nothing here outlives a test."""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

MODERATORS = "Moderators (participation)"
PASSWORD = "a-Long-and-Unusual-password-42"
_numbers = itertools.count(1)


def make_person(nickname=None, **fields):
    """An active, confirmed citizen who accepted the terms (what sign-up + confirmation make)."""
    number = next(_numbers)
    nickname = nickname or f"citizen{number}"
    values = {
        "username": f"sec-{nickname}-{number}",
        "email": f"sec-{nickname}-{number}@example.org",
        "nickname": f"{nickname}{number}",
        "is_active": True,
        "email_confirmed_at": timezone.now(),
        "accepted_terms_at": timezone.now(),
        "language": "en",
        **fields,
    }
    user = get_user_model()(**values)
    user.set_password(PASSWORD)
    user.save()
    return user


def make_moderator(nickname="moderator"):
    user = make_person(nickname)
    user.groups.add(Group.objects.get(name=MODERATORS))
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


def make_superuser():
    return make_person("root", is_staff=True, is_superuser=True)


def client_for(user, **kwargs):
    client = Client(**kwargs)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def citizen(db):
    return make_person("citizen")


@pytest.fixture
def author(db):
    return make_person("author")


@pytest.fixture
def moderator(db):
    return make_moderator()
