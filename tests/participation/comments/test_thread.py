"""What a reader sees under a topic briefing: the thread, its order, its placeholders."""

import re

import pytest
from django.utils import timezone

from participation.comments.models import Comment, target_content_type
from participation.comments.services import vote

from .helpers import client_for, comment_on, make_user, new_comment_data

pytestmark = pytest.mark.django_db


def thread_html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('id="comments"') :]


def order_of(html, *bodies):
    return sorted(bodies, key=html.index)


def test_anonymous_reader_sees_the_thread_and_a_sign_in_link(client, topic, alice):
    comment_on(topic, alice, "Who keeps the data?")
    html = thread_html(client, topic.url)
    assert "1 comment<" in html
    assert "Who keeps the data?" in html and "alice" in html
    assert "Sign in to comment" in html
    assert 'name="body"' not in html  # no form to post
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT', html)


def test_empty_thread_invites_the_first_comment(client, topic, alice):
    html = thread_html(client_for(alice), topic.url)
    assert "0 comments" in html and "No comments yet." in html
    assert 'id="comment-body-new"' in html and "Post comment" in html


def test_a_signed_in_citizen_posts_and_finds_the_comment_on_the_page(topic, alice):
    client = client_for(alice)
    response = client.post(
        "/en/comments/new/", {"content_type": target_content_type(topic).pk, "object_id": topic.pk, "body": "Data should stay in the country."}
    )
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{topic.url}?comment={comment.pk}#comment-{comment.pk}"
    page = client.get(response["Location"]).content.decode()
    assert "Your comment is posted." in page
    assert f'id="comment-{comment.pk}"' in page and "Data should stay in the country." in page
    assert comment.dialogue_id == topic.get_parent().pk
    assert comment.author == alice and comment.depth == 1


def test_replies_nest_three_levels_then_stay_at_the_third(topic, alice, bob):
    first = comment_on(topic, alice, "Level one")
    second = comment_on(topic, bob, "Level two", parent=first)
    third = comment_on(topic, alice, "Level three", parent=second)
    fourth = comment_on(topic, bob, "Answer to level three", parent=third)
    assert (first.depth, second.depth, third.depth) == (1, 2, 3)
    # A reply to a third-level comment joins that conversation at the third level.
    assert fourth.depth == 3 and fourth.parent_id == second.pk
    html = thread_html(client_for(alice), topic.url)
    assert html.count('class="comment-list comment-list--replies"') == 2
    assert 'class="comment comment--depth-3" id="comment-%d"' % fourth.pk in html
    # The deepest comments still offer a reply form (it joins the thread at level 3).
    assert f'id="comment-body-{third.pk}"' in html


def test_links_are_clickable_and_markup_is_shown_as_text(client, topic, alice):
    Comment.objects.create(
        author=alice,
        dialogue=topic.get_parent(),
        content_type_id=target_content_type(topic).pk,
        object_id=topic.pk,
        body='See https://example.org/report and <script>alert("x")</script><b>bold</b>',
    )
    html = thread_html(client, topic.url)
    assert '<a href="https://example.org/report" rel="nofollow ugc noopener">https://example.org/report</a>' in html
    assert "<script>alert" not in html and "<b>bold</b>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_sort_oldest_newest_and_best(client, topic, alice, bob):
    carol = make_user("carol")
    old = comment_on(topic, alice, "Oldest words")
    liked = comment_on(topic, bob, "Liked words")
    new = comment_on(topic, alice, "Newest words")
    vote(carol, liked, 1)
    vote(alice, liked, 1)
    vote(carol, new, -1)
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timezone.timedelta(hours=2))
    Comment.objects.filter(pk=liked.pk).update(created_at=timezone.now() - timezone.timedelta(hours=1))
    words = ("Oldest words", "Liked words", "Newest words")
    assert order_of(thread_html(client, topic.url), *words) == ["Oldest words", "Liked words", "Newest words"]
    assert order_of(thread_html(client, topic.url + "?comments=newest"), *words) == ["Newest words", "Liked words", "Oldest words"]
    best = thread_html(client, topic.url + "?comments=best")
    assert order_of(best, *words) == ["Liked words", "Oldest words", "Newest words"]
    # The switcher keeps the page's address and marks the current order.
    assert f'href="{topic.url}?comments=best#comments" aria-current="true"' in best
    assert f'href="{topic.url}?comments=newest#comments"' in best


def test_votes_show_counts_and_the_persons_own_vote(topic, alice, bob):
    comment = comment_on(topic, alice, "Vote on me")
    vote(bob, comment, 1)
    html = thread_html(client_for(bob), topic.url)
    assert 'value="up" class="comment__vote-button" aria-pressed="true"' in html
    assert '<span data-vote-count="up">1</span>' in html
    # The author sees the counts but no buttons on their own comment.
    own = thread_html(client_for(alice), topic.url)
    assert "comment__vote-button" not in own and "Up votes:</span> 1" in own


