"""Schemathesis against the public API's own OpenAPI schema: every operation, generated input.

No input may cause a server error, and every answer must match what the schema promises
(status codes, content types, bodies). The schema is the one /api/v1/openapi.json serves (checked
below), read from the API object so that loading it needs no database at import time."""

import json

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from config.wsgi import application
from participation.api.api import api
from participation.comments.services import post_comment
from participation.proposals.models import Proposal
from tests.factories import make_session
from tests.security.conftest import make_person

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = application


@pytest.fixture(autouse=True)
def test_connection_kept():
    """Schemathesis calls the WSGI app directly, whose request signals would close the test's
    connection in the middle of its transaction; Django's test client disconnects them too."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture(autouse=True)
def unthrottled(settings):
    """Hundreds of generated requests from one address: the fuzzing explores inputs, not the
    rate limit (tests/participation/api/test_rate_limit.py covers it; the schema documents 429)."""
    settings.RATE_LIMITS = {"api": (10**6, 60)}


@pytest.fixture(autouse=True)
def contributions(dialogue, topic):
    author = make_person("schema-author")
    make_session(topic, title="Slot 1", capacity=10, address="Town hall", mode="hybrid")
    make_session(topic, address="Private", address_is_private=True)
    for number in range(3):
        proposal = Proposal.objects.create(dialogue=dialogue, author=author, title=f"Idea {number}", body="Why and how.")
        post_comment(author, proposal, f"A comment on idea {number}.")


def test_the_fuzzed_schema_is_the_served_one(client):
    served = client.get("/api/v1/openapi.json")
    assert served.status_code == 200
    assert json.loads(served.content) == json.loads(json.dumps(api.get_openapi_schema()))


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_breaks_the_api(case):
    case.call_and_validate()
