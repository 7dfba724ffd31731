"""The public API and the open-data CSV files are rate-limited per client address: past the limit
in settings.RATE_LIMITS, 429 with Retry-After and a JSON reason; other clients are unaffected, and
the next window serves again."""

import pytest
from django.test import Client

from participation.api.api import api

from tests.security.test_rate_limits import later, limit

pytestmark = pytest.mark.django_db


def assert_limited(response, period):
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= period
    assert "Too many requests" in response.json()["error"]


@pytest.mark.parametrize("url", ["/api/v1/", "/api/v1/dialogues", "/api/v1/no-such-thing"])
def test_the_api(settings, url):
    limit(settings, "api", 2, 60)
    client = Client(REMOTE_ADDR="198.51.100.1")
    for _request in range(2):
        assert client.get(url).status_code in (200, 404)
    assert_limited(client.get(url), 60)
    assert Client(REMOTE_ADDR="198.51.100.2").get(url).status_code in (200, 404)
    with later(60):
        assert client.get(url).status_code in (200, 404)


def test_the_reason_is_in_the_clients_language(settings):
    limit(settings, "api", 1, 60)
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.get("/api/v1/")
    error = client.get("/api/v1/").json()["error"]
    assert "Trop de requêtes" in error


def test_open_data_downloads(settings, dialogue):
    limit(settings, "open_data", 2, 60)
    client = Client()
    urls = [f"/en/open-data/dialogues/{dialogue.pk}/{name}.csv" for name in ("proposals", "comments")]
    for url in urls:
        assert client.get(url).status_code == 200
    assert_limited(client.get(f"/en/open-data/dialogues/{dialogue.pk}/counts.csv"), 60)
    assert client.get("/en/open-data/").status_code == 200  # the page itself is not a download


def test_the_schema_promises_429_on_every_operation():
    for path, operations in api.get_openapi_schema()["paths"].items():
        assert 429 in operations["get"]["responses"], path