def test_edited_comments_say_so(client, topic, alice):
    comment_on(topic, alice, "Changed my mind", edited_at=timezone.now())
    assert 'class="comment__edited">edited<' in thread_html(client, topic.url)


def test_deleted_comment_leaves_a_placeholder_and_its_replies(client, topic, alice, bob):
    parent = comment_on(topic, alice, "Regrettable words")
    comment_on(topic, bob, "A reply that stays", parent=parent)
    client_for(alice).post(f"/en/comments/{parent.pk}/delete/")
    parent.refresh_from_db()
    assert parent.body == "" and parent.deleted_at
    html = thread_html(client, topic.url)
    assert "Comment deleted" in html and "Regrettable words" not in html
    assert "A reply that stays" in html
    assert "1 comment<" in html


def test_hidden_comment_leaves_a_placeholder_and_its_replies(client, topic, alice, bob):
    parent = comment_on(topic, alice, "Insulting words")
    comment_on(topic, bob, "Reply still visible", parent=parent)
    Comment.objects.filter(pk=parent.pk).update(hidden_at=timezone.now())
    html = thread_html(client, topic.url)
    assert "Hidden by moderation" in html and "Insulting words" not in html
    assert "Reply still visible" in html


def test_deleted_participants_are_named_as_such(client, topic, alice):
    comment_on(topic, alice, "Before I left")
    alice.delete()
    assert "Deleted participant" in thread_html(client, topic.url)


def test_a_report_link_leads_to_the_moderation_form(client, topic, alice, bob):
    comment = comment_on(topic, alice, "Report me")
    html = thread_html(client_for(bob), topic.url)
    link = re.search(rf'href="(/en/moderation/report/\d+/{comment.pk}/)"', html).group(1)
    assert client_for(bob).get(link).status_code == 200
    # Authors do not report themselves.
    assert "/moderation/report/" not in thread_html(client_for(alice), topic.url)


def test_ids_stay_unique_with_many_forms(topic, alice, bob):
    for number in range(4):
        parent = comment_on(topic, alice, f"Comment {number}")
        comment_on(topic, bob, f"Reply {number}", parent=parent)
    html = thread_html(client_for(bob), topic.url)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    for label_for in re.findall(r'<label for="([^"]+)"', html):
        assert label_for in ids


def test_positions_are_offered_only_where_the_target_asks(monkeypatch, topic, alice):
    from content.models import TopicPage

    client = client_for(alice)
    assert "Your position (optional)" not in thread_html(client, topic.url)
    client.post("/en/comments/new/", {"content_type": target_content_type(topic).pk, "object_id": topic.pk, "body": "No sides here", "position": "for"})
    assert Comment.objects.get(body="No sides here").position == ""

    monkeypatch.setattr(TopicPage, "comment_positions", True, raising=False)
    html = thread_html(client, topic.url)
    assert "Your position (optional)" in html
    assert all(f'id="comment-position-new-{value}"' in html for value in ("for", "against", "neutral"))
    client.post("/en/comments/new/", {"content_type": target_content_type(topic).pk, "object_id": topic.pk, "body": "I am against", "position": "against"})
    assert Comment.objects.get(body="I am against").position == "against"
    assert 'comment__position--against">Against<' in thread_html(client, topic.url)


def test_a_page_type_closes_its_threads_with_accepts_comments(monkeypatch, topic, alice):
    from content.models import TopicPage

    comment_on(topic, alice, "Said before closing")
    # A method, so a page type can decide per page (here: from the page's own title).
    monkeypatch.setattr(TopicPage, "accepts_comments", lambda page: "Archive" not in page.title, raising=False)
    client = client_for(alice)
    assert 'id="comment-body-new"' in thread_html(client, topic.url)

    topic.title = "Archive of the first round"
    topic.save_revision().publish()
    html = thread_html(client, topic.url)
    assert "Comments are closed." in html and 'name="body"' not in html
    assert "Said before closing" in html  # what was said stays readable
    response = client.post("/en/comments/new/", new_comment_data(topic, "Too late"))
    assert response.status_code == 403 and "Comments are closed here." in response.content.decode()
    assert not Comment.objects.filter(body="Too late").exists()


def test_thread_under_a_translation_is_its_own(client, topic, alice, locales):
    comment_on(topic, alice, "English thread only")
    french = topic.get_translation(locales["fr"])
    html = client.get(french.url).content.decode()
    assert "English thread only" not in html and 'id="comments"' in html
