"""The proposal page, the dialogue page's summary and the comment count."""

import types

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from participation.proposals import receivers, views
from participation.proposals.models import Proposal

from .conftest import client_for, configure, make_proposal, moderation_permission

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_permanent_address_and_reference(client, proposal, dialogue):
    assert proposal.get_absolute_url() == f"/en/proposals/{proposal.pk}/"
    assert proposal.reference == f"DLG-PROP-{proposal.pk}"
    configure(dialogue, reference_prefix="WTI")
    fresh = Proposal.objects.get(pk=proposal.pk)
    html = soup(client.get(f"/fr/proposals/{proposal.pk}/"))
    assert fresh.reference == f"WTI-PROP-{proposal.pk}"
    assert html.select_one(".proposal__reference").text == f"WTI-PROP-{proposal.pk}"
    assert html.select_one("h1").text == proposal.title


def test_body_is_plain_text(client, dialogue, author):
    proposal = make_proposal(dialogue, author, body="First line\nSecond line with <i>tags</i><script>alert(1)</script>")
    body = soup(client.get(proposal.get_absolute_url())).select_one(".proposal__body")
    assert body.select("br") and body.select_one("i") is None and body.select_one("script") is None
    assert body.text.startswith("First line")


def test_special_characters_show_as_typed(client, dialogue, author):
    proposal = make_proposal(dialogue, author, body="Prices < 5 € & fair")
    assert soup(client.get(proposal.get_absolute_url())).select_one(".proposal__body").text == "Prices < 5 € & fair"


def test_links_in_the_body_are_clickable(client, dialogue, author):
    proposal = make_proposal(dialogue, author, body="See https://example.org/plan")
    link = soup(client.get(proposal.get_absolute_url())).select_one(".proposal__body a")
    assert link["href"] == "https://example.org/plan" and "nofollow" in link["rel"]


def test_language_is_marked_when_it_differs_from_the_page(client, dialogue, author):
    proposal = make_proposal(dialogue, author, title="مقاعد في الحديقة", body="نحتاج إلى أماكن للراحة.", language="ar")
    html = soup(client.get(proposal.get_absolute_url()))
    assert html.select_one(".proposal__body")["lang"] == "ar" and html.select_one(".proposal__body")["dir"] == "rtl"
    assert html.select_one("h1")["lang"] == "ar"
    same = soup(client.get(f"/ar/proposals/{proposal.pk}/"))
    assert not same.select_one(".proposal__body").has_attr("lang")


def test_author_and_topic(client, dialogue, topic, author, locales):
    proposal = make_proposal(dialogue, author, topic=topic)
    html = soup(client.get(f"/fr/proposals/{proposal.pk}/"))
    facts = html.select_one(".proposal-meta").text
    assert author.participant.nickname in facts and topic.get_translation(locales["fr"]).title in facts
    proposal.author = None
    proposal.save()
    assert "Deleted participant" in soup(client.get(f"/en/proposals/{proposal.pk}/")).select_one(".proposal-meta").text


def test_hidden_proposal_shows_a_placeholder(client, dialogue, author, citizen):
    proposal = make_proposal(dialogue, author, title="Rude title", body="Rude body", hidden_at=timezone.now())
    for viewer in (client, client_for(citizen), client_for(author)):
        page = viewer.get(proposal.get_absolute_url()).content.decode()
        assert "Hidden by moderation" in page and "Rude title" not in page and "Rude body" not in page


def test_moderators_still_see_hidden_text(dialogue, author, moderator):
    proposal = make_proposal(dialogue, author, title="Rude title", hidden_at=timezone.now())
    page = client_for(moderator).get(proposal.get_absolute_url()).content.decode()
    assert "Rude title" in page and "only moderators and editors see this text" in page


def test_unknown_proposal_is_404(client):
    assert client.get("/en/proposals/999999/").status_code == 404


def test_comments_render_only_when_the_comments_app_offers_its_tag(client, proposal, monkeypatch):
    present = views.comments_available()
    page = client.get(proposal.get_absolute_url())
    assert page.status_code == 200
    monkeypatch.setattr(views, "comments_available", lambda: False)
    without = client.get(proposal.get_absolute_url())
    assert without.status_code == 200 and b'id="comments"' not in without.content
    if present:
        assert b'id="comments"' in page.content


def test_comment_count_follows_anything_that_targets_a_proposal(proposal):
    # Called as the signal calls it; any contribution with a `target` counts when it is a proposal.
    receivers.count_comment(sender=object, instance=types.SimpleNamespace(target=proposal))
    receivers.count_comment(sender=object, instance=types.SimpleNamespace(target=proposal))
    receivers.count_comment(sender=object, instance=types.SimpleNamespace(target="a page"))
    receivers.count_comment(sender=Proposal, instance=proposal)  # a new proposal is no comment
    proposal.refresh_from_db()
    assert proposal.comment_count == 2


def test_comments_app_comments_are_counted(client, proposal, citizen, django_capture_on_commit_callbacks):
    comments = pytest.importorskip("participation.comments.services")
    if not hasattr(comments, "post_comment"):
        pytest.skip("the comments app has no post_comment service")
    with django_capture_on_commit_callbacks(execute=True):
        comments.post_comment(citizen, proposal, "I agree, and benches need shade.")
    proposal.refresh_from_db()
    assert proposal.comment_count == 1
    listing = soup(client.get(f"/en/dialogues/{proposal.dialogue_id}/proposals/"))
    facts = {div.dt.text: div.dd.text for div in listing.select(".proposal-meta div")}
    assert facts["Comments"] == "1"


def test_dialogue_page_summarises_proposals(client, dialogue, author, locales):
    make_proposal(dialogue, author, title="One")
    make_proposal(dialogue, author, title="Two")
    make_proposal(dialogue, author, title="Hidden", hidden_at=timezone.now())
    html = soup(client.get(dialogue.url))
    summary = html.select_one(".proposals-summary")
    assert summary.h2.text == "Proposals (2)"
    links = {a.text: a["href"] for a in summary.select("a")}
    assert links == {
        "See all proposals": f"/en/dialogues/{dialogue.pk}/proposals/",
        "Make a proposal": f"/en/dialogues/{dialogue.pk}/proposals/new/",
    }
    french = dialogue.get_translation(locales["fr"])
    french_summary = soup(client.get(french.url)).select_one(".proposals-summary")
    assert "(2)" in french_summary.h2.text
    assert french_summary.select_one("a")["href"] == f"/fr/dialogues/{french.pk}/proposals/"


def test_summary_hides_the_form_link_when_closed(client, dialogue):
    configure(dialogue, proposals_open_phases=[])
    summary = soup(client.get(dialogue.url)).select_one(".proposals-summary")
    assert [a.text for a in summary.select("a")] == ["See all proposals"]


def test_moderation_permission_fixture_is_real(moderator):
    assert moderator.has_perm(f"participation_moderation.{moderation_permission().codename}")


def test_a_withdrawn_proposal_keeps_its_thread_closed(proposal, citizen):
    from participation.comments.models import Comment, target_content_type

    client = client_for(citizen)
    assert b'id="comment-body-new"' in client.get(proposal.get_absolute_url()).content
    Proposal.objects.filter(pk=proposal.pk).update(withdrawn_at=timezone.now())
    html = client.get(proposal.get_absolute_url()).content.decode()
    assert "Comments are closed." in html and 'id="comment-body-new"' not in html
    data = {"content_type": target_content_type(proposal).pk, "object_id": proposal.pk, "body": "Still here?"}
    assert client.post("/en/comments/new/", data).status_code == 403
    assert not Comment.objects.exists()
