"""People for the security suite. Their data lives in the per-test transaction, like the rest of
the suite: the seeded demo (tests/conftest.py) is shared, nothing here outlives a test."""

import pytest

from tests.factories import PASSWORD, client_for, make_moderator, make_person  # noqa: F401 (used by the suite)

def make_superuser():
    return make_person("root", is_staff=True, is_superuser=True)


@pytest.fixture
def citizen(db):
    return make_person("citizen")


@pytest.fixture
def author(db):
    return make_person("author")


@pytest.fixture
def moderator(db):
    return make_moderator()
