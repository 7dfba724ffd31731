"""Posting, replying, editing, deleting and voting, with and without JavaScript."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client, override_settings
from django.utils import timezone

from participation.comments.models import Comment, CommentVote
from participation.comments.services import post_comment
from participation.core.signals import contribution_created
from participation.moderation.models import BlockedUser, ModerationAction

from .helpers import JSON, client_for, comment_on, make_user, new_comment_data

pytestmark = pytest.mark.django_db
NEW = "/en/comments/new/"


# Posting


def test_anonymous_visitors_are_asked_to_sign_in(client, topic):
    response = client.post(NEW, new_comment_data(topic, "Hello"))
    assert response.status_code == 302 and "login" in response["Location"]
    response = client.post(NEW, new_comment_data(topic, "Hello"), **JSON)
    assert response.status_code == 401 and "Sign in" in response.json()["error"]
    assert not Comment.objects.exists()


def test_posting_needs_the_csrf_token(topic, alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post(NEW, new_comment_data(topic, "Hello")).status_code == 403
    assert not Comment.objects.exists()


def test_get_is_not_allowed_on_post_endpoints(topic, alice):
    assert client_for(alice).get(NEW).status_code == 405


def test_the_signal_is_sent_after_commit(django_capture_on_commit_callbacks, topic, alice):
    received = []

    def listener(sender, instance, **kwargs):
        received.append((sender, instance.body))

    contribution_created.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            client_for(alice).post(NEW, new_comment_data(topic, "Signal me"))
        assert received == []  # nothing before the commit
        for callback in callbacks:
            callback()
    finally:
        contribution_created.disconnect(listener)
    assert received == [(Comment, "Signal me")]


@pytest.mark.parametrize(
    "body, message",
    [
        ("", "Write your comment before posting it."),
        ("   \n ", "Write your comment before posting it."),
        ("<script>alert(1)</script>", "nothing else was left"),
        ("x" * 2001, "Your comment is 2001 characters long; the limit is 2000."),
    ],
)
def test_bad_input_is_refused_and_the_text_kept(topic, alice, body, message):
    client = client_for(alice)
    response = client.post(NEW, new_comment_data(topic, body))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Your text is kept below" in html
    if body.strip():
        # The text comes back in the textarea, escaped.
        assert ("<script>" not in html.split('id="comment-body"')[1].split("</textarea>")[0])
        assert (body[:50].replace("<", "&lt;").replace(">", "&gt;")) in html
    assert not Comment.objects.exists()
    response = client.post(NEW, new_comment_data(topic, body), **JSON)
    assert response.status_code == 400 and message in response.json()["error"]


def test_markup_is_removed_and_the_person_told(topic, alice):
    client = client_for(alice)
    response = client.post(NEW, new_comment_data(topic, "I <b>really</b> agree<img src=x onerror=alert(1)>"), follow=True)
    assert Comment.objects.get().body == "I really agree"
    assert "Formatting and markup were removed" in response.content.decode()


def test_2000_characters_is_fine(topic, alice):
    client_for(alice).post(NEW, new_comment_data(topic, "y" * 2000))
    assert len(Comment.objects.get().body) == 2000


@pytest.mark.parametrize(
    "change",
    [
        {"object_id": 999999},
        {"content_type": 999999},
        {"content_type": "not-a-number"},
        {"object_id": ""},
    ],
)
def test_unknown_targets_are_refused_without_error(topic, alice, change):
    data = {**new_comment_data(topic, "Lost comment"), **change}
    client = client_for(alice)
    assert client.post(NEW, data).status_code == 404
    response = client.post(NEW, data, **JSON)
    assert response.status_code == 400 and response.json()["error"]
    assert not Comment.objects.exists()


def test_only_dialogue_pages_and_contributions_can_be_commented(home, alice, topic):
    client = client_for(alice)
    # A home page is not part of a dialogue.
    response = client.post(NEW, new_comment_data(home, "On the home page"), **JSON)
    assert response.status_code == 403 and response.json()["error"] == "Comments are closed here."
    # Any other model (here a person) is not a target at all.
    user_type = ContentType.objects.get_for_model(alice)
    response = client.post(NEW, {"content_type": user_type.pk, "object_id": alice.pk, "body": "Hi"}, **JSON)
    assert response.status_code == 400
    # A comment is answered with `parent`, not as a target.
    comment = comment_on(topic, alice, "Target me")
    comment_type = ContentType.objects.get_for_model(Comment)
    response = client.post(NEW, {"content_type": comment_type.pk, "object_id": comment.pk, "body": "Hi"}, **JSON)
    assert response.status_code == 400
    assert Comment.objects.count() == 1


def test_unpublished_pages_cannot_be_commented(topic, alice):
    topic.unpublish()
    response = client_for(alice).post(NEW, new_comment_data(topic, "Too late"), **JSON)
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_replies_must_stay_on_the_same_page(topic, alice, bob):
    sibling = topic.get_next_sibling().specific
    elsewhere = comment_on(sibling, alice, "Elsewhere")
    response = client_for(bob).post(NEW, new_comment_data(topic, "Wrong page", parent=elsewhere), **JSON)
    assert response.status_code == 400 and "no longer exists" in response.json()["error"]


def test_the_reply_form_never_quotes_a_comment_from_another_page(topic, alice, bob):
    """An empty reply re-displays the form with "In reply to …": only for a comment on the page
    replied on, or any comment's text (a restricted page's too) could be read through it."""
    sibling = topic.get_next_sibling().specific
    elsewhere = comment_on(sibling, alice, "Words from another page")
    html = client_for(bob).post(NEW, new_comment_data(topic, "", parent=elsewhere)).content.decode()
    assert "Words from another page" not in html


def test_no_replies_to_deleted_comments(topic, alice, bob):
    gone = comment_on(topic, alice, "Gone", deleted_at=timezone.now())
    response = client_for(bob).post(NEW, new_comment_data(topic, "Answer", parent=gone), **JSON)
    assert response.status_code == 403


def test_replying_with_javascript_returns_the_new_comment(topic, alice, bob):
    parent = comment_on(topic, alice, "Question?")
    response = client_for(bob).post(NEW, new_comment_data(topic, "Answer!", parent=parent), **JSON)
    assert response.status_code == 201
    body = response.json()
    reply = Comment.objects.get(body="Answer!")
    assert body["id"] == reply.pk and body["parent"] == parent.pk
    assert f'id="comment-{reply.pk}"' in body["html"] and "Answer!" in body["html"]
    assert 'name="csrfmiddlewaretoken"' in body["html"]  # its own reply form works
    assert body["heading"] == "2 comments" and body["message"] == "Your reply is posted."


def test_blocked_people_cannot_comment(topic, alice, moderator):
    BlockedUser.objects.create(user=alice, blocked_by=moderator, reason="spam")
    client = client_for(alice)
    response = client.post(NEW, new_comment_data(topic, "Let me in"))
    assert response.status_code == 403 and "blocked" in response.content.decode()
    assert client.post(NEW, new_comment_data(topic, "Let me in"), **JSON).status_code == 403
    assert not Comment.objects.exists()
    page = client.get(topic.url).content.decode()
    assert "you cannot post comments" in page and 'id="comment-body-new"' not in page


@override_settings(RATE_LIMITS={"comment": (2, 600)})
def test_posting_is_rate_limited_and_keeps_the_text(topic, alice):
    client = client_for(alice)
    for number in range(2):
        assert client.post(NEW, new_comment_data(topic, f"Comment {number}")).status_code == 302
    response = client.post(NEW, new_comment_data(topic, "One too many"))
    assert response.status_code == 429
    assert "Please wait" in response.content.decode() and "One too many" in response.content.decode()
    assert Comment.objects.count() == 2


def test_refusals_come_back_in_the_visitors_language(topic, alice):
    response = client_for(alice).post("/fr/comments/new/", new_comment_data(topic, ""))
    assert response.status_code == 400 and '<html lang="fr"' in response.content.decode()


# Editing


def test_the_author_edits_a_comment(topic, alice):
    comment = comment_on(topic, alice, "Frist")
    client = client_for(alice)
    form = client.get(f"/en/comments/{comment.pk}/edit/")
    assert form.status_code == 200 and ">Frist</textarea>" in form.content.decode()
    response = client.post(f"/en/comments/{comment.pk}/edit/", {"body": "First"})
    assert response.status_code == 302 and response["Location"].endswith(f"#comment-{comment.pk}")
    comment.refresh_from_db()
    assert comment.body == "First" and comment.edited_at is not None


def test_an_empty_edit_is_refused_and_the_text_kept(topic, alice):
    comment = comment_on(topic, alice, "Keep me")
    response = client_for(alice).post(f"/en/comments/{comment.pk}/edit/", {"body": "<p></p>"})
    assert response.status_code == 400 and "&lt;p&gt;&lt;/p&gt;</textarea>" in response.content.decode()
    comment.refresh_from_db()
    assert comment.body == "Keep me" and comment.edited_at is None


@pytest.mark.parametrize("who", ["other", "moderator"])
def test_only_the_author_edits(topic, alice, bob, moderator, who):
    comment = comment_on(topic, alice, "Mine")
    client = client_for(bob if who == "other" else moderator)
    assert client.get(f"/en/comments/{comment.pk}/edit/").status_code == 403
    assert client.post(f"/en/comments/{comment.pk}/edit/", {"body": "Yours"}).status_code == 403
    comment.refresh_from_db()
    assert comment.body == "Mine"


def test_hidden_comments_cannot_be_edited(topic, alice):
    comment = comment_on(topic, alice, "Hidden", hidden_at=timezone.now())
    assert client_for(alice).post(f"/en/comments/{comment.pk}/edit/", {"body": "Sneaky"}).status_code == 403


def test_unknown_comment_is_a_404(alice):
    assert client_for(alice).get("/en/comments/999999/edit/").status_code == 404
    assert client_for(alice).post("/en/comments/999999/vote/", {"value": "up"}, **JSON).status_code == 404


# Deleting


def test_the_author_deletes_after_confirming(topic, alice):
    comment = comment_on(topic, alice, "Oops")
    client = client_for(alice)
    confirm = client.get(f"/en/comments/{comment.pk}/delete/")
    assert confirm.status_code == 200 and "Delete this comment?" in confirm.content.decode()
    comment.refresh_from_db()
    assert comment.deleted_at is None  # GET only asks
    response = client.post(f"/en/comments/{comment.pk}/delete/")
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.deleted_at and comment.body == ""
    assert not ModerationAction.objects.exists()


def test_a_deleted_comment_leaves_its_authors_profile(client, topic, alice):
    comment_on(topic, alice, "Kept for everyone")
    gone = comment_on(topic, alice, "Said in haste")
    client_for(alice).post(f"/en/comments/{gone.pk}/delete/")
    profile = client.get(f"/en/accounts/people/{alice.participant.nickname}/").content.decode()
    assert "1 contribution<" in profile and "Kept for everyone" in profile
    assert "Comment deleted" not in profile


def test_a_moderator_deletes_with_a_reason_that_is_logged(topic, alice, moderator):
    comment = comment_on(topic, alice, "Personal data of a neighbour")
    client = client_for(moderator)
    response = client.post(f"/en/comments/{comment.pk}/delete/")
    assert response.status_code == 400 and "Give a reason" in response.content.decode()
    client.post(f"/en/comments/{comment.pk}/delete/", {"reason": "Personal data"})
    comment.refresh_from_db()
    assert comment.deleted_at
    action = ModerationAction.objects.get()
    assert (action.action, action.moderator, action.reason, action.object_id) == ("delete", moderator, "Personal data", comment.pk)


def test_a_moderators_reason_has_a_limit(topic, alice, moderator):
    comment = comment_on(topic, alice, "Off topic")
    response = client_for(moderator).post(f"/en/comments/{comment.pk}/delete/", {"reason": "x" * 1001})
    assert response.status_code == 400 and "at most 1000 characters" in response.content.decode()
    comment.refresh_from_db()
    assert comment.deleted_at is None and not ModerationAction.objects.exists()


def test_the_service_takes_a_position_only_where_the_target_offers_them(topic, alice):
    with pytest.raises(ValueError):
        post_comment(alice, topic, "For it", position="for")
    assert not Comment.objects.exists()


def test_others_cannot_delete(topic, alice, bob):
    comment = comment_on(topic, alice, "Stay")
    assert client_for(bob).post(f"/en/comments/{comment.pk}/delete/").status_code == 403
    comment.refresh_from_db()
    assert comment.deleted_at is None


# Voting


def vote(client, comment, value, **extra):
    return client.post(f"/en/comments/{comment.pk}/vote/", {"value": value}, **extra)


def test_vote_withdraw_and_switch(topic, alice, bob):
    comment = comment_on(topic, alice, "Vote")
    client = client_for(bob)
    response = vote(client, comment, "up")
    assert response.status_code == 302 and response["Location"].endswith(f"#comment-{comment.pk}")
    comment.refresh_from_db()
    assert (comment.upvotes, comment.downvotes) == (1, 0)
    assert vote(client, comment, "up", **JSON).json() == {
        "id": comment.pk, "upvotes": 0, "downvotes": 0, "vote": 0, "message": "Your vote is withdrawn."
    }
    vote(client, comment, "up")
    data = vote(client, comment, "down", **JSON).json()
    assert (data["upvotes"], data["downvotes"], data["vote"]) == (0, 1, -1)
    assert CommentVote.objects.get().value == -1


def test_votes_count_each_person_once(topic, alice):
    comment = comment_on(topic, alice, "Popular")
    voters = [make_user(f"voter{n}") for n in range(3)]
    for voter in voters:
        vote(client_for(voter), comment, "up")
    vote(client_for(voters[0]), comment, "down")
    comment.refresh_from_db()
    assert (comment.upvotes, comment.downvotes) == (2, 1)
    assert CommentVote.objects.filter(comment=comment).count() == 3


def test_no_vote_on_ones_own_comment(topic, alice):
    comment = comment_on(topic, alice, "Me")
    response = vote(client_for(alice), comment, "up", **JSON)
    assert response.status_code == 403 and response.json()["error"] == "You cannot vote on your own comment."
    comment.refresh_from_db()
    assert comment.upvotes == 0


def test_bad_vote_values_are_400(topic, alice, bob):
    comment = comment_on(topic, alice, "Me")
    response = vote(client_for(bob), comment, "sideways", **JSON)
    assert response.status_code == 400 and json.loads(response.content)["error"]
    assert vote(client_for(bob), comment, "sideways").status_code == 302  # back to the comment, with a message


def test_anonymous_votes_go_to_sign_in(client, topic, alice):
    comment = comment_on(topic, alice, "Me")
    assert vote(client, comment, "up").status_code == 302
    assert vote(client, comment, "up", **JSON).status_code == 401


def test_a_refused_reply_stays_a_reply(topic, alice, bob):
    parent = comment_on(topic, alice, "Question")
    client = client_for(bob)
    response = client.post(NEW, new_comment_data(topic, "", parent=parent))
    html = response.content.decode()
    assert response.status_code == 400
    assert f'<input type="hidden" name="parent" value="{parent.pk}">' in html and "In reply to alice" in html
    client.post(NEW, new_comment_data(topic, "Now with words", parent=parent))
    assert Comment.objects.get(body="Now with words").parent == parent


def test_replying_to_a_vanished_comment_is_refused_with_the_text_kept(topic, bob):
    response = client_for(bob).post(NEW, new_comment_data(topic, "My answer") | {"parent": 999999})
    assert response.status_code == 400
    assert "no longer exists" in response.content.decode() and "My answer" in response.content.decode()
