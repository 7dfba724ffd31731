"""A long thread comes in pages of conversations; a comment's permanent link opens its page."""

import re
from datetime import timedelta

import pytest
from django.utils import translation

from participation.comments.models import Comment
from participation.comments.queries import PER_PAGE
from participation.core import dates

from .helpers import comment_on, make_user

pytestmark = pytest.mark.django_db

TOTAL = PER_PAGE + 5


@pytest.fixture
def long_thread(topic):
    first = comment_on(topic, make_user("speaker"), "Conversation 000")
    # The rest as copies of the first, a minute apart (quicker than posting each one).
    copies = [
        Comment(
            author=first.author, dialogue_id=first.dialogue_id, content_type=first.content_type, object_id=first.object_id,
            body=f"Conversation {n:03d}", created_at=first.created_at + timedelta(minutes=n),
        )
        for n in range(1, TOTAL)
    ]
    return [first, *Comment.objects.bulk_create(copies)]


def shown(response):
    return re.findall(r"Conversation (\d{3})", response.content.decode())


def next_link(response):
    match = re.search(r'<a href="([^"]+)" rel="next">', response.content.decode())
    return match and match.group(1).replace("&amp;", "&")


def test_the_first_page_shows_a_page_of_conversations_and_counts_them_all(client, topic, long_thread):
    response = client.get(topic.url)
    html = response.content.decode()
    assert shown(response) == [f"{n:03d}" for n in range(PER_PAGE)]
    assert f"{TOTAL} comments" in html
    assert "Page 1 of 2" in html


def test_the_next_link_shows_the_rest_in_the_same_order(client, topic, long_thread):
    first = client.get(topic.url)
    second = client.get(next_link(first))
    assert shown(second) == [f"{n:03d}" for n in range(PER_PAGE, TOTAL)]
    assert 'rel="prev"' in second.content.decode() and next_link(second) is None


def test_newest_first_starts_with_the_latest(client, topic, long_thread):
    response = client.get(topic.url, {"comments": "newest"})
    assert shown(response)[:2] == [f"{TOTAL - 1:03d}", f"{TOTAL - 2:03d}"]
    # Paging keeps the order asked for.
    assert "comments=newest" in next_link(response)


def test_a_permanent_link_opens_the_page_that_holds_the_comment_and_its_replies(client, topic, long_thread):
    last = long_thread[-1]
    reply = comment_on(topic, make_user("answerer"), "A reply deep down the thread", parent=last)
    response = client.get(reply.get_absolute_url())
    html = response.content.decode()
    assert f'id="comment-{reply.pk}"' in html and f'id="comment-{last.pk}"' in html
    assert "Page 2 of 2" in html
    assert f'id="comment-{long_thread[0].pk}"' not in html


def test_a_page_number_out_of_range_shows_the_last_page(client, topic, long_thread):
    response = client.get(topic.url, {"comments_page": "99"})
    assert response.status_code == 200
    assert shown(response) == [f"{n:03d}" for n in range(PER_PAGE, TOTAL)]
    response = client.get(topic.url, {"comments_page": "nonsense", "comment": "not-a-number"})
    assert response.status_code == 200 and shown(response)[0] == "000"


def test_a_comment_in_another_script_reads_in_its_own_direction_with_the_pages_dates(client, topic, locales):
    author = make_user("Оксана")
    arabic = topic.get_translation(locales["ar"])
    comment = comment_on(arabic, author, "Як захистити дітей онлайн?")
    html = client.get(arabic.url).content.decode()
    # Its language is not recorded: the browser takes the direction from its first letters.
    assert '<div class="comment__text" dir="auto">Як захистити дітей онлайн?</div>' in html
    assert re.search(r'<bdi class="comment__author">(<a href="[^"]+">)?Оксана(</a>)?</bdi>', html)
    with translation.override("ar"):
        assert f">{dates.moment(comment.created_at)}</time>" in html
