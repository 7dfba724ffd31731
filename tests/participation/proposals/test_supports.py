"""Supporting: once per person, withdrawable, limited, per phase; always a clear answer."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from participation.proposals import services
from participation.proposals.models import Support

from .conftest import client_for, configure, make_proposal, make_user

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


def support_url(proposal):
    return f"/en/proposals/{proposal.pk}/support/"


def unsupport_url(proposal):
    return f"/en/proposals/{proposal.pk}/support/withdraw/"


def count(proposal):
    proposal.refresh_from_db()
    return proposal.support_count


def test_supporting_without_javascript(proposal, citizen):
    client = client_for(citizen)
    response = client.post(support_url(proposal))
    assert response.status_code == 302 and response["Location"] == proposal.get_absolute_url()
    assert count(proposal) == 1
    page = client.get(response["Location"]).content.decode()
    assert "Thank you: you support this proposal." in page
    assert "You support this proposal." in page and "Withdraw my support" in page


def test_supporting_twice_counts_once_and_says_so(proposal, citizen):
    client = client_for(citizen)
    client.post(support_url(proposal))
    response = client.post(support_url(proposal), follow=True)
    assert response.status_code == 200
    assert "You already support this proposal." in response.content.decode()
    assert count(proposal) == 1 and Support.objects.count() == 1


def test_supporting_with_javascript_returns_the_new_count(proposal, citizen):
    client = client_for(citizen)
    response = client.post(support_url(proposal), **JSON)
    data = response.json()
    assert response.status_code == 200
    assert data["supported"] is True and data["support_count"] == 1
    assert "Withdraw my support" in data["html"] and "<strong>1</strong>" in data["html"]
    again = client.post(support_url(proposal), **JSON)
    assert again.status_code == 409 and again.json() == {"error": "You already support this proposal."}
    assert count(proposal) == 1


def test_withdrawing_a_support(proposal, citizen):
    client = client_for(citizen)
    client.post(support_url(proposal))
    response = client.post(unsupport_url(proposal), **JSON)
    assert response.status_code == 200 and response.json()["supported"] is False
    assert count(proposal) == 0 and not Support.objects.exists()
    again = client.post(unsupport_url(proposal), **JSON)
    assert again.status_code == 409 and "do not support" in again.json()["error"]
    assert count(proposal) == 0


def test_support_limit_per_dialogue(dialogue, author, citizen):
    configure(dialogue, support_limit=2)
    proposals = [make_proposal(dialogue, author, title=f"Idea {n}") for n in range(3)]
    client = client_for(citizen)
    page = client.get(proposals[0].get_absolute_url()).content.decode()
    assert "2 of 2 supports left in this dialogue" in page
    for proposal in proposals[:2]:
        assert client.post(support_url(proposal), **JSON).status_code == 200
    refused = client.post(support_url(proposals[2]), **JSON)
    assert refused.status_code == 409
    assert refused.json()["error"] == "You have used all 2 of your supports in this dialogue. Withdraw one to support this proposal."
    assert count(proposals[2]) == 0
    assert "0 of 2 supports left in this dialogue" in client.get(proposals[2].get_absolute_url()).content.decode()
    # Withdrawing one frees a support.
    client.post(unsupport_url(proposals[0]))
    assert client.post(support_url(proposals[2]), **JSON).status_code == 200


def test_supports_on_withdrawn_proposals_do_not_use_up_the_limit(dialogue, author, citizen):
    configure(dialogue, support_limit=1)
    first, second = make_proposal(dialogue, author, title="First"), make_proposal(dialogue, author, title="Second")
    services.cast_support(citizen, first)
    services.withdraw_proposal(author, first)
    assert services.cast_support(citizen, second).support_count == 1


def test_supports_closed_in_this_phase(proposal, citizen):
    configure(proposal.dialogue, supports_open_phases=["dialogue"])
    client = client_for(citizen)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Supporting is closed in the current phase of this dialogue." in page
    assert "Support this proposal" not in page
    response = client.post(support_url(proposal), **JSON)
    assert response.status_code == 403 and response.json()["error"] == "Supporting is closed in the current phase of this dialogue."
    response = client.post(support_url(proposal), follow=True)
    assert "Supporting is closed" in response.content.decode()
    assert count(proposal) == 0


def test_withdrawing_a_support_is_closed_with_supports(proposal, citizen):
    services.cast_support(citizen, proposal)
    configure(proposal.dialogue, supports_open_phases=[])
    response = client_for(citizen).post(unsupport_url(proposal), **JSON)
    assert response.status_code == 403 and count(proposal) == 1


def test_authors_cannot_support_their_own_proposal(proposal, author):
    client = client_for(author)
    assert "You cannot support your own proposal." in client.get(proposal.get_absolute_url()).content.decode()
    response = client.post(support_url(proposal), **JSON)
    assert response.status_code == 403 and response.json()["error"] == "You cannot support your own proposal."
    assert count(proposal) == 0


def test_withdrawn_and_hidden_proposals_cannot_be_supported(dialogue, author, citizen):
    withdrawn = make_proposal(dialogue, author, title="Withdrawn", withdrawn_at=timezone.now())
    hidden = make_proposal(dialogue, author, title="Hidden", hidden_at=timezone.now())
    client = client_for(citizen)
    response = client.post(support_url(withdrawn), **JSON)
    assert response.status_code == 403 and response.json()["error"] == "This proposal was withdrawn by its author."
    response = client.post(support_url(hidden), **JSON)
    assert response.status_code == 403 and response.json()["error"] == "This proposal was hidden by moderation."
    assert count(withdrawn) == count(hidden) == 0


def test_visitors_are_asked_to_sign_in(client, proposal):
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Support this proposal" in page and "You will be asked to sign in first." in page
    response = client.post(support_url(proposal))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    response = client.post(support_url(proposal), **JSON)
    assert response.status_code == 401 and response.json() == {"error": "Please sign in first."}
    assert count(proposal) == 0


def test_support_needs_post(proposal, citizen):
    assert client_for(citizen).get(support_url(proposal)).status_code == 405


def test_support_without_csrf_token_is_refused(proposal, citizen):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    assert client.post(support_url(proposal)).status_code == 403
    assert count(proposal) == 0


def test_rate_limit(dialogue, author, citizen, settings):
    settings.RATE_LIMITS = {"support": (1, 60)}
    first, second = make_proposal(dialogue, author, title="One"), make_proposal(dialogue, author, title="Two")
    client = client_for(citizen)
    assert client.post(support_url(first), **JSON).status_code == 200
    response = client.post(support_url(second), **JSON)
    assert response.status_code == 429 and "wait a minute" in response.json()["error"]
    assert count(second) == 0


def test_progress_towards_the_threshold(proposal, citizen):
    configure(proposal.dialogue, support_threshold=100)
    services.cast_support(citizen, proposal)
    html = BeautifulSoup(client_for(citizen).get(proposal.get_absolute_url()).content, "html.parser")
    progress = html.select_one("progress")
    assert progress["max"] == "100" and progress["value"] == "1"
    assert html.select_one(f"label[for={progress['id']}]").text == "1 of 100 supports needed"


def test_no_progress_bar_without_threshold(proposal, citizen):
    assert b"<progress" not in client_for(citizen).get(proposal.get_absolute_url()).content


def test_a_deleted_persons_supports_still_count_pointing_at_nobody(proposal):
    supporter = make_user()
    services.cast_support(supporter, proposal)
    get_user_model().objects.filter(pk=supporter.pk).delete()
    assert count(proposal) == 1
    assert list(Support.objects.filter(proposal=proposal).values_list("user_id", flat=True)) == [None]


def test_redirects_only_to_this_site(proposal, citizen):
    response = client_for(citizen).post(support_url(proposal), {"next": "https://evil.example/"})
    assert response["Location"] == proposal.get_absolute_url()


def test_publishing_new_phases_opens_and_closes_supporting_at_once(proposal, citizen, dialogue):
    """The current phase is cached per published revision: an editor's change shows on the
    next request, not a minute later."""
    import datetime

    from content.models import DialoguePhase

    configure(dialogue, supports_open_phases=["dialogue"])
    client = client_for(citizen)
    assert client.post(support_url(proposal), **JSON).status_code == 403  # demo dialogue: not in its dialogue phase
    today = timezone.localdate()
    dialogue.phases.all().delete()
    dialogue.phases.add(DialoguePhase(kind="dialogue", starts_on=today - datetime.timedelta(days=1)))
    dialogue.save_revision().publish()
    response = client.post(support_url(proposal), **JSON)
    assert response.status_code == 200 and count(proposal) == 1


def test_supporting_a_proposal_that_does_not_exist_is_a_404(citizen):
    response = client_for(citizen).post("/en/proposals/999999/support/", **JSON)
    assert response.status_code == 404
