"""The read-only API and the open-data downloads describe the host's dialogue and what citizens wrote."""

import csv
import io

import pytest
from django.test import Client

from web import link, sign_up, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal_url(consultation):
    author = sign_up("lena@example.org", "Lena")
    page = author.get(consultation.url).content.decode()
    response = submit(author, link(page, r"/dialogues/\d+/proposals/new/"), {"title": "More benches", "body": "In the park.", "language": "en"})
    assert response.status_code == 302
    return response["Location"]


def test_the_api_lists_the_hosts_dialogue_and_its_proposals(client, consultation, proposal_url):
    index = client.get("/api/v1/").json()
    dialogues = client.get(index["dialogues"]).json()
    [dialogue] = [item for item in dialogues["items"] if item["title"] == "Town budget 2027"]
    detail = client.get(f"/api/v1/dialogues/{dialogue['id']}").json()
    assert detail["title"] == "Town budget 2027"
    proposals = client.get(f"/api/v1/dialogues/{dialogue['id']}/proposals").json()
    assert [item["title"] for item in proposals["items"]] == ["More benches"]
    assert client.post("/api/v1/dialogues").status_code == 405
    assert client.get("/api/v1/no-such-thing").json()["error"]


def test_open_data_downloads_the_proposals_as_csv(consultation, proposal_url):
    index = Client().get("/open-data/").content.decode()
    assert "Town budget 2027" in index
    response = Client().get(link(index, r"/open-data/dialogues/\d+/proposals\.csv[^\"]*"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(row["title"], row["author"]) for row in rows] == [("More benches", "Lena")]
