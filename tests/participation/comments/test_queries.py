"""The thread costs the same number of queries with 5 comments or 60 (no N+1)."""

import pytest

from participation.comments.services import vote

from .helpers import client_for, comment_on, make_user

pytestmark = pytest.mark.django_db

# The whole topic page with a warm fragment cache. Wagtail serving the page takes 11 queries;
# the thread adds two (its shape, then the comments on the page). Signed in: session and user, the reader's votes, whether
# they are blocked, their permissions (two). Two spare for the site's own header growing.
MAX_QUERIES_ANONYMOUS = 12 + 2
MAX_QUERIES_SIGNED_IN = 18 + 2


def fill(topic, count, authors):
    parents = []
    for number in range(count):
        author = authors[number % len(authors)]
        # A third of the comments are replies, some of them replies to replies.
        parent = parents[-1] if parents and number % 3 == 0 else None
        comment = comment_on(topic, author, f"Comment number {number} https://example.org/{number}", parent=parent)
        if comment.depth < 3:
            parents.append(comment)
    return parents


@pytest.mark.parametrize("count", [5, 60])
def test_signed_in_thread_queries_do_not_grow(django_assert_max_num_queries, topic, count):
    authors = [make_user(f"writer{n}") for n in range(4)]
    reader = make_user("reader")
    comments = fill(topic, count, authors)
    for comment in comments[::2]:
        vote(reader, comment, 1)
    client = client_for(reader)
    client.get(topic.url)  # warm the briefing's fragment cache
    with django_assert_max_num_queries(MAX_QUERIES_SIGNED_IN):
        response = client.get(topic.url)
    assert response.content.decode().count('class="comment comment--depth-') == count


@pytest.mark.parametrize("count", [5, 60])
def test_anonymous_thread_queries_do_not_grow(django_assert_max_num_queries, client, topic, count):
    fill(topic, count, [make_user(f"writer{n}") for n in range(3)])
    client.get(topic.url)
    with django_assert_max_num_queries(MAX_QUERIES_ANONYMOUS):
        response = client.get(topic.url)
    assert response.content.decode().count('class="comment comment--depth-') == count


def test_same_number_of_queries_for_5_and_60_comments(topic):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    authors = [make_user(f"author{n}") for n in range(3)]
    reader = make_user("reader")
    client = client_for(reader)
    counts = []
    for total in (5, 60):
        fill(topic, total - len(counts and range(5) or []), authors)
        client.get(topic.url)
        with CaptureQueriesContext(connection) as captured:
            client.get(topic.url)
        counts.append(len(captured))
    assert counts[0] == counts[1]
