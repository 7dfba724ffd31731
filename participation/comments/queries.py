"""Reads: a target's whole thread in one query, the person's votes in one more, the tree built
in Python. The number of queries does not grow with the number of comments."""

import rules
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from participation.core.models import Contribution

from .models import Comment, CommentVote, allows_positions, target_content_type

SORTS = ("oldest", "newest", "best")


def resolve_target(content_type_id, object_id):
    """The object named by a form's hidden fields, or None if it does not exist."""
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        return None
    if model is None:
        return None
    if issubclass(model, Page):
        return Page.objects.live().filter(pk=object_id).first()
    if issubclass(model, Contribution) and model is not Comment:
        return model._base_manager.filter(pk=object_id).first()
    return None


def decorate(comments, user, votes):
    """Attach what the templates need per comment: the person's vote and what they may do."""
    for comment in comments:
        comment.my_vote = votes.get(comment.pk, 0)
        comment.can_edit = rules.has_perm("comments.edit_comment", user, comment)
        comment.can_delete = rules.has_perm("comments.remove_comment", user, comment)
        comment.can_vote = rules.has_perm("comments.vote_comment", user, comment)
        comment.can_reply = rules.has_perm("comments.reply_comment", user, comment)
        comment.is_own = comment.author_id is not None and comment.author_id == getattr(user, "pk", None)
        comment.children = getattr(comment, "children", [])
    return comments


def _sort_key(sort):
    if sort == "newest":
        return lambda c: (-c.created_at.timestamp(), -c.pk)
    if sort == "best":
        return lambda c: (-(c.upvotes - c.downvotes), c.created_at, c.pk)
    return lambda c: (c.created_at, c.pk)


class Thread:
    def __init__(self, target, comments, roots, sort):
        self.target = target
        self.comments = comments
        self.roots = roots
        self.sort = sort
        self.count = sum(1 for c in comments if not c.deleted_at and not c.hidden_at)
        self.content_type_id = target_content_type(target).pk
        self.object_id = target.pk
        self.allow_positions = allows_positions(target)


def thread_for(target, user, sort="oldest"):
    """The target's thread: top-level comments in the chosen order, replies oldest first
    under their parent so each conversation reads in order."""
    if sort not in SORTS:
        sort = "oldest"
    comments = list(Comment.objects.for_target(target).select_related("author"))
    votes = {}
    if comments and user is not None and user.is_authenticated:
        votes = dict(
            CommentVote.objects.filter(
                user=user, comment__content_type=target_content_type(target), comment__object_id=target.pk
            ).values_list("comment_id", "value")
        )
    by_id = {}
    for comment in comments:
        comment.children = []
        by_id[comment.pk] = comment
    roots = []
    for comment in comments:  # ordered oldest first, so children lists are too
        parent = by_id.get(comment.parent_id)
        (parent.children if parent else roots).append(comment)
    roots.sort(key=_sort_key(sort))
    decorate(comments, user, votes)
    return Thread(target, comments, roots, sort)
