"""While writing, similar proposals show up: trigram similarity on PostgreSQL, words elsewhere."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from participation.proposals.models import Proposal

from .conftest import client_for, make_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def existing(dialogue, author):
    return {
        "trees": make_proposal(dialogue, author, title="More trees along the city streets"),
        "transport": make_proposal(dialogue, author, title="Free public transport at weekends"),
        "withdrawn": make_proposal(dialogue, author, title="Trees in every city street", withdrawn_at=timezone.now()),
        "hidden": make_proposal(dialogue, author, title="Plant trees on city streets now", hidden_at=timezone.now()),
    }


def similar_titles(response):
    return [link.text.replace("(opens in a new tab)", "").strip() for link in BeautifulSoup(response.content, "html.parser").select("li a")]


def test_fragment_lists_similar_proposals(client, dialogue, existing):
    response = client.get(f"/en/dialogues/{dialogue.pk}/proposals/similar/", {"title": "Plant more trees in city streets"})
    assert response.status_code == 200
    assert similar_titles(response) == ["More trees along the city streets"]
    assert b"<html" not in response.content  # a fragment for the live region
    assert f"DLG-PROP-{existing['trees'].pk}".encode() in response.content


def test_fragment_says_when_nothing_is_similar(client, dialogue, existing):
    response = client.get(f"/en/dialogues/{dialogue.pk}/proposals/similar/", {"title": "Libraries open on Sundays"})
    assert similar_titles(response) == [] and "No similar proposal found." in response.content.decode()


def test_short_or_markup_titles_give_nothing(client, dialogue, existing):
    for title in ("", "ab", "<script>alert(1)</script>"):
        response = client.get(f"/en/dialogues/{dialogue.pk}/proposals/similar/", {"title": title})
        assert response.status_code == 200 and similar_titles(response) == []
    assert b"No similar proposal" not in client.get(f"/en/dialogues/{dialogue.pk}/proposals/similar/", {"title": "ab"}).content


def test_editing_leaves_the_proposal_itself_out(client, dialogue, existing):
    url = f"/en/dialogues/{dialogue.pk}/proposals/similar/"
    response = client.get(url, {"title": "More trees along the city streets", "exclude": existing["trees"].pk})
    assert similar_titles(response) == []
    assert client.get(url, {"title": "More trees along the city streets", "exclude": "nonsense"}).status_code == 200


def test_button_without_javascript_keeps_the_draft(dialogue, citizen, existing):
    response = client_for(citizen).post(
        f"/en/dialogues/{dialogue.pk}/proposals/new/",
        {"title": "Plant more trees in city streets", "body": "Shade in summer.", "language": "en", "check_similar": "1"},
    )
    html = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert [a.text.replace("(opens in a new tab)", "").strip() for a in html.select("#similar-proposals a")] == [
        "More trees along the city streets"
    ]
    assert html.select_one("#id_title")["value"] == "Plant more trees in city streets"
    assert html.select_one("textarea[name=body]").text.strip() == "Shade in summer."
    assert not html.select(".errorlist")
    assert not Proposal.objects.filter(title="Plant more trees in city streets").exists()


def test_form_has_the_live_region_for_scripts(dialogue, citizen):
    html = BeautifulSoup(client_for(citizen).get(f"/en/dialogues/{dialogue.pk}/proposals/new/").content, "html.parser")
    region = html.select_one("#similar-proposals")
    assert region["aria-live"] == "polite"
    assert region["data-similar-url"] == f"/en/dialogues/{dialogue.pk}/proposals/similar/"
