"""Reports arriving at the same moment hide a contribution exactly once (PostgreSQL row locks)."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from participation.comments.models import Comment, target_content_type
from participation.moderation import services
from participation.moderation.models import ModerationAction, Report

from tests.participation.comments.helpers import committed, make_user, run_together

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"),
]


@pytest.fixture
def reported(topic):
    """A comment and eight reporters, committed so every thread sees them; removed after."""
    tag = uuid.uuid4().hex[:8]

    def create():
        author = make_user(f"author-{tag}")
        comment = Comment.objects.create(
            author=author, dialogue_id=topic.get_parent().pk, content_type=target_content_type(topic), object_id=topic.pk, body="Spam?"
        )
        return comment, [make_user(f"reporter{n}-{tag}") for n in range(8)]

    comment, reporters = committed(create)
    yield comment, reporters

    def remove():
        ModerationAction.objects.filter(object_id=comment.pk).delete()
        Report.objects.filter(object_id=comment.pk).delete()
        Comment.objects.filter(pk=comment.pk).delete()
        get_user_model().objects.filter(participant__nickname__endswith=tag).delete()

    committed(remove)


def state(comment):
    def read():
        fresh = Comment.objects.get(pk=comment.pk)
        automatic = ModerationAction.objects.filter(object_id=comment.pk, moderator__isnull=True).count()
        return fresh.hidden_at is not None, Report.objects.filter(object_id=comment.pk).count(), automatic

    return committed(read)


def test_simultaneous_reports_hide_once(reported):
    comment, reporters = reported
    run_together([lambda user=user: services.report(user, Comment.objects.get(pk=comment.pk), "spam") for user in reporters])
    assert state(comment) == (True, 8, 1)


def test_the_same_person_reporting_twice_at_once_counts_once(reported):
    comment, reporters = reported

    def report_once_or_refused():
        try:
            services.report(reporters[0], Comment.objects.get(pk=comment.pk), "spam")
        except services.AlreadyReported:
            pass

    run_together([report_once_or_refused for _ in range(5)])
    assert state(comment) == (False, 1, 0)
