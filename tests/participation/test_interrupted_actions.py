"""An action asked for while signed out (support, follow, comment, report) is not lost at sign-in:
supports and follows are done then, checked again; a comment or a report waits in its form."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from participation.comments.models import Comment
from participation.core.pending import SESSION_KEY
from participation.moderation.models import Report
from participation.notifications.models import Follow
from participation.proposals.models import Proposal, Support
from tests.factories import PASSWORD, comment_on, make_person, make_proposal

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


def sign_in(client, response, person):
    """The sign-in form the refused action led to, filled in; returns where it leads."""
    assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/?next=")
    signed_in = client.post(response["Location"], {"username": person.email, "password": PASSWORD})
    assert signed_in.status_code == 302
    return signed_in["Location"]


@pytest.fixture
def proposal(dialogue):
    return make_proposal(dialogue, make_person("author"))


def test_a_support_asked_signed_out_is_recorded_at_sign_in(proposal):
    reader, client = make_person("reader"), Client()
    response = client.post(f"/en/proposals/{proposal.pk}/support/", {"next": "https://elsewhere.example/"})
    assert not Support.objects.exists()
    back = sign_in(client, response, reader)
    assert back == proposal.get_absolute_url()  # never the `next` the form carried
    assert Support.objects.filter(user=reader, proposal=proposal).exists()
    assert Proposal.objects.get(pk=proposal.pk).support_count == 1
    page = client.get(back).content.decode()
    assert "Thank you: you support this proposal." in page and "Withdraw my support" in page
    assert SESSION_KEY not in client.session


def test_the_support_is_checked_again_at_sign_in(proposal, dialogue):
    """The dialogue closed to a group the person is not in meanwhile: nothing is recorded."""
    reader, client = make_person("reader"), Client()
    response = client.post(f"/en/proposals/{proposal.pk}/support/")
    restriction = PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Panel members"))
    back = sign_in(client, response, reader)
    assert not Support.objects.exists()
    assert client.get(back).status_code == 404


def test_the_author_signing_in_does_not_support_their_own_proposal(proposal):
    client = Client()
    sign_in(client, client.post(f"/en/proposals/{proposal.pk}/support/"), proposal.author)
    assert not Support.objects.exists()


def test_a_support_asked_before_signing_up_is_recorded_once_the_address_is_confirmed(proposal):
    client = Client()
    client.post(f"/en/proposals/{proposal.pk}/support/")
    data = {"email": "nadia@example.org", "nickname": "Nadia", "full_name": "", "password1": PASSWORD, "password2": PASSWORD, "accept_terms": "on", "website": ""}
    assert client.post("/en/accounts/signup/", data).status_code == 302
    link = re.search(r"https?://[^/\s]+(/\S+/accounts/confirm/\S+/)", mail.outbox[-1].body).group(1)
    response = client.post(link)
    assert response["Location"] == proposal.get_absolute_url()
    assert Support.objects.filter(user__email="nadia@example.org", proposal=proposal).exists()


def test_csrf_still_guards_the_signed_out_post(proposal):
    client = Client(enforce_csrf_checks=True)
    assert client.post(f"/en/proposals/{proposal.pk}/support/").status_code == 403
    assert SESSION_KEY not in client.session


def test_a_script_gets_401_and_nothing_is_kept(proposal):
    client = Client()
    response = client.post(f"/en/proposals/{proposal.pk}/support/", **JSON)
    assert response.status_code == 401 and response.json()["error"]
    assert SESSION_KEY not in client.session


def test_a_follow_offered_signed_out_is_done_at_sign_in(dialogue):
    reader, client = make_person("reader"), Client()
    page_type = ContentType.objects.get_for_model(Page).pk
    follow = f"/en/notifications/follow/{page_type}/{dialogue.pk}/"
    assert f'href="{follow}"' in client.get(dialogue.url).content.decode()
    offer = client.get(follow).content.decode()
    assert "Sign in to follow" in offer and 'name="csrfmiddlewaretoken"' in offer
    back = sign_in(client, client.post(follow), reader)
    assert back == dialogue.url
    assert Follow.objects.filter(user=reader, content_type_id=page_type, object_id=dialogue.pk).count() == 1
    assert "You follow this now" in client.get(back).content.decode()


def test_a_follow_kept_for_a_page_closed_since_is_not_done(dialogue, topic):
    reader, client = make_person("reader"), Client()
    follow = f"/en/notifications/follow/{ContentType.objects.get_for_model(Page).pk}/{topic.pk}/"
    response = client.post(follow)
    Page.objects.filter(pk=topic.pk).update(live=False)
    sign_in(client, response, reader)
    assert not Follow.objects.exists()


def test_a_follow_of_a_page_hidden_from_the_reader_is_not_offered(topic):
    PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.LOGIN)
    follow = f"/en/notifications/follow/{ContentType.objects.get_for_model(Page).pk}/{topic.pk}/"
    client = Client()
    assert client.get(follow).status_code == 404 and client.post(follow).status_code == 404
    assert SESSION_KEY not in client.session


def test_a_comment_sent_signed_out_waits_in_the_form_after_sign_in(topic):
    reader, client = make_person("reader"), Client()
    parent = comment_on(topic, make_person("writer"), "Who keeps our data?")
    text = "I <think> the city should keep it & publish the rules."
    data = {"content_type": ContentType.objects.get_for_model(Page).pk, "object_id": topic.pk, "body": text, "parent": parent.pk}
    response = client.post("/en/comments/new/", data)
    back = sign_in(client, response, reader)
    assert back == f"{topic.url}#comments"
    assert not Comment.objects.filter(author=reader).exists()  # they post it themselves
    html = client.get(back).content.decode()
    form = html.split('class="comment-form"')[1].split("</form>")[0]
    assert unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", form, re.S).group(1)) == text
    assert f'name="parent" value="{parent.pk}"' in form  # still a reply to the same comment
    assert "It is not posted yet" in html
    assert text not in unescape(client.get(back).content.decode())  # handed over once


def test_a_report_sent_signed_out_waits_in_its_form_after_sign_in(topic):
    reader, client = make_person("reader"), Client()
    comment = comment_on(topic, make_person("writer"), "Buy cheap pills here")
    report = f"/en/moderation/report/{ContentType.objects.get_for_model(Comment).pk}/{comment.pk}/"
    response = client.post(report, {"reason": "spam", "note": "Selling pills"})
    back = sign_in(client, response, reader)
    assert back == report
    assert not Report.objects.exists()
    html = client.get(back).content.decode()
    assert re.search(r'<input[^>]*value="spam"[^>]*checked|<input[^>]*checked[^>]*value="spam"', html)
    assert ">Selling pills</textarea>" in html
