"""The in-site notifications: linked from the account menu with the unread count, listed newest
first, marked read, and never about a page the person may no longer see."""

import re

import pytest
from wagtail.models import PageViewRestriction

from participation.comments.services import post_comment
from participation.notifications import services
from participation.notifications.models import Notification
from participation.proposals.services import create_proposal
from tests.factories import client_for, make_person

pytestmark = pytest.mark.django_db
QUERIES = {}  # the list's query count at the first size, compared with the second


def badge(html):
    """The unread count in the account menu, or None."""
    match = re.search(r'href="/en/notifications/"><svg[^>]*>.*?</svg><span class="account-nav__label">Notifications</span> <span class="badge">(\d+)', html)
    return int(match.group(1)) if match else None


def comments_for(reader, page, count, capture):
    writer = make_person("writer")
    services.follow(reader, page)
    with capture(execute=True):
        for number in range(count):
            post_comment(writer, page, f"Thought number {number}.")


def test_the_account_menu_links_the_notifications_with_the_unread_count(topic, django_capture_on_commit_callbacks):
    reader = make_person("reader")
    client = client_for(reader)
    html = client.get(topic.url).content.decode()
    assert re.search(r'href="/en/notifications/"><svg[^>]*>.*?</svg><span class="account-nav__label">Notifications</span></a>', html)
    assert badge(html) is None
    comments_for(reader, topic, 2, django_capture_on_commit_callbacks)
    assert badge(client.get(topic.url).content.decode()) == 2


def test_the_list_is_newest_first_and_marking_read_clears_the_count(topic, django_capture_on_commit_callbacks):
    reader = make_person("reader")
    comments_for(reader, topic, 3, django_capture_on_commit_callbacks)
    client = client_for(reader)
    html = client.get("/en/notifications/").content.decode()
    assert html.index("Thought number 2.") < html.index("Thought number 1.") < html.index("Thought number 0.")
    assert html.count('class="notification notification--unread"') == 3
    assert f'href="{topic.url}"' in html
    response = client.post("/en/notifications/read/")
    assert (response.status_code, response["Location"]) == (302, "/en/notifications/")
    html = client.get("/en/notifications/").content.decode()
    assert "notification--unread" not in html and "Thought number 2." in html
    assert badge(html) is None
    assert not Notification.objects.filter(user=reader, read_at__isnull=True).exists()


def test_marking_read_needs_a_signed_in_post():
    assert client_for(make_person("reader")).get("/en/notifications/read/").status_code == 405
    response = client_for(None).post("/en/notifications/read/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_notifications_about_a_page_restricted_since_are_left_out(topic, django_capture_on_commit_callbacks):
    reader = make_person("reader")
    comments_for(reader, topic, 1, django_capture_on_commit_callbacks)
    client = client_for(reader)
    assert "Thought number 0." in client.get("/en/notifications/").content.decode()
    PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.GROUPS)
    html = client.get("/en/notifications/").content.decode()
    assert "Thought number 0." not in html and topic.title not in html.split("<main", 1)[1].split("What you follow")[0]


@pytest.mark.parametrize("count", [2, 12])
def test_the_list_costs_the_same_queries_whatever_its_length(topic, dialogue, count, django_capture_on_commit_callbacks, django_assert_max_num_queries):
    reader = make_person("reader")
    comments_for(reader, topic, count // 2, django_capture_on_commit_callbacks)
    proposer = make_person("proposer")
    services.follow(reader, dialogue)
    with django_capture_on_commit_callbacks(execute=True):
        proposals = [create_proposal(proposer, dialogue, title=f"Proposal {n}", body="Body.") for n in range(count // 2)]
        services.follow(reader, proposals[0])
        post_comment(proposer, proposals[0], "On the proposal.")
    client = client_for(reader)
    client.get("/en/notifications/")  # warm: sessions, content types, site root
    with django_assert_max_num_queries(16) as captured:
        html = client.get("/en/notifications/").content.decode()
    assert html.count('class="notification notification--unread"') == count + 1
    assert len(captured) == QUERIES.setdefault("list", len(captured))



def close(page, how):
    if how == "unpublished":
        page.unpublish()
    elif how == "password-protected":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="open sesame")
    else:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)


@pytest.mark.parametrize("how", ["unpublished", "restricted to a group", "password-protected"])
def test_the_unread_count_leaves_out_pages_closed_since(topic, dialogue, how, django_capture_on_commit_callbacks):
    reader = make_person("reader")
    comments_for(reader, topic, 2, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.follow(reader, dialogue)
        create_proposal(make_person("proposer"), dialogue, title="Still open", body="Body.")
    client = client_for(reader)
    assert badge(client.get("/en/").content.decode()) == 3
    close(topic, how)
    html = client.get("/en/notifications/").content.decode()
    assert badge(html) == 1  # only the proposal's, on the dialogue still open
    assert "Still open" in html and "Thought number" not in html


@pytest.mark.parametrize("count", [2, 12])
def test_the_unread_count_costs_the_same_queries_whatever_the_number(topic, count, django_capture_on_commit_callbacks, django_assert_max_num_queries):
    reader = make_person("reader")
    comments_for(reader, topic, count, django_capture_on_commit_callbacks)
    client = client_for(reader)
    client.get("/en/")  # warm: sessions, content types, site root, cached fragments
    with django_assert_max_num_queries(20) as captured:
        html = client.get("/en/").content.decode()
    assert badge(html) == count
    assert len(captured) == QUERIES.setdefault("header", len(captured))
