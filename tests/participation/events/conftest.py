import pytest

from tests.factories import make_person, make_session


@pytest.fixture
def session(dialogue):
    return make_session(dialogue, title="Slot 1", capacity=2, join_url="https://meet.example.org/abc", meeting_id="812 555", passcode="kyiv")


@pytest.fixture
def people(db):
    return [make_person(f"citizen{n}") for n in range(5)]
