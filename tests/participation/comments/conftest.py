import pytest

from .helpers import make_moderator, make_user


@pytest.fixture
def alice(db):
    return make_user("alice")


@pytest.fixture
def bob(db):
    return make_user("bob")


@pytest.fixture
def moderator(db):
    return make_moderator()
