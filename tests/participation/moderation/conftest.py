import pytest

from tests.participation.comments.helpers import comment_on, make_moderator, make_user


@pytest.fixture
def alice(db):
    return make_user("alice")


@pytest.fixture
def bob(db):
    return make_user("bob")


@pytest.fixture
def moderator(db):
    return make_moderator()


@pytest.fixture
def comment(topic, alice):
    return comment_on(topic, alice, "Buy cheap watches at https://spam.example")
