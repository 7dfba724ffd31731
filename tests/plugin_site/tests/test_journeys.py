"""A citizen's and a moderator's journeys through Townhall, over HTTP only: what a browser sees."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from web import PASSWORD, form_action, link, sign_up, submit

pytestmark = pytest.mark.django_db


def propose(client, consultation, title="A bike lane on Main Street", body="Safer for children going to school."):
    page = client.get(consultation.url).content.decode()
    response = submit(client, link(page, r"/dialogues/\d+/proposals/new/"), {"title": title, "body": body, "language": "en"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def comment(client, proposal_url, text):
    response = submit(client, proposal_url, {"body": text}, action="/comments/new/")
    assert response.status_code == 302


def test_sign_up_confirm_by_email_sign_out_and_in_again():
    client = Client()
    response = submit(
        client,
        "/accounts/signup/",
        {"email": "lena@example.org", "nickname": "Lena", "password1": PASSWORD, "password2": PASSWORD, "accept_terms": "on"},
    )
    assert response.status_code == 302
    # Not signed in until the address is confirmed.
    assert client.get("/accounts/settings/").status_code == 302

    [message] = mail.outbox
    assert message.to == ["lena@example.org"]
    assert "Townhall" in message.subject and "Dialogue" not in message.body
    confirm = re.search(r"http://testserver(/accounts/confirm/\S+/)", message.body).group(1)
    assert submit(client, confirm, {}).status_code == 302
    assert client.get("/accounts/settings/").status_code == 200
    # The person is one of the host's own users.
    assert get_user_model().objects.get(email="lena@example.org").is_active

    assert submit(client, "/accounts/logout/", {}, action="/accounts/logout/").status_code == 302
    assert client.get("/accounts/settings/").status_code == 302
    signed_in = submit(Client(), "/accounts/login/", {"username": "lena@example.org", "password": PASSWORD})
    assert signed_in.status_code == 302
    wrong = submit(Client(), "/accounts/login/", {"username": "lena@example.org", "password": "not-it"})
    assert wrong.status_code == 200 and "_auth_user_id" not in wrong.client.session


def test_propose_support_and_comment(consultation):
    author = sign_up("lena@example.org", "Lena")
    proposal_url = propose(author, consultation)
    page = author.get(proposal_url).content.decode()
    assert "A bike lane on Main Street" in page and "Lena" in page

    supporter = sign_up("omar@example.org", "Omar")
    support_url = form_action(supporter.get(proposal_url).content.decode(), r"/proposals/\d+/support/")
    assert supporter.post(support_url).status_code == 302
    assert "<strong>1</strong> person supports this proposal" in supporter.get(proposal_url).content.decode()
    # A second click does not count twice.
    supporter.post(support_url)
    assert "<strong>1</strong> person supports this proposal" in Client().get(proposal_url).content.decode()

    comment(supporter, proposal_url, "Yes, and a crossing near the school.")
    public = Client().get(proposal_url).content.decode()
    assert "Yes, and a crossing near the school." in public and "Omar" in public
    # The consultation lists it.
    listing = Client().get(link(Client().get(consultation.url).content.decode(), r"/dialogues/\d+/proposals/")).content.decode()
    assert "A bike lane on Main Street" in listing


def test_proposals_close_with_the_hosts_phase(consultation):
    author = sign_up("lena@example.org", "Lena")
    new_proposal = link(author.get(consultation.url).content.decode(), r"/dialogues/\d+/proposals/new/")
    consultation.phase = "results"
    consultation.save_revision().publish()
    page = author.get(consultation.url).content.decode()
    assert new_proposal not in page
    author.post(new_proposal, {"title": "Too late", "body": "After the results.", "language": "en"})
    listing = Client().get(link(page, r"/dialogues/\d+/proposals/")).content.decode()
    assert "Too late" not in listing


def test_report_then_a_moderator_hides_the_comment_in_the_admin_queue(consultation, moderator):
    author = sign_up("lena@example.org", "Lena")
    proposal_url = propose(author, consultation)
    troll = sign_up("troll@example.org", "Troll")
    comment(troll, proposal_url, "Buy cheap watches at spam.example")

    reader = sign_up("omar@example.org", "Omar")
    # The proposal has its own report link; the comment's comes after it, with the comment.
    report_url = re.findall(r'href="(/moderation/report/\d+/\d+/)"', reader.get(proposal_url).content.decode())[-1]
    reported = submit(reader, report_url, {"reason": "spam", "note": "Advertising"})
    assert reported.status_code in (200, 302)

    staff = Client()
    assert submit(staff, "/admin/login/", {"username": "moderator", "password": PASSWORD}).status_code == 302
    queue = staff.get("/admin/moderation/").content.decode()
    assert "Buy cheap watches" in queue
    item_url = link(queue, r"/admin/moderation/\d+/\d+/")
    assert submit(staff, item_url, {"action": "hide", "reason": "Advertising"}).status_code == 302

    public = Client().get(proposal_url).content.decode()
    assert "Buy cheap watches" not in public
    # The public sees that something was hidden.
    assert "hidden by moderation" in Client().get(consultation.url).content.decode()
