"""Authors edit until someone supports or the organisers answer; they may withdraw."""

import pytest
from bs4 import BeautifulSoup

from participation.proposals import services
from participation.proposals.models import Proposal, ProposalState

from .conftest import client_for, configure

pytestmark = pytest.mark.django_db


def edit_url(proposal):
    return f"/en/proposals/{proposal.pk}/edit/"


def withdraw_url(proposal):
    return f"/en/proposals/{proposal.pk}/withdraw/"


def test_author_edits_with_the_form_prefilled(proposal, author, topic):
    client = client_for(author)
    html = BeautifulSoup(client.get(edit_url(proposal)).content, "html.parser")
    assert html.select_one("#id_title")["value"] == proposal.title
    assert html.select_one("textarea[name=body]").text.strip() == proposal.body
    response = client.post(edit_url(proposal), {"title": "Benches and shade", "body": "Trees too.", "topic": topic.pk, "language": "en"})
    assert response.status_code == 302 and response["Location"] == proposal.get_absolute_url()
    proposal.refresh_from_db()
    assert (proposal.title, proposal.body, proposal.topic_id) == ("Benches and shade", "Trees too.", topic.pk)
    assert proposal.edited_at is not None
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Your changes are saved." in page and "(edited)" in page


def test_edit_link_only_for_the_author(proposal, author, citizen):
    assert "Edit your proposal" in client_for(author).get(proposal.get_absolute_url()).content.decode()
    assert "Edit your proposal" not in client_for(citizen).get(proposal.get_absolute_url()).content.decode()


def test_editing_someone_elses_proposal_is_forbidden(proposal, citizen):
    client = client_for(citizen)
    response = client.get(edit_url(proposal))
    assert response.status_code == 403
    assert "Only the author of a proposal can edit it." in response.content.decode()
    response = client.post(edit_url(proposal), {"title": "Hijacked", "body": "Mine now.", "language": "en"})
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.title == "More benches in the park"


def test_no_editing_once_supported(proposal, author, citizen):
    services.cast_support(citizen, proposal)
    client = client_for(author)
    response = client.get(edit_url(proposal))
    assert response.status_code == 403
    assert "can no longer be edited: people support it or it has an official answer" in response.content.decode()
    assert client.post(edit_url(proposal), {"title": "Changed", "body": "Changed.", "language": "en"}).status_code == 403
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Edit your proposal" not in page and "This proposal can no longer be edited" in page


def test_no_editing_once_answered(proposal, author):
    services.answer_proposal(proposal, state=ProposalState.objects.get(kind="evaluating"), text="")
    assert client_for(author).get(edit_url(proposal)).status_code == 403


def test_no_editing_when_proposals_are_closed(proposal, author):
    configure(proposal.dialogue, proposals_open_phases=[])
    response = client_for(author).get(edit_url(proposal))
    assert response.status_code == 403 and "Proposals are closed" in response.content.decode()


def test_bad_edit_keeps_the_text(proposal, author):
    response = client_for(author).post(edit_url(proposal), {"title": "", "body": "Kept body", "language": "en"})
    assert response.status_code == 400
    assert BeautifulSoup(response.content, "html.parser").select_one("textarea[name=body]").text.strip() == "Kept body"


def test_withdrawing_asks_first(proposal, author):
    client = client_for(author)
    response = client.get(withdraw_url(proposal))
    html = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert html.select_one("main form[method=post] button").text == "Yes, withdraw it"
    assert html.select_one("main form input[name=csrfmiddlewaretoken]") is not None
    proposal.refresh_from_db()
    assert proposal.withdrawn_at is None  # a GET changes nothing


def test_withdrawn_proposal_stays_visible_and_marked(client, proposal, author, dialogue):
    author_client = client_for(author)
    response = author_client.post(withdraw_url(proposal))
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.withdrawn_at is not None
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert proposal.title in page and "Withdrawn by its author on" in page
    assert "Support this proposal" not in page
    listing = client.get(f"/en/dialogues/{dialogue.pk}/proposals/").content.decode()
    assert proposal.title in listing and "Withdrawn" in listing
    again = author_client.post(withdraw_url(proposal))
    assert again.status_code == 403 and "already withdrawn" in again.content.decode()


def test_only_the_author_withdraws(proposal, citizen):
    response = client_for(citizen).post(withdraw_url(proposal))
    assert response.status_code == 403 and "Only the author of a proposal can withdraw it." in response.content.decode()
    assert Proposal.objects.get(pk=proposal.pk).withdrawn_at is None


def test_no_withdrawing_after_an_official_answer(proposal, author):
    services.answer_proposal(proposal, state=ProposalState.objects.get(kind="accepted"), text="Done.")
    response = client_for(author).post(withdraw_url(proposal))
    assert response.status_code == 403 and "official answer" in response.content.decode()


def test_visitor_is_sent_to_sign_in(client, proposal):
    assert client.get(edit_url(proposal)).status_code == 302
    assert client.post(withdraw_url(proposal)).status_code == 302
    assert Proposal.objects.get(pk=proposal.pk).withdrawn_at is None
