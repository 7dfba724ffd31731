"""Comments in the Wagtail admin: a snippet listing with filters and search."""

import pytest
from django.utils import timezone

from .helpers import client_for, comment_on, make_user

pytestmark = pytest.mark.django_db
LIST = "/admin/snippets/participation_comments/comment/"


@pytest.fixture
def admin_client(db):
    return client_for(make_user("admin", is_superuser=True, is_staff=True))


def test_comments_are_listed_filtered_and_searched(admin_client, topic, alice):
    comment_on(topic, alice, "Visible words about privacy")
    comment_on(topic, alice, "Hidden words about spam", hidden_at=timezone.now())
    comment_on(topic, alice, "Deleted words", deleted_at=timezone.now())
    html = admin_client.get(LIST).content.decode()
    assert "Visible words about privacy" in html and "Hidden words about spam" in html
    hidden = admin_client.get(LIST, {"hidden": "true"}).content.decode()
    assert "Hidden words about spam" in hidden and "Visible words about privacy" not in hidden
    deleted = admin_client.get(LIST, {"deleted": "true"}).content.decode()
    assert "Comment deleted" in deleted and "Visible words about privacy" not in deleted
    dialogue = admin_client.get(LIST, {"dialogue": topic.get_parent().pk}).content.decode()
    assert "Visible words about privacy" in dialogue
    found = admin_client.get(LIST, {"q": "privacy"}).content.decode()
    assert "Visible words about privacy" in found and "Hidden words about spam" not in found


def test_the_listing_escapes_comment_text(admin_client, topic, alice):
    from participation.comments.models import Comment, target_content_type

    Comment.objects.create(author=alice, dialogue=topic.get_parent(), content_type_id=target_content_type(topic).pk, object_id=topic.pk, body="<script>alert('x')</script>")
    html = admin_client.get(LIST).content.decode()
    assert "<script>alert('x')</script>" not in html


def test_editors_without_the_permission_do_not_see_comments(editor_client):
    assert editor_client.get(LIST).status_code in (302, 403)
