"""Who may post, edit, delete and vote: anonymous, citizen, author, moderator."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from participation.moderation.models import BlockedUser

from .helpers import comment_on

pytestmark = pytest.mark.django_db

#                      post   edit   delete vote
MATRIX = {
    "anonymous": (False, False, False, False),
    "citizen": (True, False, False, True),
    "author": (True, True, True, False),
    "moderator": (True, False, True, True),
}
PERMISSIONS = ("participation_comments.post_comment", "participation_comments.edit_comment", "participation_comments.remove_comment", "participation_comments.vote_comment")


@pytest.fixture
def people(alice, bob, moderator):
    return {"anonymous": AnonymousUser(), "citizen": bob, "author": alice, "moderator": moderator}


@pytest.mark.parametrize("role", MATRIX)
def test_permission_matrix(topic, alice, people, role):
    comment = comment_on(topic, alice, "Matrix")
    user = people[role]
    got = tuple(
        rules.has_perm(name, user) if name == "participation_comments.post_comment" else rules.has_perm(name, user, comment)
        for name in PERMISSIONS
    )
    assert got == MATRIX[role]


def test_nobody_edits_or_votes_on_a_deleted_or_hidden_comment(topic, alice, bob, moderator):
    deleted = comment_on(topic, alice, "Deleted", deleted_at=timezone.now())
    hidden = comment_on(topic, alice, "Hidden", hidden_at=timezone.now())
    for comment in (deleted, hidden):
        assert not rules.has_perm("participation_comments.edit_comment", alice, comment)
        assert not rules.has_perm("participation_comments.vote_comment", bob, comment)
    assert not rules.has_perm("participation_comments.remove_comment", moderator, deleted)
    assert rules.has_perm("participation_comments.remove_comment", moderator, hidden)


def test_blocked_authors_can_no_longer_post_or_edit(topic, alice, moderator):
    comment = comment_on(topic, alice, "Before the block")
    BlockedUser.objects.create(user=alice, blocked_by=moderator, reason="spam")
    alice = type(alice).objects.get(pk=alice.pk)  # a fresh request's user
    assert not rules.has_perm("participation_comments.post_comment", alice)
    assert not rules.has_perm("participation_comments.edit_comment", alice, comment)
    assert rules.has_perm("participation_comments.remove_comment", alice, comment)  # one may still take one's words back


def test_inactive_and_deleted_accounts_cannot_post(alice, bob):
    alice.is_active = False
    bob.participant.deleted_at = timezone.now()
    assert not rules.has_perm("participation_comments.post_comment", alice)
    assert not rules.has_perm("participation_comments.post_comment", bob)


def test_a_superuser_does_not_edit_someone_elses_words(topic, alice):
    from .helpers import make_user

    admin = make_user("admin", is_superuser=True, is_staff=True)
    comment = comment_on(topic, alice, "My words")
    assert not rules.has_perm("participation_comments.edit_comment", admin, comment)
    assert rules.has_perm("participation_comments.remove_comment", admin, comment)


def test_the_services_enforce_the_rules_whoever_calls(topic, alice, bob):
    """Views ask the rules what to offer; the services refuse anyway, so a script, the API or a
    later view cannot skip them."""
    from participation.comments import services
    from participation.moderation.services import block
    from tests.factories import make_moderator

    comment = comment_on(topic, alice, "Alice's words")
    for attempt in (
        lambda: services.edit_comment(bob, comment, "Bob's words now"),
        lambda: services.delete_comment(bob, comment),
        lambda: services.vote(alice, comment, 1),
    ):
        with pytest.raises(services.CommentError) as refusal:
            attempt()
        assert refusal.value.status == 403 and str(refusal.value.message)
    block(make_moderator(), bob, "Insults.")
    with pytest.raises(services.CommentError, match="blocked"):
        services.post_comment(bob, topic, "Still here")
    comment.refresh_from_db()
    assert comment.body == "Alice's words" and comment.upvotes == 0
