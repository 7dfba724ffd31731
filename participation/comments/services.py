"""Writes of the comments app. Input arrives validated by the forms (forms.py); the rules
(rules.py) are enforced here, whoever calls."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from participation.core.dialogues import dialogue_for
from participation.core.models import Contribution
from participation.core.rules import Refused
from participation.core.signals import contribution_created
from participation.moderation.services import log_deletion

from . import rules as comment_rules
from .models import MAX_DEPTH, Comment, CommentVote, allows_positions, target_class, target_content_type


class CommentError(Refused):
    def __init__(self, message, status=400):
        super().__init__(message, status)


def dialogue_of(target):
    if isinstance(target, Page):
        return dialogue_for(target)
    return getattr(target, "dialogue", None)


def is_commentable(target, check_dialogue=True):
    """Live pages under a dialogue, and contributions neither hidden nor deleted, unless the
    target closes its thread with `accepts_comments` (see `accepts_comments`).

    check_dialogue=False skips the ancestor lookup when a page template already placed the
    thread (it costs queries on every view); posting always checks it."""
    if target is None or isinstance(target, Comment) or not accepts_comments(target):
        return False
    if isinstance(target, Page):
        return target.live and (not check_dialogue or dialogue_for(target) is not None)
    if isinstance(target, Contribution):
        return target.hidden_at is None and getattr(target, "deleted_at", None) is None
    return False


def accepts_comments(target):
    """The target class's hook: `accepts_comments`, an attribute or a method (a proposal closes
    its thread once withdrawn). Absent: comments are accepted."""
    if getattr(target_class(target), "accepts_comments", None) is None:
        return True
    if isinstance(target, Page):
        # Posting resolves a plain Page: the hook is the page type's, and may read its fields.
        target = target.specific
    accepts = target.accepts_comments
    return bool(accepts() if callable(accepts) else accepts)


def post_comment(author, target, body, parent=None, position=""):
    """A new comment or reply. A reply to a comment at the deepest level (3) joins that comment's
    own thread at level 3, so the conversation goes on without nesting further."""
    comment_rules.RULES.check(author, "post_comment", error=CommentError)
    if not is_commentable(target):
        raise CommentError(_("Comments are closed here."), status=403)
    if parent is not None:
        if parent.content_type_id != target_content_type(target).pk or parent.object_id != target.pk:
            raise CommentError(_("You can only reply to a comment on the same page."))
        if parent.deleted_at or parent.hidden_at:
            raise CommentError(_("This comment can no longer receive replies."), status=403)
        if parent.depth >= MAX_DEPTH:
            parent = parent.parent
    if position and not allows_positions(target):
        raise ValueError("This target takes no positions: NewCommentForm leaves them out.")
    dialogue = dialogue_of(target)
    comment = Comment.objects.create(
        author=author,
        dialogue=dialogue,
        content_type=target_content_type(target),
        object_id=target.pk,
        parent=parent,
        depth=(parent.depth + 1) if parent else 1,
        body=body,
        position=position or "",
    )
    transaction.on_commit(lambda: contribution_created.send(sender=Comment, instance=comment))
    return comment


def edit_comment(user, comment, body, position=None):
    comment_rules.RULES.check(user, "edit_comment", comment, error=CommentError)
    comment.body = body
    if position is not None:
        comment.position = position
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "position", "edited_at"])
    return comment


def delete_comment(user, comment, reason=""):
    """Soft delete: the words go, the place in the thread (and the replies) stay.

    A moderator removing someone else's comment is logged in the moderation history."""
    comment_rules.RULES.check(user, "remove_comment", comment, error=CommentError)
    with transaction.atomic():
        comment.body = ""
        comment.position = ""
        comment.deleted_at = timezone.now()
        comment.save(update_fields=["body", "position", "deleted_at"])
        if comment.author_id != user.pk:
            log_deletion(user, comment, reason)
    return comment


def vote(user, comment, value):
    """Vote +1 or -1. The same value again withdraws the vote; the other value switches it.

    Returns (comment with fresh counts, the person's vote now: 1, -1 or 0). Exact under
    concurrency: the comment row is locked while the vote row and both counters change."""
    if value not in (1, -1):
        raise CommentError(_("Vote up or down."))
    comment_rules.RULES.check(user, "vote_comment", comment, error=CommentError)
    with transaction.atomic():
        list(Comment.objects.select_for_update().filter(pk=comment.pk).values_list("pk", flat=True))
        existing = CommentVote.objects.filter(user=user, comment_id=comment.pk).first()
        up = down = 0
        if existing is None:
            CommentVote.objects.create(user=user, comment_id=comment.pk, value=value)
            current = value
            up, down = (1, 0) if value == 1 else (0, 1)
        elif existing.value == value:
            existing.delete()
            current = 0
            up, down = (-1, 0) if value == 1 else (0, -1)
        else:
            existing.value = value
            existing.save(update_fields=["value", "created_at"])
            current = value
            up, down = (1, -1) if value == 1 else (-1, 1)
        Comment.objects.filter(pk=comment.pk).update(upvotes=F("upvotes") + up, downvotes=F("downvotes") + down)
        comment.upvotes, comment.downvotes = Comment.objects.filter(pk=comment.pk).values_list("upvotes", "downvotes").get()
    return comment, current
