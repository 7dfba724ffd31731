"""The moderators' queue in the Wagtail admin: who gets in, what they see, what they can do."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.html import escape

from participation.comments.models import Comment
from participation.moderation import services
from participation.moderation.models import BlockedUser, ModerationAction, Report

from tests.participation.comments.helpers import client_for, comment_on, make_user, new_comment_data

pytestmark = pytest.mark.django_db
QUEUE = "/admin/moderation/"
HISTORY = "/admin/moderation/history/"


def item_url(obj):
    return f"/admin/moderation/{ContentType.objects.get_for_model(obj).pk}/{obj.pk}/"


def report(user, obj, reason="spam", note=""):
    return services.report(user, obj, reason, note)


# Access


@pytest.mark.parametrize("role, allowed", [("anonymous", False), ("citizen", False), ("editor", False), ("moderator", True)])
def test_only_moderators_open_the_queue(client, editor_client, moderator, comment, role, allowed):
    clients = {"anonymous": client, "citizen": client_for(make_user("citizen")), "editor": editor_client, "moderator": client_for(moderator)}
    for url in (QUEUE, HISTORY, item_url(comment)):
        response = clients[role].get(url)
        if allowed:
            assert response.status_code == 200, url
        else:
            assert response.status_code in (302, 403), url
            if response.status_code == 302:
                assert "/admin/moderation" not in response["Location"].split("?")[0]
    post = clients[role].post(item_url(comment), {"action": "hide", "reason": "Try"})
    comment.refresh_from_db()
    assert (comment.hidden_at is not None) == allowed


def test_the_menu_item_shows_only_to_moderators(editor_client, moderator):
    # The sidebar is built from JSON in the page.
    assert '"/admin/moderation/"' not in editor_client.get("/admin/").content.decode()
    assert '"/admin/moderation/"' in client_for(moderator).get("/admin/").content.decode()


def test_the_moderators_group_has_exactly_what_it_needs():
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Moderators (participation)")
    granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    assert {"participation_moderation.moderate", "wagtailadmin.access_admin"} <= granted
    # Nothing that edits content (Wagtail's own migrations may add harmless "choose" rights).
    assert not [name for name in granted if name.split(".")[1].startswith(("add_", "change_", "delete_", "publish"))]
    assert not group.page_permissions.exists()


# What the queue shows


def test_the_queue_lists_reported_and_hidden_content_newest_first(moderator, topic, alice, bob, comment):
    hidden = comment_on(topic, bob, "Hidden earlier", hidden_at=timezone.now() - timezone.timedelta(days=1))
    comment_on(topic, bob, "Nobody reported me")
    report(bob, comment, "spam")
    report(make_user("carol"), comment, "offensive", "Selling watches")
    html = client_for(moderator).get(QUEUE).content.decode()
    assert "Buy cheap watches" in html and "Hidden earlier" in html and "Nobody reported me" not in html
    assert html.index("Buy cheap watches") < html.index("Hidden earlier")
    assert "Spam or advertising: 1" in html and "Offensive or abusive: 1" in html
    assert "Selling watches" in html and "alice" in html and escape(topic.get_parent().title) in html
    assert f'href="{topic.url}?comment={comment.pk}#comment-{comment.pk}"' in html
    only_hidden = client_for(moderator).get(QUEUE, {"status": "hidden"}).content.decode()
    assert "Hidden earlier" in only_hidden and "Buy cheap watches" not in only_hidden
    only_open = client_for(moderator).get(QUEUE, {"status": "open"}).content.decode()
    assert "Buy cheap watches" in only_open and "Hidden earlier" not in only_open
    assert hidden.pk


def test_the_queue_escapes_what_citizens_wrote(moderator, topic, alice, bob):
    evil = "<script>alert('xss')</script><img src=x onerror=alert(1)>"
    comment = Comment.objects.create(
        author=alice, dialogue=topic.get_parent(), content_type=ContentType.objects.get(app_label="wagtailcore", model="page"),
        object_id=topic.pk, body=evil,
    )
    report(bob, comment, "other", evil)
    client = client_for(moderator)
    for url in (QUEUE, item_url(comment)):
        html = client.get(url).content.decode()
        assert "<script>alert('xss')</script>" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in html


def test_the_queue_needs_a_fixed_number_of_queries(django_assert_max_num_queries, moderator, topic, alice, dialogue):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(moderator)
    reporters = [make_user(f"reporter{n}") for n in range(2)]
    counts = []
    for size in (3, 30):
        while Report.objects.values("object_id").distinct().count() < size:
            target = comment_on(topic, alice, f"Reported {Comment.objects.count()}")
            for reporter in reporters:
                report(reporter, target, "spam", "note")
        client.get(QUEUE)
        with django_assert_max_num_queries(20), CaptureQueriesContext(connection) as captured:
            response = client.get(QUEUE)
        counts.append(len(captured))
        assert response.content.decode().count("View on the site") == size
    assert counts[0] == counts[1]


# Actions


def act(client, obj, action, reason="Checked"):
    return client.post(item_url(obj), {"action": action, "reason": reason})


def test_hide_unhide_dismiss_and_block_are_logged(moderator, comment, bob, alice):
    client = client_for(moderator)
    report(bob, comment)
    assert act(client, comment, "hide", "Advertising").status_code == 302
    comment.refresh_from_db()
    assert comment.hidden_at is not None
    assert not Report.objects.open().exists()  # the decision closes the reports
    act(client, comment, "unhide", "It was a real shop")
    comment.refresh_from_db()
    assert comment.hidden_at is None
    report(make_user("carol"), comment)
    act(client, comment, "dismiss", "Fine")
    assert not Report.objects.open().exists()
    act(client, comment, "block", "Repeated advertising")
    assert BlockedUser.objects.get(user=alice).blocked_by == moderator
    logged = list(ModerationAction.objects.order_by("created_at", "pk").values_list("action", "moderator", "reason", "subject"))
    assert logged == [
        ("hide", moderator.pk, "Advertising", None),
        ("unhide", moderator.pk, "It was a real shop", None),
        ("dismiss", moderator.pk, "Fine", None),
        ("block", moderator.pk, "Repeated advertising", alice.pk),
    ]
    history = client.get(HISTORY).content.decode()
    for text in ("Advertising", "It was a real shop", "Repeated advertising", "Block the author", "Dismiss reports"):
        assert text in history


def test_every_action_needs_a_reason(moderator, comment):
    response = act(client_for(moderator), comment, "hide", "   ")
    assert response.status_code == 400 and "Give a reason" in response.content.decode()
    comment.refresh_from_db()
    assert comment.hidden_at is None and not ModerationAction.objects.exists()


def test_actions_that_make_no_sense_are_refused(moderator, comment):
    client = client_for(moderator)
    assert act(client, comment, "unhide").status_code == 400  # not hidden
    assert act(client, comment, "dismiss").status_code == 400  # no open reports
    assert act(client, comment, "explode").status_code == 400
    assert not ModerationAction.objects.exists()


def test_a_blocked_author_cannot_comment_until_unblocked(moderator, comment, alice, topic):
    client = client_for(moderator)
    act(client, comment, "block", "Spam")
    author = client_for(alice)
    response = author.post("/en/comments/new/", new_comment_data(topic, "Still here"))
    assert response.status_code == 403 and Comment.objects.count() == 1
    act(client, comment, "unblock", "Promised to stop")
    assert author.post("/en/comments/new/", new_comment_data(topic, "Back")).status_code == 302


@pytest.mark.parametrize("role", ["citizen", "editor"])
def test_services_refuse_people_who_are_not_moderators(comment, alice, role):
    from django.contrib.auth import get_user_model

    user = make_user("citizen") if role == "citizen" else get_user_model().objects.get(username="editor")
    for attempt in (
        lambda: services.hide(user, comment, "x"),
        lambda: services.unhide(user, comment, "x"),
        lambda: services.dismiss(user, comment, "x"),
        lambda: services.block(user, alice, "x"),
        lambda: services.unblock(user, alice, "x"),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert not ModerationAction.objects.exists()


def test_report_permission_matrix(comment, alice, moderator):
    import rules
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser

    editor = get_user_model().objects.get(username="editor")
    expected = {"anonymous": False, "citizen": True, "author": False, "moderator": True, "editor": True}
    people = {"anonymous": AnonymousUser(), "citizen": make_user("citizen"), "author": alice, "moderator": moderator, "editor": editor}
    assert {role: rules.has_perm("participation_moderation.report_content", user, comment) for role, user in people.items()} == expected
    assert {role: rules.has_perm("participation_moderation.use_queue", user) for role, user in people.items()} == {
        "anonymous": False, "citizen": False, "author": False, "moderator": True, "editor": False,
    }


@pytest.mark.parametrize("role", ["anonymous", "citizen", "editor"])
@pytest.mark.parametrize("action", ["hide", "unhide", "dismiss", "block", "unblock"])
def test_no_action_without_the_permission(client, editor_client, comment, bob, role, action):
    clients = {"anonymous": client, "citizen": client_for(make_user("citizen")), "editor": editor_client}
    report(bob, comment)
    if action in ("unhide",):
        Comment.objects.filter(pk=comment.pk).update(hidden_at=timezone.now())
    if action == "unblock":
        BlockedUser.objects.create(user=comment.author, reason="test")
    before = (Comment.objects.get(pk=comment.pk).hidden_at, BlockedUser.objects.count(), Report.objects.open().count())
    response = act(clients[role], comment, action)
    assert response.status_code in (302, 403)
    after = (Comment.objects.get(pk=comment.pk).hidden_at, BlockedUser.objects.count(), Report.objects.open().count())
    assert after == before and not ModerationAction.objects.exists()


def test_the_report_form_escapes_the_reported_text(topic, alice, bob):
    evil = "<script>alert('xss')</script>"
    comment = comment_on(topic, alice, "placeholder")
    Comment.objects.filter(pk=comment.pk).update(body=evil)
    html = client_for(bob).get(f"/en/moderation/report/{ContentType.objects.get_for_model(Comment).pk}/{comment.pk}/").content.decode()
    assert evil not in html and "&lt;script&gt;" in html
