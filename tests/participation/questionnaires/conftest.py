import pytest
from django.test import override_settings

from tests.factories import make_person, make_questionnaire


@pytest.fixture
def questionnaire(dialogue):
    return make_questionnaire(dialogue)


@pytest.fixture
def people(db):
    return [make_person(f"respondent{n}") for n in range(12)]


@pytest.fixture
def k3():
    """A mixing pool of k = 3, so tests fill batches with few people."""
    with override_settings(QUESTIONNAIRE_MIX_BATCH=3):
        yield 3
