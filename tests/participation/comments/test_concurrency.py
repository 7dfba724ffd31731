"""Vote counts stay exact when many people vote at once (threads, PostgreSQL row locks)."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from participation.comments.models import Comment, CommentVote, target_content_type
from participation.comments.services import vote

from .helpers import committed, make_user, run_together

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"),
]


@pytest.fixture
def committed_comment(topic):
    """A comment and twelve voters, committed so that every thread sees them; removed after."""
    tag = uuid.uuid4().hex[:8]

    def create():
        author = make_user(f"author-{tag}")
        voters = [make_user(f"voter{n}-{tag}") for n in range(12)]
        comment = Comment.objects.create(
            author=author,
            dialogue_id=topic.get_parent().pk,
            content_type=target_content_type(topic),
            object_id=topic.pk,
            body="Vote for me",
        )
        return comment, voters

    comment, voters = committed(create)
    yield comment, voters
    committed(lambda: (Comment.objects.filter(pk=comment.pk).delete(), get_user_model().objects.filter(participant__nickname__endswith=tag).delete()))


def counts(comment):
    def read():
        fresh = Comment.objects.get(pk=comment.pk)
        votes = CommentVote.objects.filter(comment=fresh)
        return fresh.upvotes, fresh.downvotes, votes.filter(value=1).count(), votes.filter(value=-1).count()

    return committed(read)


def test_concurrent_votes_are_counted_exactly(committed_comment):
    comment, voters = committed_comment
    run_together([lambda voter=voter: vote(voter, Comment.objects.get(pk=comment.pk), 1) for voter in voters])
    assert counts(comment) == (12, 0, 12, 0)
    # Four of them switch to a down vote at the same moment as four others withdraw theirs.
    switch = [lambda voter=voter: vote(voter, Comment.objects.get(pk=comment.pk), -1) for voter in voters[:4]]
    withdraw = [lambda voter=voter: vote(voter, Comment.objects.get(pk=comment.pk), 1) for voter in voters[4:8]]
    run_together(switch + withdraw)
    assert counts(comment) == (4, 4, 4, 4)


def test_one_person_clicking_six_times_at_once_ends_where_they_started(committed_comment):
    comment, voters = committed_comment
    # Each click toggles the vote, one after the other: six clicks leave no vote.
    run_together([lambda: vote(voters[0], Comment.objects.get(pk=comment.pk), 1) for _ in range(6)])
    assert counts(comment) == (0, 0, 0, 0)
